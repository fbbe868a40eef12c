/**
 * Durations for comparison: working minutes where a duration has a fixed length, as written where it
 * does not, and as people read them in messages.
 */
import type { Duration } from '@tthc/calendar';
import { toWorkingMinutes } from '../normalize.js';
import { formatHours } from './change.js';

/**
 * Working minutes of a duration for comparison. A same-day limit ("Trong ngày") counts as one working
 * day, as one-stop software stores it (8 h); calendar days have no fixed length (null).
 * @example comparableMinutes({ amount: 0, unit: 'sameDay', cutoff: '15:00' }) // 480
 */
export function comparableMinutes(d: Duration, workingDayMinutes = 480): number | null {
  if (d.unit === 'sameDay' && !d.notCounted) return workingDayMinutes;
  return toWorkingMinutes(d, { workingDayMinutes });
}

/**
 * Two durations in working minutes when both have a fixed length (0,5 ngày = 4 giờ = 240 min; a same-day
 * limit = one working day), else compared as written (calendar days depend on the start date).
 * @example sameTime({ amount: 0.5, unit: 'workingDay' }, { amount: 4, unit: 'workingHour' }) // true
 */
export function sameTime(a: Duration, b: Duration, workingDayMinutes = 480): boolean {
  const ma = comparableMinutes(a, workingDayMinutes);
  const mb = comparableMinutes(b, workingDayMinutes);
  // Hours written as decimals come back with float noise: equal within a millisecond.
  if (ma !== null && mb !== null) return Math.abs(ma - mb) < 1 / 60_000;
  return a.unit === b.unit && a.amount === b.amount && a.cutoff === b.cutoff;
}

/**
 * A duration as people read it in a message.
 * @example showTime({ amount: 0.5, unit: 'workingDay' }) // { vi: '4 giờ', en: '4 h' }
 */
export function showTime(d: Duration, workingDayMinutes = 480): { vi: string; en: string } {
  const m = d.unit === 'sameDay' ? null : toWorkingMinutes(d, { workingDayMinutes });
  if (d.notCounted) return { vi: 'không tính thời gian', en: 'not counted' };
  if (m !== null) return formatHours(m);
  if (d.unit === 'sameDay') return { vi: 'trong ngày', en: 'same day' };
  return { vi: `${d.amount} ngày`, en: `${d.amount} calendar day(s)` };
}
