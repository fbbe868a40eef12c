/**
 * Laws of the day-based rules on random calendars: Civil Code 2015 art. 147–148 deadlines, calendar
 * days ending on the next working day, same-day cut-offs, and counting working days.
 * Facts about dates (working or not, windows) come from the reference oracle, not from the engine.
 */
import {
  addWorkingTime,
  countWorkingDays,
  dayNumberFromIso,
  describeDay,
  type Duration,
  isoFromDayNumber,
  type WorkCalendar,
} from '@tthc/calendar';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instantArb, workCalendarArb } from './index.js';
import { type ReferenceCalendar, referenceCalendar } from './oracle.js';

const MIN = 60_000;
const RUNS = { numRuns: 60 };

const local = (t: number, zone: string) => DateTime.fromMillis(t, { zone });
const dateOf = (t: number, zone: string): string => local(t, zone).toISODate() as string;
const plusDays = (date: string, n: number): string => isoFromDayNumber(dayNumberFromIso(date) + n);
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * The due instant is the close of a working day: its last minute is working, and that minute ends
 * the last window of its local date. Returns that date.
 */
function expectCloseOfWorkingDay(oracle: ReferenceCalendar, due: number): string {
  const zone = oracle.options.zone;
  expect(oracle.isWorkingMinute(due - MIN)).toBe(true);
  const date = dateOf(due - MIN, zone);
  const windows = oracle.windowsOn(date);
  const lastMinute = local(due - MIN, zone);
  expect(lastMinute.hour * 60 + lastMinute.minute + 1).toBe(minutesOf(windows[windows.length - 1]!.end));
  return date;
}

const scenarioArb = workCalendarArb().chain((cal) =>
  fc.record({
    cal: fc.constant(cal),
    s: instantArb(cal, { margin: { workingDays: 6, calendarDays: 30 } }),
    n: fc.integer({ min: 0, max: 4 }),
  }),
);

const due = (cal: WorkCalendar, s: number, d: Duration, rule: 'working-time' | 'civil-code' = 'civil-code') =>
  addWorkingTime(cal, s, d, { rule }).getTime();

describe('Civil Code 2015 art. 147–148 (civil-code rule, whole working days)', () => {
  it('ends at the close of the N-th working day after the start date, and grows with N', () => {
    fc.assert(
      fc.property(scenarioArb, ({ cal, s, n }) => {
        const N = n + 1;
        const oracle = referenceCalendar(cal);
        const at = due(cal, s, { amount: N, unit: 'workingDay' });
        const dueDate = expectCloseOfWorkingDay(oracle, at);
        // Art. 147(1): the day of the event is not counted, so exactly N working days follow it.
        const startDate = dateOf(s, cal.zone);
        expect(dueDate > startDate).toBe(true);
        expect(oracle.countWorkingDays(plusDays(startDate, 1), dueDate)).toBe(N);
        expect(due(cal, s, { amount: N + 1, unit: 'workingDay' })).toBeGreaterThan(at);
      }),
      RUNS,
    );
  });

  it('depends on the start date only, not the time of day', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1439 }), ({ cal, s, n }, minute) => {
        const other = local(s, cal.zone).startOf('day').plus({ minutes: minute });
        fc.pre(other.toISODate() === dateOf(s, cal.zone));
        const d: Duration = { amount: n + 1, unit: 'workingDay' };
        expect(due(cal, other.toMillis(), d)).toBe(due(cal, s, d));
      }),
      RUNS,
    );
  });
});

describe('calendar days (plain "ngày")', () => {
  // N ≥ 1: a 0-day period has no legal meaning (the engine then never ends before the start).
  it('end at the close of the first working day on or after start date + N (art. 148: a day off moves the end)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 25 }), ({ cal, s }, N) => {
        const oracle = referenceCalendar(cal);
        for (const rule of ['working-time', 'civil-code'] as const) {
          const dueDate = expectCloseOfWorkingDay(oracle, due(cal, s, { amount: N, unit: 'calendarDay' }, rule));
          const lastDay = plusDays(dateOf(s, cal.zone), N);
          expect(dueDate >= lastDay).toBe(true);
          for (let d = lastDay; d < dueDate; d = plusDays(d, 1)) expect(oracle.isWorkingDate(d)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

describe('same day ("Trong ngày") with a cut-off', () => {
  it('is done at today’s close when received on a working day before the cut-off and the close, else the next working day’s', () => {
    const cutoffArb = fc
      .integer({ min: 0, max: 95 })
      .map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
    fc.assert(
      fc.property(scenarioArb, cutoffArb, ({ cal, s }, cutoff) => {
        const oracle = referenceCalendar(cal);
        const startDate = dateOf(s, cal.zone);
        const dueDate = expectCloseOfWorkingDay(oracle, due(cal, s, { amount: 0, unit: 'sameDay', cutoff }));
        const windows = oracle.windowsOn(startDate);
        const t = local(s, cal.zone);
        const minute = t.hour * 60 + t.minute;
        const today =
          windows.length > 0 && minute < minutesOf(cutoff) && minute < minutesOf(windows[windows.length - 1]!.end);
        if (today) {
          expect(dueDate).toBe(startDate);
        } else {
          // Decree 23/2015/NĐ-CP practice: after the cut-off, the next working day.
          expect(dueDate > startDate).toBe(true);
          expect(oracle.countWorkingDays(plusDays(startDate, 1), dueDate)).toBe(1);
        }
      }),
      RUNS,
    );
  });
});

describe('countWorkingDays', () => {
  const rangeArb = workCalendarArb().chain((cal) => {
    const first = dayNumberFromIso(cal.validFrom);
    const last = dayNumberFromIso(cal.validTo);
    const day = fc.integer({ min: first, max: last });
    return fc.record({ cal: fc.constant(cal), days: fc.tuple(day, day, day).map((d) => d.sort((x, y) => x - y)) });
  });

  it('is additive over adjacent ranges: [a, c] = [a, b] + [b + 1, c]', () => {
    fc.assert(
      fc.property(rangeArb, ({ cal, days: [a, b, c] }) => {
        const iso = isoFromDayNumber;
        expect(countWorkingDays(cal, iso(a), iso(c))).toBe(
          countWorkingDays(cal, iso(a), iso(b)) + countWorkingDays(cal, iso(b + 1), iso(c)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('counts one day as describeDay says, an empty range as 0, and instants by their local date', () => {
    fc.assert(
      fc.property(rangeArb, ({ cal, days: [a, , c] }) => {
        const [from, to] = [isoFromDayNumber(a), isoFromDayNumber(c)];
        expect(countWorkingDays(cal, from, from)).toBe(describeDay(cal, from).working ? 1 : 0);
        if (a < c) expect(countWorkingDays(cal, to, from)).toBe(0);
        const noon = (date: string) => DateTime.fromISO(`${date}T12:00`, { zone: cal.zone }).toMillis();
        expect(countWorkingDays(cal, noon(from), noon(to))).toBe(countWorkingDays(cal, from, to));
      }),
      { numRuns: 200 },
    );
  });
});
