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
  /**
   * Absent: a Wilson interval over dossiers. `replications`: `rate` is the mean of independent
   * replications' rates, `low`/`high` its Student-t 95 % interval widened where needed to contain the
   * pooled Wilson interval, `successes`/`trials` pooled.
   */
  readonly method?: 'replications';
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
  /** Absent: from one run per side (Newcombe, Welch over dossiers); else over replications. */
  readonly method?: 'replications-paired' | 'replications-welch';
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

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error < 1e-13). */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.61503916999186,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - logGamma(a) - logGamma(b) + logGamma(a + b)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 300; i++) {
    const m = i >> 1;
    const num =
      i === 0
        ? 1
        : i % 2 === 0
          ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
          : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    d = Math.abs(d) < tiny ? tiny : 1 / d;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    f *= c * d;
    if (Math.abs(1 - c * d) < 1e-15) break;
  }
  return front * (f - 1);
}

/**
 * The p-quantile (0.5 ≤ p < 1) of Student's t distribution with `df` degrees of freedom, by
 * bisection on the distribution function P(T ≤ t) = 1 − I_{df/(df+t²)}(df/2, 1/2)/2.
 * @example studentQuantile(0.975, 4) // 2.776445…
 */
export function studentQuantile(p: number, df: number): number {
  if (!(p >= 0.5 && p < 1) || !(df > 0))
    throw new RangeError(`studentQuantile: p in [0.5, 1) and df > 0, got ${p}, ${df}`);
  const cdf = (t: number) => 1 - incompleteBeta(df / (df + t * t), df / 2, 0.5) / 2;
  let lo = 0;
  let hi = 1;
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** A mean of replications with its Student-t 95 % interval. */
export interface ReplicationMean {
  readonly method: 'replications';
  /** Replications with a value. */
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/**
 * The mean of independent replications' values with the Student-t interval
 * mean ± t(0.975, n − 1) · sd / √n (`null` values, e.g. a replication where nothing finished, are left out).
 * @example replicationMean([0.9, 0.92, 0.88]) // { n: 3, mean: 0.9, low: 0.85031…, high: 0.94968…, … }
 */
export function replicationMean(values: readonly (number | null)[]): ReplicationMean {
  const xs = Float64Array.from(values.filter((v): v is number => v !== null));
  const s = summarize(xs);
  if (s.mean === null || s.sd === null || s.n < 2) {
    return { method: 'replications', n: s.n, mean: s.mean, sd: s.sd, low: null, high: null };
  }
  const half = (studentQuantile(0.975, s.n - 1) * s.sd) / Math.sqrt(s.n);
  return { method: 'replications', n: s.n, mean: s.mean, sd: s.sd, low: s.mean - half, high: s.mean + half };
}

/**
 * b − a for two sets of replications: paired when `paired` (same seeds, common random numbers: the
 * t interval of the per-replication differences), else Welch's t interval with Satterthwaite's
 * degrees of freedom. `null` entries are left out (pairwise when paired).
 * @example replicationDifference([0.8, 0.82, 0.79], [0.9, 0.93, 0.9], { paired: true }).significant // true
 */
export function replicationDifference(
  a: readonly (number | null)[],
  b: readonly (number | null)[],
  options: { readonly paired: boolean },
): Difference & { readonly method: 'replications-paired' | 'replications-welch' } {
  const ma = replicationMean(a);
  const mb = replicationMean(b);
  const none = (method: 'replications-paired' | 'replications-welch') => ({
    a: ma.mean,
    b: mb.mean,
    difference: ma.mean === null || mb.mean === null ? null : mb.mean - ma.mean,
    low: null,
    high: null,
    significant: false,
    method,
  });
  if (options.paired && a.length === b.length) {
    const diffs = a.map((x, r) => (x === null || b[r] === null ? null : b[r]! - x));
    const m = replicationMean(diffs);
    if (m.low === null || m.high === null) return none('replications-paired');
    return {
      a: ma.mean,
      b: mb.mean,
      difference: m.mean,
      low: m.low,
      high: m.high,
      significant: m.low > 0 || m.high < 0,
      method: 'replications-paired',
    };
  }
  if (ma.mean === null || mb.mean === null || ma.sd === null || mb.sd === null || ma.n < 2 || mb.n < 2) {
    return none('replications-welch');
  }
  const va = (ma.sd * ma.sd) / ma.n;
  const vb = (mb.sd * mb.sd) / mb.n;
  const d = mb.mean - ma.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { ...none('replications-welch'), low: d, high: d, significant: d !== 0 };
  const df = (va + vb) ** 2 / (va ** 2 / (ma.n - 1) + vb ** 2 / (mb.n - 1));
  const half = studentQuantile(0.975, df) * se;
  return {
    a: ma.mean,
    b: mb.mean,
    difference: d,
    low: d - half,
    high: d + half,
    significant: Math.abs(d) > half,
    method: 'replications-welch',
  };
}
