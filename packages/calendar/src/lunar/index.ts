/**
 * Âm lịch — the Vietnamese lunisolar calendar: conversions between solar (Gregorian) and lunar
 * dates, and the date of Tết. Computed from our own astronomy (`astronomy.ts`), never tabled.
 */
import {
  type CivilDate,
  civilFromDayNumber,
  dayNumberFromCivil,
  dayNumberFromIso,
  daysInMonth,
  type IsoDate,
  isoFromDayNumber,
} from '../civil-date.js';
import { CalendarError } from '../errors.js';
import { type LunarMonth, type LunarYearTable, lunarYearTable } from './lunisolar.js';
import { lunarZone } from './zone.js';

/**
 * A date of the Vietnamese lunar calendar. `year` is the Gregorian year in which that lunar year
 * begins (Tết); `leap` marks a day of the leap month (tháng nhuận).
 */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

/** Options of the lunar conversions. */
export interface LunarOptions {
  /**
   * Fixed offset from UTC, in hours, of the local time the calendar is computed in (8 gives the
   * Chinese calendar). Default: the Vietnamese rule, UTC+8 before 1968-01-01 and UTC+7 from then
   * (decree 121-CP of 8 Aug 1967; see `zone.ts` for the exact switching rule).
   */
  readonly utcOffsetHours?: number;
}

/** First supported day: lunar 1/1/1900. */
const FIRST_DAY = dayNumberFromCivil(1900, 1, 31);
/** Last supported day. */
const LAST_DAY = dayNumberFromCivil(2199, 12, 31);
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

function outOfRange(field: string, value: unknown, shown: string): CalendarError {
  return new CalendarError(
    'OUT_OF_RANGE',
    `${field}: ${shown} is outside the lunar calendar's range 1900-01-31 .. 2199-12-31`,
    { field, value },
  );
}

