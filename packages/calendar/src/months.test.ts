import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingTime } from './arithmetic.js';
import { dayNumberFromIso, isoFromDayNumber } from './civil-date.js';
import { formatDuration, parseDuration } from './duration.js';
import { CalendarError } from './errors.js';
import { addCivilMonths, monthPeriodLastDay } from './months.js';
import type { Duration } from './types.js';
import { vietnamCalendar } from './vietnam/index.js';
import { describeDay } from './work-calendar.js';

const months = (amount: number): Duration => ({ amount, unit: 'calendarMonth' });

/**
 * Naive reference for Civil Code 2015 art. 148(1)(c), written independently of months.ts: walk the
 * months one at a time with JavaScript's Date, then clamp the day to the month's length.
 */
function naiveLastDay(start: string, n: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1, 1));
  for (let i = 0; i < n; i++) firstOfTarget.setUTCMonth(firstOfTarget.getUTCMonth() + 1);
  const length = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, length));
  return firstOfTarget.toISOString().slice(0, 10);
}

describe('month periods (Civil Code 2015 art. 147–148)', () => {
  it('ends on the same-numbered day of the last month, or its last day', () => {
    expect(addCivilMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addCivilMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCivilMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCivilMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCivilMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCivilMonths('2026-05-20', 0)).toBe('2026-05-20');
    expect(addCivilMonths('2026-05-20', 12)).toBe('2027-05-20');
  });

  it('agrees with a naive month walk (property)', () => {
    const start = fc.integer({ min: dayNumberFromIso('1990-01-01'), max: dayNumberFromIso('2060-12-31') });
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 240 }), (day, n) => {
        const iso = isoFromDayNumber(day);
        expect(addCivilMonths(iso, n)).toBe(naiveLastDay(iso, n));
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotone in the start day and in the amount (property)', () => {
    const start = fc.integer({ min: dayNumberFromIso('2000-01-01'), max: dayNumberFromIso('2050-12-31') });
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 120 }), (day, n) => {
        expect(monthPeriodLastDay(day + 1, n)).toBeGreaterThanOrEqual(monthPeriodLastDay(day, n));
        expect(monthPeriodLastDay(day, n + 1)).toBeGreaterThan(monthPeriodLastDay(day, n));
      }),
    );
  });

  it('refuses fractional, negative and huge amounts', () => {
    for (const bad of [1.5, -1, 5000, Number.NaN]) {
      expect(() => addCivilMonths('2026-01-01', bad)).toThrow(CalendarError);
    }
  });

  it('parseDuration reads months and formatDuration writes them back', () => {
    expect(parseDuration('06 tháng')).toEqual(months(6));
    expect(parseDuration('Trong thời hạn 03 (ba) tháng kể từ ngày nhận đủ hồ sơ')).toEqual(months(3));
    expect(parseDuration('6 months')).toEqual(months(6));
    expect(() => parseDuration('1,5 tháng')).toThrow(/whole/);
    expect(() => parseDuration('05 (sáu) tháng')).toThrow(/words/);
    expect(formatDuration(months(6))).toBe('6 tháng');
    expect(formatDuration(months(1), { lang: 'en' })).toBe('1 calendar month');
    expect(parseDuration(formatDuration(months(18)))).toEqual(months(18));
  });
});

describe('month periods on the Vietnam calendar', () => {
  const calendar = vietnamCalendar();
  const due = (start: string, n: number) =>
    addWorkingTime(calendar, `${start}+07:00`, months(n), { rule: 'civil-code' }).toISOString();

  it('ends at the close of the last day, or of the next working day after a day off', () => {
    // 15/01/2026 + 6 months = Wednesday 15/07/2026, a working day: close 17:00 (10:00 UTC).
    expect(due('2026-01-15T09:00:00', 6)).toBe('2026-07-15T10:00:00.000Z');
    // 31/08/2026 + 6 months = Sunday 28/02/2027 (no 31 Feb): the period ends Monday 01/03/2027.
    expect(due('2026-08-31T09:00:00', 6)).toBe('2027-03-01T10:00:00.000Z');
    // 02/03/2026 + 2 months = Saturday 02/05/2026 (weekend after the 30/4–1/5 holidays) → Monday 04/05.
    expect(due('2026-03-02T09:00:00', 2)).toBe('2026-05-04T10:00:00.000Z');
  });

  it('agrees with the naive last day moved past days off (property)', () => {
    const start = fc.integer({ min: dayNumberFromIso('2026-01-01'), max: dayNumberFromIso('2026-06-30') });
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 6 }), (day, n) => {
        const iso = isoFromDayNumber(day);
        let last = dayNumberFromIso(naiveLastDay(iso, n));
        while (!describeDay(calendar, isoFromDayNumber(last)).working) last++;
        const got = addWorkingTime(calendar, `${iso}T10:00:00+07:00`, months(n), { rule: 'civil-code' });
        expect(got.toISOString().slice(0, 10)).toBe(isoFromDayNumber(last));
      }),
      { numRuns: 300 },
    );
  });
});
