/**
 * The precomputed tables behind a {@link WorkCalendar} (private to the engine).
 *
 * DESIGN.md §3: a calendar precomputes, once, every office window of its validity range as an
 * interval of epoch milliseconds, with a prefix sum of working time, so that adding or measuring
 * working time is a binary search — O(log windows), whatever the duration — and never a loop over days.
 */
import { weekdayOfDayNumber } from './civil-date.js';
import type { ParsedCalendarOptions } from './calendar-options.js';
import { buildOffsetTable, type OffsetTable } from './zone-offsets.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
/** Offsets lie within ±14 h; a local day's instants lie within this margin of its UTC-labelled span. */
const ZONE_MARGIN_MS = 15 * 3_600_000;

/** Flat tables; index `i` of a per-day table is day number `firstDay + i`. */
export interface CalendarTables {
  readonly firstDay: number;
  readonly dayCount: number;
  readonly offsets: OffsetTable;
  /** Working intervals `[winStart[k], winEnd[k])`, ascending and disjoint. */
  readonly winStart: Float64Array;
  readonly winEnd: Float64Array;
  /** `cum[k]` = working ms in the intervals before `k`; `cum[winCount]` is the total. */
  readonly cum: Float64Array;
  readonly winCount: number;
  /**
   * `dayFirstWin[i]` = index of the first window of day `i` (windows of day i are
   * `dayFirstWin[i] … dayFirstWin[i + 1] - 1`); only when `dayIndexed`, i.e. the windows of
   * successive days never interleave (always, except zones whose clocks fall back across midnight).
   */
  readonly dayFirstWin: Int32Array;
  readonly dayIndexed: boolean;
  /** First instant and close (end of the last window) of each day; NaN for a day without working time. */
  readonly dayOpen: Float64Array;
  readonly dayClose: Float64Array;
  /** `workingBefore[i]` = number of working days among days `0 … i - 1`. */
  readonly workingBefore: Int32Array;
  /** Indexes of working days, ascending. */
  readonly workingDays: Int32Array;
  /** Indexes of days without working time, ascending. */
  readonly restDays: Int32Array;
  /**
   * Rank table per working day: `rankCum[r]` = working ms before the first window of the r-th working
   * day (`workingDays[r]`); `rankCum[workingDays.length]` is the total. Only meaningful when `dayIndexed`.
   * A due N working ms ahead is found by rank arithmetic on it instead of a search over windows.
   */
  readonly rankCum: Float64Array;
  /** Average working ms per working day (the rank guess); 0 without working days. */
  readonly rankDayMs: number;
}

/** Growable list of intervals in typed arrays (one append per window of a century). */
class Pieces {
  starts: Float64Array;
  ends: Float64Array;
  length = 0;
  sorted = true;

  /** `capacity`: the expected number of windows (two a day in an office week), so that it rarely grows. */
  constructor(capacity: number) {
    this.starts = new Float64Array(capacity);
    this.ends = new Float64Array(capacity);
  }

