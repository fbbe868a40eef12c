/**
 * The simulation report as one self-contained HTML page: on-time rate with its 95 % interval, the
 * lead-time histogram, waiting vs processing per step, the bottleneck ranking and staff utilisation.
 */
import { formatDuration } from '@tthc/calendar';
import type { SimulationResult } from '../simulate/result.js';
import { histogramBins, type LeadTimeHistogram, quantileBins } from './histogram.js';
import { COLORS, escapeHtml, fixed, htmlPage, htmlTable, percent, section, statCard } from './html.js';
import { barChart, histogramChart, type IntervalRow, intervalChart, stackedBarChart } from './svg.js';

/** Options of {@link renderSimulationHtml}. */
export interface RenderSimulationHtmlOptions {
  /** Heading of the page. Default `Báo cáo mô phỏng — simulation report`. */
  readonly title?: string;
  /** A line under the heading (e.g. the scenario's name). */
  readonly subtitle?: string;
  /**
   * Equal-width lead-time bins (see `leadTimeHistogram`). Default: `result.leadTime.histogram` when the
   * result carries one, else bins at the percentiles.
   */
  readonly histogram?: LeadTimeHistogram;
}

/**
 * `12.3 phút (min)` / `1.20 ngày (days)`: working minutes in the unit a reader thinks in.
 * @example workingMinutes(95, 480) // '95.0 phút (min)'
 */
export function workingMinutes(minutes: number | null, workingDayMinutes = 480): string {
  if (minutes === null) return '—';
  return minutes < workingDayMinutes
    ? `${fixed(minutes, 1)} phút (min)`
    : `${fixed(minutes / workingDayMinutes, 2)} ngày LV (working days)`;
}

/** `100.00 % [99.57–100.00 %]`: the rate and its 95 % interval, short enough for a chart row. */
function rateText(p: SimulationResult['onTimeRate']): string {
  if (p.rate === null) return 'không tính (not counted)';
  return `${percent(p.rate)} [${(p.low * 100).toFixed(2)}–${percent(p.high)}]`;
}

function summarySection(r: SimulationResult): string {
  const d = r.dossiers;
  const cards = [
    statCard(
      'Tỷ lệ đúng hạn (on-time rate)',
      percent(r.onTimeRate.rate),
      `95 % CI ${percent(r.onTimeRate.low)}–${percent(r.onTimeRate.high)}`,
    ),
    statCard('Hồ sơ tiếp nhận (received)', String(d.arrived), `${d.finished} đã xử lý (finished)`),
    statCard('Trước / đúng / quá hạn', `${d.early} / ${d.onTime} / ${d.late}`, 'early / on time / late'),
    statCard(
      'Bổ sung (supplemented)',
      String(d.supplemented),
      `${d.lateSupplementRequests} yêu cầu muộn (late requests)`,
    ),
    statCard(
      'Thời gian giải quyết P90',
      `${fixed(r.leadTime.p90, 2)} ngày LV`,
      `lead time, median ${fixed(r.leadTime.p50, 2)}`,
    ),
    statCard('Phiếu xin lỗi (apology slips)', String(r.apology.predicted), 'dự báo (predicted, ND 61 art. 19(8))'),
  ];
  const rows: [string, string][] = [
    ['Thủ tục (procedure)', r.procedureCode],
    ['Quy trình (process version)', r.processVersion],
    ['Kênh (channel)', r.channel],
    ['Thời hạn (limit)', `${formatDuration(r.limit)} (${formatDuration(r.limit, { lang: 'en' })})`],
    ['Cách tính (counting rule)', r.countingRule],
    ['Bổ sung (supplementation policy)', r.supplementationPolicy],
    ['So sánh hạn (compare)', r.compare],
    [
      'Khoảng tiếp nhận (arrival window)',
      `${r.window.from} → ${r.window.to} (${fixed(r.window.workingDays, 1)} ngày LV)`,
    ],
    ['Hạt giống (seed)', String(r.seed)],
  ];
  return section(
    'Tổng quan (summary)',
    `<div class="cards">${cards.join('')}</div>\n${htmlTable(['Mục (item)', 'Giá trị (value)'], rows)}`,
    'summary',
  );
}

