import { describe, expect, it } from 'vitest';
import { localDayNumber, localToEpochMs, zoneOffsetMinutes } from './zoned.js';

describe('zoned', () => {
  it('reads Vietnam wall time at UTC+7', () => {
    expect(zoneOffsetMinutes('Asia/Ho_Chi_Minh', Date.UTC(2026, 1, 13))).toBe(420);
    expect(localToEpochMs('Asia/Ho_Chi_Minh', 2026, 2, 13, 16, 30, 0)).toBe(Date.UTC(2026, 1, 13, 9, 30));
  });

  it('gives local day numbers that change at local midnight', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    const midnight = localToEpochMs(zone, 2026, 2, 14, 0, 0, 0);
    expect(localDayNumber(zone, midnight) - localDayNumber(zone, midnight - 1)).toBe(1);
    expect(localDayNumber(zone, midnight)).toBe(Math.floor(Date.UTC(2026, 1, 14) / 86_400_000));
  });

  it('resolves DST gaps forward and repeated hours to their first occurrence (New York 2026)', () => {
    const zone = 'America/New_York';
    // 8 Mar 2026 02:00 EST → 03:00 EDT: 02:30 does not exist and reads as 03:30 EDT.
    expect(localToEpochMs(zone, 2026, 3, 8, 2, 30, 0)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 1 Nov 2026 02:00 EDT → 01:00 EST: 01:30 happens twice; the first is EDT (UTC−4).
    expect(localToEpochMs(zone, 2026, 11, 1, 1, 30, 0)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(localToEpochMs(zone, 2026, 7, 1, 12, 0, 0)).toBe(Date.UTC(2026, 6, 1, 16, 0));
    expect(zoneOffsetMinutes(zone, Date.UTC(2026, 2, 8, 6, 59))).toBe(-300);
    expect(zoneOffsetMinutes(zone, Date.UTC(2026, 2, 8, 7, 0))).toBe(-240);
  });
});
