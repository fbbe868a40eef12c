/**
 * The Vietnamese lunisolar year: month starts and the leap month, computed from the astronomy and
 * cached per lunar year.
 *
 * Rules (the traditional rules as used by the Vietnamese state calendar):
 * - a month starts on the local civil day containing the new moon;
 * - month 11 is the month containing the December solstice (solar longitude 270°);
 * - when 13 months start between two consecutive month-11 starts, the first of them after month 11
 *   that contains no principal solar term (trung khí: no multiple of 30° of solar longitude is
 *   reached in it) is the leap month (tháng nhuận) and repeats the number of the month before it.
 */
import { dayNumberFromCivil } from '../civil-date.js';
import { CalendarError } from '../errors.js';
import {
  JD_UNIX_EPOCH,
  newMoonIndexAtOrBefore,
  newMoonUt,
  solarLongitudeInstant,
  sunLongitude,
  ttFromUt,
  utFromTt,
} from './astronomy.js';
import type { LunarZone } from './zone.js';

/** One lunar month of a year table. */
export interface LunarMonth {
  /** Month number 1–12. */
  readonly month: number;
  /** True for the leap month, which repeats the number of the month before it. */
  readonly leap: boolean;
  /** Day number of its first day. */
  readonly start: number;
  /** 29 or 30. */
  readonly length: number;
}

/** A lunar year: the months from 1/1 to the last day of month 12, in order. */
export interface LunarYearTable {
  /** Gregorian year in which the lunar year begins. */
  readonly year: number;
  /** 12 or 13 months. */
  readonly months: readonly LunarMonth[];
  /** Number of the leap month, or 0 when the year has none. */
  readonly leapMonth: number;
  /** Day number of 1/1 (Tết Nguyên Đán). */
  readonly start: number;
  /** Day number of the first day of the next lunar year. */
  readonly end: number;
}

/** The months from month 11 of one year to the day before month 11 of the next. */
interface SolsticeInterval {
  readonly months: readonly LunarMonth[];
}

/** Local day containing the December solstice of a Gregorian year. */
function solsticeDay(year: number, zone: LunarZone): number {
  const dec21 = dayNumberFromCivil(year, 12, 21) + JD_UNIX_EPOCH;
  const jde = solarLongitudeInstant(270, ttFromUt(dec21));
  return zone.dayOfInstant(utFromTt(jde));
}

/** Local day on which new moon number `k` falls. */
function newMoonDay(k: number, zone: LunarZone): number {
  return zone.dayOfInstant(newMoonUt(k));
}

/** Number `k` of the new moon starting month 11 of a Gregorian year (the month holding the solstice). */
function month11Index(year: number, zone: LunarZone): number {
  const day = solsticeDay(year, zone);
  // Start from the last new moon before the end of that local day, then move to local days: a new
  // moon late on the UT day can fall on the next local day.
  let k = newMoonIndexAtOrBefore(zone.midnightOfDay(day + 1));
  while (newMoonDay(k, zone) > day) k -= 1;
  while (newMoonDay(k + 1, zone) <= day) k += 1;
  return k;
}

/** Index 0–11 of the 30° arc of solar longitude the Sun is in at the local midnight starting `day`. */
function solarTermSector(day: number, zone: LunarZone): number {
  return Math.floor(sunLongitude(ttFromUt(zone.midnightOfDay(day))) / 30);
}

/** Month number of position `j` in an interval that starts at month 11, after dropping the leap. */
function monthNumber(position: number): number {
  return ((10 + position) % 12) + 1;
}

/** Cannot happen for 1900–2199; guards the astronomy if it is ever used far outside that range. */
function intervalError(year: number, problem: string): CalendarError {
  return new CalendarError('OUT_OF_RANGE', `year: the lunar calendar before the solstice of ${year} ${problem}`, {
    field: 'year',
    value: year,
  });
}

function computeInterval(year: number, zone: LunarZone): SolsticeInterval {
  const first = month11Index(year - 1, zone);
  const last = month11Index(year, zone);
  const starts: number[] = [];
  for (let k = first; k <= last; k++) starts.push(newMoonDay(k, zone));
  const count = last - first;
  let leapAt = -1;
  if (count === 13) {
    const sectors = starts.map((day) => solarTermSector(day, zone));
    // Month j holds a principal term iff the Sun changes 30° sector between its first and next
    // month's first midnight. Month 0 holds the solstice, so the search starts at 1.
    for (let j = 1; j < count && leapAt < 0; j++) {
      if (sectors[j] === sectors[j + 1]) leapAt = j;
    }
    if (leapAt < 0) throw intervalError(year, 'has 13 months and none without a principal term');
  } else if (count !== 12) {
    throw intervalError(year, `has ${count} months between two solstice months`);
  }
  const months: LunarMonth[] = [];
  for (let j = 0; j < count; j++) {
    const start = starts[j]!;
    const position = leapAt >= 0 && j >= leapAt ? j - 1 : j;
    months.push({ month: monthNumber(position), leap: j === leapAt, start, length: starts[j + 1]! - start });
  }
  return { months };
}

const intervalCache = new Map<string, SolsticeInterval>();
const yearCache = new Map<string, LunarYearTable>();

/** Interval from month 11 of `year − 1` to month 10 of `year`, cached per zone. */
function solsticeInterval(year: number, zone: LunarZone): SolsticeInterval {
  const key = `${zone.key}:${year}`;
  let interval = intervalCache.get(key);
  if (!interval) {
    interval = computeInterval(year, zone);
    intervalCache.set(key, interval);
  }
  return interval;
}

/**
 * The table of a lunar year (months 1 … 12 with the leap month), cached per zone and year.
 * Months 1–10 come from the interval ending at the solstice of `year`, months 11–12 from the next.
 * @example lunarYearTable(2025, VIETNAM_ZONE).leapMonth // 6
 */
export function lunarYearTable(year: number, zone: LunarZone): LunarYearTable {
  const key = `${zone.key}:${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const head = solsticeInterval(year, zone).months.filter((m) => m.month <= 10);
  const tail = solsticeInterval(year + 1, zone).months.filter((m) => m.month >= 11);
  const months = [...head, ...tail];
  const lastMonth = months[months.length - 1]!;
  const table: LunarYearTable = {
    year,
    months,
    leapMonth: months.find((m) => m.leap)?.month ?? 0,
    start: months[0]!.start,
    end: lastMonth.start + lastMonth.length,
  };
  yearCache.set(key, table);
  return table;
}