function onTimeSection(r: SimulationResult): string {
  const rows: (IntervalRow & { readonly successes: number; readonly trials: number })[] = [
    { label: 'Tất cả hồ sơ (all dossiers)', ...r.onTimeRate, text: rateText(r.onTimeRate) },
    ...r.steps.map((s) => ({ label: `${s.step} — ${s.name}`, ...s.onTimeRate, text: rateText(s.onTimeRate) })),
  ];
  const chart = intervalChart(rows, {
    id: 'on-time',
    title: r.replications
      ? 'Tỷ lệ đúng hạn và khoảng tin cậy 95 % (on-time rate, 95 % CI: all dossiers over replications, steps Wilson)'
      : 'Tỷ lệ đúng hạn và khoảng tin cậy 95 % (on-time rate, 95 % Wilson CI)',
  });
  const note =
    '<p class="note">Đúng hạn = trước hạn + đúng hạn trên số hồ sơ đã xử lý (ND 61/2018 art. 30); ' +
    'khoảng Wilson 95 %. A step counts visits with a counted budget that were not interrupted by a supplement.' +
    (r.replications
      ? ` All dossiers: mean of ${r.replications.count} independent replications with a Student-t 95 % interval (counts pooled); steps: replication 1.`
      : '') +
    '</p>';
  const table = htmlTable(
    ['', 'Đúng hạn (on time)', 'Được tính (counted)', 'Tỷ lệ (rate)', 'CI 95 % thấp (low)', 'CI 95 % cao (high)'],
    rows.map((row) => [
      row.label,
      String(row.successes),
      String(row.trials),
      percent(row.rate),
      percent(row.low),
      percent(row.high),
    ]),
    { numericFrom: 1 },
  );
  return section('Tỷ lệ đúng hạn (on-time rate)', `${chart}\n${table}\n${note}`, 'on-time');
}

function histogramOf(r: SimulationResult, options: RenderSimulationHtmlOptions): LeadTimeHistogram | undefined {
  return options.histogram ?? r.leadTime.histogram;
}

function leadTimeSection(r: SimulationResult, options: RenderSimulationHtmlOptions): string {
  const lt = r.leadTime;
  const equal = histogramOf(r, options);
  const bins = lt.n === 0 ? [] : equal ? histogramBins(equal) : quantileBins(lt);
  const markers = [
    { label: 'P50', at: lt.p50 },
    { label: 'P90', at: lt.p90 },
    { label: 'P99', at: lt.p99 },
  ].flatMap((m) => (m.at === null ? [] : [{ label: m.label, at: m.at }]));
  const chart =
    bins.length === 0
      ? '<p class="note">Chưa có hồ sơ hoàn thành (no dossier finished).</p>'
      : histogramChart(bins, {
          id: 'lead-time',
          title: 'Phân bố thời gian giải quyết (lead-time histogram)',
          axisLabel: 'ngày làm việc từ tiếp nhận (working days from receipt)',
          density: equal === undefined,
          markers: equal ? markers : [],
        });
  const how = equal
    ? `Cột rộng ${equal.binDays} ngày LV; chiều cao = số hồ sơ (bar height = dossiers).`
    : 'Cột giữa các phân vị 0–P50–P90–P99–max: diện tích ∝ số hồ sơ (≈50 %, 40 %, 9 %, 1 %). ' +
      'Bars span the percentiles; bar area ∝ dossiers.';
  const table = htmlTable(
    ['n', 'mean', 'sd', 'P50', 'P90', 'P99', 'max'],
    [
      [
        String(lt.n),
        fixed(lt.mean, 3),
        fixed(lt.sd, 3),
        fixed(lt.p50, 3),
        fixed(lt.p90, 3),
        fixed(lt.p99, 3),
        fixed(lt.max, 3),
      ],
    ],
    { numericFrom: 0 },
  );
  return section(
    'Thời gian giải quyết (lead time, working days)',
    `${chart}\n<p class="note">${escapeHtml(how)}</p>\n${table}`,
    'lead-time',
  );
}

