import { vietnamCalendar } from '@tthc/calendar';
import { describe, expect, test } from 'vitest';
import { compareScenarios } from './compare.js';
import { ECONOMY, procedure, process, wardScenario } from './fixtures.test-util.js';
import { simulate } from './simulate.js';

const vn = vietnamCalendar();

describe('compareScenarios', () => {
  const lean = wardScenario();
  lean.staff[ECONOMY] = 1;
  const a = simulate(procedure, process, vn, lean, { seed: 11 });
  const b = simulate(procedure, process, vn, wardScenario(), { seed: 11 });
  const d = compareScenarios(a, b);

  test('a second reviewing officer: a significant rise in the on-time rate and a shorter lead time', () => {
    expect(d.onTimeRate.difference).toBeCloseTo(b.onTimeRate.rate! - a.onTimeRate.rate!, 12);
    expect(d.onTimeRate.significant).toBe(true);
    expect(d.onTimeRate.low!).toBeGreaterThan(0);
    expect(d.meanLeadTime.difference!).toBeLessThan(0);
    expect(d.meanLeadTime.significant).toBe(true);
    expect(d.commonRandomNumbers).toBe(true);
    const unit = d.units.find((u) => u.unit === ECONOMY)!;
    expect(unit.staff).toEqual({ a: 1, b: 2 });
    expect(unit.meanWaiting.b!).toBeLessThan(unit.meanWaiting.a!);
  });

  test('swapping the scenarios mirrors the differences', () => {
    const r = compareScenarios(b, a);
    expect(r.onTimeRate.difference).toBeCloseTo(-d.onTimeRate.difference!, 12);
    expect(r.onTimeRate.low).toBeCloseTo(-d.onTimeRate.high!, 12);
    expect(r.meanLeadTime.high).toBeCloseTo(-d.meanLeadTime.low!, 12);
  });

  test('a result against itself: no difference, not significant', () => {
    const same = compareScenarios(b, b);
    expect(same.onTimeRate.difference).toBe(0);
    expect(same.onTimeRate.significant).toBe(false);
    expect(same.steps.every((s) => !s.onTimeRate.significant)).toBe(true);
  });
});