  push(start: number, end: number): void {
    if (end <= start) return;
    if (this.length === this.starts.length) {
      const starts = new Float64Array(this.length * 2);
      const ends = new Float64Array(this.length * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    if (this.length > 0 && start < this.ends[this.length - 1]!) this.sorted = false;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
}

/** Window minutes of every day of the range: special days from the maps, others by weekday. */
function minutesByDay(parsed: ParsedCalendarOptions, dayCount: number): (readonly number[])[] {
  const days: (readonly number[])[] = new Array(dayCount);
  const firstWeekday = weekdayOfDayNumber(parsed.firstDay);
  for (let i = 0; i < dayCount; i++) days[i] = parsed.weeklyMinutes[((firstWeekday - 1 + i) % 7) + 1]!;
  for (const day of parsed.offByDay.keys()) days[day - parsed.firstDay] = [];
  for (const [day, extra] of parsed.extraByDay) days[day - parsed.firstDay] = extra.minutes;
  return days;
}

/**
 * Intervals of a day whose offset changes within it: the instants whose local date and time fall in
 * a window, segment by segment of constant offset. A repeated hour (fall back) yields two pieces, a
 * skipped hour none, exactly as a minute-by-minute reading of local clocks would.
 */
function piecesAcrossChange(offsets: OffsetTable, j: number, localMidnight: number, minutes: readonly number[]) {
  const found: [number, number][] = [];
  const { times, offsets: offs } = offsets;
  for (let k = j; k < times.length && times[k]! < localMidnight + MS_PER_DAY + ZONE_MARGIN_MS; k++) {
    const segStart = times[k]!;
    const segEnd = k + 1 < times.length ? times[k + 1]! : Number.POSITIVE_INFINITY;
    const o = offs[k]!;
    for (let w = 0; w < minutes.length; w += 2) {
      const lo = Math.max(localMidnight + minutes[w]! * MS_PER_MINUTE - o, segStart);
      const hi = Math.min(localMidnight + minutes[w + 1]! * MS_PER_MINUTE - o, segEnd);
      if (hi > lo) found.push([lo, hi]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

function sortPieces(pieces: Pieces): { starts: Float64Array; ends: Float64Array } {
  const { starts, ends } = pieces;
  const order = Array.from({ length: pieces.length }, (_, k) => k).sort((x, y) => starts[x]! - starts[y]!);
  return { starts: Float64Array.from(order, (k) => starts[k]!), ends: Float64Array.from(order, (k) => ends[k]!) };
}

/**
 * Builds the tables of a calendar from its parsed options.
 * @example buildTables(parseCalendarOptions({ validFrom: '2026-01-01', validTo: '2026-01-31' })).winCount // 44
 */
export function buildTables(parsed: ParsedCalendarOptions): CalendarTables {
  const { firstDay, lastDay } = parsed;
  const dayCount = lastDay - firstDay + 1;
  const offsets = buildOffsetTable(parsed.options.zone, (firstDay - 2) * MS_PER_DAY, (lastDay + 3) * MS_PER_DAY);
  const { times } = offsets;
  const days = minutesByDay(parsed, dayCount);
  const pieces = new Pieces(2 * dayCount + 16);
  const dayOpen = new Float64Array(dayCount).fill(Number.NaN);
  const dayClose = new Float64Array(dayCount).fill(Number.NaN);
  const dayFirstWin = new Int32Array(dayCount + 1);
  let j = 0;
  for (let i = 0; i < dayCount; i++) {
    const before = pieces.length;
    dayFirstWin[i] = before;
    const minutes = days[i]!;
    if (minutes.length === 0) continue;
    const localMidnight = (firstDay + i) * MS_PER_DAY;
    while (j + 1 < times.length && times[j + 1]! <= localMidnight - ZONE_MARGIN_MS) j++;
    if (j + 1 >= times.length || times[j + 1]! >= localMidnight + MS_PER_DAY + ZONE_MARGIN_MS) {
      // One offset rules the whole day (every day of a zone without daylight saving): the windows are
      // ascending, so the day opens at the first and closes at the last.
      const base = localMidnight - offsets.offsets[j]!;
      for (let w = 0; w < minutes.length; w += 2) {
        pieces.push(base + minutes[w]! * MS_PER_MINUTE, base + minutes[w + 1]! * MS_PER_MINUTE);
      }
      if (pieces.length > before) {
        dayOpen[i] = pieces.starts[before]!;
        dayClose[i] = pieces.ends[pieces.length - 1]!;
      }
    } else {
      for (const [lo, hi] of piecesAcrossChange(offsets, j, localMidnight, minutes)) pieces.push(lo, hi);
      for (let k = before; k < pieces.length; k++) {
        if (!(dayOpen[i]! <= pieces.starts[k]!)) dayOpen[i] = pieces.starts[k]!;
        if (!(dayClose[i]! >= pieces.ends[k]!)) dayClose[i] = pieces.ends[k]!;
      }
    }
  }
  dayFirstWin[dayCount] = pieces.length;
  // Only a zone whose clocks fall back across midnight can interleave two days' pieces.
  const dayIndexed = pieces.sorted;
  const sorted = dayIndexed
    ? { starts: pieces.starts.slice(0, pieces.length), ends: pieces.ends.slice(0, pieces.length) }
    : sortPieces(pieces);
  const intervals = intervalTables(sorted.starts, sorted.ends);
  const byDay = dayIndexes(dayOpen);
  return {
    firstDay,
    dayCount,
    offsets,
    ...intervals,
    dayFirstWin,
    dayIndexed,
    dayOpen,
    dayClose,
    ...byDay,
    ...rankTables(intervals.cum, dayFirstWin, byDay.workingDays),
  };
}

function rankTables(cum: Float64Array, dayFirstWin: Int32Array, workingDays: Int32Array) {
  const count = workingDays.length;
  const rankCum = new Float64Array(count + 1);
  for (let r = 0; r < count; r++) rankCum[r] = cum[dayFirstWin[workingDays[r]!]!]!;
  rankCum[count] = cum[cum.length - 1]!;
  return { rankCum, rankDayMs: count > 0 ? rankCum[count]! / count : 0 };
}

function intervalTables(winStart: Float64Array, winEnd: Float64Array) {
  const winCount = winStart.length;
  const cum = new Float64Array(winCount + 1);
  for (let k = 0; k < winCount; k++) cum[k + 1] = cum[k]! + (winEnd[k]! - winStart[k]!);
  return { winStart, winEnd, cum, winCount };
}

function dayIndexes(dayOpen: Float64Array) {
  const dayCount = dayOpen.length;
  const workingBefore = new Int32Array(dayCount + 1);
  for (let i = 0; i < dayCount; i++) workingBefore[i + 1] = workingBefore[i]! + (Number.isNaN(dayOpen[i]!) ? 0 : 1);
  // Typed arrays filled in place (no growing JS arrays): part of the default calendar's cold start.
  const workingDays = new Int32Array(workingBefore[dayCount]!);
  const restDays = new Int32Array(dayCount - workingDays.length);
  for (let i = 0, w = 0, r = 0; i < dayCount; i++) {
    if (Number.isNaN(dayOpen[i]!)) restDays[r++] = i;
    else workingDays[w++] = i;
  }
  return { workingBefore, workingDays, restDays };
}
