/**
 * `WorkCalendar`: a time zone, weekly office windows, days off and worked days over a validity range,
 * with the tables the arithmetic needs precomputed once (DESIGN.md §3).
 */
import { dayNumberFromIso, type IsoDate, weekdayOfDayNumber } from './civil-date.js';
import {
  type NormalizedWorkCalendarOptions,
  type ParsedCalendarOptions,
  parseCalendarOptions,
} from './calendar-options.js';
import { buildTables, type CalendarTables } from './day-tables.js';
import { CalendarError } from './errors.js';
import type { DayInfo, SpecialDay, TimeWindow, WorkCalendarOptions } from './types.js';

export type { NormalizedWorkCalendarOptions } from './calendar-options.js';

/**
 * A working-time calendar (lịch làm việc). Immutable; build it with {@link createWorkCalendar} and
 * pass it to the arithmetic functions. `options` holds the normalised options with every default
 * filled in, so `createWorkCalendar(calendar.options)` rebuilds the same calendar.
 */
export interface WorkCalendar {
  readonly name: string;
  readonly zone: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate;
  readonly workingDayMinutes: number;
  readonly options: NormalizedWorkCalendarOptions;
}

/** Everything private a calendar carries. */
export interface CalendarInternals {
  readonly tables: CalendarTables;
  readonly parsed: ParsedCalendarOptions;
  /** daysOff and extraWorkingDays merged, sorted by date, with their day numbers. */
  readonly specials: readonly SpecialDay[];
  readonly specialDayNumbers: Int32Array;
}

// Private tables hang off a non-enumerable property keyed by an unexported symbol: users see a
// plain shape (spreading or serialising a calendar drops them), and the hot path reads them with
// one property load rather than a WeakMap lookup.
const INTERNALS: unique symbol = Symbol('@tthc/calendar internals');
interface CalendarWithInternals extends WorkCalendar {
  readonly [INTERNALS]?: CalendarInternals;
}

/**
 * Builds a calendar. Defaults: zone `Asia/Ho_Chi_Minh`; Monday–Friday 08:00–12:00 and 13:00–17:00
 * (Decision 188/1999/QĐ-TTg: 8 h a day, 40 h a week); make-up days use Monday's windows; a working
 * day is 480 minutes. Construction precomputes every window of the range (a century takes a few ms).
 * @throws {CalendarError} `INVALID_OPTIONS` naming the field path (e.g. `weekly.1[0].start`) and value.
 * @example
 * const calendar = createWorkCalendar({
 *   validFrom: '2026-01-01',
 *   validTo: '2026-12-31',
 *   daysOff: [{ date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng', source: 'Labour Code 2019 art. 112' }],
 * });
 */
export function createWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  const parsed = parseCalendarOptions(options);
  const tables = buildTables(parsed);
  const entries = [
    ...parsed.options.daysOff.map((day, k) => ({ day, k })),
    ...parsed.options.extraWorkingDays.map((day, k) => ({ day, k: k + parsed.options.daysOff.length })),
  ].sort((a, b) => (a.day.date < b.day.date ? -1 : a.day.date > b.day.date ? 1 : a.k - b.k));
  const specials = Object.freeze(entries.map((e) => e.day));
  const { options: normalized } = parsed;
  const calendar: WorkCalendar = {
    name: normalized.name,
    zone: normalized.zone,
    validFrom: normalized.validFrom,
    validTo: normalized.validTo,
    workingDayMinutes: normalized.workingDayMinutes,
    options: normalized,
  };
  const specialDayNumbers = Int32Array.from(specials, (d) => dayNumberFromIso(d.date));
  const internals: CalendarInternals = { tables, parsed, specials, specialDayNumbers };
  Object.defineProperty(calendar, INTERNALS, { value: internals, enumerable: false });
  return Object.freeze(calendar);
}

/**
 * The private tables of a calendar made by {@link createWorkCalendar}.
 * @throws {CalendarError} `INVALID_OPTIONS` when `calendar` was not made by `createWorkCalendar`.
 * @example internalsOf(createWorkCalendar({ validFrom: '2026-01-01', validTo: '2026-01-31' })).tables.dayCount // 31
 */
