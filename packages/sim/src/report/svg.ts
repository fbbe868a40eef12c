/**
 * Inline SVG charts for the reports: horizontal bars, stacked bars, intervals and a histogram. Every
 * bar is one `<rect class="bar">` and every interval one `<g class="interval">`, so a chart's marks
 * can be counted; every text is escaped. No `xmlns`: inline SVG in HTML needs none, and the page
 * then holds no URL at all.
 */
import { COLORS, escapeHtml } from './html.js';

const WIDTH = 1000;
const LABEL_WIDTH = 340;
const VALUE_GAP = 8;
const ROW = 26;
const BAR = 16;
const TOP = 30;
const PLOT_WIDTH = 460;
/** Roughly the width of one 12 px character, to lay out legends and clip labels. */
const CHAR = 6.6;

/** One bar of {@link barChart}. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Text printed after the bar (the value with its unit). */
  readonly text: string;
  readonly color?: string;
}

/** One segment of a stacked bar. */
export interface BarPart {
  readonly name: string;
  readonly value: number;
  readonly color: string;
}

/** One row of {@link stackedBarChart}. */
export interface StackedBar {
  readonly label: string;
  readonly parts: readonly BarPart[];
  readonly text: string;
}

/** What every chart takes: an id (kept in `data-chart`) and an accessible title. */
export interface ChartOptions {
  readonly id: string;
  readonly title: string;
  /** The value at the right end of the axis. Default: the largest value. */
  readonly max?: number;
}

/**
 * Text clipped to `max` characters with an ellipsis (the full text stays in the row's `<title>`).
 * @example clip('Thẩm định hồ sơ, kiểm tra tên hộ kinh doanh', 20) // 'Thẩm định hồ sơ, ki…'
 */
export function clip(text: string, max: number): string {
  const t = text.normalize('NFC');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

const n2 = (x: number): string => String(Math.round(x * 100) / 100);

function open(id: string, title: string, height: number): string {
  const t = escapeHtml(title);
  return (
    // Wrapped in a horizontal scroller: on a phone the chart keeps its size (labels stay readable)
    // and scrolls within its box instead of shrinking; closed by close().
    `<div class="wide"><svg data-chart="${escapeHtml(id)}" viewBox="0 0 ${WIDTH} ${n2(height)}" width="${WIDTH}" height="${n2(height)}" ` +
    `role="img" aria-label="${t}">\n<title>${t}</title>\n<text x="0" y="16" font-size="14" font-weight="600" fill="${COLORS.text}">${t}</text>`
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n2(x)}" y="${n2(y)}" font-size="12" fill="${COLORS.text}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(content)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, color: string, tip: string): string {
  return (
    `<rect class="bar" x="${n2(x)}" y="${n2(y)}" width="${n2(Math.max(0, w))}" height="${n2(h)}" fill="${escapeHtml(color)}">` +
    `<title>${escapeHtml(tip)}</title></rect>`
  );
}

function scaleMax(values: readonly number[], max: number | undefined): number {
  const top = max ?? Math.max(0, ...values.filter(Number.isFinite));
  return top > 0 ? top : 1;
}

function rowLabel(label: string, y: number): string {
  return text(
    LABEL_WIDTH - VALUE_GAP,
    y + BAR / 2 + 4,
    clip(label, Math.floor((LABEL_WIDTH - VALUE_GAP) / CHAR)),
    'text-anchor="end"',
  );
}

/**
 * Horizontal bars, one per row, scaled to `options.max` (default: the largest value).
 * @example barChart([{ label: 'Phòng Kinh tế xã', value: 0.76, text: '75.6 %' }], { id: 'utilisation', title: 'Utilisation', max: 1 })
 */
export function barChart(bars: readonly Bar[], options: ChartOptions): string {
  const top = scaleMax(
    bars.map((b) => b.value),
    options.max,
  );
  const height = TOP + bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = TOP + i * ROW;
    const w = (Math.max(0, Math.min(b.value, top)) / top) * PLOT_WIDTH;
    return [
      rowLabel(b.label, y),
      rect(LABEL_WIDTH, y, w, BAR, b.color ?? COLORS.processing, `${b.label}: ${b.text}`),
      text(LABEL_WIDTH + w + VALUE_GAP, y + BAR / 2 + 4, b.text),
    ].join('');
  });
  return `${open(options.id, options.title, height)}\n${rows.join('\n')}\n</svg></div>`;
}

/**
 * Stacked horizontal bars: one `<rect class="bar">` per part of each row (zero parts included, so a
 * row always has as many marks as parts), with a legend from the first row's part names.
 * @example stackedBarChart([{ label: 'review', text: '95 min', parts: [{ name: 'waiting', value: 48, color: '#e0913a' }, { name: 'processing', value: 47, color: '#2f6db5' }] }], { id: 'steps', title: 'Waiting vs processing' })
 */
