/**
 * DVCQG dates: `yyyyMMddHHmmss` in Vietnam time (Asia/Ho_Chi_Minh), whatever the zone of the process
 * calendar (REFERENCE.md §3.2: "All dates are yyyyMMddHHmmss, Asia/Ho_Chi_Minh"). Vietnam has kept
 * UTC+7 without daylight saving since 1975, so the conversion is a fixed offset, O(1).
 */

/** UTC+7, Asia/Ho_Chi_Minh since 13 June 1975. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * An instant (epoch milliseconds) as a DVCQG date `yyyyMMddHHmmss` in Vietnam time; seconds are
 * truncated (the portal has no sub-second precision).
 * @example formatDvcqgDate(Date.UTC(2026, 1, 13, 9, 30)) // '20260213163000'
 */
export function formatDvcqgDate(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(
    d.getUTCMinutes(),
  )}${pad(d.getUTCSeconds())}`;
}

/**
 * Reads a DVCQG date `yyyyMMddHHmmss` (Vietnam time) as epoch milliseconds; `undefined` when the text
 * is not 14 digits or not a real date and time (30 February, 24:00:00).
 * @example parseDvcqgDate('20260213163000') // Date.UTC(2026, 1, 13, 9, 30)
 */
export function parseDvcqgDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  const real =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === s;
  return real ? wall - VIETNAM_OFFSET_MS : undefined;
}

/**
 * A DVCQG date as ISO 8601 text with the Vietnam offset, the form dossier events carry.
 * @example dvcqgDateToIso('20260213163000') // '2026-02-13T16:30:00+07:00'
 */
export function dvcqgDateToIso(text: string): string | undefined {
  if (parseDvcqgDate(text) === undefined) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12)}+07:00`;
}
