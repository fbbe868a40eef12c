import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  addWorkingTimeMs,
  countWorkingDays,
  isWorkingTime,
  nextWorkingInstant,
  workingTimeBetween,
} from './arithmetic.js';
import { CalendarError } from './errors.js';
import type { Duration, SpecialDay } from './types.js';
import { createWorkCalendar } from './work-calendar.js';

/** Hand-built 2026 calendar (not the Vietnam data): a holiday block and a swap with a make-up Saturday. */
const daysOff: SpecialDay[] = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
  date,
  kind: 'holiday',
  name: 'Test block',
  source: 'Test notice 1',
}));
daysOff.push({ date: '2026-08-31', kind: 'swap-off', name: 'Swapped Monday', source: 'Test notice 2' });
const calendar = createWorkCalendar({
  name: 'Test 2026',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  daysOff,
  extraWorkingDays: [
    { date: '2026-08-22', kind: 'make-up-workday', name: 'Make-up Saturday', source: 'Test notice 2' },
  ],
});

const vn = (local: string) => `${local}+07:00`;
const at = (local: string) => new Date(vn(local));
const hours = (amount: number): Duration => ({ amount, unit: 'workingHour' });
const days = (amount: number): Duration => ({ amount, unit: 'workingDay' });

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

describe('addWorkingTime, working-time rule', () => {
  it('Fri 16:30 + 4 h → Mon 11:30', () => {
    expect(addWorkingTime(calendar, vn('2026-01-09T16:30:00'), hours(4))).toEqual(at('2026-01-12T11:30:00'));
  });

  it('08:00 + 4 h stays at the 12:00 close, not 13:00', () => {
    expect(addWorkingTime(calendar, vn('2026-01-06T08:00:00'), hours(4))).toEqual(at('2026-01-06T12:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-06T08:00:00'), days(1))).toEqual(at('2026-01-06T17:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-06T08:00:00'), days(0.5))).toEqual(at('2026-01-06T12:00:00'));
  });

  it('a start in the lunch break counts from 13:00', () => {
    expect(addWorkingTime(calendar, vn('2026-01-06T12:30:00'), hours(1))).toEqual(at('2026-01-06T14:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-06T12:30:00'), hours(0))).toEqual(at('2026-01-06T13:00:00'));
  });

  it('a Saturday start counts from Monday 08:00', () => {
    expect(addWorkingTime(calendar, vn('2026-01-10T10:00:00'), days(1))).toEqual(at('2026-01-12T17:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-10T10:00:00'), { amount: 90, unit: 'workingMinute' })).toEqual(
      at('2026-01-12T09:30:00'),
    );
  });

  it('skips a declared holiday block', () => {
    // 30 min on Fri 13/2, Mon 16 – Fri 20 off, 8 h Mon 23, 8 h Tue 24, 7 h 30 on Wed 25.
    expect(addWorkingTime(calendar, vn('2026-02-13T16:30:00'), days(3))).toEqual(at('2026-02-25T16:30:00'));
  });

  it('works the make-up Saturday and skips the swapped Monday', () => {
    expect(addWorkingTime(calendar, vn('2026-08-21T16:00:00'), hours(2))).toEqual(at('2026-08-22T09:00:00'));
    expect(addWorkingTime(calendar, vn('2026-08-28T17:00:00'), hours(1))).toEqual(at('2026-09-01T09:00:00'));
  });

  it('keeps sub-minute precision', () => {
    expect(addWorkingTime(calendar, vn('2026-01-06T08:00:30'), { amount: 0.5, unit: 'workingMinute' })).toEqual(
      at('2026-01-06T08:01:00'),
    );
  });

  it('gives the same answer for Date, epoch, luxon and ISO inputs', () => {
    const inputs = [
      vn('2026-01-09T16:30:00'),
      at('2026-01-09T16:30:00'),
      at('2026-01-09T16:30:00').getTime(),
      DateTime.fromISO('2026-01-09T04:30:00', { zone: 'America/New_York' }),
    ];
    const results = inputs.map((input) => addWorkingTime(calendar, input, hours(4)).getTime());
    expect(new Set(results).size).toBe(1);
  });
});

