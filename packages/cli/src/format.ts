/**
 * Output formatting: instants as ISO 8601 with the calendar zone's offset, human dates in
 * Vietnamese and English, and plain-text tables.
 */
import { dayNumberFromIso, type IsoDate, weekdayOfDayNumber } from '@tthc/calendar';
import { formatInstant as isoInZone } from '@tthc/core';

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

const WEEKDAYS_VI = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A civil date for people: `Thứ Sáu 13/02/2026 (Fri)`.
 * @example humanDate('2026-02-13') // 'Thứ Sáu 13/02/2026 (Fri)'
 */
export function humanDate(date: IsoDate): string {
  const weekday = weekdayOfDayNumber(dayNumberFromIso(date)) - 1;
  const [y, m, d] = date.split('-');
  return `${WEEKDAYS_VI[weekday]} ${d}/${m}/${y} (${WEEKDAYS_EN[weekday]})`;
}

/**
 * An instant for people, in the zone: `Thứ Tư 25/02/2026 (Wed) 16:30`.
 * @example humanInstant(new Date('2026-02-25T09:30:00Z'), 'Asia/Ho_Chi_Minh') // 'Thứ Tư 25/02/2026 (Wed) 16:30'
 */
export function humanInstant(instant: Date, zone: string): string {
  const { date, time } = localParts(instant, zone);
  return `${humanDate(date)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}

/**
 * A plain-text table with a header row and aligned columns.
 * @example table(['date', 'name'], [['2026-01-01', 'Tết Dương lịch']])
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  // The last column is free text: its rule is only as wide as its header, so long notes wrap, not the rule.
  const rule = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? (header[i] ?? '').length : w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/**
 * Serialises a command's machine output: pretty JSON plus a final newline.
 * @example json({ workingDays: 20 }) // '{\n  "workingDays": 20\n}\n'
 */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
