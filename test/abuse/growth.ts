/**
 * Benchmark-style growth check for the abuse suite: the cost of a reader at 100k and 1M characters
 * compared with the input ratio, with a wide margin (no wall-clock bound: a loaded CI machine slows
 * both sizes alike, while a quadratic reader is 100× slower for 10× the input, not 10×).
 */
export function growthRatio(read: (text: string) => unknown, make: (chars: number) => string): number {
  const time = (text: string) => {
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      read(text);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  // Warm up (JIT) on the small sizes; they also show the reader does not fail on them.
  for (const n of [1_000, 10_000]) read(make(n));
  const small = time(make(100_000));
  const large = time(make(1_000_000));
  // 2 ms of slack: a reader that takes no measurable time at 100k is linear enough.
  return large / Math.max(small, 2);
}

/** Input ratio 10; a ratio under this is linear with a wide (4×) margin, a quadratic one is ~100. */
export const LINEAR_BOUND = 40;