describe('addWorkingTime, civil-code rule and day units', () => {
  it('civil-code: 3 working days from a Wednesday end at Monday close (the event day is not counted)', () => {
    const due = addWorkingTime(calendar, vn('2026-01-07T10:00:00'), days(3), { rule: 'civil-code' });
    expect(due).toEqual(at('2026-01-12T17:00:00'));
  });

  it('civil-code: whole days skip the holiday block; fractional days count as working time', () => {
    expect(addWorkingTime(calendar, vn('2026-02-13T08:00:00'), days(1), { rule: 'civil-code' })).toEqual(
      at('2026-02-23T17:00:00'),
    );
    expect(addWorkingTime(calendar, vn('2026-01-07T10:00:00'), days(0.5), { rule: 'civil-code' })).toEqual(
      at('2026-01-07T15:00:00'),
    );
    expect(addWorkingTime(calendar, vn('2026-01-07T10:00:00'), hours(2), { rule: 'civil-code' })).toEqual(
      at('2026-01-07T12:00:00'),
    );
  });

  it('calendarDay: a last day on Sunday moves to Monday 17:00 (Civil Code art. 148(5))', () => {
    const period: Duration = { amount: 4, unit: 'calendarDay' };
    expect(addWorkingTime(calendar, vn('2026-01-07T10:00:00'), period)).toEqual(at('2026-01-12T17:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-07T10:00:00'), period, { rule: 'civil-code' })).toEqual(
      at('2026-01-12T17:00:00'),
    );
    expect(addWorkingTime(calendar, vn('2026-01-07T10:00:00'), { amount: 2, unit: 'calendarDay' })).toEqual(
      at('2026-01-09T17:00:00'),
    );
  });

  it('sameDay: before the cut-off → today 17:00; after it → next working day 17:00', () => {
    const sameDay: Duration = { amount: 1, unit: 'sameDay', cutoff: '15:00' };
    expect(addWorkingTime(calendar, vn('2026-01-06T14:59:00'), sameDay)).toEqual(at('2026-01-06T17:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-06T15:00:00'), sameDay)).toEqual(at('2026-01-07T17:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-09T15:30:00'), sameDay)).toEqual(at('2026-01-12T17:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-10T09:00:00'), sameDay)).toEqual(at('2026-01-12T17:00:00'));
    expect(addWorkingTime(calendar, vn('2026-01-06T07:00:00'), sameDay)).toEqual(at('2026-01-06T17:00:00'));
    // Without a cut-off, anything before the close is done today.
    expect(addWorkingTime(calendar, vn('2026-01-06T16:59:00'), { amount: 1, unit: 'sameDay' })).toEqual(
      at('2026-01-06T17:00:00'),
    );
    expect(addWorkingTime(calendar, vn('2026-01-06T17:00:00'), { amount: 1, unit: 'sameDay' })).toEqual(
      at('2026-01-07T17:00:00'),
    );
  });

  it('a step that is not counted ends at the next working instant', () => {
    const notCounted: Duration = { amount: 0, unit: 'workingMinute', notCounted: true };
    expect(addWorkingTime(calendar, vn('2026-01-06T12:10:00'), notCounted)).toEqual(at('2026-01-06T13:00:00'));
  });
});