function stepsSection(r: SimulationResult): string {
  const rows = r.steps.map((s) => ({
    label: `${s.step} — ${s.name}`,
    text: `${fixed(s.waiting.mean, 1)} + ${fixed(s.processing.mean, 1)} phút`,
    parts: [
      { name: 'chờ (waiting)', value: s.waiting.mean ?? 0, color: COLORS.waiting },
      { name: 'xử lý (processing)', value: s.processing.mean ?? 0, color: COLORS.processing },
    ],
  }));
  const chart = stackedBarChart(rows, {
    id: 'waiting-processing',
    title: 'Chờ và xử lý mỗi lượt, phút làm việc (mean waiting vs processing per visit, working minutes)',
  });
  const table = htmlTable(
    ['Bước (step)', 'Đơn vị (unit)', 'Lượt (visits)', 'Chờ TB (wait)', 'Xử lý TB (proc.)', 'Tỷ lệ chờ (wait share)'],
    r.steps.map((s) => [
      `${s.step} — ${s.name}`,
      s.unit,
      String(s.visits),
      fixed(s.waiting.mean, 1),
      fixed(s.processing.mean, 1),
      percent(s.waitingShare, 1),
    ]),
    { numericFrom: 2 },
  );
  return section('Chờ và xử lý theo bước (waiting vs processing per step)', `${chart}\n${table}`, 'steps');
}

function bottleneckSection(r: SimulationResult): string {
  const chart = barChart(
    r.bottlenecks.map((b) => ({
      label: `${b.rank}. ${b.unit}`,
      value: b.score,
      text: fixed(b.score, 2),
      color: b.rank === 1 ? COLORS.late : COLORS.neutral,
    })),
    { id: 'bottlenecks', title: 'Xếp hạng điểm nghẽn: chờ TB × hiệu suất (bottleneck score: mean wait × utilisation)' },
  );
  const table = htmlTable(
    ['Hạng (rank)', 'Đơn vị (unit)', 'Điểm (score)', 'Chờ TB, phút (mean wait)', 'Hiệu suất (utilisation)'],
    r.bottlenecks.map((b) => [
      String(b.rank),
      b.unit,
      fixed(b.score, 3),
      fixed(b.meanWaiting, 1),
      percent(b.utilisation, 1),
    ]),
    { numericFrom: 2 },
  );
  const note =
    '<p class="note">Điểm lớn nơi hồ sơ mất thời gian chờ và cán bộ không còn thời gian trống — nơi thêm một cán bộ có ích nhất. ' +
    'High where dossiers wait and officers have no slack.</p>';
  return section('Điểm nghẽn (bottlenecks)', `${chart}\n${table}\n${note}`, 'bottlenecks');
}

function utilisationSection(r: SimulationResult): string {
  const chart = barChart(
    r.units.map((u) => ({
      label: `${u.unit} (${u.staff} cán bộ)`,
      value: u.utilisation ?? 0,
      text: percent(u.utilisation, 1),
      color: (u.utilisation ?? 0) >= 0.85 ? COLORS.late : COLORS.good,
    })),
    { id: 'utilisation', title: 'Hiệu suất sử dụng cán bộ (staff utilisation)', max: 1 },
  );
  const table = htmlTable(
    ['Đơn vị (unit)', 'Cán bộ (staff)', 'Lượt (visits)', 'Giờ bận (busy hours)', 'Hiệu suất (utilisation)'],
    r.units.map((u) => [
      u.unit,
      String(u.staff),
      String(u.visits),
      fixed(u.busyMinutes / 60, 1),
      percent(u.utilisation, 1),
    ]),
    { numericFrom: 1 },
  );
  return section('Cán bộ (staff)', `${chart}\n${table}`, 'utilisation');
}

/**
 * The simulation report: one self-contained HTML file (inline CSS and SVG, no script, no external
 * asset or request, every text escaped), with Vietnamese labels and their English.
 * @example
 * const html = renderSimulationHtml(simulate(procedure, process, vietnamCalendar(), scenario, { seed: 1 }));
 * writeFileSync('report.html', html);
 */
export function renderSimulationHtml(result: SimulationResult, options: RenderSimulationHtmlOptions = {}): string {
  const title = options.title ?? 'Báo cáo mô phỏng — simulation report';
  const subtitle =
    options.subtitle ??
    `Thủ tục ${result.procedureCode}, quy trình ${result.processVersion}, ${result.dossiers.arrived} hồ sơ (dossiers), seed ${result.seed}`;
  const body = [
    summarySection(result),
    onTimeSection(result),
    leadTimeSection(result, options),
    stepsSection(result),
    bottleneckSection(result),
    utilisationSection(result),
  ].join('\n');
  const footer = `@tthc/sim — kết quả mô phỏng có hạt giống ${result.seed}: cùng dữ liệu và hạt giống cho cùng kết quả (same inputs and seed, same result).`;
  return htmlPage(title, subtitle, body, footer);
}
