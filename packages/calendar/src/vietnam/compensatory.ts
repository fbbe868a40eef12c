/**
 * Nghỉ bù — the compensatory-day rule for holidays that fall on a weekly rest day.
 */
import { dayNumberFromCivil, weekdayOfDayNumber } from '../civil-date.js';
import type { DatedName } from './labour-code.js';

/** Decision 188/1999/QĐ-TTg: state agencies rest on Saturday and Sunday from 1999-10-01. */
const TWO_DAY_WEEKEND_FROM = dayNumberFromCivil(1999, 10, 1);

/**
 * True when a date is a weekly rest day of state agencies: Saturday and Sunday from 1999-10-01
 * (Decision 188/1999/QĐ-TTg, 40-hour week), Sunday only before. The rule is the statutory week, not a
 * calendar's office windows: a desk that opens on Saturday mornings still gives its staff the Monday off.
 * @example isWeeklyRestDay(dayNumberFromIso('2026-04-26')) // true (Sunday)
 */
export function isWeeklyRestDay(day: number): boolean {
  const weekday = weekdayOfDayNumber(day);
  return weekday === 7 || (weekday === 6 && day >= TWO_DAY_WEEKEND_FROM);
}

/** Options of {@link compensatoryDays}. */
export interface CompensatoryOptions {
  /** Days already off for another reason (e.g. a notice's days), skipped like holidays. */
  readonly unavailable?: ReadonlySet<number>;
}

/** A compensatory day and the holiday it stands for. */
export interface CompensatoryDay<T extends DatedName = DatedName> {
  readonly day: number;
  readonly forHoliday: T;
}

/**
 * The compensatory days of a set of holidays. LC2019 art. 111(3) (as LC2012 art. 115(3) and LC1994
 * art. 73 before it): a holiday falling on a weekly rest day gives the next working day off. Several
 * in one block are compensated on consecutive following days that are neither rest days, holidays nor
 * already compensatory days (2023: Giỗ Tổ Sat 29/4 and Sun 30/4 → Tue 2/5 and Wed 3/5, after the
 * Monday holiday 1/5). Each holiday looks at most a few days ahead, so the cost is O(holidays).
 * @example compensatoryDays([{ day: dayNumberFromIso('2019-04-14'), name: 'Giỗ Tổ' }]) // [{ day: 2019-04-15, … }]
 */
export function compensatoryDays<T extends DatedName>(
  holidays: readonly T[],
  options: CompensatoryOptions = {},
): CompensatoryDay<T>[] {
  const unavailable = options.unavailable ?? new Set<number>();
  const holidaySet = new Set(holidays.map((h) => h.day));
  const taken = new Set<number>();
  const result: CompensatoryDay<T>[] = [];
  for (const holiday of [...holidays].sort((a, b) => a.day - b.day)) {
    if (!isWeeklyRestDay(holiday.day)) continue;
    let day = holiday.day + 1;
    while (isWeeklyRestDay(day) || holidaySet.has(day) || taken.has(day) || unavailable.has(day)) day++;
    taken.add(day);
    result.push({ day, forHoliday: holiday });
  }
  return result;
}
