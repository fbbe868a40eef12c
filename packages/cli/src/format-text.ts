/**
 * Text formatting that needs only the calendar: human dates in Vietnamese and English, instants in a
 * calendar's zone, plain-text tables and JSON. Kept apart from format.ts (which formats instants for
 * a bare zone name through @tthc/core) so that `tthc deadline` loads the calendar alone.
 */
import {
  dayNumberFromIso,
  formatLocalInstant,
  type IsoDate,
  type WorkCalendar,
  weekdayOfDayNumber,
} from '@tthc/calendar';

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
 * ISO 8601 in the calendar's zone with its offset, seconds precision: the `due` of `tthc deadline --json`.
 * @example formatInstantIn(vietnamCalendar(), new Date('2026-02-25T09:30:00Z')) // '2026-02-25T16:30:00+07:00'
 */
export function formatInstantIn(calendar: WorkCalendar, instant: Date): string {
  return formatLocalInstant(calendar, instant.getTime());
}

/**
 * An instant for people, in the calendar's zone: `Thứ Tư 25/02/2026 (Wed) 16:30`.
 * @example humanInstantIn(vietnamCalendar(), new Date('2026-02-25T09:30:00Z')) // 'Thứ Tư 25/02/2026 (Wed) 16:30'
 */
export function humanInstantIn(calendar: WorkCalendar, instant: Date): string {
  const iso = formatInstantIn(calendar, instant); // YYYY-MM-DDTHH:mm:ss±HH:MM
  const time = iso.slice(11, 19);
  return `${humanDate(iso.slice(0, 10))} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
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
