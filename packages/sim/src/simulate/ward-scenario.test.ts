import { vietnamCalendar } from '@tthc/calendar';
import { describe, expect, test } from 'vitest';
import { ECONOMY, procedure, process, wardScenario } from './fixtures.test-util.js';
import { parseScenario } from './scenario.js';
import { simulate } from './simulate.js';

const vn = vietnamCalendar();
/** A published "100%" on time is any rate that rounds to 100 %: [99.5 %, 100 %]. */
const PUBLISHED = { low: 0.995, high: 1 };
const overlapsPublished = (ci: { low: number; high: number }) => ci.low <= PUBLISHED.high && ci.high >= PUBLISHED.low;

describe('examples/simulation/ward-scenario.json', () => {
  test('is a valid scenario: ~924 dossiers a quarter', () => {
    const s = parseScenario(wardScenario());
    expect(s.arrivals.perWorkingDay! * s.horizon!).toBeCloseTo(924, -1);
    const r = simulate(procedure, process, vn, s, { seed: 2025 });
    expect(r.dossiers.arrived).toBeGreaterThan(924 - 3 * Math.sqrt(924));
    expect(r.dossiers.arrived).toBeLessThan(924 + 3 * Math.sqrt(924));
    expect(r.window.from).toBe('2025-07-01T08:00:00+07:00');
  });

  test.each([1, 2, 3])('seed %i: the 95 %% CI of the on-time rate reaches the published 100 %% (≥ 99.5 %%)', (seed) => {
    const r = simulate(procedure, process, vn, wardScenario(), { seed });
    expect(overlapsPublished(r.onTimeRate)).toBe(true);
    // Step times well under the limit: 90 % of dossiers are done within one working day of receipt.
    expect(r.leadTime.p90!).toBeLessThan(1);
  });

  test('the check can fail: with one reviewing officer the CI falls below the published range', () => {
    const lean = wardScenario();
    lean.staff[ECONOMY] = 1;
    const r = simulate(procedure, process, vn, lean, { seed: 1 });
    expect(overlapsPublished(r.onTimeRate)).toBe(false);
  });
});
