import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './errors.js';
import { toEpochMs } from './instant.js';

const FRIDAY_1630 = Date.UTC(2026, 1, 13, 9, 30); // 2026-02-13T16:30:00+07:00

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CalendarError ? e.code : 'not a CalendarError';
  }
  return undefined;
}

describe('toEpochMs', () => {
  it('reads ISO 8601 instants with an offset or Z', () => {
    expect(toEpochMs('2026-02-13T16:30:00+07:00')).toBe(FRIDAY_1630);
    expect(toEpochMs('2026-02-13T09:30:00Z')).toBe(FRIDAY_1630);
    expect(toEpochMs('2026-02-13T16:30+07:00')).toBe(FRIDAY_1630);
    expect(toEpochMs('2026-02-13T16:30:00+0700')).toBe(FRIDAY_1630);
    expect(toEpochMs('2026-02-13T05:30:00-04:00')).toBe(FRIDAY_1630);
    expect(toEpochMs('2026-02-13T09:30:00.250Z')).toBe(FRIDAY_1630 + 250);
    expect(toEpochMs('2026-02-13T09:30:00.5Z')).toBe(FRIDAY_1630 + 500);
  });

  it('agrees with Date.parse on random instants and offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const text = DateTime.fromMillis(ms, {
            zone: `UTC${offsetMinutes < 0 ? '-' : '+'}${Math.abs(offsetMinutes) / 60}`,
          });
          const iso = text.isValid ? text.toISO() : new Date(ms).toISOString();
          expect(toEpochMs(iso!)).toBe(Date.parse(iso!));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a local time without offset, since it names a different instant in every zone', () => {
    expect(() => toEpochMs('2026-02-13T16:30:00', 'start')).toThrow(
      'start: expected an ISO 8601 instant with offset (2026-01-05T08:00:00+07:00), a Date, epoch milliseconds or a luxon DateTime, got "2026-02-13T16:30:00"',
    );
    expect(codeOf(() => toEpochMs('2026-02-13'))).toBe('INVALID_INSTANT');
    expect(codeOf(() => toEpochMs('2026-02-13 16:30'))).toBe('INVALID_INSTANT');
  });

  it('refuses impossible dates and times', () => {
    for (const text of [
      '2026-02-30T08:00:00Z',
      '2026-13-01T08:00:00Z',
      '2026-02-13T24:00:00Z',
      '2026-02-13T08:60:00Z',
      '2026-02-13T08:00:00+25:00',
      'soon',
    ]) {
      expect(codeOf(() => toEpochMs(text))).toBe('INVALID_INSTANT');
    }
  });

  it('accepts Date, epoch numbers and luxon DateTime alike', () => {
    const luxon = DateTime.fromISO('2026-02-13T16:30:00', { zone: 'Asia/Ho_Chi_Minh' });
    expect(toEpochMs(luxon)).toBe(FRIDAY_1630);
    expect(toEpochMs(new Date(FRIDAY_1630))).toBe(FRIDAY_1630);
    expect(toEpochMs(FRIDAY_1630)).toBe(FRIDAY_1630);
  });

  it('refuses invalid Dates, non-finite numbers, invalid luxon DateTimes and other values', () => {
    expect(() => toEpochMs(new Date(Number.NaN), 'at')).toThrow(/^at: .* got Invalid Date$/);
    expect(codeOf(() => toEpochMs(Number.POSITIVE_INFINITY))).toBe('INVALID_INSTANT');
    expect(codeOf(() => toEpochMs(Number.NaN))).toBe('INVALID_INSTANT');
    expect(codeOf(() => toEpochMs(DateTime.invalid('test')))).toBe('INVALID_INSTANT');
    expect(codeOf(() => toEpochMs(null as never))).toBe('INVALID_INSTANT');
    expect(codeOf(() => toEpochMs({ toMillis: () => Number.NaN }))).toBe('INVALID_INSTANT');
  });
});
