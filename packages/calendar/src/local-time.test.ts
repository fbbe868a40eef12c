import { DateTime } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalInstant, localDateOf } from './local-time.js';
import { vietnamCalendar } from './vietnam/index.js';
import { createWorkCalendar } from './work-calendar.js';

const santiago = createWorkCalendar({ zone: 'America/Santiago', validFrom: '2025-01-01', validTo: '2026-12-31' });

describe('local dates and wall times from the calendar tables', () => {
  it('reads Vietnam time', () => {
    expect(localDateOf(vietnamCalendar(), '2026-02-13T17:30:00Z')).toBe('2026-02-14');
    expect(formatLocalInstant(vietnamCalendar(), Date.UTC(2026, 1, 13, 9, 30))).toBe('2026-02-13T16:30:00+07:00');
  });

  it('agrees with luxon in a DST zone, inside and outside the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (t) => {
        const dt = DateTime.fromMillis(Math.floor(t / 1000) * 1000, { zone: 'America/Santiago' });
        expect(localDateOf(santiago, t)).toBe(dt.toISODate());
        expect(formatLocalInstant(santiago, t)).toBe(dt.toISO({ suppressMilliseconds: true, includeOffset: true }));
      }),
      { numRuns: 500 },
    );
  });
});
