/**
 * Timestamps of event logs: ISO 8601 with an offset, or the national portal's `yyyyMMddHHmmss` in
 * Vietnam time (REFERENCE.md §3.2: "All dates are yyyyMMddHHmmss, Asia/Ho_Chi_Minh").
 */
import { toEpochMs } from '@tthc/calendar';
import { localToEpochMs } from './zoned.js';

/** The portal's compact local timestamp, e.g. `20260213163000`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compactToEpochMs(text: string, zone: string): number | string {
  const m = COMPACT.exec(text)!;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return 'not a real date and time (yyyyMMddHHmmss)';
  }
  return localToEpochMs(zone, y, mo, d, h, mi, s);
}

/**
 * Reads a log timestamp as epoch milliseconds: a finite number is epoch milliseconds; text is
 * `yyyyMMddHHmmss` in `zone`, or ISO 8601 with an offset (a local time without offset names a
 * different instant in every zone and is refused). Returns why when the value is not a timestamp.
 * @example parseLogTimestamp('20260213163000', 'Asia/Ho_Chi_Minh') // { ok: true, ms: 1770975000000 }
 */
export function parseLogTimestamp(
  value: unknown,
  zone: string,
): { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: string } {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, ms: value } : { ok: false, reason: 'not a finite epoch time' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'expected text or epoch milliseconds' };
  const text = value.trim();
  if (COMPACT.test(text)) {
    const ms = compactToEpochMs(text, zone);
    return typeof ms === 'number' ? { ok: true, ms } : { ok: false, reason: ms };
  }
  try {
    return { ok: true, ms: toEpochMs(text, 'timestamp') };
  } catch {
    return { ok: false, reason: 'expected yyyyMMddHHmmss (Vietnam time) or ISO 8601 with an offset' };
  }
}
