/**
 * Working-time arithmetic on a {@link WorkCalendar}: is an instant working time, the next working
 * instant, working time between two instants, working days between two dates, and deadlines.
 * Every function is O(log n) in the calendar's windows and independent of the duration (DESIGN.md §3).
 */
import { dayNumberFromIso, type IsoDate, isoFromDayNumber } from './civil-date.js';
import { computeDueMs } from './deadline.js';
import { toEpochMs } from './instant.js';
import {
  beyondRange,
  dayIndexOfInstant,
  firstWindowEndingAfter,
  localDayNumber,
  requireWorkingTime,
  windowAtOrBeforeOnDay,
  workingMsBeforeWindow,
} from './timeline.js';
import type { DeadlineOptions, Duration, InstantInput } from './types.js';
import { fastDueMs, fastWorkingMs } from './fast-path.js';
import { internalsOf, outOfRange, tablesOrUndefined, type WorkCalendar } from './work-calendar.js';

const MS_PER_MINUTE = 60_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `at` falls inside an office window (windows are half-open: `[start, end)`).
 * @throws {CalendarError} `INVALID_INSTANT`, or `OUT_OF_RANGE` when `at`'s local date is outside the calendar.
 * @example isWorkingTime(calendar, '2026-02-13T12:00:00+07:00') // false: lunch break (window 08:00–12:00 is closed at 12:00)
 */
export function isWorkingTime(calendar: WorkCalendar, at: InstantInput): boolean {
  const t = toEpochMs(at, 'at');
  const internals = internalsOf(calendar);
  const k = windowAtOrBeforeOnDay(internals.tables, t, dayIndexOfInstant(calendar, internals, t, 'at'));
  return k >= 0 && t < internals.tables.winEnd[k]!;
}

/**
 * The first working instant at or after `at` (`at` itself when it is working time).
 * @throws {CalendarError} `OUT_OF_RANGE` when no working time is left in the calendar, `NO_WORKING_TIME` for an empty calendar.
 * @example nextWorkingInstant(calendar, '2026-02-13T12:30:00+07:00') // 2026-02-13T13:00:00+07:00 (06:00Z)
 */
export function nextWorkingInstant(calendar: WorkCalendar, at: InstantInput): Date {
  const t = toEpochMs(at, 'at');
  const internals = internalsOf(calendar);
  const { tables } = internals;
  dayIndexOfInstant(calendar, internals, t, 'at');
  requireWorkingTime(calendar, tables);
  const k = firstWindowEndingAfter(tables, t);
  if (k === tables.winCount) throw beyondRange(calendar, 'at', 'the next working instant');
  return new Date(Math.max(t, tables.winStart[k]!));
}

/**
 * Working minutes between two instants; negative when `to` is before `from`, fractional when the
 * instants are not on whole minutes.
 * @throws {CalendarError} `INVALID_INSTANT` or `OUT_OF_RANGE`.
 * @example workingTimeBetween(calendar, '2026-02-13T16:30:00+07:00', '2026-02-16T11:30:00+07:00') // 240
 */
export function workingTimeBetween(calendar: WorkCalendar, from: InstantInput, to: InstantInput): number {
  const a = toEpochMs(from, 'from');
  const b = toEpochMs(to, 'to');
  const internals = internalsOf(calendar);
  const { tables } = internals;
  const ka = windowAtOrBeforeOnDay(tables, a, dayIndexOfInstant(calendar, internals, a, 'from'));
  const kb = windowAtOrBeforeOnDay(tables, b, dayIndexOfInstant(calendar, internals, b, 'to'));
  return (workingMsBeforeWindow(tables, b, kb) - workingMsBeforeWindow(tables, a, ka)) / MS_PER_MINUTE;
}

/** Index (0 = validFrom) of a civil date or of an instant's local date; not yet checked against the range. */
function dayIndexOf(calendar: WorkCalendar, value: IsoDate | InstantInput, field: string): number {
  const { tables } = internalsOf(calendar);
  const dayNumber =
    typeof value === 'string' && ISO_DATE.test(value)
      ? dayNumberFromIso(value, field)
      : localDayNumber(tables, toEpochMs(value, field));
  return dayNumber - tables.firstDay;
}

