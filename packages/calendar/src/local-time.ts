/**
 * An instant's local date and wall time in a calendar's zone, read from the calendar's precomputed
 * offset table (O(1) for a fixed-offset zone such as Asia/Ho_Chi_Minh), so views and reports never
 * need `Intl` or luxon per call. Outside the calendar's range the zone rules are asked directly.
 */
import { IANAZone } from 'luxon';
import { civilFromDayNumber, type IsoDate, isoFromDayNumber } from './civil-date.js';
import { MS_PER_DAY } from './day-tables.js';
import { toEpochMs } from './instant.js';
import type { InstantInput } from './types.js';
import { internalsOf, type WorkCalendar } from './work-calendar.js';
import { offsetAt } from './zone-offsets.js';

const MS_PER_MINUTE = 60_000;

/** Offset of the calendar's zone at `t`, in milliseconds. */
function offsetMs(calendar: WorkCalendar, t: number): number {
  const { tables } = internalsOf(calendar);
  const { offsets } = tables;
  if (!Number.isNaN(offsets.fixed)) return offsets.fixed;
  const day = Math.floor(t / MS_PER_DAY);
  // The table covers the calendar's range (plus a margin); beyond it the zone itself decides.
  if (day > tables.firstDay - 2 && day < tables.firstDay + tables.dayCount + 2) return offsetAt(offsets, t);
  return IANAZone.create(calendar.zone).offset(t) * MS_PER_MINUTE;
}

/**
 * The local civil date (`YYYY-MM-DD`) of an instant in the calendar's zone.
 * @throws {CalendarError} `INVALID_INSTANT` for an unreadable instant.
 * @example localDateOf(vietnamCalendar(), '2026-02-13T17:30:00Z') // '2026-02-14'
 */
export function localDateOf(calendar: WorkCalendar, at: InstantInput): IsoDate {
  const t = toEpochMs(at, 'at');
  return isoFromDayNumber(Math.floor((t + offsetMs(calendar, t)) / MS_PER_DAY));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * An instant as ISO 8601 text in the calendar's zone with its offset, to the second — the form the
 * CLI and the reports print.
 * @example formatLocalInstant(vietnamCalendar(), Date.UTC(2026, 1, 13, 9, 30)) // '2026-02-13T16:30:00+07:00'
 */
export function formatLocalInstant(calendar: WorkCalendar, at: InstantInput): string {
  const t = toEpochMs(at, 'at');
  const off = offsetMs(calendar, t);
  const local = Math.floor(t / 1000) * 1000 + off;
  const day = Math.floor(local / MS_PER_DAY);
  const { year, month, day: dom } = civilFromDayNumber(day);
  const secs = Math.floor((local - day * MS_PER_DAY) / 1000);
  const offMin = Math.round(off / MS_PER_MINUTE);
  const sign = offMin < 0 ? '-' : '+';
  const abs = Math.abs(offMin);
  return `${pad(year, 4)}-${pad(month)}-${pad(dom)}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
