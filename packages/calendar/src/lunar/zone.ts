/**
 * The local time in which the Vietnamese lunisolar calendar is computed.
 *
 * Vietnam's calendar is computed for UTC+7 (meridian 105° E) from 1968 and for UTC+8 (the Chinese
 * calendar's meridian, 120° E) before, by the decree of the North Vietnam government of
 * 8 Aug 1967, effective for the 1968 calendar. That is why Tết Mậu Thân fell on 29 Jan 1968 in the
 * North (new moon at 23:29 UTC+7) and on 30 Jan in the South, which still used UTC+8.
 *
 * Switching rule chosen here: **by the instant**. Every astronomical instant (new moon, solstice)
 * and every local midnight strictly before 1968-01-01T00:00 on the UTC+8 clock (1967-12-31T16:00Z)
 * is read in UTC+8, every later one in UTC+7 — as if clocks were set back one hour at the end of
 * 31 Dec 1967 (that local day lasts 25 hours). Why by instant: the decree changed the calendar
 * from a date, and a per-instant rule keeps local days ordered and contiguous across the switch.
 * For 1900–2199 it starts every month on the same day as computing each lunar year wholly in the
 * offset of the Gregorian year it begins in (UTC+8 up to lunar 1967, UTC+7 from lunar 1968),
 * checked in `lunar.test.ts`. The choice is visible once: the new moon of 1967-12-01T16:10Z is
 * 00:10 on 2 Dec in UTC+8 but 23:10 on 1 Dec in UTC+7, so month 11 of Đinh Mùi begins on
 * 2 Dec 1967 here (as in the Chinese calendar); a rule reading December 1967 in UTC+7 would say 1 Dec.
 * Tết Mậu Thân is 29 Jan 1968 either way.
 */
import { dayNumberFromCivil } from '../civil-date.js';
import { CalendarError } from '../errors.js';
import { JD_UNIX_EPOCH } from './astronomy.js';

/** How instants map to local civil days for the calendar computation. */
export interface LunarZone {
  /** Cache key: `'vn'` for the Vietnamese rule, else the fixed offset in hours. */
  readonly key: string;
  /** Local day number of a UT instant. */
  dayOfInstant(jd: number): number;
  /** UT instant of local midnight starting a day number. */
  midnightOfDay(day: number): number;
}

/** Day number of 1968-01-01, the first day computed in UTC+7. */
const SWITCH_DAY = dayNumberFromCivil(1968, 1, 1);
/** 1968-01-01T00:00 at UTC+8, as a UT Julian day. */
const SWITCH_JD = SWITCH_DAY + JD_UNIX_EPOCH - 8 / 24;

function fixedZone(offsetHours: number): LunarZone {
  const shift = offsetHours / 24;
  return {
    key: String(offsetHours),
    dayOfInstant: (jd) => Math.floor(jd + shift - JD_UNIX_EPOCH),
    midnightOfDay: (day) => day + JD_UNIX_EPOCH - shift,
  };
}

const UTC7 = fixedZone(7);
const UTC8 = fixedZone(8);

/** The Vietnamese rule: UTC+8 before 1968-01-01, UTC+7 from then (see the file comment). */
export const VIETNAM_ZONE: LunarZone = {
  key: 'vn',
  dayOfInstant: (jd) => (jd < SWITCH_JD ? UTC8 : UTC7).dayOfInstant(jd),
  midnightOfDay: (day) => (day < SWITCH_DAY ? UTC8 : UTC7).midnightOfDay(day),
};

/**
 * The zone for an optional fixed offset; `undefined` gives the Vietnamese rule.
 * @throws {CalendarError} `INVALID_OPTIONS` when the offset is not a number of hours in [−12, 14].
 * @example lunarZone(8).dayOfInstant(2440587.5) // 0 (1970-01-01T00:00Z is 08:00 in UTC+8)
 */
export function lunarZone(utcOffsetHours: number | undefined): LunarZone {
  if (utcOffsetHours === undefined) return VIETNAM_ZONE;
  if (
    typeof utcOffsetHours !== 'number' ||
    !Number.isFinite(utcOffsetHours) ||
    utcOffsetHours < -12 ||
    utcOffsetHours > 14
  ) {
    throw new CalendarError(
      'INVALID_OPTIONS',
      `utcOffsetHours: expected a number of hours from -12 to 14, got ${JSON.stringify(utcOffsetHours)}`,
      { field: 'utcOffsetHours', value: utcOffsetHours },
    );
  }
  if (utcOffsetHours === 7) return UTC7;
  if (utcOffsetHours === 8) return UTC8;
  return fixedZone(utcOffsetHours);
}
