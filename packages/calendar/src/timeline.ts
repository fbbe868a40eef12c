/**
 * Instant-level queries on a calendar's tables (private to the engine): local dates, working time
 * elapsed since the start of the range, and its inverse. Every query is a binary search over the
 * precomputed windows — no per-day loop, no allocation, no luxon (DESIGN.md §3).
 */
import { isoFromDayNumber } from './civil-date.js';
import { type CalendarTables, MS_PER_DAY } from './day-tables.js';
import { CalendarError } from './errors.js';
import { type CalendarInternals, outOfRange, type WorkCalendar } from './work-calendar.js';
import { offsetAt } from './zone-offsets.js';

/**
 * Day number of the local date of instant `t` in the calendar's zone.
 * @example localDayNumber(tables, Date.UTC(2026, 1, 13, 9, 30)) // 20497 (2026-02-13 in Asia/Ho_Chi_Minh)
 */
export function localDayNumber(tables: CalendarTables, t: number): number {
  const fixed = tables.offsets.fixed;
  // A zone with one offset over the range (e.g. Asia/Ho_Chi_Minh) needs no table lookup.
  return Math.floor((t + (Number.isNaN(fixed) ? offsetAt(tables.offsets, t) : fixed)) / MS_PER_DAY);
}

/**
 * Index (0 = validFrom) of the local date of `t`.
 * @throws {CalendarError} `OUT_OF_RANGE` naming `field` and the date when the calendar does not cover it.
 * @example dayIndexOfInstant(calendar, internals, t, 'start') // 43
 */
export function dayIndexOfInstant(calendar: WorkCalendar, internals: CalendarInternals, t: number, field: string) {
  const { tables } = internals;
  const dayNumber = localDayNumber(tables, t);
  const index = dayNumber - tables.firstDay;
  if (index < 0 || index >= tables.dayCount) throw outOfRange(calendar, field, isoFromDayNumber(dayNumber));
  return index;
}

/**
 * The error for an answer that lies after the calendar's last date.
 * @example throw beyondRange(calendar, 'due', 'the due instant')
 */
export function beyondRange(calendar: WorkCalendar, field: string, what: string): CalendarError {
  return new CalendarError(
    'OUT_OF_RANGE',
    `${field}: ${what} falls after ${calendar.validTo}, the last date of calendar "${calendar.name}" (${calendar.validFrom}..${calendar.validTo})`,
    { field, validFrom: calendar.validFrom, validTo: calendar.validTo },
  );
}

/**
 * Fails with `NO_WORKING_TIME` when the calendar has no office window at all.
 * @example requireWorkingTime(calendar, tables)
 */
export function requireWorkingTime(calendar: WorkCalendar, tables: CalendarTables): void {
  if (tables.winCount === 0) {
    throw new CalendarError(
      'NO_WORKING_TIME',
      `calendar: "${calendar.name}" has no working time between ${calendar.validFrom} and ${calendar.validTo}`,
      { field: 'calendar', value: calendar.name },
    );
  }
}

/**
 * Index of the last window starting at or before `t` (−1 when none).
 * @example windowAtOrBefore(tables, t)
 */
export function windowAtOrBefore(tables: CalendarTables, t: number): number {
  const { winStart } = tables;
  let lo = 0;
  let hi = tables.winCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (winStart[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Index of the first window ending after `t` (`winCount` when none): the window that holds `t` or the next one.
 * @example firstWindowEndingAfter(tables, t)
 */
export function firstWindowEndingAfter(tables: CalendarTables, t: number): number {
  const { winEnd } = tables;
  let lo = 0;
  let hi = tables.winCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (winEnd[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the last window starting at or before `t`, knowing `t`'s local day index: a short scan of
 * that day's windows when the tables are day-indexed, a binary search otherwise.
 * @example windowAtOrBeforeOnDay(tables, t, dayIndexOfInstant(calendar, internals, t, 'at'))
 */
export function windowAtOrBeforeOnDay(tables: CalendarTables, t: number, day: number): number {
  if (!tables.dayIndexed) return windowAtOrBefore(tables, t);
  const { winStart, dayFirstWin } = tables;
  const end = dayFirstWin[day + 1]!;
  let k = dayFirstWin[day]! - 1;
  while (k + 1 < end && winStart[k + 1]! <= t) k++;
  return k;
}

/**
 * Working milliseconds from the start of the range up to instant `t`, given the window `k` from
 * {@link windowAtOrBefore}.
 * @example workingMsBeforeWindow(tables, t, windowAtOrBefore(tables, t))
 */
export function workingMsBeforeWindow(tables: CalendarTables, t: number, k: number): number {
  if (k < 0) return 0;
  return t < tables.winEnd[k]! ? tables.cum[k]! + (t - tables.winStart[k]!) : tables.cum[k + 1]!;
}

/**
 * Working milliseconds from the start of the range up to instant `t`.
 * @example workingMsBefore(tables, t) - workingMsBefore(tables, s) // working ms in [s, t)
 */
export function workingMsBefore(tables: CalendarTables, t: number): number {
  return workingMsBeforeWindow(tables, t, windowAtOrBefore(tables, t));
}

/**
 * Index of the window where the working-time counter reaches `target` (0 < target ≤ total): the first
 * window whose cumulative end is ≥ target. A target equal to a window's cumulative end therefore lands
 * on that window's close, not on the next opening (DESIGN.md §3: 08:00 + 4 h = 12:00, not 13:00).
 *
 * Windows have near-equal lengths, so `target / average window length` lands within a few windows of
 * the answer; a galloping search from that guess finishes in O(log error) probes, O(log n) at worst.
 * @example const k = windowReaching(tables, target); const due = tables.winStart[k] + (target - tables.cum[k]);
 */
export function windowReaching(tables: CalendarTables, target: number): number {
  const { cum, winCount } = tables;
  const last = winCount - 1;
  // reached(k) ⇔ cum[k + 1] >= target: false … false true … true, and reached(last) holds.
  const guess = Math.min(Math.max(Math.floor((target / cum[winCount]!) * winCount), 0), last);
  let lo: number;
  let hi: number;
  if (cum[guess + 1]! >= target) {
    hi = guess;
    lo = 0;
    for (let step = 1; hi - step >= 0; step *= 2) {
      if (cum[hi - step + 1]! < target) {
        lo = hi - step + 1;
        break;
      }
      hi -= step;
    }
  } else {
    lo = guess + 1;
    hi = last;
    for (let step = 1; guess + step < last; step *= 2) {
      if (cum[guess + step + 1]! >= target) {
        hi = guess + step;
        break;
      }
      lo = guess + step + 1;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid + 1]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
