/** Portal times: hours with a LoaiThoiGian, 8 h = 1 working day (REFERENCE.md §1.5). */
import type { Duration } from '@tthc/calendar';
import { type JsonPath, type ReadContext, readNumber, report } from '../native.js';
import { foldVietnamese, toWorkingMinutes } from '../normalize.js';

/** Hours per working day in one-stop software (8 h = 1 day, REFERENCE.md §1.5). */
export const HOURS_PER_DAY = 8;

/**
 * Hours with their LoaiThoiGian: "Ngày" counts calendar days (hours / 8 of them, as Thanh Hóa's
 * CaculateTime does); anything else ("Ngày làm việc", absent) counts working hours.
 * @example readHours(ctx, '4', 'Ngày làm việc', ['ThoiGianXuLy']) // { amount: 4, unit: 'workingHour' }
 */
export function readHours(
  ctx: ReadContext,
  hours: unknown,
  kind: string | undefined,
  path: JsonPath,
): Duration | undefined {
  const n = readNumber(hours);
  if (n === undefined || n < 0) {
    report(ctx, 'value.unreadable', path, 'expected a number of hours', { value: hours });
    return undefined;
  }
  return kind !== undefined && foldVietnamese(kind) === 'ngay'
    ? { amount: n / HOURS_PER_DAY, unit: 'calendarDay' }
    : { amount: n, unit: 'workingHour' };
}

/**
 * Hours and LoaiThoiGian of a duration. A same-day limit is written as one working day (8 h).
 * @example writeHours({ amount: 3, unit: 'calendarDay' }) // { hours: 24, kind: 'Ngày' }
 */
export function writeHours(d: Duration): { hours: number; kind: string } {
  if (d.unit === 'calendarDay') return { hours: d.amount * HOURS_PER_DAY, kind: 'Ngày' };
  const minutes = d.unit === 'sameDay' ? HOURS_PER_DAY * 60 : (toWorkingMinutes(d) ?? 0);
  return { hours: minutes / 60, kind: 'Ngày làm việc' };
}