function requireDayInRange(calendar: WorkCalendar, index: number, field: string): void {
  const { tables } = internalsOf(calendar);
  if (index < 0 || index >= tables.dayCount)
    throw outOfRange(calendar, field, isoFromDayNumber(tables.firstDay + index));
}

/**
 * Number of working days from `from` to `to`, both inclusive; 0 when `from` is after `to`. Each bound
 * is a civil date `YYYY-MM-DD` or an instant (its local date in the calendar's zone).
 * @throws {CalendarError} `INVALID_DATE`, `INVALID_INSTANT` or `OUT_OF_RANGE`.
 * @example countWorkingDays(calendar, '2026-02-09', '2026-02-15') // 5 in an ordinary week
 */
export function countWorkingDays(
  calendar: WorkCalendar,
  from: IsoDate | InstantInput,
  to: IsoDate | InstantInput,
): number {
  const a = dayIndexOf(calendar, from, 'from');
  const b = dayIndexOf(calendar, to, 'to');
  // An empty range has no working day, wherever it lies (e.g. [validTo + 1, validTo]).
  if (a > b) return 0;
  requireDayInRange(calendar, a, 'from');
  requireDayInRange(calendar, b, 'to');
  const { workingBefore } = internalsOf(calendar).tables;
  return workingBefore[b + 1]! - workingBefore[a]!;
}

/**
 * The due instant of `duration` started at `start`. Rule `working-time` (default): exact working
 * minutes from the next working instant; a result at a window's close stays there. Rule `civil-code`
 * (Civil Code 2015 art. 147–148): N whole working days end at the close of the N-th working day after
 * the start's date. `calendarDay` and `sameDay` durations follow the same rules under both.
 * @throws {CalendarError} `INVALID_INSTANT`, `INVALID_DURATION`, `OUT_OF_RANGE` or `NO_WORKING_TIME`.
 * @example
 * addWorkingTime(calendar, '2026-02-13T16:30:00+07:00', { amount: 4, unit: 'workingHour' })
 * // 2026-02-16T11:30:00+07:00: 30 min on Friday, 3 h 30 on Monday
 */
export function addWorkingTime(
  calendar: WorkCalendar,
  start: InstantInput,
  duration: Duration,
  options?: DeadlineOptions,
): Date {
  // Epoch numbers and Dates skip toEpochMs (the checked path still sees every other input).
  const t = typeof start === 'number' ? start : start instanceof Date ? start.getTime() : Number.NaN;
  const tables = tablesOrUndefined(calendar);
  if (tables !== undefined && !Number.isNaN(t)) {
    const ms = fastWorkingMs(duration, options, calendar.workingDayMinutes);
    if (ms > 0) {
      const due = fastDueMs(tables, t, ms);
      if (!Number.isNaN(due)) return new Date(due);
    }
  }
  return new Date(checkedDueMs(calendar, start, 'start', duration, options));
}

/** The checked path of both wrappers, out of line so that the fast path stays small. */
function checkedDueMs(
  calendar: WorkCalendar,
  start: InstantInput,
  field: string,
  duration: Duration,
  options: DeadlineOptions | undefined,
): number {
  return computeDueMs(calendar, toEpochMs(start, field), duration, options);
}

/**
 * {@link addWorkingTime} for hot loops (simulation, replay, bulk checks): the same rules and errors,
 * but the start is epoch milliseconds and so is the result, so no `Date` is allocated per call.
 * @throws {CalendarError} `INVALID_INSTANT`, `INVALID_DURATION`, `OUT_OF_RANGE` or `NO_WORKING_TIME`.
 * @example
 * addWorkingTimeMs(calendar, Date.parse('2026-02-13T09:30:00Z'), { amount: 3, unit: 'workingDay' })
 * // 1772011800000 (2026-02-25T16:30:00+07:00)
 */
export function addWorkingTimeMs(
  calendar: WorkCalendar,
  startMs: number,
  duration: Duration,
  options?: DeadlineOptions,
): number {
  const tables = tablesOrUndefined(calendar);
  if (tables !== undefined && typeof startMs === 'number') {
    const ms = fastWorkingMs(duration, options, calendar.workingDayMinutes);
    if (ms > 0) {
      const due = fastDueMs(tables, startMs, ms);
      if (!Number.isNaN(due)) return due;
    }
  }
  return checkedDueMs(calendar, startMs, 'startMs', duration, options);
}
