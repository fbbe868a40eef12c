/**
 * The one deadline computation behind `addWorkingTime` and `explainDeadline` (private to the engine).
 *
 * Rules (DESIGN.md §3, DOMAIN.md §2):
 * - `working-time` (one-stop software): working minutes/hours/days are exact working minutes counted
 *   from the next working instant; one working day = `workingDayMinutes`.
 * - `civil-code` (Civil Code 2015 art. 147–148): whole working days end at the close of the N-th working
 *   day after the day of the event.
 * - `calendarDay` (plain "ngày", either rule), `calendarMonth` ("06 tháng", art. 148(1)(c), see
 *   months.ts) and `sameDay` ("Trong ngày", with an optional cut-off).
 */
import { isoFromDayNumber } from './civil-date.js';
import { MS_PER_DAY, MS_PER_MINUTE } from './day-tables.js';
import { CalendarError } from './errors.js';
import { fastDueMs, fastWorkingMs } from './fast-path.js';
import { monthPeriodLastDay } from './months.js';
import { minutesOfTime } from './time-of-day.js';
import {
  beyondRange,
  dayIndexOfInstant,
  requireWorkingTime,
  windowAtOrBeforeOnDay,
  windowReaching,
  workingMsBeforeWindow,
} from './timeline.js';
import type { CountingRule, DeadlineOptions, Duration } from './types.js';
import { type CalendarInternals, internalsOf, tablesOrUndefined, type WorkCalendar } from './work-calendar.js';
import { offsetAt } from './zone-offsets.js';

/** A computed deadline: due instant, the instant counting started, and the start's local day index. */
export interface DeadlineResult {
  readonly dueMs: number;
  readonly countingFromMs: number;
  readonly rule: CountingRule;
  readonly startDay: number;
}

const UNITS = ['workingMinute', 'workingHour', 'workingDay', 'calendarDay', 'calendarMonth', 'sameDay'];

function isUnit(unit: unknown): boolean {
  return (
    unit === 'workingDay' ||
    unit === 'workingHour' ||
    unit === 'workingMinute' ||
    unit === 'calendarDay' ||
    unit === 'calendarMonth' ||
    unit === 'sameDay'
  );
}

function invalidDuration(field: string, message: string, value: unknown): CalendarError {
  return new CalendarError('INVALID_DURATION', `${field}: ${message}`, { field, value });
}

function checkDuration(duration: Duration): void {
  if (typeof duration !== 'object' || duration === null) {
    throw invalidDuration('duration', `expected { amount, unit }, got ${String(duration)}`, duration);
  }
  const { amount, unit, cutoff } = duration;
  if (!isUnit(unit)) {
    throw invalidDuration('duration.unit', `expected one of ${UNITS.join(', ')}, got ${JSON.stringify(unit)}`, unit);
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw invalidDuration('duration.amount', `expected a finite number ≥ 0, got ${String(amount)}`, amount);
  }
  if ((unit === 'calendarDay' || unit === 'calendarMonth') && !Number.isInteger(amount)) {
    throw invalidDuration(
      'duration.amount',
      `a period in calendar days or months must be whole, got ${amount}`,
      amount,
    );
  }
  if (cutoff !== undefined && (minutesOfTime(cutoff) === undefined || unit !== 'sameDay')) {
    throw invalidDuration(
      'duration.cutoff',
      `expected a time HH:mm on a sameDay duration, got ${JSON.stringify(cutoff)}`,
      cutoff,
    );
  }
}

function readRule(options: DeadlineOptions | undefined): CountingRule {
  const rule = options?.rule ?? 'working-time';
  if (rule !== 'working-time' && rule !== 'civil-code') {
    throw new CalendarError(
      'INVALID_OPTIONS',
      `options.rule: expected 'working-time' or 'civil-code', got ${JSON.stringify(rule)}`,
      {
        field: 'options.rule',
        value: rule,
      },
    );
  }
  return rule;
}

/** Working minutes of a counted duration; `undefined` for units that are not an amount of working time. */
function workingMinutes(duration: Duration, workingDayMinutes: number): number | undefined {
  if (duration.notCounted) return 0; // "Không tính thời gian": the step takes no budget.
  switch (duration.unit) {
    case 'workingMinute':
      return duration.amount;
    case 'workingHour':
      return duration.amount * 60;
    case 'workingDay':
      return duration.amount * workingDayMinutes;
    default:
      return undefined;
  }
}

