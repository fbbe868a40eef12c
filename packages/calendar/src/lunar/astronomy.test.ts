import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deltaTSeconds,
  newMoonIndexAtOrBefore,
  newMoonTt,
  newMoonUt,
  SYNODIC_MONTH,
  solarLongitudeInstant,
  sunLongitude,
  ttFromUt,
  utFromTt,
} from './astronomy.js';

const MINUTE = 1 / 1440;
/** UT Julian day of an ISO instant (test helper; library code never builds a Date). */
const jd = (iso: string) => Date.parse(iso) / 86_400_000 + 2440587.5;

describe('newMoonTt (Meeus ch. 49)', () => {
  it('reproduces Meeus example 49.a: new moon of 1977 Feb, k = −283, JDE 2443192.65118', () => {
    expect(newMoonTt(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it.each([
    // Published new moon instants (UT), e.g. timeanddate.com / USNO.
    '2000-01-06T18:14Z',
    '1968-01-29T16:29Z',
    '2024-02-09T22:59Z',
    '2025-01-29T12:36Z',
    '2030-02-02T16:07Z',
  ])('a new moon is computed at %s (±2 min)', (iso) => {
    const k = Math.round((jd(iso) - 2451550.1) / SYNODIC_MONTH);
    expect(Math.abs(newMoonUt(k) - jd(iso))).toBeLessThan(2 * MINUTE);
  });

  it('consecutive new moons are 29.2–29.9 days apart (the true lunation varies around 29.53 d)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1250, max: 2500 }), (k) => {
        const gap = newMoonUt(k + 1) - newMoonUt(k);
        return gap > 29.2 && gap < 29.9;
      }),
    );
  });
});

describe('newMoonIndexAtOrBefore', () => {
  it('returns the last new moon at or before the instant', () => {
    fc.assert(
      fc.property(fc.double({ min: jd('1899-01-01T00:00Z'), max: jd('2201-01-01T00:00Z'), noNaN: true }), (t) => {
        const k = newMoonIndexAtOrBefore(t);
        return newMoonUt(k) <= t && t < newMoonUt(k + 1);
      }),
    );
  });

  it('is exact at a new moon instant itself', () => {
    expect(newMoonIndexAtOrBefore(newMoonUt(123))).toBe(123);
    expect(newMoonIndexAtOrBefore(newMoonUt(123) - 1e-6)).toBe(122);
  });
});

describe('sunLongitude (Meeus ch. 25, low accuracy)', () => {
  it('reproduces Meeus example 25.a: 1992 Oct 13.0 TD, apparent λ = 199.90895°', () => {
    expect(sunLongitude(2448908.5)).toBeCloseTo(199.90895, 3);
  });

  it.each([
    // Published solstices and equinoxes (UT); low accuracy means within ~15 minutes.
    [270, '2024-12-21T09:20Z'],
    [90, '2024-06-20T20:51Z'],
    [0, '2025-03-20T09:01Z'],
    [180, '2033-09-22T16:51Z'],
    [270, '1984-12-21T16:23Z'],
  ])('λ = %i° is reached at %s (±15 min)', (target, iso) => {
    const found = utFromTt(solarLongitudeInstant(target, ttFromUt(jd(iso)) + 2));
    expect(Math.abs(found - jd(iso))).toBeLessThan(15 * MINUTE);
  });

  it('grows by 0.95°–1.02° per day, the range of the Sun’s apparent daily motion', () => {
    fc.assert(
      fc.property(fc.double({ min: 2415020, max: 2524593, noNaN: true }), (t) => {
        const step = (sunLongitude(t + 1) - sunLongitude(t) + 360) % 360;
        return step > 0.95 && step < 1.02;
      }),
    );
  });
});

describe('deltaTSeconds (Espenak–Meeus)', () => {
  it('matches the published values', () => {
    expect(deltaTSeconds(1900)).toBeCloseTo(-2.79, 2);
    expect(deltaTSeconds(1950)).toBeCloseTo(29.07, 2);
    expect(deltaTSeconds(2000)).toBeCloseTo(63.86, 2);
    expect(deltaTSeconds(2200)).toBeCloseTo(-20 + 32 * 3.8 ** 2, 6);
  });

  it.each([1860, 1900, 1920, 1941, 1961, 1986, 2005, 2050, 2150])(
    'is continuous (within 1 s) where polynomials meet at %i',
    (year) => {
      expect(Math.abs(deltaTSeconds(year - 1e-9) - deltaTSeconds(year))).toBeLessThan(1);
    },
  );

  // Not to the millisecond: ΔT has sub-second steps where its polynomials meet.
  it('utFromTt and ttFromUt are inverse to within a second', () => {
    fc.assert(
      fc.property(fc.double({ min: 2415020, max: 2524593, noNaN: true }), (t) => {
        return Math.abs(utFromTt(ttFromUt(t)) - t) < 1 / 86400;
      }),
    );
  });
});
