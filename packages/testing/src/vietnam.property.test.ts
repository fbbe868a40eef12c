/** The shipped Vietnam calendar obeys the same laws as any calendar (vietnamInstantArb over 2010–2026). */
import {
  addWorkingTime,
  describeDay,
  durationToWorkingMinutes,
  vietnamCalendar,
  workingTimeBetween,
} from '@tthc/calendar';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { durationArb, vietnamInstantArb } from './index.js';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('vietnamCalendar()', () => {
  it('between(s, add(s, d)) = the working minutes of d', () => {
    const cal = vietnamCalendar();
    fc.assert(
      fc.property(
        vietnamInstantArb(),
        durationArb({ units: ['workingMinute', 'workingHour', 'workingDay'] }),
        (s, d) => {
          const minutes = durationToWorkingMinutes(d, cal.workingDayMinutes);
          expect(workingTimeBetween(cal, s, addWorkingTime(cal, s, d))).toBe(minutes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('civil-code deadlines end at 17:00 on a working day after the receipt date', () => {
    const cal = vietnamCalendar();
    fc.assert(
      fc.property(vietnamInstantArb(), fc.integer({ min: 1, max: 20 }), (s, n) => {
        const due = DateTime.fromJSDate(
          addWorkingTime(cal, s, { amount: n, unit: 'workingDay' }, { rule: 'civil-code' }),
          {
            zone: ZONE,
          },
        );
        expect(due.toFormat('HH:mm')).toBe('17:00');
        expect(describeDay(cal, due.toISODate() as string).working).toBe(true);
        expect((due.toISODate() as string) > (DateTime.fromMillis(s, { zone: ZONE }).toISODate() as string)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