// Every branch builds its result here, so the hot path allocates one object of one shape.
function result(dueMs: number, countingFromMs: number, rule: CountingRule, startDay: number): DeadlineResult {
  return { dueMs, countingFromMs, rule, startDay };
}

/** Working-time rule: `ms` working milliseconds counted from the next working instant after `start`. */
function addWorkingMs(
  calendar: WorkCalendar,
  internals: CalendarInternals,
  start: number,
  ms: number,
  rule: CountingRule,
): DeadlineResult {
  const { tables } = internals;
  const startDay = dayIndexOfInstant(calendar, internals, start, 'start');
  // One lookup gives both the working time elapsed before `start` and where counting begins.
  const k0 = windowAtOrBeforeOnDay(tables, start, startDay);
  const inside = k0 >= 0 && start < tables.winEnd[k0]!;
  if (!inside && k0 + 1 >= tables.winCount) throw beyondRange(calendar, 'start', 'the next working instant');
  const countingFromMs = inside ? start : tables.winStart[k0 + 1]!;
  // Duration 0: the due instant is the next working instant itself.
  if (ms === 0) return result(countingFromMs, countingFromMs, rule, startDay);
  const target = workingMsBeforeWindow(tables, start, k0) + ms;
  if (target > tables.cum[tables.winCount]!) throw beyondRange(calendar, 'due', 'the due instant');
  const k = windowReaching(tables, target);
  return result(tables.winStart[k]! + (target - tables.cum[k]!), countingFromMs, rule, startDay);
}

/** Index of the n-th working day (n ≥ 1) strictly after day index `day` (`day` may be −1). */
function nthWorkingDayAfter(calendar: WorkCalendar, internals: CalendarInternals, day: number, n: number): number {
  const { workingBefore, workingDays } = internals.tables;
  const rank = workingBefore[day + 1]! + n - 1;
  if (rank >= workingDays.length) throw beyondRange(calendar, 'due', 'the last day of the period');
  return workingDays[rank]!;
}

/** sameDay ("Trong ngày"): done by today's close if received on a working day before the cut-off. */
function sameDayDeadline(
  calendar: WorkCalendar,
  internals: CalendarInternals,
  start: number,
  cutoff: number,
  rule: CountingRule,
): DeadlineResult {
  const { tables } = internals;
  const startDay = dayIndexOfInstant(calendar, internals, start, 'start');
  const sinceMidnight = start + offsetAt(tables.offsets, start) - (tables.firstDay + startDay) * MS_PER_DAY;
  // NaN close (a day off) fails the comparison, as it should.
  if (start < tables.dayClose[startDay]! && sinceMidnight < cutoff * MS_PER_MINUTE) {
    // start is before today's close, so a window holds it or opens later today.
    const k0 = windowAtOrBeforeOnDay(tables, start, startDay);
    const countingFromMs = k0 >= 0 && start < tables.winEnd[k0]! ? start : tables.winStart[k0 + 1]!;
    return result(tables.dayClose[startDay]!, countingFromMs, rule, startDay);
  }
  // Received after the cut-off, after the close or on a day off: returned by the close of the next
  // working day (civil status, Law on Civil Status 2014; the cut-off, e.g. 15:00, is per procedure).
  const due = nthWorkingDayAfter(calendar, internals, startDay, 1);
  return result(tables.dayClose[due]!, tables.dayOpen[due]!, rule, startDay);
}

/** Civil Code 2015 art. 147(2)–148(1): the day of the event is not counted; the period ends at the close of the N-th working day. */
function workingDaysDeadline(
  calendar: WorkCalendar,
  internals: CalendarInternals,
  start: number,
  n: number,
  rule: CountingRule,
): DeadlineResult {
  const { tables } = internals;
  const startDay = dayIndexOfInstant(calendar, internals, start, 'start');
  const due = nthWorkingDayAfter(calendar, internals, startDay, n);
  const first = nthWorkingDayAfter(calendar, internals, startDay, 1);
  return result(tables.dayClose[due]!, tables.dayOpen[first]!, rule, startDay);
}

