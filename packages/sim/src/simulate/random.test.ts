import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deriveSeed, Random } from './random.js';

describe('Random (sfc32 seeded by splitmix32)', () => {
  test('the same seed gives the same sequence; another seed another one', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = new Random(seed);
        const b = new Random(seed);
        const c = new Random(seed + 1);
        const xs = Array.from({ length: 16 }, () => a.uint32());
        expect(Array.from({ length: 16 }, () => b.uint32())).toEqual(xs);
        expect(Array.from({ length: 16 }, () => c.uint32())).not.toEqual(xs);
      }),
    );
  });

  test('floats are in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Random(2026);
    const n = 200_000;
    let sum = 0;
    let sum2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.float();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      sum2 += x * x;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sum2 / n - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  test('reseeding restarts the stream; a reseeded stream equals a fresh one', () => {
    const r = new Random(1);
    r.reseed(deriveSeed(9, 3));
    const xs = [r.uint32(), r.uint32()];
    r.uint32();
    r.reseed(deriveSeed(9, 3));
    expect([r.uint32(), r.uint32()]).toEqual(xs);
  });

  test('derived seeds of different streams differ (no collisions over 100k ids)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(deriveSeed(42, i, 0));
    expect(seen.size).toBe(100_000);
    expect(deriveSeed(42, 1, 2)).not.toBe(deriveSeed(42, 2, 1));
  });

  test('refuses a seed that is not a safe integer, naming the value', () => {
    expect(() => new Random(1.5)).toThrow(/seed: expected a safe integer seed, got 1.5/);
  });
});
