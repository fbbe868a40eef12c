/**
 * Options of the Vietnam calendar and their up-front validation (fail fast, name the culprit).
 */
import { daysInMonth, dayNumberFromCivil, dayNumberFromIso, type IsoDate } from '../civil-date.js';
import { CalendarError, checkKnownKeys, showValue } from '../errors.js';
import type { SpecialDay, SpecialDayKind, TimeWindow, WeeklyWindows } from '../types.js';

/** A fixed solar-date holiday declared as data, e.g. 24/11 Ngày Văn hóa Việt Nam once enacted. */
export interface VietnamFixedHoliday {
  readonly month: number;
  readonly day: number;
  readonly name: string;
  /** The law or notice that creates it. */
  readonly source: string;
  /** First date it applies (inclusive). */
  readonly from: IsoDate;
  /** Last date it applies (inclusive); open-ended when absent. */
  readonly to?: IsoDate;
}

/** Options of {@link vietnamCalendar} and {@link vietnamHolidays}. */
export interface VietnamCalendarOptions {
  /** First date of the calendar. Default 2000-01-01; allowed 1995-01-01 … 2199-12-31. */
  readonly from?: IsoDate;
  /** Last date of the calendar. Default 2100-12-31; allowed 1995-01-01 … 2199-12-31. */
  readonly to?: IsoDate;
  /** IANA time zone. Default `Asia/Ho_Chi_Minh`. */
  readonly zone?: string;
  /** Office windows per weekday. Default Mon–Fri 08:00–12:00 and 13:00–17:00. */
  readonly weekly?: WeeklyWindows;
  /** Windows of make-up working days. Default: Monday's windows. */
  readonly standardWindows?: readonly TimeWindow[];
  /** Minutes in one working day. Default 480. */
  readonly workingDayMinutes?: number;
  /** More days off: a province's own days (`local`), a new notice's days. Not compensated. */
  readonly extraDaysOff?: readonly SpecialDay[];
  /** More worked days: a new notice's make-up Saturdays (`make-up-workday` or `custom`). */
  readonly extraWorkingDays?: readonly SpecialDay[];
  /**
   * Shipped or derived days off to drop (every day-off entry on that date), reported in `removed`.
   * Compensatory days are not recomputed: drop a weekend holiday's compensatory day explicitly.
   */
  readonly removeDaysOff?: readonly IsoDate[];
  /** New fixed solar holidays as data; they get the compensatory-day rule too. */
  readonly fixedHolidays?: readonly VietnamFixedHoliday[];
  /** A name for messages. Default "Vietnam (state agencies)". */
  readonly name?: string;
}

/** Allowed range of the Vietnam calendar: Labour Code 1994 came into force on 1995-01-01. */
export const VIETNAM_MIN_DATE = '1995-01-01';
/** Allowed range of the Vietnam calendar: the lunar computation ends in 2199. */
export const VIETNAM_MAX_DATE = '2199-12-31';
const MIN_YEAR = 1995;
const MAX_YEAR = 2199;

const DAY_OFF_KINDS: readonly SpecialDayKind[] = ['holiday', 'compensatory', 'swap-off', 'local', 'custom'];
const WORKING_KINDS: readonly SpecialDayKind[] = ['make-up-workday', 'custom'];

/** Every key of {@link VietnamCalendarOptions}: any other is refused, naming it. */
const VIETNAM_OPTION_KEYS: readonly (keyof VietnamCalendarOptions)[] = [
  'from',
  'to',
  'zone',
  'weekly',
  'standardWindows',
  'workingDayMinutes',
  'extraDaysOff',
  'extraWorkingDays',
  'removeDaysOff',
  'fixedHolidays',
  'name',
];
const SPECIAL_DAY_KEYS: readonly (keyof SpecialDay)[] = ['date', 'kind', 'name', 'source', 'provisional', 'windows'];

function invalid(field: string, value: unknown, message: string): CalendarError {
  return new CalendarError('INVALID_OPTIONS', `${field}: ${message}`, { field, value });
}

/**
 * Checks a year is an integer in 1995–2199.
 * @throws {CalendarError} `INVALID_OPTIONS` for a non-integer, `OUT_OF_RANGE` outside 1995–2199.
 * @example checkYear(2026, 'year') // 2026
 */
export function checkYear(year: unknown, field: string): number {
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    throw invalid(field, year, `expected an integer year, got ${showValue(year)}`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `${field}: ${year} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`,
      {
        field,
        value: year,
      },
    );
  }
  return year;
}

/**
 * Parses a date of the options and checks it lies in 1995-01-01 … 2199-12-31.
 * @throws {CalendarError} `INVALID_DATE` for a malformed date, `OUT_OF_RANGE` outside the range.
 * @example checkDate('2026-11-24', 'options.fixedHolidays[0].from') // day number of 2026-11-24
 */
export function checkDate(value: unknown, field: string): number {
  const day = dayNumberFromIso(value as IsoDate, field);
  if ((value as string) < VIETNAM_MIN_DATE || (value as string) > VIETNAM_MAX_DATE) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `${field}: ${value} is outside the supported range ${VIETNAM_MIN_DATE} .. ${VIETNAM_MAX_DATE}`,
      { field, value },
    );
  }
  return day;
}

