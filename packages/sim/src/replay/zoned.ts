/**
 * Local wall time ↔ instants in an IANA time zone, fast enough for millions of log rows: the zone
 * offset is read with `Intl` once per UTC day (twice, at both ends, to notice a transition inside the
 * day) and cached; only a day with a transition falls back to a per-instant lookup.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Looking this far before an instant finds the offset in force before a nearby DST change. */
const TRANSITION_WINDOW_MS = 3 * 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` at instant `ms`, in minutes east of UTC, read with Intl (slow path). */
function intlOffsetMinutes(zone: string, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(ms))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / MS_PER_MINUTE);
}

/** Per zone: UTC day number → the day's offset, or NaN when the offset changes within the day. */
const dayOffsets = new Map<string, Map<number, number>>();

/**
 * The UTC offset of a time zone at an instant, in minutes (Vietnam: 420).
 * @example zoneOffsetMinutes('Asia/Ho_Chi_Minh', Date.UTC(2026, 1, 13)) // 420
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  let days = dayOffsets.get(zone);
  if (!days) {
    days = new Map();
    dayOffsets.set(zone, days);
  }
  const day = Math.floor(ms / MS_PER_DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = intlOffsetMinutes(zone, day * MS_PER_DAY);
    const end = intlOffsetMinutes(zone, day * MS_PER_DAY + MS_PER_DAY - 1);
    offset = start === end ? start : Number.NaN;
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? intlOffsetMinutes(zone, ms) : offset;
}

/**
 * The instant of a local wall time in a zone. A wall time skipped by a DST jump is read with the
 * offset before the jump (02:30 in a 02:00→03:00 gap is 03:30); a repeated one is its first
 * occurrence — as luxon does.
 * @example localToEpochMs('Asia/Ho_Chi_Minh', 2026, 2, 13, 16, 30, 0) // Date.UTC(2026, 1, 13, 9, 30)
 */
export function localToEpochMs(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const local = (ms: number): number => ms + zoneOffsetMinutes(zone, ms) * MS_PER_MINUTE;
  const t1 = wall - zoneOffsetMinutes(zone, wall - zoneOffsetMinutes(zone, wall) * MS_PER_MINUTE) * MS_PER_MINUTE;
  const before = wall - zoneOffsetMinutes(zone, t1 - TRANSITION_WINDOW_MS) * MS_PER_MINUTE;
  if (local(t1) !== wall) return before;
  return before < t1 && local(before) === wall ? before : t1;
}

/**
 * The local day number (days since 1970-01-01 in the zone's wall time) of an instant: two instants
 * fall on the same local date exactly when their day numbers are equal.
 * @example localDayNumber('Asia/Ho_Chi_Minh', Date.UTC(2026, 1, 13, 17)) // 20498 (2026-02-14)
 */
export function localDayNumber(zone: string, ms: number): number {
  return Math.floor((ms + zoneOffsetMinutes(zone, ms) * MS_PER_MINUTE) / MS_PER_DAY);
}
