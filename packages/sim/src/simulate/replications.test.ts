import { vietnamCalendar } from '@tthc/calendar';
import { describe, expect, test } from 'vitest';
import { compareScenarios } from './compare.js';
import { ECONOMY, procedure, process, wardScenario } from './fixtures.test-util.js';
import { deriveSeed } from './random.js';
import { simulate } from './simulate.js';
import { replicationDifference, replicationMean, studentQuantile, wilson } from './stats.js';

const vn = vietnamCalendar();

describe('Student t', () => {
  test('quantiles match the tables', () => {
    expect(studentQuantile(0.975, 1)).toBeCloseTo(12.7062047, 5);
    expect(studentQuantile(0.975, 2)).toBeCloseTo(4.3026527, 6);
    expect(studentQuantile(0.975, 4)).toBeCloseTo(2.7764451, 6);
    expect(studentQuantile(0.975, 9)).toBeCloseTo(2.2621572, 6);
    expect(studentQuantile(0.975, 29)).toBeCloseTo(2.0452296, 6);
    expect(studentQuantile(0.975, 7.5)).toBeGreaterThan(studentQuantile(0.975, 8));
    expect(studentQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 4);
  });

  test('replication mean and difference intervals', () => {
    const m = replicationMean([0.9, 0.92, 0.88, null]);
    expect(m.n).toBe(3);
    expect(m.mean).toBeCloseTo(0.9, 12);
    expect(m.high! - m.mean!).toBeCloseTo((4.3026527 * 0.02) / Math.sqrt(3), 6);
    expect(replicationMean([0.5]).low).toBeNull();
    // Paired differences remove the shared noise; Welch does not.
    const a = [0.8, 0.85, 0.75, 0.9];
    const b = a.map((x) => x + 0.02);
    expect(replicationDifference(a, b, { paired: true }).significant).toBe(true);
    expect(replicationDifference(a, b, { paired: false }).significant).toBe(false);
  });
});

/** A congested ward (one reviewing officer, 20 working days): queues correlate dossiers. */
function congested() {
  const s = wardScenario();
  s.staff[ECONOMY] = 1;
  return { ...s, horizon: 20 };
}

describe('simulate: independent replications', () => {
  test('deterministic under the same seed; the first replication is the single run', () => {
    const a = simulate(procedure, process, vn, congested(), { seed: 11, replications: 4 });
    const b = simulate(procedure, process, vn, congested(), { seed: 11, replications: 4 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const single = simulate(procedure, process, vn, congested(), { seed: 11 });
    expect(a.dossiers).toEqual(single.dossiers);
    expect(a.steps).toEqual(single.steps);
    expect(a.replications!.runs.map((r) => r.seed)).toEqual([11, ...[1, 2, 3].map((r) => deriveSeed(11, 0x7e9, r))]);
    expect(a.replications!.runs[0]!.onTimeRate).toBe(single.onTimeRate.rate);
    expect(a.onTimeRate.method).toBe('replications');
    expect(a.onTimeRate.rate).toBe(a.replications!.onTimeRate.mean);
    expect(single.onTimeRate.method).toBeUndefined();
    expect(single.replications).toBeUndefined();
  });

  test('under congestion (review unit ≈ 99 % busy) the spread between replications is ≥ 1.5× the binomial one', () => {
    const r = simulate(procedure, process, vn, congested(), { seed: 3, replications: 8 });
    const first = r.replications!.runs[0]!;
    const p = first.onTimeRate!;
    // Measured: sd 0.0588 between replications vs √(p(1−p)/n) = 0.0285 within one run.
    expect(r.replications!.onTimeRate.sd!).toBeGreaterThan(1.5 * Math.sqrt((p * (1 - p)) / first.finished));
    expect(r.onTimeRate.high - r.onTimeRate.low).toBeGreaterThan(0);
  });

  test('property: two seeds of the same scenario — the difference interval contains 0 (≥ 8 of 10 pairs at 95 %)', () => {
    let contains = 0;
    for (let k = 0; k < 10; k++) {
      const a = simulate(procedure, process, vn, congested(), { seed: 100 + 2 * k, replications: 5 });
      const b = simulate(procedure, process, vn, congested(), { seed: 101 + 2 * k, replications: 5 });
      const d = compareScenarios(a, b);
      expect(d.onTimeRate.method).toBe('replications-welch');
      expect(d.commonRandomNumbers).toBe(false);
      if (d.onTimeRate.low! <= 0 && d.onTimeRate.high! >= 0) contains++;
      // Each side's interval covers the other's mean or they overlap.
      const [x, y] = [a.onTimeRate, b.onTimeRate];
      expect(x.low <= y.high && y.low <= x.high).toBe(true);
    }
    // With 10 independent pairs at 95 %, ≤ 2 misses has probability 0.9885.
    expect(contains).toBeGreaterThanOrEqual(8);
  });

  test('compareScenarios pairs replications under common random numbers: one more officer is significant', () => {
    const lean = congested();
    const ward = { ...wardScenario(), horizon: 20 };
    const a = simulate(procedure, process, vn, lean, { seed: 5, replications: 5 });
    const b = simulate(procedure, process, vn, ward, { seed: 5, replications: 5 });
    const d = compareScenarios(a, b);
    expect(d.onTimeRate.method).toBe('replications-paired');
    expect(d.onTimeRate.significant).toBe(true);
    expect(d.meanLeadTime.method).toBe('replications-paired');
    expect(d.meanLeadTime.high!).toBeLessThan(0);
    // Without replications on one side the single-run intervals are used.
    expect(compareScenarios(a, simulate(procedure, process, vn, ward, { seed: 5 })).onTimeRate.method).toBeUndefined();
  });

  test('when every replication is 100 % on time the interval is the pooled Wilson one, not the point [1, 1]', () => {
    const r = simulate(procedure, process, vn, { ...wardScenario(), horizon: 10 }, { seed: 5, replications: 4 });
    expect(r.replications!.onTimeRate).toMatchObject({ mean: 1, low: 1, high: 1 });
    const pooled = wilson(r.onTimeRate.successes, r.onTimeRate.trials);
    expect(r.onTimeRate.rate).toBe(1);
    expect(r.onTimeRate.high).toBe(1);
    expect(r.onTimeRate.low).toBeCloseTo(pooled.low, 6);
    expect(r.onTimeRate.low).toBeLessThan(1);
  });

  test('bad counts name the option', () => {
    for (const replications of [1, 0, 2.5]) {
      expect(() => simulate(procedure, process, vn, congested(), { seed: 1, replications })).toThrow(
        /options\.replications: expected a whole number ≥ 2/,
      );
    }
  });
});