function invalid(field: string, value: unknown, message: string): CalendarError {
  return new CalendarError('INVALID_DATE', `${field}: ${message}`, { field, value });
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function dayNumberOfSolar(date: IsoDate | CivilDate): number {
  if (typeof date === 'string') return dayNumberFromIso(date, 'date');
  if (typeof date !== 'object' || date === null) {
    throw invalid('date', date, `expected YYYY-MM-DD or { year, month, day }, got ${JSON.stringify(date)}`);
  }
  const { year, month, day } = date;
  if (!isInteger(year)) throw invalid('date.year', year, `expected an integer year, got ${JSON.stringify(year)}`);
  if (!isInteger(month) || month < 1 || month > 12) {
    throw invalid('date.month', month, `expected a month 1-12, got ${JSON.stringify(month)}`);
  }
  if (!isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw invalid('date.day', day, `${year}-${month} has no day ${JSON.stringify(day)}`);
  }
  return dayNumberFromCivil(year, month, day);
}

function checkLunarYear(year: unknown, field: string): number {
  if (!isInteger(year)) throw invalid(field, year, `expected an integer year, got ${JSON.stringify(year)}`);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw outOfRange(field, year, `lunar year ${year}`);
  return year;
}

/** The month of a table holding a day number (the table's range must contain it). */
function monthOfDay(table: LunarYearTable, day: number): LunarMonth {
  let found = table.months[0]!;
  for (const month of table.months) {
    if (month.start > day) break;
    found = month;
  }
  return found;
}

/**
 * Converts a solar (Gregorian) date to the Vietnamese lunar date.
 * @throws {CalendarError} `INVALID_DATE` for a malformed or impossible date, `OUT_OF_RANGE` outside
 *   1900-01-31 .. 2199-12-31, `INVALID_OPTIONS` for a bad `utcOffsetHours`.
 * @example
 * solarToLunar('2026-02-17') // { year: 2026, month: 1, day: 1, leap: false } — Tết Bính Ngọ
 * solarToLunar('2030-02-02', { utcOffsetHours: 8 }) // { year: 2029, month: 12, day: 30, leap: false }
 */
export function solarToLunar(date: IsoDate | CivilDate, options: LunarOptions = {}): LunarDate {
  const zone = lunarZone(options.utcOffsetHours);
  const day = dayNumberOfSolar(date);
  if (day < FIRST_DAY || day > LAST_DAY) {
    throw outOfRange('date', date, isoFromDayNumber(day));
  }
  const gregorianYear = civilFromDayNumber(day).year;
  let table = lunarYearTable(gregorianYear, zone);
  // Before Tết the day still belongs to the lunar year that began in the previous Gregorian year.
  if (day < table.start) table = lunarYearTable(gregorianYear - 1, zone);
  const month = monthOfDay(table, day);
  return { year: table.year, month: month.month, day: day - month.start + 1, leap: month.leap };
}

/**
 * Converts a Vietnamese lunar date to its solar (Gregorian) date.
 * @throws {CalendarError} `INVALID_DATE` naming the field when the month, day or leap month does not
 *   exist in that lunar year (e.g. day 30 of a 29-day month, leap month 4 of 2024), `OUT_OF_RANGE`
 *   outside 1900-01-31 .. 2199-12-31, `INVALID_OPTIONS` for a bad `utcOffsetHours`.
 * @example
 * lunarToSolar({ year: 2026, month: 3, day: 10, leap: false }) // '2026-04-26' — Giỗ Tổ Hùng Vương
 * lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })   // '2025-07-25' — first day of leap month 6
 */
export function lunarToSolar(lunar: LunarDate, options: LunarOptions = {}): IsoDate {
  const zone = lunarZone(options.utcOffsetHours);
  if (typeof lunar !== 'object' || lunar === null) {
    throw invalid('lunar', lunar, `expected { year, month, day, leap }, got ${JSON.stringify(lunar)}`);
  }
  const year = checkLunarYear(lunar.year, 'lunar.year');
  const { month, day, leap } = lunar;
  if (!isInteger(month) || month < 1 || month > 12) {
    throw invalid('lunar.month', month, `expected a lunar month 1-12, got ${JSON.stringify(month)}`);
  }
  if (!isInteger(day) || day < 1 || day > 30) {
    throw invalid('lunar.day', day, `expected a lunar day 1-30, got ${JSON.stringify(day)}`);
  }
  if (typeof leap !== 'boolean') {
    throw invalid('lunar.leap', leap, `expected true or false, got ${JSON.stringify(leap)}`);
  }
  const table = lunarYearTable(year, zone);
  const found = table.months.find((m) => m.month === month && m.leap === leap);
  if (!found) {
    const has = table.leapMonth === 0 ? 'no leap month' : `leap month ${table.leapMonth} only`;
    throw invalid('lunar.leap', leap, `lunar year ${year} has ${has}, not leap month ${month}`);
  }
  if (day > found.length) {
    const name = `${leap ? 'leap ' : ''}month ${month} of lunar year ${year}`;
    throw invalid('lunar.day', day, `${name} has ${found.length} days, got day ${day}`);
  }
  const result = found.start + day - 1;
  if (result < FIRST_DAY || result > LAST_DAY) {
    throw outOfRange(
      'lunar',
      lunar,
      `lunar ${day}/${month}${leap ? ' (leap)' : ''}/${year} = ${isoFromDayNumber(result)}`,
    );
  }
  return isoFromDayNumber(result);
}

/**
 * Tết Nguyên Đán — the solar date of lunar 1/1 of a lunar year.
 * @throws {CalendarError} `INVALID_DATE` for a non-integer year, `OUT_OF_RANGE` outside 1900–2199,
 *   `INVALID_OPTIONS` for a bad `utcOffsetHours`.
 * @example
 * lunarNewYear(2030)                        // '2030-02-02' in Vietnam
 * lunarNewYear(2030, { utcOffsetHours: 8 }) // '2030-02-03', the Chinese New Year
 */
export function lunarNewYear(year: number, options: LunarOptions = {}): IsoDate {
  const zone = lunarZone(options.utcOffsetHours);
  return isoFromDayNumber(lunarYearTable(checkLunarYear(year, 'year'), zone).start);
}