export function internalsOf(calendar: WorkCalendar): CalendarInternals {
  const internals = (calendar as CalendarWithInternals | null | undefined)?.[INTERNALS];
  if (internals === undefined) {
    throw new CalendarError('INVALID_OPTIONS', 'calendar: expected a WorkCalendar made by createWorkCalendar()', {
      field: 'calendar',
      value: calendar,
    });
  }
  return internals;
}

/**
 * The tables of a calendar, or `undefined` when `calendar` is not one (no error: the hot path falls
 * back to the checked path, which throws in the documented order).
 * @example tablesOrUndefined(vietnamCalendar())?.dayCount
 */
export function tablesOrUndefined(calendar: WorkCalendar): CalendarTables | undefined {
  return (calendar as CalendarWithInternals | null | undefined)?.[INTERNALS]?.tables;
}

/**
 * Day number of a civil date inside the calendar's range.
 * @throws {CalendarError} `INVALID_DATE` for a malformed date, `OUT_OF_RANGE` outside the range.
 * @example dayInRange(calendar, '2026-02-17', 'date') // 20501
 */
export function dayInRange(calendar: WorkCalendar, date: IsoDate, field: string): number {
  const { parsed } = internalsOf(calendar);
  const dayNumber = dayNumberFromIso(date, field);
  if (dayNumber < parsed.firstDay || dayNumber > parsed.lastDay) throw outOfRange(calendar, field, date);
  return dayNumber;
}

/**
 * The error for a date the calendar does not cover (DESIGN.md §3: refuse, never extrapolate).
 * @example throw outOfRange(calendar, 'start', '2031-01-02')
 */
export function outOfRange(calendar: WorkCalendar, field: string, date: IsoDate): CalendarError {
  return new CalendarError(
    'OUT_OF_RANGE',
    `${field}: ${date} is outside the range of calendar "${calendar.name}" (${calendar.validFrom}..${calendar.validTo})`,
    { field, value: date, validFrom: calendar.validFrom, validTo: calendar.validTo },
  );
}

function windowsOfDay(parsed: ParsedCalendarOptions, dayNumber: number): readonly TimeWindow[] {
  if (parsed.offByDay.has(dayNumber)) return [];
  const extra = parsed.extraByDay.get(dayNumber);
  if (extra) return extra.day.windows ?? parsed.options.standardWindows;
  return parsed.options.weekly[weekdayOfDayNumber(dayNumber)] ?? [];
}

/**
 * What the calendar knows about one date: weekday, windows, and the special-day entries behind it.
 * `working` is true when the date has working time (a window wholly inside a daylight-saving gap has none).
 * @throws {CalendarError} `INVALID_DATE` or `OUT_OF_RANGE`.
 * @example describeDay(calendar, '2026-04-30') // { working: false, special: [{ kind: 'holiday', … }], … }
 */
export function describeDay(calendar: WorkCalendar, date: IsoDate): DayInfo {
  const dayNumber = dayInRange(calendar, date, 'date');
  const { parsed, tables } = internalsOf(calendar);
  const special = [...(parsed.offByDay.get(dayNumber) ?? [])];
  const extra = parsed.extraByDay.get(dayNumber);
  if (extra) special.push(extra.day);
  return Object.freeze({
    date,
    weekday: weekdayOfDayNumber(dayNumber),
    working: !Number.isNaN(tables.dayOpen[dayNumber - parsed.firstDay]!),
    windows: windowsOfDay(parsed, dayNumber),
    special: Object.freeze(special),
  });
}

function lowerBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The special days (days off and worked days) between `from` and `to` inclusive, sorted by date;
 * both bounds default to the calendar's range.
 * @throws {CalendarError} `INVALID_DATE` or `OUT_OF_RANGE` for a bad bound.
 * @example specialDays(calendar, '2026-02-01', '2026-02-28').map((d) => d.date)
 */
export function specialDays(calendar: WorkCalendar, from?: IsoDate, to?: IsoDate): SpecialDay[] {
  const { parsed, specials, specialDayNumbers } = internalsOf(calendar);
  const lo = from === undefined ? parsed.firstDay : dayInRange(calendar, from, 'from');
  const hi = to === undefined ? parsed.lastDay : dayInRange(calendar, to, 'to');
  return specials.slice(lowerBound(specialDayNumbers, lo), lowerBound(specialDayNumbers, hi + 1));
}
