import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDayNumber, dayNumberFromCivil, dayNumberFromIso, isoFromDayNumber } from '../civil-date.js';
import { type LunarDate, lunarNewYear, lunarToSolar, solarToLunar } from './index.js';

const FIRST_DAY = dayNumberFromCivil(1900, 1, 31);
const LAST_DAY = dayNumberFromCivil(2199, 12, 31);

/** True when `next` is the lunar day after `previous`. */
function isNextLunarDay(previous: LunarDate, next: LunarDate): boolean {
  if (next.day !== 1) {
    return (
      next.year === previous.year &&
      next.month === previous.month &&
      next.leap === previous.leap &&
      next.day === previous.day + 1
    );
  }
  // A new month: the one before lasted 29 or 30 days.
  if (previous.day !== 29 && previous.day !== 30) return false;
  if (next.leap) return !previous.leap && next.month === previous.month && next.year === previous.year;
  if (previous.month === 12) return next.month === 1 && next.year === previous.year + 1;
  return next.month === previous.month + 1 && next.year === previous.year;
}

describe('the whole range, day by day (1900-01-31 .. 2199-12-31)', () => {
  it('round-trips, advances one lunar day per solar day, with 29/30-day months and 12/13-month years', () => {
    const monthsPerYear = new Map<number, { count: number; leaps: number }>();
    let previous: LunarDate | undefined;
    const failures: string[] = [];
    for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
      const iso = isoFromDayNumber(day);
      const date = solarToLunar(iso);
      if (lunarToSolar(date) !== iso) failures.push(`${iso} round trip`);
      if (previous && !isNextLunarDay(previous, date)) {
        failures.push(`${iso}: ${JSON.stringify(previous)} → ${JSON.stringify(date)}`);
      }
      if (date.day === 1) {
        const entry = monthsPerYear.get(date.year) ?? { count: 0, leaps: 0 };
        entry.count += 1;
        if (date.leap) entry.leaps += 1;
        monthsPerYear.set(date.year, entry);
      }
      previous = date;
    }
    expect(failures).toEqual([]);
    // Lunar 2199 is cut off by the range; every other year is complete.
    for (const [year, { count, leaps }] of monthsPerYear) {
      if (year === 2199) continue;
      expect(leaps, `leap months of ${year}`).toBeLessThanOrEqual(1);
      expect(count, `months of ${year}`).toBe(12 + leaps);
    }
    expect(monthsPerYear.size).toBe(300);
  });

  it('puts Tết between 21 January and 20 February every year', () => {
    for (let year = 1900; year <= 2199; year++) {
      const { month, day } = civilFromDayNumber(dayNumberFromIso(lunarNewYear(year)));
      const monthDay = month * 100 + day;
      expect(monthDay, `Tết ${year}`).toBeGreaterThanOrEqual(121);
      expect(monthDay, `Tết ${year}`).toBeLessThanOrEqual(220);
    }
  });
});

describe('properties', () => {
  const solarDay = fc.integer({ min: FIRST_DAY, max: LAST_DAY });

  it('lunarToSolar ∘ solarToLunar is the identity, whatever the offset', () => {
    fc.assert(
      fc.property(solarDay, fc.constantFrom(undefined, 7, 8, 9), (day, utcOffsetHours) => {
        const iso = isoFromDayNumber(day);
        return lunarToSolar(solarToLunar(iso, { utcOffsetHours }), { utcOffsetHours }) === iso;
      }),
    );
  });

  it('solarToLunar ∘ lunarToSolar is the identity on days 1–29 of ordinary months', () => {
    const lunarDay = fc.record({
      year: fc.integer({ min: 1900, max: 2198 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 29 }),
      leap: fc.constant(false),
    });
    fc.assert(
      fc.property(lunarDay, (date) => {
        expect(solarToLunar(lunarToSolar(date))).toEqual(date);
      }),
    );
  });

  it('a CivilDate and its ISO string give the same lunar date', () => {
    fc.assert(
      fc.property(solarDay, (day) => {
        expect(solarToLunar(civilFromDayNumber(day))).toEqual(solarToLunar(isoFromDayNumber(day)));
      }),
    );
  });

  it('the day before Tết is day 29 or 30 of (possibly leap) month 12 of the previous lunar year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), (year) => {
        const eve = solarToLunar(isoFromDayNumber(dayNumberFromIso(lunarNewYear(year)) - 1));
        return eve.year === year - 1 && eve.month === 12 && (eve.day === 29 || eve.day === 30);
      }),
    );
  });
});
