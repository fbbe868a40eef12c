/**
 * Instant formatting for the runtime's views: ISO 8601 text with the calendar zone's offset, and the
 * local civil date of an instant (what provincial software compares, REFERENCE.md §1.7).
 */

import { formatLocalInstant, localDateOf, type WorkCalendar } from '@tthc/calendar';

/** A zone name, or a calendar whose precomputed offset table answers in O(1) (preferred in hot paths). */
export type ZoneOrCalendar = string | WorkCalendar;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function localParts(ms: number, zone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/**
 * The local civil date `YYYY-MM-DD` of an instant in a time zone.
 * @example localDate(Date.UTC(2026, 1, 13, 17), 'Asia/Ho_Chi_Minh') // '2026-02-14'
 */
export function localDate(ms: number, zone: ZoneOrCalendar): string {
  if (typeof zone !== 'string') return localDateOf(zone, ms);
  const p = localParts(ms, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * An instant as ISO 8601 text in a time zone, with its offset (seconds precision).
 * @example formatInstant(Date.UTC(2026, 1, 13, 9, 30), 'Asia/Ho_Chi_Minh') // '2026-02-13T16:30:00+07:00'
 */
export function formatInstant(ms: number, zone: ZoneOrCalendar): string {
  if (typeof zone !== 'string') return formatLocalInstant(zone, ms);
  const p = localParts(ms, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  return `${date}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
