/**
 * The hot path of `addWorkingTime`/`addWorkingTimeMs` (private to the engine): exact working time on
 * the working-time rule, answered by index arithmetic on the rank table (day-tables.ts) with no
 * allocation and no search in the common case. Everything else — bad arguments, other units and
 * rules, zones with daylight saving, answers beyond the range — returns NaN so that the caller takes
 * the slow path (deadline.ts), which holds the rules and the errors. The functions stay small so
 * that V8 inlines them into the exported wrappers.
 */
import type { CalendarTables } from './day-tables.js';
import type { DeadlineOptions, Duration } from './types.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * Working milliseconds of a plain working-time duration on the default rule, or NaN when the
 * duration or options need the slow path (which also produces their errors).
 * @example fastWorkingMs({ amount: 3, unit: 'workingDay' }, undefined, 480) // 86400000
 */
export function fastWorkingMs(duration: Duration, options: DeadlineOptions | undefined, dayMinutes: number): number {
  if (options !== undefined && (options === null || (options.rule !== undefined && options.rule !== 'working-time')))
    return Number.NaN;
  if (typeof duration !== 'object' || duration === null) return Number.NaN;
  const { amount, unit } = duration;
  if (typeof amount !== 'number' || !(amount > 0) || duration.cutoff !== undefined || duration.notCounted)
    return Number.NaN;
  const minutes =
    unit === 'workingDay'
      ? amount * dayMinutes
      : unit === 'workingHour'
        ? amount * 60
        : unit === 'workingMinute'
          ? amount
          : Number.NaN;
  // Infinity × 60 000 stays infinite and fails the range check in fastDueMs.
  return Math.round(minutes * MS_PER_MINUTE);
}

/**
 * The due instant `ms` working milliseconds (> 0) after `start`, or NaN when the slow path must answer.
 * @example fastDueMs(tables, Date.parse('2026-02-13T09:30:00Z'), 3 * 480 * 60_000)
 */
export function fastDueMs(tables: CalendarTables, start: number, ms: number): number {
  const fixed = tables.offsets.fixed;
  const day = Math.floor((start + fixed) / MS_PER_DAY) - tables.firstDay;
  // Written so that NaN (a DST zone's fixed offset, a NaN start) fails every test.
  if (!(day >= 0 && day < tables.dayCount && tables.dayIndexed)) return Number.NaN;
  const { winStart, winEnd, cum, dayFirstWin, rankCum, workingDays } = tables;
  // Working time before `start`: the day's windows are few (two in an ordinary office day).
  const end = dayFirstWin[day + 1]!;
  let k = dayFirstWin[day]!;
  while (k < end && winStart[k]! <= start) k++;
  let before = cum[k]!;
  if (k > dayFirstWin[day]! && start < winEnd[k - 1]!) before = cum[k - 1]! + (start - winStart[k - 1]!);
  const target = before + ms;
  const ranks = workingDays.length;
  if (!(target <= rankCum[ranks]!)) return Number.NaN;
  // Rank of the working day where the counter reaches `target`: rankCum[r] < target ≤ rankCum[r + 1].
  // Days of equal length make the guess exact; otherwise it is corrected, or searched after 4 misses.
  let r = Math.min(Math.floor((target - 1) / tables.rankDayMs), ranks - 1);
  let miss = 0;
  while (rankCum[r]! >= target && ++miss < 4) r--;
  while (rankCum[r + 1]! < target && ++miss < 4) r++;
  if (miss >= 4) r = searchRank(rankCum, ranks, target);
  let w = dayFirstWin[workingDays[r]!]!;
  while (cum[w + 1]! < target) w++;
  return winStart[w]! + (target - cum[w]!);
}

/** Binary search of the rank table (out of line: only for calendars with unequal days). */
function searchRank(rankCum: Float64Array, ranks: number, target: number): number {
  let lo = 0;
  let hi = ranks - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rankCum[mid + 1]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
