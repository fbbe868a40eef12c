import { describe, expect, it } from 'vitest';
import { dayNumberFromIso } from '../civil-date.js';
import { computeLunarAnchors, lunarAnchors } from './holidays.js';
import { LUNAR_ANCHOR_YEARS } from './lunar-anchors.generated.js';

describe('shipped lunar anchors', () => {
  it('equal the lunar computation for every year of the table (regenerate with scripts/gen-lunar-anchors.mjs)', () => {
    for (let year = LUNAR_ANCHOR_YEARS.first; year <= LUNAR_ANCHOR_YEARS.last; year++) {
      expect(lunarAnchors(year)).toEqual(computeLunarAnchors(year));
    }
  });

  it('hold what a person reads in the calendar: Tết 2026 on 17/2, Giỗ Tổ 2026 on 26/4', () => {
    expect(lunarAnchors(2026).tet).toBe(dayNumberFromIso('2026-02-17'));
    expect(lunarAnchors(2026).hungKings).toBe(dayNumberFromIso('2026-04-26'));
    expect(lunarAnchors(2194)).toEqual(computeLunarAnchors(2194));
  });
});
