import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingTime, isWorkingTime, workingTimeBetween } from './arithmetic.js';
import type { TimeWindow, WeeklyWindows } from './types.js';
import { createWorkCalendar } from './work-calendar.js';

const MINUTE = 60_000;

/** Minute-by-minute reading of the local wall clock with luxon: slow and obviously right. */
function isWorkingMinute(weekly: WeeklyWindows, zone: string, t: number): boolean {
  const local = DateTime.fromMillis(t, { zone });
  const minutes = local.hour * 60 + local.minute;
  const windows = weekly[local.weekday as 1] ?? [];
  return windows.some((w) => minutes >= toMinutes(w.start) && minutes < toMinutes(w.end));
}

function toMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** One or two sorted windows, including late-night ones that meet DST changes at midnight. */
const windowsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 24 }), { minLength: 2, maxLength: 4 })
  .map((hours) => hours.sort((a, b) => a - b))
  .map((hours) => {
    const windows: TimeWindow[] = [];
    for (let k = 0; k + 1 < hours.length; k += 2)
      windows.push({ start: time(hours[k]! * 60), end: time(hours[k + 1]! * 60) });
    return windows;
  });

const weeklyArb = fc.record({ 1: windowsArb, 3: windowsArb, 6: windowsArb, 7: windowsArb });

describe('precomputed windows agree with a minute-by-minute wall clock', () => {
  // DST changes of 2026: Santiago 5 Apr (fall back at 00:00 → 23:00) and 6 Sep (00:00 → 01:00);
  // Paris 29 Mar (02:00 → 03:00) and 25 Oct (03:00 → 02:00); Beirut at midnight.
  const cases = [
    ['America/Santiago', Date.UTC(2026, 3, 2), Date.UTC(2026, 3, 8)],
    ['America/Santiago', Date.UTC(2026, 8, 3), Date.UTC(2026, 8, 9)],
    ['Europe/Paris', Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 31)],
    ['Europe/Paris', Date.UTC(2026, 9, 23), Date.UTC(2026, 9, 27)],
    ['Asia/Beirut', Date.UTC(2026, 9, 22), Date.UTC(2026, 9, 27)],
    ['Asia/Ho_Chi_Minh', Date.UTC(2026, 5, 1), Date.UTC(2026, 5, 5)],
  ] as const;

  it.each(cases)('%s', (zone, from, to) => {
    fc.assert(
      fc.property(weeklyArb, fc.integer({ min: from, max: to }), (weekly, start) => {
        const calendar = createWorkCalendar({ zone, weekly, validFrom: '2026-01-01', validTo: '2026-12-31' });
        const s = Math.floor(start / (15 * MINUTE)) * 15 * MINUTE;
        let expected = 0;
        for (let t = s; t < to; t += 15 * MINUTE) {
          // Windows start and end on whole hours, so quarter-hour samples are exact.
          const working = isWorkingMinute(weekly, zone, t);
          expect(isWorkingTime(calendar, t)).toBe(working);
          if (working) expected += 15;
        }
        expect(workingTimeBetween(calendar, s, to)).toBe(expected);
        if (expected > 0) {
          const due = addWorkingTime(calendar, s, { amount: expected, unit: 'workingMinute' }).getTime();
          expect(due).toBeLessThanOrEqual(to);
          expect(isWorkingMinute(weekly, zone, due - MINUTE)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});