describe('errors', () => {
  it('refuses to leave the validity range', () => {
    const late = errorOf(() => addWorkingTime(calendar, vn('2026-12-31T10:00:00'), days(2)));
    expect(late.code).toBe('OUT_OF_RANGE');
    expect(late.message).toContain('2026-12-31');
    const early = errorOf(() => addWorkingTime(calendar, vn('2025-12-31T10:00:00'), days(2)));
    expect(early.code).toBe('OUT_OF_RANGE');
    expect(early.message).toBe(
      'start: 2025-12-31 is outside the range of calendar "Test 2026" (2026-01-01..2026-12-31)',
    );
    expect(
      errorOf(() => addWorkingTime(calendar, vn('2026-12-30T10:00:00'), days(2), { rule: 'civil-code' })).code,
    ).toBe('OUT_OF_RANGE');
    expect(
      errorOf(() => addWorkingTime(calendar, vn('2026-12-30T10:00:00'), { amount: 2, unit: 'calendarDay' })).code,
    ).toBe('OUT_OF_RANGE');
    expect(errorOf(() => isWorkingTime(calendar, vn('2027-01-01T10:00:00'))).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => nextWorkingInstant(calendar, vn('2026-12-31T18:00:00'))).code).toBe('OUT_OF_RANGE');
  });

  it('refuses bad durations and rules', () => {
    expect(errorOf(() => addWorkingTime(calendar, vn('2026-01-06T08:00:00'), days(-1))).message).toBe(
      'duration.amount: expected a finite number ≥ 0, got -1',
    );
    expect(
      errorOf(() => addWorkingTime(calendar, vn('2026-01-06T08:00:00'), { amount: 1, unit: 'week' as never })).code,
    ).toBe('INVALID_DURATION');
    expect(
      errorOf(() => addWorkingTime(calendar, vn('2026-01-06T08:00:00'), { amount: 1, unit: 'sameDay', cutoff: '3pm' }))
        .code,
    ).toBe('INVALID_DURATION');
    expect(
      errorOf(() => addWorkingTime(calendar, vn('2026-01-06T08:00:00'), { amount: 1.5, unit: 'calendarDay' })).code,
    ).toBe('INVALID_DURATION');
    expect(
      errorOf(() => addWorkingTime(calendar, vn('2026-01-06T08:00:00'), days(1), { rule: 'lunar' as never })).code,
    ).toBe('INVALID_OPTIONS');
    expect(errorOf(() => addWorkingTime(calendar, '2026-01-06T08:00:00', days(1))).code).toBe('INVALID_INSTANT');
  });

  it('a calendar without working time cannot place a deadline', () => {
    const empty = createWorkCalendar({ weekly: {}, validFrom: '2026-01-01', validTo: '2026-01-31' });
    expect(errorOf(() => addWorkingTime(empty, vn('2026-01-06T08:00:00'), hours(1))).code).toBe('NO_WORKING_TIME');
    expect(errorOf(() => nextWorkingInstant(empty, vn('2026-01-06T08:00:00'))).code).toBe('NO_WORKING_TIME');
    expect(workingTimeBetween(empty, vn('2026-01-06T08:00:00'), vn('2026-01-20T08:00:00'))).toBe(0);
  });
});

describe('isWorkingTime, nextWorkingInstant, workingTimeBetween, countWorkingDays', () => {
  it('windows are half-open', () => {
    expect(isWorkingTime(calendar, vn('2026-01-06T08:00:00'))).toBe(true);
    expect(isWorkingTime(calendar, vn('2026-01-06T11:59:59'))).toBe(true);
    expect(isWorkingTime(calendar, vn('2026-01-06T12:00:00'))).toBe(false);
    expect(isWorkingTime(calendar, vn('2026-01-06T07:59:59'))).toBe(false);
    expect(isWorkingTime(calendar, vn('2026-02-17T09:00:00'))).toBe(false);
    expect(isWorkingTime(calendar, vn('2026-08-22T09:00:00'))).toBe(true);
  });

  it('nextWorkingInstant is the identity on working time', () => {
    expect(nextWorkingInstant(calendar, vn('2026-01-06T09:17:00'))).toEqual(at('2026-01-06T09:17:00'));
    expect(nextWorkingInstant(calendar, vn('2026-01-06T17:00:00'))).toEqual(at('2026-01-07T08:00:00'));
    expect(nextWorkingInstant(calendar, vn('2026-02-13T17:30:00'))).toEqual(at('2026-02-23T08:00:00'));
  });

  it('measures working minutes, negative backwards, fractional for seconds', () => {
    expect(workingTimeBetween(calendar, vn('2026-01-09T16:30:00'), vn('2026-01-12T11:30:00'))).toBe(240);
    expect(workingTimeBetween(calendar, vn('2026-01-12T11:30:00'), vn('2026-01-09T16:30:00'))).toBe(-240);
    expect(workingTimeBetween(calendar, vn('2026-01-06T08:00:00'), vn('2026-01-06T08:00:30'))).toBe(0.5);
    expect(workingTimeBetween(calendar, vn('2026-02-13T00:00:00'), vn('2026-02-24T00:00:00'))).toBe(960);
  });

  it('counts working days with both ends inclusive', () => {
    expect(countWorkingDays(calendar, '2026-01-05', '2026-01-11')).toBe(5);
    expect(countWorkingDays(calendar, '2026-02-09', '2026-02-22')).toBe(5);
    expect(countWorkingDays(calendar, '2026-08-17', '2026-08-31')).toBe(11);
    expect(countWorkingDays(calendar, '2026-01-06', '2026-01-06')).toBe(1);
    expect(countWorkingDays(calendar, '2026-01-07', '2026-01-06')).toBe(0);
    // Instants count by their local date: 23:30 Monday and 00:10 Friday in Asia/Ho_Chi_Minh.
    expect(countWorkingDays(calendar, '2026-01-05T16:30:00Z', at('2026-01-09T00:10:00'))).toBe(5);
    expect(countWorkingDays(calendar, '2026-01-05T17:30:00Z', at('2026-01-08T23:50:00'))).toBe(3);
    expect(countWorkingDays(calendar, '2026-01-01', '2026-12-31')).toBe(261 - 6 + 1);
    expect(errorOf(() => countWorkingDays(calendar, '2025-12-31', '2026-01-06')).code).toBe('OUT_OF_RANGE');
  });
});

