import {
  createWorkCalendar,
  isoFromDayNumber,
  isWorkingTime,
  localDateOf,
  vietnamCalendar,
  workingTimeBetween,
} from '@tthc/calendar';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { WorkingAxis } from './working-axis.js';

const vn = vietnamCalendar();

describe('WorkingAxis', () => {
  test('starts at the first working instant of the date, skipping holidays', () => {
    // 2025-09-01 and 09-02 are days off (Labour Code 2019 art. 112: 2/9 plus one adjacent day).
    const axis = WorkingAxis.fromDate(vn, '2025-09-01');
    expect(new Date(axis.originMs).toISOString()).toBe('2025-09-03T01:00:00.000Z');
    expect(isoFromDayNumber(axis.dayNumber(0))).toBe('2025-09-03');
    expect(axis.dayEnd(0)).toBe(480);
  });

  test('the day table matches the calendar: dates, lengths, make-up Saturdays', () => {
    // 2025-04-26 is a make-up Saturday (worked for Fri 2/5).
    const axis = WorkingAxis.fromDate(vn, '2025-04-21');
    const dates: string[] = [];
    for (let d = 0; d < 10; d++) dates.push(isoFromDayNumber(axis.dayNumber(d)));
    expect(dates).toEqual([
      '2025-04-21',
      '2025-04-22',
      '2025-04-23',
      '2025-04-24',
      '2025-04-25',
      '2025-04-26',
      '2025-04-28',
      '2025-04-29',
      '2025-05-05',
      '2025-05-06',
    ]);
    expect(axis.weekday(5)).toBe(6);
    expect(axis.dayStart(8)).toBe(8 * 480);
  });

  test('axis ↔ instant round trip, and dates agree with localDateOf (close stays on its day)', () => {
    const axis = WorkingAxis.fromDate(vn, '2025-12-29');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 480 * 120, noNaN: true }), (m) => {
        const ms = axis.toMs(m);
        expect(isWorkingTime(vn, ms) || isWorkingTime(vn, ms - 1)).toBe(true);
        expect(Math.abs(axis.fromMs(ms) - m)).toBeLessThan(1 / 60_000);
        // toMs works in whole milliseconds; compare dates away from a day boundary.
        const d = axis.dayOf(m);
        if (m - axis.dayStart(d) > 1e-3 || d === 0) {
          expect(isoFromDayNumber(axis.dayNumberAt(m))).toBe(localDateOf(vn, ms));
        }
      }),
    );
  });

  test('a date asked far ahead on a fresh axis (the table grows meanwhile) is right', () => {
    const axis = WorkingAxis.fromDate(vn, '2025-07-01');
    const m = 480 * 100 + 30;
    expect(isoFromDayNumber(axis.dayNumberAt(m))).toBe(localDateOf(vn, axis.toMs(m)));
  });

  test('working minutes between instants equal axis differences', () => {
    const axis = WorkingAxis.fromDate(vn, '2026-02-09');
    const a = axis.toMs(300);
    const b = axis.toMs(4000);
    expect(workingTimeBetween(vn, a, b)).toBeCloseTo(3700, 6);
  });

  test('a custom calendar with Saturday mornings: a half day is 240 minutes on the axis', () => {
    const cal = createWorkCalendar({
      validFrom: '2026-01-01',
      validTo: '2026-03-31',
      weekly: {
        1: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
        6: [{ start: '08:00', end: '12:00' }],
      },
    });
    const axis = WorkingAxis.fromDate(cal, '2026-01-05');
    expect(axis.dayEnd(0)).toBe(480);
    expect(axis.weekday(1)).toBe(6);
    expect(axis.dayEnd(1) - axis.dayStart(1)).toBe(240);
  });

  test('running past the calendar fails with OUT_OF_RANGE naming the last date', () => {
    const cal = createWorkCalendar({ validFrom: '2026-01-01', validTo: '2026-01-31' });
    const axis = WorkingAxis.fromDate(cal, '2026-01-26');
    expect(() => axis.dayEnd(10)).toThrow(/goes past 2026-01-31/);
  });
});
