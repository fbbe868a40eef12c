/**
 * UTC offsets of an IANA zone over a calendar's range, as a table of transitions.
 *
 * luxon answers "offset at instant t" through `Intl` (several µs a call), too slow to ask for every
 * day of a century. We sample the zone at each month start and binary-search the exact second of
 * each change, so a zone without daylight saving costs 12 calls a year and a DST zone about a dozen
 * more per transition. Results are memoised per zone and year (a pure function of the tz database,
 * so sharing them between calendars is safe). Limitation: a change undone within the same month
 * would be missed; no zone in the tz database does that in the era the calendars are built for.
 */
import { IANAZone } from 'luxon';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/**
 * Offsets of a zone as a step function: `offsets[i]` (ms, local = utc + offset) holds on
 * `[times[i], times[i + 1])`; `times[0]` is `-Infinity` and the last step runs to `+Infinity`.
 * `fixed` is the offset when the table has a single step (NaN otherwise), for a branch-free fast path.
 */
export interface OffsetTable {
  readonly times: Float64Array;
  readonly offsets: Float64Array;
  readonly fixed: number;
}

/** One zone-year: the offset at 1 January 00:00 UTC and the changes during the year. */
interface YearOffsets {
  readonly first: number;
  readonly times: readonly number[];
  readonly offsets: readonly number[];
}

const CACHE = new Map<string, Map<number, YearOffsets>>();

function offsetMs(zone: IANAZone, t: number): number {
  return Math.round(zone.offset(t) * MS_PER_MINUTE);
}

/** Smallest multiple of `unit` in `(lo, hi]` whose offset differs from `offLo` (given that `hi`'s does). */
function search(zone: IANAZone, lo: number, hi: number, offLo: number, unit: number): number {
  let a = Math.floor(lo / unit);
  let b = Math.ceil(hi / unit);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetMs(zone, mid * unit) === offLo) a = mid;
    else b = mid;
  }
  return b * unit;
}

/** Exact instant of the first change in `(lo, hi]`, `lo` and `hi` being whole hours. */
function findChange(zone: IANAZone, lo: number, hi: number, offLo: number): number {
  // Most changes fall on a whole UTC hour: locate the hour, then confirm the second before it.
  const hour = search(zone, lo, hi, offLo, MS_PER_HOUR);
  if (offsetMs(zone, hour - MS_PER_SECOND) === offLo) return hour;
  // tz database changes fall on whole seconds: search them within that hour.
  return search(zone, hour - MS_PER_HOUR, hour, offLo, MS_PER_SECOND);
}

function computeYear(zone: IANAZone, year: number): YearOffsets {
  const times: number[] = [];
  const offsets: number[] = [];
  const first = offsetMs(zone, Date.UTC(year, 0, 1));
  let prevT = Date.UTC(year, 0, 1);
  let prevOff = first;
  for (let month = 1; month <= 12; month++) {
    const t = Date.UTC(year, month, 1);
    const off = offsetMs(zone, t);
    // Several changes may fall inside one month (A → B → C): find each in turn.
    let lo = prevT;
    while (off !== prevOff) {
      const change = findChange(zone, lo, t, prevOff);
      prevOff = offsetMs(zone, change);
      times.push(change);
      offsets.push(prevOff);
      lo = change;
    }
    prevT = t;
  }
  return { first, times, offsets };
}

/**
 * Shipped offsets of zones whose offset has not changed for decades: Asia/Ho_Chi_Minh has kept UTC+7
 * since 13 June 1975 (tz database, zone Asia/Ho_Chi_Minh), so from 1976 on its years need no lookup.
 * The default Vietnam calendar is then built without Intl, whose first time-zone formatter costs
 * tens of milliseconds of cold start (issue 13). A test checks every shipped year against luxon.
 */
export const SHIPPED_FIXED_OFFSETS: Readonly<Record<string, { readonly fromYear: number; readonly offsetMs: number }>> =
  {
    'Asia/Ho_Chi_Minh': { fromYear: 1976, offsetMs: 7 * MS_PER_HOUR },
  };

function yearOffsets(zoneName: string, zone: () => IANAZone, year: number): YearOffsets {
  let years = CACHE.get(zoneName);
  if (years === undefined) {
    years = new Map();
    CACHE.set(zoneName, years);
  }
  let result = years.get(year);
  if (result === undefined) {
    const shipped = SHIPPED_FIXED_OFFSETS[zoneName];
    result =
      shipped !== undefined && year >= shipped.fromYear
        ? { first: shipped.offsetMs, times: [], offsets: [] }
        : computeYear(zone(), year);
    years.set(year, result);
  }
  return result;
}

function yearOf(t: number): number {
  return new Date(t).getUTCFullYear();
}

/**
 * Builds the offset table of `zoneName` covering instants in `[fromMs, toMs]` (whole years around them).
 * @example buildOffsetTable('Asia/Ho_Chi_Minh', Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1)).offsets[0] // 25200000 (UTC+7)
 */
export function buildOffsetTable(zoneName: string, fromMs: number, toMs: number): OffsetTable {
  let created: IANAZone | undefined;
  const zone = (): IANAZone => {
    created ??= IANAZone.create(zoneName);
    return created;
  };
  const firstYear = yearOf(fromMs);
  const times = [Number.NEGATIVE_INFINITY];
  const offsets = [yearOffsets(zoneName, zone, firstYear).first];
  for (let year = firstYear; year <= yearOf(toMs); year++) {
    const y = yearOffsets(zoneName, zone, year);
    times.push(...y.times);
    offsets.push(...y.offsets);
  }
  const fixed = offsets.length === 1 ? offsets[0]! : Number.NaN;
  return { times: Float64Array.from(times), offsets: Float64Array.from(offsets), fixed };
}

/**
 * Offset (ms) in force at instant `t`.
 * @example offsetAt(buildOffsetTable('UTC', 0, 1e9), 5) // 0
 */
export function offsetAt(table: OffsetTable, t: number): number {
  const { times, offsets } = table;
  const n = times.length;
  if (n === 1) return offsets[0]!;
  // Last index with times[i] <= t (times[0] is -Infinity, so i >= 0).
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return offsets[lo]!;
}
