/**
 * The engine equals the minute-by-minute reference oracle on random calendars, including DST zones
 * (America/Santiago, Europe/Paris) with instants drawn right around their clock changes and windows
 * allowed anywhere in the day (so a window can straddle a skipped or repeated hour).
 */
import {
  addWorkingTime,
  countWorkingDays,
  isoFromDayNumber,
  isWorkingTime,
  nextWorkingInstant,
  type WorkCalendar,
  workingTimeBetween,
} from '@tthc/calendar';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instantArb, workCalendarArb } from './index.js';
import { referenceCalendar } from './oracle.js';

const MIN = 60_000;
const DAY = 86_400_000;
// The oracle is slow: bound a failing run's shrinking so a regression reports in seconds, not minutes.
const RUNS = { numRuns: 40, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: true };

/** Local midnights (epoch ms) of the days before a change of UTC offset, inside the calendar range. */
function daysBeforeOffsetChange(cal: WorkCalendar): number[] {
  const found: number[] = [];
  const last = DateTime.fromISO(cal.validTo, { zone: cal.zone }).minus({ days: 10 });
  for (let d = DateTime.fromISO(cal.validFrom, { zone: cal.zone }); d < last; d = d.plus({ days: 1 })) {
    if (d.offset !== d.plus({ days: 1 }).offset) found.push(d.toMillis());
  }
  return found;
}

/** Instants near the zone's clock changes when it has any, else anywhere in the range. */
function nearChangeArb(cal: WorkCalendar): fc.Arbitrary<number> {
  const changes = daysBeforeOffsetChange(cal);
  if (changes.length === 0) return instantArb(cal, { margin: { workingMinutes: 700 } });
  return fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 1440, max: 2 * 1440 }))
    .map(([midnight, minutes]) =>
      Math.max(midnight + minutes * MIN, DateTime.fromISO(cal.validFrom, { zone: cal.zone }).toMillis()),
    );
}

function agreeOn(cal: WorkCalendar, s: number, minutes: number, span: number): void {
  const oracle = referenceCalendar(cal);
  expect(isWorkingTime(cal, s)).toBe(oracle.isWorkingMinute(s));
  expect(nextWorkingInstant(cal, s).getTime()).toBe(oracle.nextWorkingInstant(s));
  expect(addWorkingTime(cal, s, { amount: minutes, unit: 'workingMinute' }).getTime()).toBe(
    oracle.addWorkingMinutes(s, minutes),
  );
  expect(workingTimeBetween(cal, s, s + span * MIN)).toBe(oracle.workingMinutesBetween(s, s + span * MIN));
}

describe('engine = reference oracle', () => {
  it('on random calendars in all default zones', () => {
    const arb = workCalendarArb({ minWeeklyMinutes: 900 }).chain((cal) =>
      fc.record({
        cal: fc.constant(cal),
        s: instantArb(cal, { margin: { workingMinutes: 700 } }),
        minutes: fc.integer({ min: 0, max: 300 }),
        span: fc.integer({ min: 0, max: 2 * 1440 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ cal, s, minutes, span }) => agreeOn(cal, s, minutes, span)),
      RUNS,
    );
  });

  it('around DST changes, with windows anywhere in the day (America/Santiago, Europe/Paris)', () => {
    const arb = workCalendarArb({
      zones: ['America/Santiago', 'Europe/Paris'],
      dayStart: '00:00',
      dayEnd: '24:00',
      minWeeklyMinutes: 900,
      maxYears: 1,
    }).chain((cal) =>
      fc.record({
        cal: fc.constant(cal),
        s: nearChangeArb(cal),
        minutes: fc.integer({ min: 0, max: 300 }),
        span: fc.integer({ min: 0, max: 2 * 1440 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ cal, s, minutes, span }) => agreeOn(cal, s, minutes, span)),
      RUNS,
    );
  });

  it('countWorkingDays equals the oracle’s day-by-day count', () => {
    const arb = workCalendarArb().chain((cal) => {
      const first = Date.parse(`${cal.validFrom}T00:00:00Z`) / DAY;
      const last = Date.parse(`${cal.validTo}T00:00:00Z`) / DAY;
      const day = fc.integer({ min: first, max: last });
      return fc.record({ cal: fc.constant(cal), a: day, b: day });
    });
    fc.assert(
      fc.property(arb, ({ cal, a, b }) => {
        const [from, to] = [isoFromDayNumber(a), isoFromDayNumber(b)];
        expect(countWorkingDays(cal, from, to)).toBe(referenceCalendar(cal).countWorkingDays(from, to));
      }),
      RUNS,
    );
  });
});
