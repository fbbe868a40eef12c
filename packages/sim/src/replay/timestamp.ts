/**
 * Timestamps of event logs: ISO 8601 with an offset, or the national portal's `yyyyMMddHHmmss` in
 * Vietnam time (REFERENCE.md §3.2: "All dates are yyyyMMddHHmmss, Asia/Ho_Chi_Minh").
 */
import { toEpochMs } from '@tthc/calendar';
import { localToEpochMs } from './zoned.js';

/** The portal's compact local timestamp, e.g. `20260213163000`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function compactToEpochMs(text: string, zone: string): number | string {
  const m = COMPACT.exec(text)!;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return 'not a real date and time (yyyyMMddHHmmss)';
  }
  return localToEpochMs(zone, y, mo, d, h, mi, s);
}

const ZERO = 48;
const MS_PER_MINUTE = 60_000;

/** The number of `n` ASCII digits at `at`, or −1 when one is not a digit. */
function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let k = at; k < at + n; k++) {
    const d = text.charCodeAt(k) - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Whether date and time fields (negative when not digits) name a real date and time of day. */
function validFields(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return (
    y >= 0 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    h >= 0 &&
    h <= 23 &&
    mi >= 0 &&
    mi <= 59 &&
    s >= 0 &&
    s <= 59
  );
}

/**
 * `yyyyMMddHHmmss` read character by character (no regular expression, no array), or NaN when the
 * text is not 14 digits of a real date and time. Replay reads a million of these.
 */
function compactByChar(text: string, zone: string): number {
  if (text.length !== 14) return Number.NaN;
  const y = digits(text, 0, 4);
  const mo = digits(text, 4, 2);
  const d = digits(text, 6, 2);
  const h = digits(text, 8, 2);
  const mi = digits(text, 10, 2);
  const s = digits(text, 12, 2);
  if (!validFields(y, mo, d, h, mi, s)) return Number.NaN;
  return localToEpochMs(zone, y, mo, d, h, mi, s);
}

/**
 * `YYYY-MM-DDTHH:mm:ss` followed by `Z` or `±HH:MM` (the form exports write), read character by
 * character; NaN for any other form, which the full ISO reader then handles.
 */
function isoByChar(text: string): number {
  const n = text.length;
  if (n !== 20 && n !== 25) return Number.NaN;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  )
    return Number.NaN;
  const t = text.charCodeAt(10);
  if (t !== 84 && t !== 116) return Number.NaN;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (!validFields(y, mo, d, h, mi, s)) return Number.NaN;
  let offset = 0;
  if (n === 20) {
    const z = text.charCodeAt(19);
    if (z !== 90 && z !== 122) return Number.NaN;
  } else {
    const sign = text.charCodeAt(19);
    const oh = digits(text, 20, 2);
    const om = digits(text, 23, 2);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59)
      return Number.NaN;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset * MS_PER_MINUTE;
}

/**
 * {@link parseLogTimestamp} for the hot path: epoch milliseconds, or NaN when the value is not a
 * timestamp (ask `parseLogTimestamp` for the reason). Allocates nothing for the two usual forms.
 * @example logTimestampMs('20260213163000', 'Asia/Ho_Chi_Minh') // 1770975000000
 */
export function logTimestampMs(value: unknown, zone: string): number {
  if (typeof value === 'string') {
    const fast = value.length === 14 ? compactByChar(value, zone) : isoByChar(value);
    if (!Number.isNaN(fast)) return fast;
  }
  const parsed = parseLogTimestamp(value, zone);
  return parsed.ok ? parsed.ms : Number.NaN;
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
  // The two forms logs hold, read by character; anything else takes the general path below.
  const fast = value.length === 14 ? compactByChar(value, zone) : isoByChar(value);
  if (!Number.isNaN(fast)) return { ok: true, ms: fast };
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