export function stackedBarChart(rows: readonly StackedBar[], options: ChartOptions): string {
  const top = scaleMax(
    rows.map((r) => r.parts.reduce((s, p) => s + Math.max(0, p.value), 0)),
    options.max,
  );
  const legendY = TOP + rows.length * ROW + 14;
  const height = legendY + 12;
  const body = rows.map((r, i) => {
    const y = TOP + i * ROW;
    let x = LABEL_WIDTH;
    const parts = r.parts.map((p) => {
      const w = (Math.max(0, p.value) / top) * PLOT_WIDTH;
      const mark = rect(x, y, w, BAR, p.color, `${r.label} — ${p.name}: ${n2(p.value)}`);
      x += w;
      return mark;
    });
    return [rowLabel(r.label, y), ...parts, text(x + VALUE_GAP, y + BAR / 2 + 4, r.text)].join('');
  });
  let legendX = LABEL_WIDTH;
  const legend = (rows[0]?.parts ?? []).map((p) => {
    const x = legendX;
    legendX += 14 + p.name.length * CHAR + 20;
    return `<rect x="${x}" y="${legendY - 10}" width="10" height="10" fill="${escapeHtml(p.color)}"></rect>${text(x + 14, legendY, p.name)}`;
  });
  return `${open(options.id, options.title, height)}\n${body.join('\n')}\n${legend.join('')}\n</svg></div>`;
}

/** One row of {@link intervalChart}: a rate and its confidence interval, all in [0, 1]. */
export interface IntervalRow {
  readonly label: string;
  readonly rate: number | null;
  readonly low: number;
  readonly high: number;
  readonly text: string;
}

/** Candidate left ends of the axis, so that intervals near 100 % are not squeezed into a few pixels. */
const AXIS_STARTS = [0.999, 0.995, 0.99, 0.98, 0.95, 0.9, 0.8, 0.5, 0];

/**
 * The left end of a rate axis: the largest candidate not above any low end or rate.
 * @example axisStart([{ label: 'x', rate: 1, low: 0.9957, high: 1, text: '' }]) // 0.99
 */
export function axisStart(rows: readonly IntervalRow[]): number {
  const lows = rows.flatMap((r) => (r.rate === null ? [] : [r.low, r.rate]));
  const least = Math.min(1, ...lows);
  return AXIS_STARTS.find((s) => s <= least) ?? 0;
}

/**
 * Rates with their 95 % intervals as whiskers and a dot at the rate, on an axis zoomed to the data
 * (the axis start is printed, so a zoomed axis is never mistaken for a full one).
 * @example intervalChart([{ label: 'Tổng (overall)', rate: 1, low: 0.9957, high: 1, text: '100 % (99.57–100 %)' }], { id: 'on-time', title: 'On-time rate' })
 */
export function intervalChart(rows: readonly IntervalRow[], options: ChartOptions): string {
  const lo = axisStart(rows);
  const xOf = (v: number) => LABEL_WIDTH + ((Math.min(1, Math.max(lo, v)) - lo) / (1 - lo)) * PLOT_WIDTH;
  const axisY = TOP + rows.length * ROW + 4;
  const height = axisY + 22;
  const ticks = niceTicks(lo, 1, 5).map((v) => {
    const x = xOf(v);
    return (
      `<line x1="${n2(x)}" y1="${TOP - 4}" x2="${n2(x)}" y2="${axisY}" stroke="${COLORS.grid}"></line>` +
      text(x, axisY + 16, `${Math.round(v * 1e4) / 100} %`, 'text-anchor="middle"')
    );
  });
  const marks = rows.map((r, i) => {
    const y = TOP + i * ROW + BAR / 2;
    if (r.rate === null) {
      return `<g class="interval">${rowLabel(r.label, y - BAR / 2)}${text(LABEL_WIDTH, y + 4, r.text)}</g>`;
    }
    const tip = `<title>${escapeHtml(`${r.label}: ${r.text}`)}</title>`;
    return (
      `<g class="interval">${tip}${rowLabel(r.label, y - BAR / 2)}` +
      `<line x1="${n2(xOf(r.low))}" y1="${n2(y)}" x2="${n2(xOf(r.high))}" y2="${n2(y)}" stroke="${COLORS.processing}" stroke-width="3"></line>` +
      `<line x1="${n2(xOf(r.low))}" y1="${n2(y - 6)}" x2="${n2(xOf(r.low))}" y2="${n2(y + 6)}" stroke="${COLORS.processing}" stroke-width="2"></line>` +
      `<line x1="${n2(xOf(r.high))}" y1="${n2(y - 6)}" x2="${n2(xOf(r.high))}" y2="${n2(y + 6)}" stroke="${COLORS.processing}" stroke-width="2"></line>` +
      `<circle cx="${n2(xOf(r.rate))}" cy="${n2(y)}" r="5" fill="${COLORS.good}"></circle>` +
      `${text(LABEL_WIDTH + PLOT_WIDTH + 16, y + 4, r.text)}</g>`
    );
  });
  return `${open(options.id, options.title, height)}\n${ticks.join('')}\n${marks.join('\n')}\n</svg></div>`;
}

