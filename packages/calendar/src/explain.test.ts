import { describe, expect, it } from 'vitest';
import { addWorkingTime } from './arithmetic.js';
import { explainDeadline } from './explain.js';
import type { Duration } from './types.js';
import { createWorkCalendar } from './work-calendar.js';

const calendar = createWorkCalendar({
  name: 'Test 2026',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  daysOff: [
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date, k) => ({
      date,
      kind: 'holiday' as const,
      name: `Tết (ngày ${k + 1})`,
      source: 'Test notice 1',
    })),
    { date: '2026-02-16', kind: 'local', name: 'Province day' },
    { date: '2026-08-31', kind: 'swap-off', name: 'Swapped Monday', source: 'Test notice 2' },
  ],
  extraWorkingDays: [
    { date: '2026-08-22', kind: 'make-up-workday', name: 'Make-up Saturday', source: 'Test notice 2' },
  ],
});
const vn = (local: string) => `${local}+07:00`;
const days = (amount: number): Duration => ({ amount, unit: 'workingDay' });

describe('explainDeadline', () => {
  it('explains 3 working days across a holiday block', () => {
    const why = explainDeadline(calendar, vn('2026-02-13T16:30:00'), days(3));
    expect(why.due).toEqual(new Date(vn('2026-02-25T16:30:00')));
    expect(why.countingFrom).toEqual(new Date(vn('2026-02-13T16:30:00')));
    expect(why.workingMinutes).toBe(1440);
    expect(why.rule).toBe('working-time');
    expect(why.skipped).toEqual([
      { date: '2026-02-14', kind: 'weekend', reason: 'Thứ Bảy (nghỉ hằng tuần) / Saturday (weekly rest)' },
      { date: '2026-02-15', kind: 'weekend', reason: 'Chủ nhật (nghỉ hằng tuần) / Sunday (weekly rest)' },
      {
        date: '2026-02-16',
        kind: 'holiday',
        reason: 'Tết (ngày 1) — Test notice 1; Province day',
        source: 'Test notice 1',
      },
      { date: '2026-02-17', kind: 'holiday', reason: 'Tết (ngày 2) — Test notice 1', source: 'Test notice 1' },
      { date: '2026-02-18', kind: 'holiday', reason: 'Tết (ngày 3) — Test notice 1', source: 'Test notice 1' },
      { date: '2026-02-19', kind: 'holiday', reason: 'Tết (ngày 4) — Test notice 1', source: 'Test notice 1' },
      { date: '2026-02-20', kind: 'holiday', reason: 'Tết (ngày 5) — Test notice 1', source: 'Test notice 1' },
      { date: '2026-02-21', kind: 'weekend', reason: 'Thứ Bảy (nghỉ hằng tuần) / Saturday (weekly rest)' },
      { date: '2026-02-22', kind: 'weekend', reason: 'Chủ nhật (nghỉ hằng tuần) / Sunday (weekly rest)' },
    ]);
    for (const day of why.skipped) expect(day.reason).toBe(day.reason.normalize('NFC'));
  });

  it('agrees with addWorkingTime for every unit and rule', () => {
    const durations: Duration[] = [
      days(0),
      days(2.5),
      days(7),
      { amount: 90, unit: 'workingMinute' },
      { amount: 5, unit: 'calendarDay' },
      { amount: 1, unit: 'sameDay', cutoff: '15:00' },
    ];
    const starts = ['2026-02-13T16:30:00', '2026-08-20T15:30:00', '2026-08-29T10:00:00', '2026-01-06T12:15:00'];
    for (const start of starts) {
      for (const duration of durations) {
        for (const rule of ['working-time', 'civil-code'] as const) {
          const why = explainDeadline(calendar, vn(start), duration, { rule });
          expect(why.due).toEqual(addWorkingTime(calendar, vn(start), duration, { rule }));
          expect(why.countingFrom.getTime()).toBeLessThanOrEqual(why.due.getTime());
          const dueDate = new Date(why.due.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
          for (const day of why.skipped) {
            expect(day.date > start.slice(0, 10)).toBe(true);
            expect(day.date < dueDate).toBe(true);
          }
        }
      }
    }
  });

  it('civil-code counts from the next day and skips the swapped Monday, not the make-up Saturday', () => {
    const why = explainDeadline(calendar, vn('2026-08-20T15:00:00'), days(3), { rule: 'civil-code' });
    // Fri 21 (1), Sat 22 worked (2), Sun 23 off, Mon 24 (3).
    expect(why.due).toEqual(new Date(vn('2026-08-24T17:00:00')));
    expect(why.countingFrom).toEqual(new Date(vn('2026-08-21T08:00:00')));
    expect(why.workingMinutes).toBe(3 * 480);
    expect(why.skipped.map((d) => d.date)).toEqual(['2026-08-23']);
    const swap = explainDeadline(calendar, vn('2026-08-28T15:00:00'), days(1), { rule: 'civil-code' });
    expect(swap.skipped.map((d) => [d.date, d.kind])).toEqual([
      ['2026-08-29', 'weekend'],
      ['2026-08-30', 'weekend'],
      ['2026-08-31', 'swap-off'],
    ]);
  });

  it('sameDay before the cut-off counts from the next working instant of the day', () => {
    const why = explainDeadline(calendar, vn('2026-01-06T12:20:00'), { amount: 1, unit: 'sameDay', cutoff: '15:00' });
    expect(why.due).toEqual(new Date(vn('2026-01-06T17:00:00')));
    expect(why.countingFrom).toEqual(new Date(vn('2026-01-06T13:00:00')));
    expect(why.workingMinutes).toBe(240);
    expect(why.skipped).toEqual([]);
  });

  it('names the date a calendar-day period would need beyond the range', () => {
    expect(() => explainDeadline(calendar, vn('2026-12-20T09:00:00'), { amount: 30, unit: 'calendarDay' })).toThrow(
      'due: the last day of the period (2027-01-19) falls after 2026-12-31, the last date of calendar "Test 2026" (2026-01-01..2026-12-31)',
    );
  });

  it('sameDay after the cut-off counts from the next working morning', () => {
    const why = explainDeadline(calendar, vn('2026-02-13T15:30:00'), { amount: 1, unit: 'sameDay', cutoff: '15:00' });
    expect(why.due).toEqual(new Date(vn('2026-02-23T17:00:00')));
    expect(why.countingFrom).toEqual(new Date(vn('2026-02-23T08:00:00')));
    expect(why.workingMinutes).toBe(480);
    expect(why.skipped).toHaveLength(9);
  });
});
