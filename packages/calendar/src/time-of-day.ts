/**
 * Times of day `HH:mm` as minutes after local midnight (private helper of the engine).
 */
const HH_MM = /^(\d{2}):(\d{2})$/;

/** Minutes in a civil day, and the largest value an `end` may take (`"24:00"`). */
export const MINUTES_PER_DAY = 1440;

/**
 * Minutes after midnight of a `HH:mm` text, or `undefined` when it is not one. `"24:00"` is read
 * as 1440 (the end of the day) so that a window may run to midnight; callers decide where it is allowed.
 * @example minutesOfTime('13:30') // 810
 */
export function minutesOfTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = HH_MM.exec(text);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  if (hours > 23) return undefined;
  return hours * 60 + minutes;
}
