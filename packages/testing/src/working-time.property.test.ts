/**
 * Laws of the working-time rule (DESIGN.md §3: exact working minutes from the next working instant; a
 * result exactly at a window's close stays there) on random calendars. Minutes are whole, instants
 * minute-aligned, so every equality below is exact.
 */
import {
  addWorkingTime,
  durationToWorkingMinutes,
  explainDeadline,
  isWorkingTime,
  nextWorkingInstant,
  type WorkCalendar,
  workingTimeBetween,
} from '@tthc/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationArb, instantArb, workCalendarArb, workingInstantArb } from './index.js';

const MIN = 60_000;
const RUNS = { numRuns: 60 };
const minutesArb = fc.integer({ min: 0, max: 600 });

const add = (cal: WorkCalendar, start: number, minutes: number): number =>
  addWorkingTime(cal, start, { amount: minutes, unit: 'workingMinute' }).getTime();
const next = (cal: WorkCalendar, t: number): number => nextWorkingInstant(cal, t).getTime();

/** A calendar, a start s, a later instant t (≤ 14 days on) and two budgets; the margin fits a + b. */
const scenarioArb = workCalendarArb().chain((cal) =>
  fc
    .record({
      cal: fc.constant(cal),
      s: instantArb(cal, { margin: { workingMinutes: 1300, calendarDays: 30 } }),
      gap: fc.integer({ min: 0, max: 14 * 1440 }),
      a: minutesArb,
      b: minutesArb,
    })
    .map(({ gap, ...rest }) => ({ ...rest, t: rest.s + gap * MIN })),
);

describe('working-time rule: laws', () => {
  it('between(s, add(s, m)) = m for every start', () => {
    fc.assert(
      fc.property(scenarioArb, ({ cal, s, a }) => {
        expect(workingTimeBetween(cal, s, add(cal, s, a))).toBe(a);
      }),
      RUNS,
    );
  });

  it('between is antisymmetric and additive over a midpoint', () => {
    fc.assert(
      fc.property(scenarioArb, ({ cal, s, t, a }) => {
        const u = s + a * MIN; // any third instant
        expect(workingTimeBetween(cal, t, s)).toBe(0 - workingTimeBetween(cal, s, t));
        expect(workingTimeBetween(cal, s, t)).toBe(workingTimeBetween(cal, s, u) + workingTimeBetween(cal, u, t));
      }),
      RUNS,
    );
  });

  it('add(s, between(s, t)) reaches t: exactly when t is inside a window, else at the close before t', () => {
    const arb = workCalendarArb().chain((cal) =>
      fc.record({ cal: fc.constant(cal), t: workingInstantArb(cal), back: fc.integer({ min: 0, max: 7 * 1440 }) }),
    );
    fc.assert(
      fc.property(arb, ({ cal, t, back }) => {
        const first = Date.parse(`${cal.validFrom}T00:00:00Z`) + 14 * 3_600_000; // safely inside the range
        const s = Math.max(t - back * MIN, first);
        fc.pre(s <= t);
        const m = workingTimeBetween(cal, s, t);
        const r = add(cal, s, m);
        if (m === 0 || isWorkingTime(cal, t - MIN)) {
          expect(r).toBe(t);
        } else {
          // t opens a window: the m-th minute ends at the previous close, and nothing works in between.
          expect(r).toBeLessThan(t);
          expect(isWorkingTime(cal, r)).toBe(false);
          expect(isWorkingTime(cal, r - MIN)).toBe(true);
          expect(workingTimeBetween(cal, r, t)).toBe(0);
          expect(next(cal, r)).toBe(t);
        }
      }),
      RUNS,
    );
  });

  it('for s ≤ t, add(s, between(s, t)) and t have the same next working instant', () => {
    fc.assert(
      fc.property(scenarioArb, ({ cal, s, t }) => {
        expect(next(cal, add(cal, s, workingTimeBetween(cal, s, t)))).toBe(next(cal, t));
      }),
      RUNS,
    );
  });

  it('is monotone in the start and strictly monotone in the duration', () => {
    fc.assert(
      fc.property(scenarioArb, ({ cal, s, t, a, b }) => {
        expect(add(cal, s, a)).toBeLessThanOrEqual(add(cal, t, a));
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        if (m1 < m2) expect(add(cal, s, m1)).toBeLessThan(add(cal, s, m2));
        else expect(add(cal, s, m1)).toBe(add(cal, s, m2));
      }),
      RUNS,
    );
  });

  it('is additive: add(add(s, a), b) = add(s, a + b) for b > 0; for b = 0 it is the next working instant', () => {
    // Why b = 0 differs: add(s, a) may stop at a window's close (not working time); adding 0 from
    // there moves to the next opening, while add(s, a + 0) stays at the close.
    fc.assert(
      fc.property(scenarioArb, ({ cal, s, a, b }) => {
        const r = add(cal, s, a);
        expect(add(cal, r, b)).toBe(b > 0 ? add(cal, s, a + b) : next(cal, r));
      }),
      RUNS,
    );
  });

  it('never lands in non-working time except exactly at a window close, and never before the start', () => {
    fc.assert(
      fc.property(scenarioArb, ({ cal, s, a }) => {
        const r = add(cal, s, a);
        expect(r).toBeGreaterThanOrEqual(s);
        if (a === 0) expect(r).toBe(next(cal, s));
        else if (!isWorkingTime(cal, r)) expect(isWorkingTime(cal, r - MIN)).toBe(true);
        expect(r === s).toBe(a === 0 && isWorkingTime(cal, s));
      }),
      RUNS,
    );
  });

  it('hours and days are minutes × 60 and × workingDayMinutes; explainDeadline agrees with addWorkingTime', () => {
    const arb = workCalendarArb().chain((cal) =>
      fc.record({
        cal: fc.constant(cal),
        s: instantArb(cal),
        d: durationArb({ units: ['workingMinute', 'workingHour', 'workingDay'] }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ cal, s, d }) => {
        const minutes = durationToWorkingMinutes(d, cal.workingDayMinutes) as number;
        const due = addWorkingTime(cal, s, d).getTime();
        expect(due).toBe(add(cal, s, minutes));
        const why = explainDeadline(cal, s, d);
        expect(why.due.getTime()).toBe(due);
        expect(why.workingMinutes).toBe(minutes);
        expect(why.countingFrom.getTime()).toBe(next(cal, s));
        expect(workingTimeBetween(cal, why.countingFrom, why.due)).toBe(minutes);
      }),
      RUNS,
    );
  });
});