/** A limit in plain "ngày" (calendar days): the last day is the start date + N; Civil Code 2015 art. 148(5): a last day off moves to the next working day. */
function calendarDaysDeadline(
  calendar: WorkCalendar,
  internals: CalendarInternals,
  start: number,
  n: number,
  rule: CountingRule,
): DeadlineResult {
  const { tables } = internals;
  const startDay = dayIndexOfInstant(calendar, internals, start, 'start');
  const last = startDay + n;
  if (last >= tables.dayCount) {
    throw beyondRange(calendar, 'due', `the last day of the period (${isoFromDayNumber(tables.firstDay + last)})`);
  }
  const due = nthWorkingDayAfter(calendar, internals, last - 1, 1);
  const first = nthWorkingDayAfter(calendar, internals, startDay, 1);
  return result(tables.dayClose[due]!, tables.dayOpen[first]!, rule, startDay);
}

/**
 * Computes a deadline; the single implementation behind `addWorkingTime` and `explainDeadline`.
 * @throws {CalendarError} `INVALID_DURATION`, `INVALID_OPTIONS`, `OUT_OF_RANGE` or `NO_WORKING_TIME`.
 * @example computeDeadline(calendar, Date.UTC(2026, 1, 13, 9, 30), { amount: 4, unit: 'workingHour' }).dueMs
 */
export function computeDeadline(
  calendar: WorkCalendar,
  start: number,
  duration: Duration,
  options?: DeadlineOptions,
): DeadlineResult {
  const internals = internalsOf(calendar);
  checkDuration(duration);
  const rule = readRule(options);
  requireWorkingTime(calendar, internals.tables);
  const { amount, unit } = duration;
  const counted = !duration.notCounted;
  if (counted && unit === 'sameDay') {
    return sameDayDeadline(calendar, internals, start, minutesOfTime(duration.cutoff ?? '24:00')!, rule);
  }
  if (counted && unit === 'calendarMonth' && amount > 0) {
    // Civil Code 2015 art. 148(1)(c): the period's last day is the same-numbered day of its last month
    // (or that month's last day); from there it is counted as the calendar days it spans (art. 148(5)).
    const startDay = dayIndexOfInstant(calendar, internals, start, 'start');
    const first = internals.tables.firstDay;
    const span = monthPeriodLastDay(first + startDay, amount) - (first + startDay);
    return calendarDaysDeadline(calendar, internals, start, span, rule);
  }
  if (counted && (unit === 'calendarDay' || unit === 'calendarMonth')) {
    // Zero calendar days reads as "within the day" (no cut-off).
    return amount === 0
      ? sameDayDeadline(calendar, internals, start, 1440, rule)
      : calendarDaysDeadline(calendar, internals, start, amount, rule);
  }
  // Civil Code art. 147 defines whole-day periods only: a fractional day amount counts as working
  // time, and zero days is the next working instant, as under the working-time rule.
  if (counted && rule === 'civil-code' && unit === 'workingDay' && Number.isInteger(amount) && amount > 0) {
    return workingDaysDeadline(calendar, internals, start, amount, rule);
  }
  // Working-time rule, and hours/minutes under the Civil Code (art. 147(1): hours run from the stated moment).
  const minutes = workingMinutes(duration, calendar.workingDayMinutes) ?? 0;
  return addWorkingMs(calendar, internals, start, Math.round(minutes * MS_PER_MINUTE), rule);
}

/**
 * The due instant alone (epoch ms): the hot path of `addWorkingTime`/`addWorkingTimeMs`. Exact
 * working-time amounts are answered by the rank table (fast-path.ts) without building a
 * {@link DeadlineResult}; every other case is delegated to {@link computeDeadline}, so the rules live
 * in one place.
 * @example computeDueMs(calendar, Date.parse('2026-02-13T09:30:00Z'), { amount: 3, unit: 'workingDay' })
 */
export function computeDueMs(
  calendar: WorkCalendar,
  start: number,
  duration: Duration,
  options?: DeadlineOptions,
): number {
  const tables = tablesOrUndefined(calendar);
  if (tables !== undefined) {
    const ms = fastWorkingMs(duration, options, calendar.workingDayMinutes);
    if (ms > 0) {
      const due = fastDueMs(tables, start, ms);
      if (!Number.isNaN(due)) return due;
    }
  }
  return computeDeadline(calendar, start, duration, options).dueMs;
}
