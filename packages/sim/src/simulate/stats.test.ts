import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { meanDifference, percentile, proportionDifference, summarize, wilson } from './stats.js';

describe('Wilson interval', () => {
  test('textbook values', () => {
    // Newcombe (1998) table I: 81/263 → 0.2553 to 0.3662.
    const w = wilson(81, 263);
    expect(w.low).toBeCloseTo(0.2553, 4);
    expect(w.high).toBeCloseTo(0.3662, 4);
    // All on time: the upper bound is 1, the lower n/(n + z²).
    const all = wilson(924, 924);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(924 / (924 + 1.959963984540054 ** 2), 12);
    expect(wilson(0, 0)).toEqual({ successes: 0, trials: 0, rate: null, low: 0, high: 1 });
  });

  test('contains p̂, stays in [0, 1], and narrows as n grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const w = wilson(k, n);
        const w4 = wilson(4 * k, 4 * n);
        expect(w.low).toBeLessThanOrEqual(w.rate!);
        expect(w.high).toBeGreaterThanOrEqual(w.rate!);
        expect(w.low >= 0 && w.high <= 1).toBe(true);
        expect(w4.high - w4.low).toBeLessThanOrEqual(w.high - w.low + 1e-12);
      }),
    );
  });
});

describe('Newcombe difference of proportions', () => {
  test('textbook value (Newcombe 1998, example 56/70 − 48/80: 0.0524 to 0.3339)', () => {
    const d = proportionDifference(wilson(48, 80), wilson(56, 70));
    expect(d.difference).toBeCloseTo(0.2, 12);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
    expect(d.significant).toBe(true);
  });

  test('antisymmetric: swapping the samples mirrors the interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.nat(),
        (n, m, i, j) => {
          const a = wilson(i % (n + 1), n);
          const b = wilson(j % (m + 1), m);
          const ab = proportionDifference(a, b);
          const ba = proportionDifference(b, a);
          expect(ab.low!).toBeCloseTo(-ba.high!, 12);
          expect(ab.high!).toBeCloseTo(-ba.low!, 12);
          expect(ab.low!).toBeLessThanOrEqual(ab.difference!);
          expect(ab.high!).toBeGreaterThanOrEqual(ab.difference!);
        },
      ),
    );
  });
});

describe('percentiles and summaries', () => {
  test('type-7 percentiles', () => {
    const xs = Float64Array.of(1, 2, 3, 4, 10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 0.5)).toBe(3);
    expect(percentile(xs, 0.9)).toBeCloseTo(7.6, 12);
    expect(percentile(xs, 1)).toBe(10);
    expect(percentile(new Float64Array(0), 0.5)).toBeNull();
  });

  test('summaries and Welch difference', () => {
    expect(summarize(Float64Array.of(1, 2, 3))).toEqual({ n: 3, mean: 2, sd: 1 });
    const d = meanDifference({ n: 100, mean: 2, sd: 1 }, { n: 100, mean: 1.5, sd: 1 });
    expect(d.difference).toBe(-0.5);
    expect(d.high!).toBeCloseTo(-0.5 + 1.959963984540054 * Math.sqrt(0.02), 12);
    expect(d.significant).toBe(true);
  });
});
