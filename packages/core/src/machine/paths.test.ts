import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors.js';
import { parseProcess } from '../model/parse.js';
import type { Process } from '../model/process.js';
import { processInput } from '../runtime/fixtures.test-util.js';
import { DEFAULT_MAX_PATHS, enumeratePaths } from './paths.js';

/** A plain chain of `n` steps (receive → s1 → … → return), the reproducer of issue 12 Medium 8. */
function chainProcess(n: number): Process {
  const steps = Array.from({ length: n }, (_, k) => ({
    key: `s${k}`,
    name: `Bước ${k + 1}`,
    kind: k === 0 ? 'receive' : k === n - 1 ? 'return' : 'review',
    performer: { unit: 'Phòng Kinh tế', role: 'Chuyên viên' },
    budget: { amount: 1, unit: 'workingHour' },
    ...(k === n - 1 ? {} : { outcomes: [{ name: 'done', next: `s${k + 1}` }] }),
  }));
  return parseProcess({ ...processInput(), steps } as never);
}

/** Receipt, `n - 1` review steps each with two outcomes going to the next step, return: 2^(n-1) paths. */
function diamondProcess(n: number): Process {
  const steps = Array.from({ length: n + 1 }, (_, k) => ({
    key: `s${k}`,
    name: `Bước ${k + 1}`,
    kind: k === 0 ? 'receive' : k === n ? 'return' : 'review',
    performer: { unit: 'Phòng Kinh tế', role: 'Chuyên viên' },
    budget: { amount: 1, unit: 'workingHour' },
    ...(k === n
      ? {}
      : {
          outcomes:
            k === 0
              ? [{ name: 'done', next: 's1' }]
              : [
                  { name: 'a', next: `s${k + 1}` },
                  { name: 'b', next: `s${k + 1}` },
                ],
        }),
  }));
  return parseProcess({ ...processInput(), steps } as never);
}

function limitOf(f: () => unknown): CoreError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CoreError);
    return e as CoreError;
  }
  throw new Error('expected LIMIT_EXCEEDED');
}

describe('enumeratePaths walks linearly and is bounded', () => {
  test('a chain of n steps has one path of n events, found with O(n) transitions (640 steps took 147 s)', () => {
    for (const n of [10, 40, 160, 640]) {
      const paths = enumeratePaths(chainProcess(n));
      expect(paths).toHaveLength(1);
      expect(paths[0]!.events).toHaveLength(n);
      expect(paths[0]!.end).toBe('returned');
    }
  });

  test('2^n branch combinations are refused past maxPaths, naming the limit, and counted when raised', () => {
    expect(enumeratePaths(diamondProcess(6))).toHaveLength(32);
    const e = limitOf(() => enumeratePaths(diamondProcess(20)));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toMatch(`maxPaths = ${DEFAULT_MAX_PATHS}`);
    expect(e.issues).toEqual([
      { path: ['maxPaths'], message: expect.stringMatching(/more than 10000 paths/), value: 10_000 },
    ]);
    expect(enumeratePaths(diamondProcess(13), { maxPaths: 4096 })).toHaveLength(4096);
    expect(limitOf(() => enumeratePaths(diamondProcess(13), { maxPaths: 4095 })).code).toBe('LIMIT_EXCEEDED');
  });

  test('a path longer than maxDepth events is refused, naming the limit', () => {
    const e = limitOf(() => enumeratePaths(chainProcess(50), { maxDepth: 20 }));
    expect(e.message).toMatch(/maxDepth = 20/);
    expect(enumeratePaths(chainProcess(50), { maxDepth: 50 })).toHaveLength(1);
  });

  test('a 5,000-step chain is walked without deep recursion', () => {
    const [path] = enumeratePaths(chainProcess(5000));
    expect(path!.states).toHaveLength(5001);
  });
});
