/**
 * Probability distributions of a scenario (step durations, citizen delays): zod schemas for the
 * JSON form and samplers compiled once per simulation, so the hot loop only calls a closure.
 */
import * as z from 'zod';
import type { Random } from './random.js';

const finite = z.number().finite();
const nonNegative = finite.nonnegative();
const positive = finite.positive();

/** Unit of a sampled duration; each scenario field states its default. */
export const TimeUnitSchema = z.enum(['workingMinute', 'workingHour', 'workingDay']);
export type TimeUnit = z.infer<typeof TimeUnitSchema>;

const unit = { unit: TimeUnitSchema.optional() };

/** A distribution of non-negative values (durations in `unit`). */
export const DistributionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('fixed'), value: nonNegative, ...unit }),
    z.strictObject({ type: z.literal('uniform'), min: nonNegative, max: nonNegative, ...unit }),
    z.strictObject({ type: z.literal('triangular'), min: nonNegative, mode: nonNegative, max: nonNegative, ...unit }),
    z.strictObject({
      type: z.literal('lognormal'),
      mean: positive.optional().meta({ description: 'Mean of the distribution itself (with sd).' }),
      sd: nonNegative.optional(),
      mu: finite.optional().meta({ description: 'Mean of the underlying normal (with sigma).' }),
      sigma: nonNegative.optional(),
      ...unit,
    }),
    z.strictObject({ type: z.literal('exponential'), mean: positive, ...unit }),
    z.strictObject({ type: z.literal('poisson'), lambda: nonNegative, ...unit }),
    z.strictObject({
      type: z.literal('empirical'),
      values: z.array(nonNegative).min(1),
      weights: z.array(nonNegative).optional(),
      ...unit,
    }),
  ])
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (d.type === 'uniform' && d.min > d.max) issue('max', `max ${d.max} is below min ${d.min}`);
    if (d.type === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) {
      issue('mode', `expected min ≤ mode ≤ max, got ${d.min} ≤ ${d.mode} ≤ ${d.max}`);
    }
    if (d.type === 'lognormal') {
      const anyMoments = d.mean !== undefined || d.sd !== undefined;
      const anyParams = d.mu !== undefined || d.sigma !== undefined;
      const byMoments = d.mean !== undefined && d.sd !== undefined && !anyParams;
      const byParams = d.mu !== undefined && d.sigma !== undefined && !anyMoments;
      if (!byMoments && !byParams) issue(anyParams ? 'mu' : 'mean', 'give either { mean, sd } or { mu, sigma }');
    }
    if (d.type === 'empirical' && d.weights !== undefined) {
      if (d.weights.length !== d.values.length) {
        issue('weights', `expected ${d.values.length} weights (one per value), got ${d.weights.length}`);
      } else if (!(d.weights.reduce((a, b) => a + b, 0) > 0)) issue('weights', 'weights must not all be 0');
    }
  })
  .meta({ id: 'Distribution', description: 'A distribution of durations (default unit per field).' });

export type Distribution = z.infer<typeof DistributionSchema>;

/** Draws one value from a compiled distribution. */
export type Sampler = (random: Random) => number;

/**
 * A standard normal deviate by Marsaglia's polar method; the pair's second value is cached on the
 * generator, so two calls cost one accepted pair.
 * @example normal(new Random(1)) // ≈ N(0, 1)
 */
export function normal(random: Random): number {
  const cached = random.spare;
  if (!Number.isNaN(cached)) {
    random.spare = Number.NaN;
    return cached;
  }
  let u: number;
  let v: number;
  let s: number;
  do {
    u = 2 * random.float() - 1;
    v = 2 * random.float() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  const f = Math.sqrt((-2 * Math.log(s)) / s);
  random.spare = v * f;
  return u * f;
}

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: ~15 significant digits), used by the PTRS acceptance test.
 * @example logGamma(5) // ln 24
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = LANCZOS;
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * A Poisson count: Knuth's product of uniforms for λ < 30, Hörmann's PTRS (transformed rejection
 * with squeeze, 1993) above, whose cost does not grow with λ.
 * @example poisson(new Random(1), 4) // a count with mean 4
 */
export function poisson(random: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = random.float();
    while (p > limit) {
      k++;
      p *= random.float();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random.float() - 0.5;
    const v = random.float();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) {
      return k;
    }
  }
}

function triangular(min: number, mode: number, max: number): Sampler {
  const span = max - min;
  if (span === 0) return () => min;
  const cut = (mode - min) / span;
  // Inverse CDF of the triangular distribution.
  return (r) => {
    const u = r.float();
    return u < cut ? min + Math.sqrt(u * span * (mode - min)) : max - Math.sqrt((1 - u) * span * (max - mode));
  };
}

function empirical(values: readonly number[], weights: readonly number[] | undefined): Sampler {
  const n = values.length;
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += weights ? weights[i]! : 1;
  const vals = Float64Array.from(values);
  return (r) => {
    const target = r.float() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return vals[lo]!;
  };
}

function lognormalParams(d: Extract<Distribution, { type: 'lognormal' }>): { mu: number; sigma: number } {
  if (d.mu !== undefined && d.sigma !== undefined) return { mu: d.mu, sigma: d.sigma };
  const mean = d.mean!;
  const sd = d.sd!;
  // Moments of a lognormal: mean = e^(μ+σ²/2), var = (e^(σ²) − 1)·mean².
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

function baseSampler(d: Distribution): Sampler {
  switch (d.type) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const { min } = d;
      const span = d.max - d.min;
      return (r) => min + span * r.float();
    }
    case 'triangular':
      return triangular(d.min, d.mode, d.max);
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d);
      return (r) => Math.exp(mu + sigma * normal(r));
    }
    case 'exponential': {
      const { mean } = d;
      // 1 − U is in (0, 1], so the logarithm is finite.
      return (r) => -mean * Math.log(1 - r.float());
    }
    case 'poisson': {
      const { lambda } = d;
      return (r) => poisson(r, lambda);
    }
    case 'empirical':
      return empirical(d.values, d.weights);
  }
}

/** Options of {@link compileDistribution}. */
export interface CompileDistributionOptions {
  /** Unit when the distribution names none. Default `workingMinute`. */
  readonly defaultUnit?: TimeUnit;
  /** Minutes in one working day. Default 480 (Decision 188/1999/QĐ-TTg). */
  readonly workingDayMinutes?: number;
}

const MINUTES_PER: Record<TimeUnit, number> = { workingMinute: 1, workingHour: 60, workingDay: Number.NaN };

/**
 * A sampler of working minutes for a (parsed) distribution.
 * @example
 * const draw = compileDistribution({ type: 'triangular', min: 10, mode: 20, max: 60 });
 * draw(new Random(7)) // minutes between 10 and 60
 */
export function compileDistribution(d: Distribution, options: CompileDistributionOptions = {}): Sampler {
  const base = baseSampler(d);
  const u = d.unit ?? options.defaultUnit ?? 'workingMinute';
  const factor = u === 'workingDay' ? (options.workingDayMinutes ?? 480) : MINUTES_PER[u];
  return factor === 1 ? base : (r) => base(r) * factor;
}

/**
 * The exact mean of a distribution in its own unit (for checks and documentation).
 * @example distributionMean({ type: 'uniform', min: 0, max: 10 }) // 5
 */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'exponential':
      return d.mean;
    case 'poisson':
      return d.lambda;
    case 'empirical': {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return d.values.reduce((acc, v, i) => acc + v * w[i]!, 0) / total;
    }
  }
}
