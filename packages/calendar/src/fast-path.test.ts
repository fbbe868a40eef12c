import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadline } from './deadline.js';
import { fastDueMs, fastWorkingMs } from './fast-path.js';
import { windowReaching, workingMsBefore } from './timeline.js';
import type { TimeWindow } from './types.js';
import { vietnamCalendar } from './vietnam/calendar.js';
import { createWorkCalendar, internalsOf } from './work-calendar.js';

const MINUTE = 60_000;
const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Up to three windows on quarter hours: days of unequal length defeat the rank guess. */
const windowsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((q) => q.sort((a, b) => a - b))
  .map((q) => {
    const windows: TimeWindow[] = [];
    for (let k = 0; k + 1 < q.length; k += 2) windows.push({ start: time(q[k]! * 15), end: time(q[k + 1]! * 15) });
    return windows;
  });

describe('rank table per working day', () => {
  it('rankCum[r] is the working time before the first window of the r-th working day', () => {
    const { tables } = internalsOf(vietnamCalendar({ from: '2025-01-01', to: '2026-12-31' }));
    expect(tables.rankCum.length).toBe(tables.workingDays.length + 1);
    for (let r = 0; r < tables.workingDays.length; r++) {
      const first = tables.dayFirstWin[tables.workingDays[r]!]!;
      expect(tables.rankCum[r]).toBe(workingMsBefore(tables, tables.winStart[first]!));
    }
    expect(tables.rankCum[tables.workingDays.length]).toBe(tables.cum[tables.winCount]);
  });

  it('the fast due equals the window search and the checked path, for equal and unequal days', () => {
    fc.assert(
      fc.property(
        fc.record({ 1: windowsArb, 2: windowsArb, 3: windowsArb, 4: windowsArb, 5: windowsArb, 6: windowsArb }),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
        fc.integer({ min: 1, max: 400 * 60 }),
        (weekly, start, minutes) => {
          const calendar = createWorkCalendar({
            weekly,
            validFrom: '2026-01-01',
            validTo: '2027-12-31',
            daysOff: [{ date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' }],
          });
          const { tables } = internalsOf(calendar);
          const ms = minutes * MINUTE;
          const fast = fastDueMs(tables, start, ms);
          const target = workingMsBefore(tables, start) + ms;
          if (tables.winCount === 0 || target > tables.cum[tables.winCount]!) {
            expect(fast).toBeNaN();
            return;
          }
          const k = windowReaching(tables, target);
          expect(fast).toBe(tables.winStart[k]! + (target - tables.cum[k]!));
          expect(fast).toBe(computeDeadline(calendar, start, { amount: minutes, unit: 'workingMinute' }).dueMs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sends every other case to the checked path (NaN)', () => {
    expect(fastWorkingMs({ amount: 1, unit: 'calendarDay' }, undefined, 480)).toBeNaN();
    expect(fastWorkingMs({ amount: 1, unit: 'workingDay' }, { rule: 'civil-code' }, 480)).toBeNaN();
    expect(fastWorkingMs({ amount: 0, unit: 'workingDay' }, undefined, 480)).toBeNaN();
    expect(fastWorkingMs({ amount: -1, unit: 'workingHour' }, undefined, 480)).toBeNaN();
    expect(fastWorkingMs({ amount: 1, unit: 'workingDay', notCounted: true }, undefined, 480)).toBeNaN();
    expect(fastWorkingMs(null as never, undefined, 480)).toBeNaN();
    expect(fastWorkingMs({ amount: 1.5, unit: 'workingDay' }, { rule: 'working-time' }, 480)).toBe(720 * MINUTE);
    const { tables } = internalsOf(vietnamCalendar());
    expect(fastDueMs(tables, Number.NaN, MINUTE)).toBeNaN();
    expect(fastDueMs(tables, Date.UTC(1990, 0, 1), MINUTE)).toBeNaN();
    const santiago = internalsOf(
      createWorkCalendar({ zone: 'America/Santiago', validFrom: '2026-01-01', validTo: '2026-12-31' }),
    );
    expect(fastDueMs(santiago.tables, Date.UTC(2026, 5, 1), MINUTE)).toBeNaN();
  });
});
