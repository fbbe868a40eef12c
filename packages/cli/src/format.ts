/**
 * Output formatting: instants as ISO 8601 with the calendar zone's offset, human dates in
 * Vietnamese and English, and plain-text tables.
 */
import type { IsoDate } from '@tthc/calendar';
import { formatInstant as isoInZone } from '@tthc/core';
import { humanDate } from './format-text.js';

// The pure text helpers live in format-text.ts (calendar only), so that commands which need no more
// (deadline, days, holidays, lunar) load without @tthc/core; re-exported here for the others.
export { humanDate, json, table } from './format-text.js';

/** Local wall-clock fields of an instant in a zone. */
export interface LocalParts {
  readonly date: IsoDate;
  readonly time: string;
  /** Offset from UTC in minutes, e.g. 420 for +07:00. */
  readonly offsetMinutes: number;
}

/**
 * Wall-clock date, time (seconds precision) and UTC offset of an instant in an IANA zone, read from
 * the runtime's ISO formatting, so the answer never depends on the process `TZ`.
 * @example localParts(new Date('2026-02-13T09:30:00Z'), 'Asia/Ho_Chi_Minh') // { date: '2026-02-13', time: '16:30:00', offsetMinutes: 420 }
 */
export function localParts(instant: Date, zone: string): LocalParts {
  const iso = formatInstant(instant, zone); // YYYY-MM-DDTHH:mm:ss±HH:MM
  const sign = iso[19] === '-' ? -1 : 1;
  const offsetMinutes = sign * (Number(iso.slice(20, 22)) * 60 + Number(iso.slice(23, 25)));
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), offsetMinutes };
}

/**
 * ISO 8601 with the zone's offset, seconds precision: the `due` field of `tthc deadline --json`.
 * @example formatInstant(new Date('2026-02-25T09:30:00Z'), 'Asia/Ho_Chi_Minh') // '2026-02-25T16:30:00+07:00'
 */
export function formatInstant(instant: Date, zone: string): string {
  return isoInZone(instant.getTime(), zone);
}

/**
 * An instant for people, in the zone: `Thứ Tư 25/02/2026 (Wed) 16:30`.
 * @example humanInstant(new Date('2026-02-25T09:30:00Z'), 'Asia/Ho_Chi_Minh') // 'Thứ Tư 25/02/2026 (Wed) 16:30'
 */
export function humanInstant(instant: Date, zone: string): string {
  const { date, time } = localParts(instant, zone);
  return `${humanDate(date)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}
