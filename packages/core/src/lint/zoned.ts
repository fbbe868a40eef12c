/**
 * Civil dates of instants in an IANA zone, through `Intl` (no wall clock, no process time zone).
 * Used to select a process version by the receipt's local date and to anchor calendar conversions.
 */
import { CalendarError } from '@tthc/calendar';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
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
    } catch {
      throw new CalendarError('INVALID_OPTIONS', `zone: unknown IANA time zone ${JSON.stringify(zone)}`, {
        field: 'zone',
        value: zone,
      });
    }
    formatters.set(zone, f);
  }
  return f;
}

function wallClock(ms: number, zone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    min: Number(parts.minute),
    s: Number(parts.second),
  };
}

/**
 * The civil date `YYYY-MM-DD` of an instant in `zone`.
 * @example localDateOf(Date.UTC(2026, 1, 13, 17, 30), 'Asia/Ho_Chi_Minh') // '2026-02-14'
 */
export function localDateOf(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  return `${String(w.y).padStart(4, '0')}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

function offsetMs(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The first instant of a civil date in `zone` (local midnight; two passes settle offset changes).
 * @example new Date(startOfLocalDay('2026-02-23', 'Asia/Ho_Chi_Minh')).toISOString() // '2026-02-22T17:00:00.000Z'
 */
export function startOfLocalDay(date: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let ms = wall - offsetMs(wall, zone);
  ms = wall - offsetMs(ms, zone);
  return ms;
}
