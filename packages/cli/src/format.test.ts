import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, humanDate, humanInstant, localParts, table } from './format.js';

describe('formatInstant', () => {
  it('writes Vietnam time with +07:00 and seconds precision', () => {
    expect(formatInstant(new Date('2026-02-25T09:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-02-25T16:30:00+07:00');
    expect(formatInstant(new Date('2026-02-24T17:00:00.999Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-02-25T00:00:00+07:00');
  });

  it('follows the zone offset, including DST and negative offsets', () => {
    expect(formatInstant(new Date('2026-01-15T12:00:00Z'), 'America/Santiago')).toBe('2026-01-15T09:00:00-03:00');
    expect(formatInstant(new Date('2026-07-15T12:00:00Z'), 'America/Santiago')).toBe('2026-07-15T08:00:00-04:00');
    expect(formatInstant(new Date('2026-07-15T12:00:00Z'), 'UTC')).toBe('2026-07-15T12:00:00+00:00');
  });

  it('round-trips: parsing the output gives the instant truncated to the second, in any zone', () => {
    const zones = ['Asia/Ho_Chi_Minh', 'UTC', 'America/Santiago', 'Europe/Paris', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const text = formatInstant(new Date(ms), zone);
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
          expect(Date.parse(text)).toBe(Math.floor(ms / 1000) * 1000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('human formats', () => {
  it('names weekdays in Vietnamese and English', () => {
    expect(humanDate('2026-02-13')).toBe('Thứ Sáu 13/02/2026 (Fri)');
    expect(humanDate('2026-02-15')).toBe('Chủ Nhật 15/02/2026 (Sun)');
    expect(humanInstant(new Date('2026-02-25T09:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('Thứ Tư 25/02/2026 (Wed) 16:30');
    expect(localParts(new Date('2026-02-25T09:30:15Z'), 'Asia/Ho_Chi_Minh')).toEqual({
      date: '2026-02-25',
      time: '16:30:15',
      offsetMinutes: 420,
    });
  });

  it('aligns table columns', () => {
    const text = table(['a', 'bb'], [['long cell', 'x']]);
    expect(text.split('\n')).toEqual(['a          bb', '---------  --', 'long cell  x', '']);
  });
});
