import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramBins, leadTimeHistogram, quantileBins } from './histogram.js';
import { escapeHtml } from './html.js';
import { axisStart, niceTicks } from './svg.js';

describe('leadTimeHistogram', () => {
  it('bins by a round width from 0', () => {
    expect(leadTimeHistogram([0.2, 0.3, 1.1])).toEqual({
      unit: 'workingDay',
      binDays: 0.125,
      counts: [0, 1, 1, 0, 0, 0, 0, 0, 1],
    });
    expect(leadTimeHistogram([0, 3, 9.9], { maxBins: 10 }).binDays).toBe(1);
  });

  it('law: every finite value is counted once, in the bin that contains it, within maxBins', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 60 }),
        (values, maxBins) => {
          const h = leadTimeHistogram(values, { maxBins });
          expect(h.counts.length).toBeLessThanOrEqual(maxBins);
          expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
          const bins = histogramBins(h);
          for (const v of values) {
            const k = Math.min(bins.length - 1, Math.floor(v / h.binDays));
            expect(v).toBeGreaterThanOrEqual(bins[k]!.from);
            if (k < bins.length - 1) expect(v).toBeLessThan(bins[k]!.to);
          }
        },
      ),
    );
  });

  it('skips non-finite values', () => {
    expect(leadTimeHistogram([1, Number.NaN, Number.POSITIVE_INFINITY]).counts.reduce((a, b) => a + b)).toBe(1);
  });
});

describe('quantileBins', () => {
  const lead = {
    unit: 'workingDay' as const,
    n: 884,
    mean: 0.45,
    sd: 0.67,
    p50: 0.26,
    p90: 0.66,
    p99: 4.22,
    max: 6.85,
  };

  it('splits n at the percentiles: 50 %, 40 %, 9 %, the rest', () => {
    expect(quantileBins(lead)).toEqual([
      { from: 0, to: 0.26, count: 442 },
      { from: 0.26, to: 0.66, count: 354 },
      { from: 0.66, to: 4.22, count: 80 },
      { from: 4.22, to: 6.85, count: 8 },
    ]);
  });

  it('merges a zero-width bin into the one before, keeping the total', () => {
    const bins = quantileBins({ ...lead, p99: 6.85 });
    expect(bins).toHaveLength(3);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(884);
  });

  it('is empty when nothing finished', () => {
    expect(quantileBins({ ...lead, n: 0, p50: null, p90: null, p99: null, max: null })).toEqual([]);
  });
});

describe('chart helpers', () => {
  it('escapeHtml escapes the five HTML characters and normalises to NFC', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('Thu\u0309 tu\u0323c')).toBe('Thủ tục');
  });

  it('niceTicks gives round steps covering the range', () => {
    expect(niceTicks(0, 7, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(niceTicks(0.99, 1, 5)).toEqual([0.99, 0.992, 0.994, 0.996, 0.998, 1]);
  });

  it('axisStart zooms to the data but never above a low end', () => {
    const row = (low: number) => ({ label: '', rate: 1, low, high: 1, text: '' });
    expect(axisStart([row(0.9957)])).toBe(0.995);
    expect(axisStart([row(0.993)])).toBe(0.99);
    expect(axisStart([row(0.9957), row(0.6)])).toBe(0.5);
    expect(axisStart([{ ...row(0), rate: null }])).toBe(0.999);
  });
});
