/**
 * Month periods — thời hạn tính bằng tháng ("06 tháng", "03 tháng"): Civil Code 2015 (Bộ luật Dân sự
 * 91/2015/QH13) art. 147–148.
 *
 * - Art. 147(1): when a period is counted in months the first day is not counted; counting starts
 *   the next day.
 * - Art. 148(1)(c): a period in months ends at the end of the corresponding day (same day number) of
 *   its last month; when that month has no such day, at the end of its last day.
 * - Art. 148(5): when the last day is a weekly rest day or a public holiday, the period ends at the
 *   end of the next working day.
 *
 * This file holds the date part (pure civil-date arithmetic); moving a day off to the next working
 * day needs a calendar and is done by the deadline engine.
 */
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  dayNumberFromIso,
  daysInMonth,
  type IsoDate,
  isoFromDayNumber,
} from './civil-date.js';
import { CalendarError } from './errors.js';

/** The largest month amount accepted (100 years): bounds untrusted input, far beyond any legal period. */
export const MAX_MONTHS = 1200;

function checkMonths(months: number, field: string): void {
  if (!Number.isInteger(months) || months < 0 || months > MAX_MONTHS) {
    throw new CalendarError(
      'INVALID_DURATION',
      `${field}: a period in months must be a whole number 0–${MAX_MONTHS}, got ${String(months)}`,
      { field, value: months },
    );
  }
}

/**
 * The day number of the last day of a period of `months` months starting on the day `startDay`
 * (the day of the event, not counted): the same day number `months` months later, or that month's
 * last day when it has none (Civil Code 2015 art. 148(1)(c)). Zero months is the start day itself.
 * @throws {CalendarError} `INVALID_DURATION` for a fractional, negative or huge amount.
 * @example monthPeriodLastDay(dayNumberFromIso('2026-08-31'), 6) === dayNumberFromIso('2027-02-28') // true
 */
export function monthPeriodLastDay(startDay: number, months: number): number {
  checkMonths(months, 'months');
  const { year, month, day } = civilFromDayNumber(startDay);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayNumberFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * The last day (before any move off a day off) of a period of `months` months whose event falls on
 * `start` — Civil Code 2015 art. 147–148: "06 tháng" from 31/08/2026 ends on 28/02/2027.
 * @throws {CalendarError} `INVALID_DATE` for a date that is not real, `INVALID_DURATION` for a bad amount.
 * @example
 * addCivilMonths('2026-08-31', 6) // '2027-02-28'
 * addCivilMonths('2026-01-15', 3) // '2026-04-15'
 */
export function addCivilMonths(start: IsoDate, months: number): IsoDate {
  return isoFromDayNumber(monthPeriodLastDay(dayNumberFromIso(start, 'start'), months));
}
