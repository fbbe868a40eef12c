import { describe, expect, it } from 'vitest';
import { referenceCalendar } from './oracle.js';

const utc = (iso: string): number => Date.parse(`${iso}Z`);

// 2026-01-02 is a Friday; 2026-01-05 a Monday.
const oracle = referenceCalendar({
  zone: 'UTC',
  validFrom: '2026-01-01',
  validTo: '2026-03-31',
  daysOff: [{ date: '2026-01-06', kind: 'holiday', name: 'Test holiday' }],
  extraWorkingDays: [{ date: '2026-01-10', kind: 'make-up-workday', name: 'Make-up Saturday' }],
});

describe('referenceCalendar', () => {
  it('fills the documented defaults', () => {
    const o = referenceCalendar({ validFrom: '2026-01-01', validTo: '2026-01-31' });
    expect(o.options.zone).toBe('Asia/Ho_Chi_Minh');
    expect(o.options.workingDayMinutes).toBe(480);
    expect(o.options.standardWindows).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(o.windowsOn('2026-01-03')).toEqual([]); // Saturday
  });

  it('decides minutes with half-open windows', () => {
    expect(oracle.isWorkingMinute(utc('2026-01-05T08:00:00'))).toBe(true);
    expect(oracle.isWorkingMinute(utc('2026-01-05T11:59:00'))).toBe(true);
    expect(oracle.isWorkingMinute(utc('2026-01-05T12:00:00'))).toBe(false);
    expect(oracle.isWorkingMinute(utc('2026-01-05T07:59:00'))).toBe(false);
    expect(oracle.isWorkingMinute(utc('2026-01-06T09:00:00'))).toBe(false); // day off
    expect(oracle.isWorkingMinute(utc('2026-01-10T09:00:00'))).toBe(true); // make-up Saturday
  });

  it('adds working minutes: weekend skipped, close kept, lunch skipped', () => {
    expect(oracle.addWorkingMinutes(utc('2026-01-02T16:30:00'), 240)).toBe(utc('2026-01-05T11:30:00'));
    expect(oracle.addWorkingMinutes(utc('2026-01-05T08:00:00'), 240)).toBe(utc('2026-01-05T12:00:00'));
    expect(oracle.addWorkingMinutes(utc('2026-01-05T12:30:00'), 60)).toBe(utc('2026-01-05T14:00:00'));
    expect(oracle.addWorkingMinutes(utc('2026-01-05T12:30:00'), 0)).toBe(utc('2026-01-05T13:00:00'));
    // Mon 16:00 + 2 h: Tuesday is a holiday → Wednesday 09:00.
    expect(oracle.addWorkingMinutes(utc('2026-01-05T16:00:00'), 120)).toBe(utc('2026-01-07T09:00:00'));
  });

  it('counts working minutes between, signed', () => {
    expect(oracle.workingMinutesBetween(utc('2026-01-02T16:30:00'), utc('2026-01-05T11:30:00'))).toBe(240);
    expect(oracle.workingMinutesBetween(utc('2026-01-05T11:30:00'), utc('2026-01-02T16:30:00'))).toBe(-240);
    expect(oracle.workingMinutesBetween(utc('2026-01-05T00:00:00'), utc('2026-01-06T00:00:00'))).toBe(480);
  });

  it('counts working dates, both ends inclusive', () => {
    expect(oracle.countWorkingDays('2026-01-05', '2026-01-11')).toBe(5); // Mon–Fri minus Tue + Sat
    expect(oracle.countWorkingDays('2026-01-11', '2026-01-05')).toBe(0);
    expect(oracle.isWorkingDate('2026-01-06')).toBe(false);
  });

  it('uses local wall-clock time in a DST zone (America/Santiago)', () => {
    // Chile leaves DST on the night of Sat 2026-04-04 (UTC-3 → UTC-4).
    const santiago = referenceCalendar({ zone: 'America/Santiago', validFrom: '2026-03-01', validTo: '2026-04-30' });
    expect(santiago.nextWorkingInstant(Date.parse('2026-04-03T10:00:00Z'))).toBe(Date.parse('2026-04-03T11:00:00Z'));
    expect(santiago.nextWorkingInstant(Date.parse('2026-04-06T10:00:00Z'))).toBe(Date.parse('2026-04-06T12:00:00Z'));
    // Fri 16:00 (UTC-3) + 2 h → Mon 09:00 (UTC-4).
    expect(santiago.addWorkingMinutes(Date.parse('2026-04-03T19:00:00Z'), 120)).toBe(
      Date.parse('2026-04-06T13:00:00Z'),
    );
  });

  it('refuses instants off the minute grid and dates outside the range', () => {
    expect(() => oracle.isWorkingMinute(utc('2026-01-05T08:00:30'))).toThrow(RangeError);
    expect(() => oracle.isWorkingMinute(utc('2026-04-01T08:00:00'))).toThrow(/outside/);
    expect(() => oracle.addWorkingMinutes(utc('2026-01-05T08:00:00'), 1.5)).toThrow(RangeError);
  });
});
