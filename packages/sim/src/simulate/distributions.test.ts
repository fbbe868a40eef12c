import { describe, expect, test } from 'vitest';
import {
  compileDistribution,
  type Distribution,
  DistributionSchema,
  distributionMean,
  logGamma,
  poisson,
} from './distributions.js';
import { Random } from './random.js';

function moments(draw: () => number, n = 200_000): { mean: number; variance: number } {
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sum2 += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sum2 / n - mean * mean };
}

const cases: [string, Distribution, number][] = [
  ['fixed', { type: 'fixed', value: 7 }, 0],
  ['uniform', { type: 'uniform', min: 10, max: 30 }, 400 / 12],
  ['triangular', { type: 'triangular', min: 0, mode: 10, max: 40 }, (0 + 100 + 1600 - 0 - 0 - 400) / 18],
  ['lognormal (mean, sd)', { type: 'lognormal', mean: 60, sd: 30 }, 900],
  ['lognormal (mu, sigma)', { type: 'lognormal', mu: 1, sigma: 0.5 }, (Math.exp(0.25) - 1) * Math.exp(2 + 0.25)],
  ['exponential', { type: 'exponential', mean: 20 }, 400],
  ['poisson small λ (Knuth)', { type: 'poisson', lambda: 4.5 }, 4.5],
  ['poisson large λ (PTRS)', { type: 'poisson', lambda: 250 }, 250],
  ['empirical', { type: 'empirical', values: [1, 2, 10], weights: [1, 1, 2] }, 0],
];
// Variance of the empirical case: E[X²] − mean² with mean 23/4.
cases[8]![2] = (1 + 4 + 200) / 4 - (23 / 4) ** 2;

describe('distributions', () => {
  test.each(cases)('%s: sample mean and variance match the exact moments', (_name, d, variance) => {
    const draw = compileDistribution(DistributionSchema.parse(d));
    const r = new Random(7);
    const m = moments(() => draw(r));
    const mean = distributionMean(d);
    const n = 200_000;
    // Within 5 standard errors of the mean, and the variance within 5 %.
    expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / n) + 1e-9);
    expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(0.05 * variance + 1e-9);
  });

  test('the same seed gives the same draws', () => {
    for (const [, d] of cases) {
      const draw = compileDistribution(d);
      const a = new Random(99);
      const b = new Random(99);
      for (let i = 0; i < 100; i++) expect(draw(a)).toBe(draw(b));
    }
  });

  test('units convert to working minutes (default unit per field, 1 day = workingDayMinutes)', () => {
    const r = new Random(1);
    expect(compileDistribution({ type: 'fixed', value: 2, unit: 'workingHour' })(r)).toBe(120);
    expect(compileDistribution({ type: 'fixed', value: 2 }, { defaultUnit: 'workingDay' })(r)).toBe(960);
    expect(compileDistribution({ type: 'fixed', value: 1, unit: 'workingDay' }, { workingDayMinutes: 450 })(r)).toBe(
      450,
    );
  });

  test('triangular and uniform stay inside their bounds', () => {
    const tri = compileDistribution({ type: 'triangular', min: 5, mode: 6, max: 9 });
    const uni = compileDistribution({ type: 'uniform', min: 3, max: 4 });
    const r = new Random(3);
    for (let i = 0; i < 10_000; i++) {
      const t = tri(r);
      const u = uni(r);
      expect(t >= 5 && t <= 9 && u >= 3 && u < 4).toBe(true);
    }
  });

  test('poisson gives whole counts ≥ 0', () => {
    const r = new Random(5);
    for (const lambda of [0, 0.3, 29.9, 30, 1000]) {
      for (let i = 0; i < 1000; i++) {
        const k = poisson(r, lambda);
        expect(Number.isInteger(k) && k >= 0).toBe(true);
      }
    }
  });

  test('logGamma matches ln((n − 1)!)', () => {
    let fact = 1;
    for (let n = 1; n < 30; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(fact), 9);
      fact *= n;
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  test('bad distributions are refused with the offending field', () => {
    const bad = (d: unknown) => DistributionSchema.safeParse(d).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(bad({ type: 'uniform', min: 5, max: 1 })).toEqual([['max', 'max 1 is below min 5']]);
    expect(bad({ type: 'triangular', min: 0, mode: 9, max: 5 })?.[0]?.[0]).toBe('mode');
    expect(bad({ type: 'lognormal', mean: 5 })?.[0]?.[0]).toBe('mean');
    expect(bad({ type: 'lognormal', mean: 5, sd: 1, mu: 1 })?.[0]?.[0]).toBe('mu');
    expect(bad({ type: 'empirical', values: [1, 2], weights: [1] })?.[0]?.[0]).toBe('weights');
    expect(bad({ type: 'gamma', shape: 2 })?.length).toBe(1);
    expect(bad({ type: 'fixed', value: -1 })?.[0]?.[0]).toBe('value');
  });
});
