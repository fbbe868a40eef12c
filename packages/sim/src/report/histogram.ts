/**
 * Lead-time histograms for the reports: equal-width bins from the lead times themselves, or — when a
 * result carries only its percentiles — bins whose edges are the percentiles (a variable-width
 * histogram whose counts follow from the definition of a percentile).
 */
import type { LeadTime } from '../simulate/result.js';
import type { HistogramBin } from './svg.js';

/** Equal-width bins of lead times, in working days, starting at 0. */
export interface LeadTimeHistogram {
  readonly unit: 'workingDay';
  /** Width of every bin in working days. */
  readonly binDays: number;
  /** counts[k] = lead times in [k·binDays, (k+1)·binDays); the largest value falls in the last bin. */
  readonly counts: readonly number[];
}

/** Options of {@link leadTimeHistogram}. */
export interface LeadTimeHistogramOptions {
  /** Most bins. Default 30. */
  readonly maxBins?: number;
}

/** Bin widths tried in order: fractions of a working day (hours matter for short procedures), then days. */
const WIDTHS = [0.125, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * Bins lead times (working days, any order) into at most `maxBins` equal bins of a round width.
 * Two passes over the values, no sort.
 * @example leadTimeHistogram([0.2, 0.3, 1.1]) // { unit: 'workingDay', binDays: 0.125, counts: [0, 1, 1, 0, 0, 0, 0, 0, 1] }
 */
export function leadTimeHistogram(days: ArrayLike<number>, options: LeadTimeHistogramOptions = {}): LeadTimeHistogram {
  const maxBins = Math.max(1, Math.floor(options.maxBins ?? 30));
  let max = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (Number.isFinite(d) && d > max) max = d;
  }
  const binDays = WIDTHS.find((w) => Math.floor(max / w) + 1 <= maxBins) ?? Math.ceil(max / maxBins + 1);
  const bins = Math.min(maxBins, Math.floor(max / binDays) + 1);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (!Number.isFinite(d)) continue;
    const k = Math.min(bins - 1, Math.max(0, Math.floor(d / binDays)));
    counts[k]!++;
  }
  return { unit: 'workingDay', binDays, counts };
}

/**
 * The chart bins of an equal-width histogram.
 * @example histogramBins({ unit: 'workingDay', binDays: 0.5, counts: [3, 1] }) // [{ from: 0, to: 0.5, count: 3 }, { from: 0.5, to: 1, count: 1 }]
 */
export function histogramBins(h: LeadTimeHistogram): HistogramBin[] {
  return h.counts.map((count, k) => ({ from: k * h.binDays, to: (k + 1) * h.binDays, count }));
}

/** Shares of the dossiers between consecutive edges 0, p50, p90, p99, max. */
const QUANTILE_SHARES = [0.5, 0.4, 0.09] as const;

/**
 * Variable-width bins [0, p50), [p50, p90), [p90, p99), [p99, max] holding ≈ 50 %, 40 %, 9 % and the
 * rest of the `n` lead times — by definition of the percentiles, up to interpolation. A bin of zero
 * width (equal percentiles) is merged into the bin before it. Empty when nothing finished.
 * @example quantileBins({ unit: 'workingDay', n: 100, mean: 1, sd: 1, p50: 1, p90: 2, p99: 3, max: 4 }).length // 4
 */
export function quantileBins(lead: Pick<LeadTime, 'n' | 'p50' | 'p90' | 'p99' | 'max'>): HistogramBin[] {
  const { n, p50, p90, p99, max } = lead;
  if (n === 0 || p50 === null || p90 === null || p99 === null || max === null) return [];
  const edges = [0, p50, p90, p99, max];
  const counts = QUANTILE_SHARES.map((s) => Math.round(s * n));
  counts.push(n - counts.reduce((a, b) => a + b, 0));
  const bins: { from: number; to: number; count: number }[] = [];
  for (let k = 0; k < counts.length; k++) {
    const from = edges[k]!;
    const to = edges[k + 1]!;
    const last = bins.at(-1);
    if (to <= from && last) last.count += counts[k]!;
    else if (to <= from) bins.push({ from, to: from, count: counts[k]! });
    else bins.push({ from, to, count: counts[k]! });
  }
  return bins.filter((b) => b.count > 0 || b.to > b.from);
}