describe('laws (quick properties; the full suites live in @tthc/testing)', () => {
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 9, 1) });
  const minutes = fc.integer({ min: 0, max: 40 * 480 });

  it('workingTimeBetween(s, add(s, m)) = m', () => {
    fc.assert(
      fc.property(instant, minutes, (s, m) => {
        const due = addWorkingTime(calendar, s, { amount: m, unit: 'workingMinute' });
        expect(workingTimeBetween(calendar, s, due)).toBe(m);
      }),
    );
  });

  it('add is monotone in the duration and lands in working time or exactly at a close', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const dueLo = addWorkingTime(calendar, s, { amount: lo, unit: 'workingMinute' }).getTime();
        const dueHi = addWorkingTime(calendar, s, { amount: hi, unit: 'workingMinute' }).getTime();
        expect(dueLo).toBeLessThanOrEqual(dueHi);
        if (hi > 0) expect(isWorkingTime(calendar, dueHi - 1)).toBe(true);
      }),
    );
  });

  it('civil-code N days ends at the close of the N-th working day after the start date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (s, n) => {
        const civil = addWorkingTime(calendar, s, days(n), { rule: 'civil-code' });
        expect(countWorkingDays(calendar, s, civil) - (countWorkingDays(calendar, s, s) ? 1 : 0)).toBe(n);
        expect(isWorkingTime(calendar, civil.getTime() - 1)).toBe(true);
        expect(isWorkingTime(calendar, civil)).toBe(false);
      }),
    );
  });

  it('countWorkingDays is additive over adjacent ranges', () => {
    const day = fc.integer({ min: 0, max: 363 });
    const iso = (d: number) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, day, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const split = countWorkingDays(calendar, iso(a), iso(b)) + countWorkingDays(calendar, iso(b + 1), iso(c));
        expect(split).toBe(countWorkingDays(calendar, iso(a), iso(c)));
      }),
    );
  });
});

describe('addWorkingTimeMs', () => {
  it('agrees with addWorkingTime without allocating a Date', async () => {
    const { vietnamCalendar } = await import('./vietnam/index.js');
    const cal = vietnamCalendar();
    const start = Date.parse('2026-02-13T09:30:00Z'); // Fri 16:30 in Hanoi, before Tết 2026
    const d = { amount: 3, unit: 'workingDay' } as const;
    expect(addWorkingTimeMs(cal, start, d)).toBe(addWorkingTime(cal, start, d).getTime());
    expect(new Date(addWorkingTimeMs(cal, start, d)).toISOString()).toBe('2026-02-25T09:30:00.000Z');
    expect(() => addWorkingTimeMs(cal, Number.NaN, d)).toThrow(/startMs/);
  });
});

describe('countWorkingDays on an empty range', () => {
  it('is 0 even when the empty range starts just past the calendar', () => {
    const cal = createWorkCalendar({ validFrom: '2026-01-01', validTo: '2026-01-31' });
    expect(countWorkingDays(cal, '2026-02-01', '2026-01-31')).toBe(0);
    expect(() => countWorkingDays(cal, '2026-01-31', '2026-02-01')).toThrow(/to: 2026-02-01 is outside/);
  });
});
