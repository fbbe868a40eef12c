/**
 * Interval estimates and order statistics for the KPIs: Wilson score intervals for proportions,
 * Newcombe's hybrid score interval for a difference of proportions, Welch's interval for a difference
 * of means, and linearly interpolated percentiles.
 */

/** z for a two-sided 95 % interval (Φ⁻¹(0.975)). */
export const Z95 = 1.959963984540054;

/** A proportion with its confidence interval; `rate` is `null` when there is nothing to count. */
export interface Proportion {
  readonly successes: number;
  readonly trials: number;
  readonly rate: number | null;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval (Wilson 1927): centre (p̂ + z²/2n) / (1 + z²/n), half-width
 * z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²). Unlike p̂ ± z√(p̂(1−p̂)/n) it stays inside [0, 1] and
 * does not collapse to a point when every dossier is on time.
 * @example wilson(924, 924) // { rate: 1, low: 0.99586…, high: 1, … }
 */
export function wilson(successes: number, trials: number, z = Z95): Proportion {
  if (trials === 0) return { successes, trials, rate: null, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return {
    successes,
    trials,
    rate: p,
    // The interval always contains p̂; the clamps only undo rounding at p̂ = 0 or 1.
    low: Math.max(0, Math.min(p, centre - half)),
    high: Math.min(1, Math.max(p, centre + half)),
  };
}

/** A difference with its confidence interval. */
export interface Difference {
  readonly a: number | null;
  readonly b: number | null;
  /** b − a (`null` when either side is undefined). */
  readonly difference: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** True when the interval excludes 0. */
  readonly significant: boolean;
}

/**
 * Newcombe's hybrid score interval for p_b − p_a (Newcombe 1998, method 10), built from the two
 * Wilson intervals: [d − √((p_b − l_b)² + (u_a − p_a)²), d + √((u_b − p_b)² + (p_a − l_a)²)].
 * It assumes independent samples; with common random numbers the true interval is narrower.
 * @example proportionDifference(wilson(90, 100), wilson(97, 100)).significant // false
 */
export function proportionDifference(a: Proportion, b: Proportion): Difference {
  if (a.rate === null || b.rate === null) {
    return { a: a.rate, b: b.rate, difference: null, low: null, high: null, significant: false };
  }
  const d = b.rate - a.rate;
  const low = d - Math.sqrt((b.rate - b.low) ** 2 + (a.high - a.rate) ** 2);
  const high = d + Math.sqrt((b.high - b.rate) ** 2 + (a.rate - a.low) ** 2);
  return { a: a.rate, b: b.rate, difference: d, low, high, significant: low > 0 || high < 0 };
}

/** Mean, standard deviation and count of a sample. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
}

/**
 * Welch's interval for mean_b − mean_a with the normal quantile (samples here are large).
 * @example meanDifference({ n: 100, mean: 2, sd: 1 }, { n: 100, mean: 1.5, sd: 1 }).significant // true
 */
export function meanDifference(a: SampleSummary, b: SampleSummary, z = Z95): Difference {
  if (a.mean === null || b.mean === null || a.sd === null || b.sd === null || a.n < 2 || b.n < 2) {
    return { a: a.mean, b: b.mean, difference: null, low: null, high: null, significant: false };
  }
  const d = b.mean - a.mean;
  const se = Math.sqrt((a.sd * a.sd) / a.n + (b.sd * b.sd) / b.n);
  return { a: a.mean, b: b.mean, difference: d, low: d - z * se, high: d + z * se, significant: Math.abs(d) > z * se };
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of an ascending sample, interpolating linearly between order statistics
 * (Hyndman–Fan type 7, the default of R and NumPy); `null` for an empty sample.
 * @example percentile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function percentile(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Mean and sample standard deviation (Welford's update, stable for long runs).
 * @example summarize(Float64Array.of(1, 2, 3)) // { n: 3, mean: 2, sd: 1 }
 */
export function summarize(values: ArrayLike<number>): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  return { n, mean, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0 };
}
