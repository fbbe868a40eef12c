import {
  createWorkCalendar,
  durationToWorkingMinutes,
  formatDuration,
  isWorkingTime,
  parseDuration,
  workingTimeBetween,
} from '@tthc/calendar';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DURATION_MAX,
  durationArb,
  instantArb,
  vietnamInstantArb,
  workCalendarArb,
  workCalendarOptionsArb,
  workingInstantArb,
} from './index.js';
import { referenceCalendar } from './oracle.js';

const localDate = (t: number, zone: string): string => DateTime.fromMillis(t, { zone }).toISODate() as string;

describe('arbitraries', () => {
  it('workCalendarOptionsArb gives options the engine accepts, with conflict-free special days', () => {
    fc.assert(
      fc.property(workCalendarOptionsArb(), (options) => {
        const calendar = createWorkCalendar(options);
        expect(calendar.zone).toBe(options.zone);
        const off = new Set(options.daysOff?.map((d) => d.date));
        for (const d of options.extraWorkingDays ?? []) expect(off.has(d.date)).toBe(false);
        const years = (Date.parse(options.validTo) - Date.parse(options.validFrom)) / 86_400_000 / 365;
        expect(years).toBeGreaterThanOrEqual(1);
        expect(years).toBeLessThanOrEqual(3);
        expect(Object.keys(options.weekly ?? {}).length).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });

  it('instantArb stays in the range with room for the default durations', () => {
    fc.assert(
      fc.property(
        workCalendarArb().chain((cal) => fc.tuple(fc.constant(cal), instantArb(cal))),
        ([cal, t]) => {
          expect(t % 60_000).toBe(0);
          expect(localDate(t, cal.zone) >= cal.validFrom).toBe(true);
          // A full default working-day budget still fits after the instant.
          const end = DateTime.fromISO(cal.validTo, { zone: cal.zone }).endOf('day').toMillis();
          const room = workingTimeBetween(cal, t, end);
          expect(room).toBeGreaterThanOrEqual(DEFAULT_DURATION_MAX.workingDay * cal.workingDayMinutes);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('workingInstantArb gives working instants (engine and oracle agree)', () => {
    fc.assert(
      fc.property(
        workCalendarArb().chain((cal) => fc.tuple(fc.constant(cal), workingInstantArb(cal))),
        ([cal, t]) => {
          expect(referenceCalendar(cal).isWorkingMinute(t)).toBe(true);
          expect(isWorkingTime(cal, t)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('durationArb gives canonical durations (format/parse round trip) within the maxima', () => {
    fc.assert(
      fc.property(durationArb({ notCounted: true }), (d) => {
        expect(parseDuration(formatDuration(d))).toStrictEqual({ ...d });
        const minutes = durationToWorkingMinutes(d);
        if (minutes !== null) expect(minutes).toBeLessThanOrEqual(DEFAULT_DURATION_MAX.workingDay * 480);
      }),
    );
    fc.assert(
      fc.property(durationArb({ units: ['workingHour'], max: { workingHour: 2 }, fractional: false }), (d) => {
        expect(d.unit).toBe('workingHour');
        expect([0, 1, 2]).toContain(d.amount);
      }),
    );
  });

  it('vietnamInstantArb stays in the requested Vietnam-time dates', () => {
    fc.assert(
      fc.property(vietnamInstantArb({ from: '2025-01-01', to: '2025-01-31' }), (t) => {
        const date = localDate(t, 'Asia/Ho_Chi_Minh');
        expect(date >= '2025-01-01' && date <= '2025-01-31').toBe(true);
      }),
    );
  });
});
