import { lintProcess, parseProcedure, parseProcess } from '@tthc/core';
import { diffProcesses, matchSteps } from '@tthc/sync';
import { describe, expect, it } from 'vitest';
import { bigProcessPair } from './big-process.test-util.js';
import { LINEAR_BOUND } from './growth.js';

function cost(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

// Issue 12 item 8: step matching was about O(n^2.3) when keys do not pair (10k steps: 172 s).
describe('10k-step processes match and diff', () => {
  it('unkeyed matching grows linearly from 1k to 10k steps and pairs every step', () => {
    const small = bigProcessPair(1_000);
    const large = bigProcessPair(10_000);
    const m = matchSteps(large.a, large.b, { byKey: false });
    expect(m.pairs.length).toBe(10_000);
    expect(m.onlyA).toEqual([]);
    const ratio =
      cost(() => matchSteps(large.a, large.b, { byKey: false })) /
      Math.max(
        cost(() => matchSteps(small.a, small.b, { byKey: false })),
        2,
      );
    // Input ratio 10: linear is ~10, the exhaustive matcher was ~180.
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('a keyed diff of 10k steps reports the renamed steps as renames, not add/remove', () => {
    const { a, b } = bigProcessPair(10_000);
    const changes = diffProcesses({ value: a }, { value: b });
    expect(changes.some((c) => c.code === 'step.removed')).toBe(false);
    expect(changes.filter((c) => c.code === 'step.renamed').length).toBe(200);
  });
});

// Issue 12 item 9: a 10k-step linear process overflowed the recursive lint walks.
describe('10k-step processes validate', () => {
  it('parses and lints a 10k-step chain without overflowing the stack', () => {
    const procedure = parseProcedure({
      code: '1.000001.000.00.00.H12',
      name: 'Thủ tục lớn',
      field: { name: 'Hộ tịch' },
      levels: ['Cấp xã'],
      agencies: [{ name: 'UBND cấp xã' }],
      channels: [{ channel: 'direct', timeLimit: { amount: 3, unit: 'workingDay' } }],
      components: [],
      legalBases: [{ number: '168/2025/NĐ-CP', effectiveFrom: '2025-07-01' }],
    });
    const process = parseProcess(bigProcessPair(10_000).a);
    const issues = lintProcess(procedure, process);
    // 10k steps of 4 working hours exceed the 3-day limit: found along the whole chain.
    expect(issues.some((i) => i.code === 'budget-exceeds-limit')).toBe(true);
    expect(issues.some((i) => i.code === 'unreachable-step')).toBe(false);
  });
});