function checkSpecialDays(list: unknown, field: string, kinds: readonly SpecialDayKind[]): readonly SpecialDay[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw invalid(field, list, `expected an array of special days, got ${showValue(list)}`);
  list.forEach((d: SpecialDay, i) => {
    const f = `${field}[${i}]`;
    if (typeof d !== 'object' || d === null) throw invalid(f, d, `expected { date, kind, name }, got ${showValue(d)}`);
    checkKnownKeys(d, SPECIAL_DAY_KEYS, f);
    checkDate(d.date, `${f}.date`);
    if (!kinds.includes(d.kind)) {
      throw invalid(`${f}.kind`, d.kind, `expected one of ${kinds.join(', ')}, got ${showValue(d.kind)}`);
    }
    if (typeof d.name !== 'string' || d.name.trim() === '') {
      throw invalid(`${f}.name`, d.name, `expected a non-empty name, got ${showValue(d.name)}`);
    }
  });
  return list;
}

function checkFixedHoliday(h: VietnamFixedHoliday, f: string): void {
  if (typeof h !== 'object' || h === null) throw invalid(f, h, `expected { month, day, name, source, from }`);
  checkKnownKeys(h, ['month', 'day', 'name', 'source', 'from', 'to'], f);
  if (!Number.isInteger(h.month) || h.month < 1 || h.month > 12) {
    throw invalid(`${f}.month`, h.month, `expected a month 1-12, got ${showValue(h.month)}`);
  }
  // 29/2 is accepted (it then applies in leap years only).
  if (!Number.isInteger(h.day) || h.day < 1 || h.day > daysInMonth(2000, h.month)) {
    throw invalid(`${f}.day`, h.day, `month ${h.month} has no day ${showValue(h.day)}`);
  }
  for (const key of ['name', 'source'] as const) {
    if (typeof h[key] !== 'string' || h[key].trim() === '') {
      throw invalid(`${f}.${key}`, h[key], `expected a non-empty string, got ${showValue(h[key])}`);
    }
  }
  const from = checkDate(h.from, `${f}.from`);
  if (h.to !== undefined && checkDate(h.to, `${f}.to`) < from) {
    throw invalid(`${f}.to`, h.to, `${h.to} is before from ${h.from}`);
  }
}

/** Options after validation, with the defaults of the date range applied. */
export interface CheckedVietnamOptions {
  readonly from: number;
  readonly to: number;
  readonly extraDaysOff: readonly SpecialDay[];
  readonly extraWorkingDays: readonly SpecialDay[];
  readonly removeDaysOff: ReadonlySet<IsoDate>;
  readonly fixedHolidays: readonly VietnamFixedHoliday[];
}

/**
 * Validates every Vietnam-specific option up front (the engine checks zone, windows and minutes).
 * @throws {CalendarError} naming the field and the offending value.
 * @example checkVietnamOptions({ from: '2025-01-01', to: '2026-12-31' }).from // day number of 2025-01-01
 */
export function checkVietnamOptions(options: VietnamCalendarOptions = {}): CheckedVietnamOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', options, `expected an options object, got ${showValue(options)}`);
  }
  checkKnownKeys(options, VIETNAM_OPTION_KEYS, 'options');
  const from = checkDate(options.from ?? '2000-01-01', 'options.from');
  const to = checkDate(options.to ?? '2100-12-31', 'options.to');
  if (to < from) throw invalid('options.to', options.to, `${options.to} is before options.from ${options.from}`);
  const remove = options.removeDaysOff ?? [];
  if (!Array.isArray(remove)) throw invalid('options.removeDaysOff', remove, 'expected an array of dates');
  remove.forEach((d, i) => {
    checkDate(d, `options.removeDaysOff[${i}]`);
  });
  const fixed = options.fixedHolidays ?? [];
  if (!Array.isArray(fixed)) throw invalid('options.fixedHolidays', fixed, 'expected an array of fixed holidays');
  fixed.forEach((h, i) => {
    checkFixedHoliday(h, `options.fixedHolidays[${i}]`);
  });
  return {
    from,
    to,
    extraDaysOff: checkSpecialDays(options.extraDaysOff, 'options.extraDaysOff', DAY_OFF_KINDS),
    extraWorkingDays: checkSpecialDays(options.extraWorkingDays, 'options.extraWorkingDays', WORKING_KINDS),
    removeDaysOff: new Set(remove),
    fixedHolidays: fixed,
  };
}

/**
 * The day numbers a fixed holiday falls on in one year (none, or one), within its validity.
 * @example fixedHolidayDay({ month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', source: '…', from: '2026-11-24' }, 2026)
 */
export function fixedHolidayDay(holiday: VietnamFixedHoliday, year: number): number | undefined {
  if (holiday.day > daysInMonth(year, holiday.month)) return undefined;
  const day = dayNumberFromCivil(year, holiday.month, holiday.day);
  if (day < dayNumberFromIso(holiday.from)) return undefined;
  if (holiday.to !== undefined && day > dayNumberFromIso(holiday.to)) return undefined;
  return day;
}
