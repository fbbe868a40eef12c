/**
 * Deadlines with their reasons: the due instant plus every date the count skipped and why
 * (DESIGN.md §3 "Explain"). Shares its computation with `addWorkingTime`.
 */
import { isoFromDayNumber, weekdayOfDayNumber } from './civil-date.js';
import { computeDeadline, type DeadlineResult } from './deadline.js';
import { toEpochMs } from './instant.js';
import { localDayNumber, workingMsBefore } from './timeline.js';
import type { DeadlineExplanation, DeadlineOptions, Duration, InstantInput, SkippedDay, SpecialDay } from './types.js';
import { type CalendarInternals, internalsOf, type WorkCalendar } from './work-calendar.js';

const MS_PER_MINUTE = 60_000;

/** Vietnamese and English weekday names, index = ISO weekday. */
const WEEKDAYS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['Thứ Hai', 'Monday'],
  ['Thứ Ba', 'Tuesday'],
  ['Thứ Tư', 'Wednesday'],
  ['Thứ Năm', 'Thursday'],
  ['Thứ Sáu', 'Friday'],
  ['Thứ Bảy', 'Saturday'],
  ['Chủ nhật', 'Sunday'],
];

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

function describeSpecial(date: string, entries: readonly SpecialDay[]): SkippedDay {
  const first = entries[0]!;
  const reason = entries.map((e) => (e.source === undefined ? e.name : `${e.name} — ${e.source}`)).join('; ');
  const sources = entries.flatMap((e) => (e.source === undefined ? [] : [e.source]));
  const skipped: SkippedDay = { date, kind: first.kind, reason };
  return Object.freeze(sources.length > 0 ? { ...skipped, source: sources.join('; ') } : skipped);
}

function describeRest(date: string, dayNumber: number): SkippedDay {
  const [vi, en] = WEEKDAYS[weekdayOfDayNumber(dayNumber)]!;
  return Object.freeze({ date, kind: 'weekend', reason: `${vi} (nghỉ hằng tuần) / ${en} (weekly rest)` });
}

/** Days without working time strictly between two day indexes, from the rest-day index (no scan of working days). */
function skippedBetween(internals: CalendarInternals, afterDay: number, beforeDay: number): SkippedDay[] {
  const { restDays, firstDay } = internals.tables;
  const skipped: SkippedDay[] = [];
  for (let r = lowerBound(restDays, afterDay + 1); r < restDays.length && restDays[r]! < beforeDay; r++) {
    const dayNumber = firstDay + restDays[r]!;
    const date = isoFromDayNumber(dayNumber);
    const entries = internals.parsed.offByDay.get(dayNumber);
    skipped.push(entries ? describeSpecial(date, entries) : describeRest(date, dayNumber));
  }
  return skipped;
}

/**
 * Day index of the due instant. A due instant after counting began lies at the end of (or inside) a
 * window, so the millisecond before it is in that window's day — this keeps a close at "24:00" on its day.
 */
function dueDayIndex(internals: CalendarInternals, result: DeadlineResult): number {
  const probe = result.dueMs > result.countingFromMs ? result.dueMs - 1 : result.dueMs;
  return localDayNumber(internals.tables, probe) - internals.tables.firstDay;
}

/**
 * The deadline of `duration` from `start` (the same due instant as `addWorkingTime`), with the instant
 * counting really began, the working minutes counted, and every non-working date after the start's
 * date and before the due date with its reason: the special day's name and legal source, or the
 * weekly rest day ("Thứ Bảy (nghỉ hằng tuần) / Saturday (weekly rest)").
 * @throws {CalendarError} as `addWorkingTime`.
 * @example
 * const why = explainDeadline(calendar, '2026-02-13T16:30:00+07:00', { amount: 3, unit: 'workingDay' });
 * why.skipped.map((d) => `${d.date}: ${d.reason}`);
 */
export function explainDeadline(
  calendar: WorkCalendar,
  start: InstantInput,
  duration: Duration,
  options?: DeadlineOptions,
): DeadlineExplanation {
  const result = computeDeadline(calendar, toEpochMs(start, 'start'), duration, options);
  const internals = internalsOf(calendar);
  const { tables } = internals;
  const minutes =
    (workingMsBefore(tables, result.dueMs) - workingMsBefore(tables, result.countingFromMs)) / MS_PER_MINUTE;
  return Object.freeze({
    due: new Date(result.dueMs),
    rule: result.rule,
    duration,
    countingFrom: new Date(result.countingFromMs),
    workingMinutes: minutes,
    skipped: Object.freeze(skippedBetween(internals, result.startDay, dueDayIndex(internals, result))),
  });
}
