/**
 * Civil (local, time-zone-free) dates as integer day numbers.
 *
 * A day number is the count of days since 1970-01-01 in the proleptic Gregorian calendar,
 * so `0` is 1970-01-01 and `-1` is 1969-12-31. All per-day tables of a calendar are indexed by
 * day number; conversions are O(1) arithmetic (no `Date` objects, no time zone).
 */
import { CalendarError, showValue } from './errors.js';

/** A civil date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A civil date as numbers (month 1–12). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
/**
 * Day number of a civil date.
 * @example dayNumberFromCivil(2026, 2, 17) // 20501
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Civil date of a day number.
 * @example civilFromDayNumber(20501) // { year: 2026, month: 2, day: 17 }
 */
export function civilFromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * ISO weekday (1 = Monday … 7 = Sunday) of a day number.
 * @example weekdayOfDayNumber(20501) // 2 (Tuesday 2026-02-17, Tết)
 */
export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `year` is a Gregorian leap year.
 * @example isLeapYear(2024) // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month (1–12) of a year.
 * @example daysInMonth(2026, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Parses `YYYY-MM-DD` strictly (real calendar date) to a day number.
 * @throws {CalendarError} `INVALID_DATE` naming the field and the value.
 * @example dayNumberFromIso('2026-02-17') // 20501
 */
export function dayNumberFromIso(text: IsoDate, field = 'date'): number {
  const m = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!m) {
    throw new CalendarError('INVALID_DATE', `${field}: expected a date YYYY-MM-DD, got ${showValue(text)}`, {
      field,
      value: text,
    });
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError('INVALID_DATE', `${field}: ${text} is not a calendar date`, { field, value: text });
  }
  return dayNumberFromCivil(year, month, day);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 * @example isoFromDayNumber(20501) // '2026-02-17'
 */
export function isoFromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