/** One bin of {@link histogramChart}: `[from, to)` and how many values fell in it. */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Options of {@link histogramChart}. */
export interface HistogramChartOptions extends ChartOptions {
  /** Unit of the x axis, printed under it. */
  readonly axisLabel: string;
  /**
   * Bar height ∝ count / width (a density), as bins of unequal width need so that area stays ∝ count.
   * Default false (height ∝ count).
   */
  readonly density?: boolean;
  /** Vertical markers (e.g. percentiles) at x values. */
  readonly markers?: readonly { readonly label: string; readonly at: number }[];
}

const H_PLOT = 240;
const H_LEFT = 60;
const H_WIDTH = WIDTH - H_LEFT - 30;

/**
 * A histogram: one `<rect class="bar">` per bin (empty bins included, drawn with zero height),
 * x proportional to the value so that bins of unequal width keep their true extent.
 * @example histogramChart([{ from: 0, to: 0.5, count: 600 }, { from: 0.5, to: 1, count: 200 }], { id: 'lead-time', title: 'Lead time', axisLabel: 'working days' })
 */
export function histogramChart(bins: readonly HistogramBin[], options: HistogramChartOptions): string {
  const x0 = bins[0]?.from ?? 0;
  const x1 = bins.at(-1)?.to ?? 1;
  const span = x1 > x0 ? x1 - x0 : 1;
  const xOf = (v: number) => H_LEFT + ((v - x0) / span) * H_WIDTH;
  const heightOf = (b: HistogramBin) => (options.density ? b.count / Math.max(b.to - b.from, 1e-9) : b.count);
  const top = scaleMax(bins.map(heightOf), undefined);
  const base = TOP + H_PLOT;
  const bars = bins.map((b) => {
    const h = (heightOf(b) / top) * H_PLOT;
    const x = xOf(b.from);
    const w = Math.max(1, xOf(b.to) - x - 1);
    const tip = `${n2(b.from)}–${n2(b.to)}: ${b.count}`;
    const label = b.count > 0 && w >= 18 ? text(x + w / 2, base - h - 4, String(b.count), 'text-anchor="middle"') : '';
    return rect(x, base - h, w, h, COLORS.processing, tip) + label;
  });
  const ticks = niceTicks(x0, x1, 8).map(
    (v) =>
      `<line x1="${n2(xOf(v))}" y1="${base}" x2="${n2(xOf(v))}" y2="${base + 5}" stroke="${COLORS.text}"></line>` +
      text(xOf(v), base + 18, n2(v), 'text-anchor="middle"'),
  );
  const markers = (options.markers ?? []).map(
    (m, k) =>
      `<line x1="${n2(xOf(m.at))}" y1="${TOP}" x2="${n2(xOf(m.at))}" y2="${base}" stroke="${COLORS.late}" stroke-dasharray="4 3"></line>` +
      text(xOf(m.at) + 4, TOP + 12 + (k % 3) * 14, m.label, `fill="${COLORS.late}"`),
  );
  const height = base + 44;
  return [
    open(options.id, options.title, height),
    `<line x1="${H_LEFT}" y1="${base}" x2="${H_LEFT + H_WIDTH}" y2="${base}" stroke="${COLORS.text}"></line>`,
    bars.join('\n'),
    ticks.join(''),
    markers.join(''),
    text(H_LEFT + H_WIDTH / 2, base + 38, options.axisLabel, 'text-anchor="middle"'),
    '</svg></div>',
  ].join('\n');
}

/**
 * About `count` round tick values covering [from, to] (steps of 1, 2 or 5 × 10ᵏ).
 * @example niceTicks(0, 7, 8) // [0, 1, 2, 3, 4, 5, 6, 7]
 */
export function niceTicks(from: number, to: number, count: number): number[] {
  if (!(to > from) || count < 1) return [from];
  const raw = (to - from) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw * (1 - 1e-9)) ?? 10) * mag;
  const first = Math.ceil(from / step - 1e-9);
  const last = Math.floor(to / step + 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(Math.round(k * step * 1e9) / 1e9 + 0); // + 0 turns -0 into 0
  return out;
}
