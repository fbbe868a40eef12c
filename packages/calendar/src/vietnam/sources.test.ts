import { describe, expect, it } from 'vitest';
import { vietnamHolidays } from './holidays.js';

describe('per-day citations', () => {
  it('cites only the notices that name the date', () => {
    const days = vietnamHolidays(2026).days;
    const swap = days.find((d) => d.date === '2026-08-31');
    expect(swap?.source).toContain('BNV-2026');
    expect(swap?.source).not.toContain('CULTURE-DAY');
    expect(swap?.source).not.toContain('VNS-2026NY');
    const newYearSwap = days.find((d) => d.date === '2026-01-10');
    expect(newYearSwap?.source).toContain('VNS-2026NY');
    expect(newYearSwap?.source).not.toContain('TN-2026');
    const comp = days.find((d) => d.date === '2026-04-27');
    expect(comp?.source).toContain('TN-2026');
  });

  it('keeps the law first on every shipped day', () => {
    for (const d of vietnamHolidays(2019).days) expect(d.source).toMatch(/^Labour Code 2012/);
  });
});
