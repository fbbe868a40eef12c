/**
 * The replay (conformance) report as one self-contained HTML page: fitness metrics, deviations by
 * dossier and step, per-step lateness, classifications and the log's reading problems.
 */
import { formatLocalInstant, type WorkCalendar } from '@tthc/calendar';
import { DEVIATION_KINDS } from '../replay/tables.js';
import type { DeviationKind, DossierReplay, ReplayResult } from '../replay/types.js';
import { COLORS, escapeHtml, fixed, htmlPage, htmlTable, percent, section, statCard } from './html.js';
import { barChart, stackedBarChart } from './svg.js';

/** Options of {@link renderReplayHtml}. */
export interface RenderReplayHtmlOptions {
  /** Heading of the page. Default `Báo cáo đối chiếu nhật ký — replay report`. */
  readonly title?: string;
  /** A line under the heading (e.g. the log file's name). */
  readonly subtitle?: string;
  /** Prints instants in this calendar's zone with its offset; default ISO 8601 in UTC. */
  readonly calendar?: WorkCalendar;
  /** Most rows of the deviation and late-step tables (the rest are counted). Default 500. */
  readonly maxRows?: number;
  /** Most dossiers in the fitness chart (lowest fitness first). Default 40. */
  readonly maxChartDossiers?: number;
}

/** Vietnamese names of the deviation kinds, with the English kind. */
export const DEVIATION_LABELS: Readonly<Record<DeviationKind, string>> = {
  'skipped-step': 'bỏ bước (skipped step)',
  'unexpected-step': 'bước không dự kiến (unexpected step)',
  'wrong-performer': 'sai người xử lý (wrong performer)',
  'out-of-order': 'sai thứ tự (out of order)',
  'unknown-activity': 'hoạt động lạ (unknown activity)',
};

const KIND_COLORS: Readonly<Record<DeviationKind, string>> = {
  'skipped-step': COLORS.late,
  'unexpected-step': '#8e44ad',
  'wrong-performer': COLORS.waiting,
  'out-of-order': COLORS.processing,
  'unknown-activity': COLORS.neutral,
};

function instant(ms: number | null, calendar: WorkCalendar | undefined): string {
  if (ms === null) return '—';
  return calendar ? formatLocalInstant(calendar, ms) : new Date(ms).toISOString();
}

function summarySection(r: ReplayResult): string {
  const s = r.summary;
  const deviations = DEVIATION_KINDS.reduce((n, k) => n + s.deviations[k], 0);
  const cards = [
    statCard(
      'Vết khớp (fitting traces)',
      `${fixed(s.percFitTraces, 2)} %`,
      `${s.fittingTraces}/${s.traces} hồ sơ (dossiers)`,
    ),
    statCard('Độ khớp TB (average trace fitness)', fixed(s.averageFitness, 4), 'PM4Py average_trace_fitness'),
    statCard('Độ khớp nhật ký (log fitness)', fixed(s.logFitness, 4), 'PM4Py log_fitness'),
    statCard('Tỷ lệ đúng hạn (on-time rate)', percent(s.onTimeRate, 1), 'ND 61/2018 art. 30'),
    statCard('Sai lệch (deviations)', String(deviations), `${s.lateSteps} bước trễ (late steps)`),
    statCard('Sự kiện (events)', String(s.events), `${r.problems.length} dòng lỗi (problem rows)`),
  ];
  const tokens = htmlTable(
    ['thiếu (missing) m', 'tiêu thụ (consumed) c', 'còn lại (remaining) r', 'sinh ra (produced) p'],
    [[String(s.missing), String(s.consumed), String(s.remaining), String(s.produced)]],
    { numericFrom: 0 },
  );
  const classes = htmlTable(
    ['Kết quả (classification)', 'Hồ sơ (dossiers)'],
    Object.entries(s.classification).map(([k, n]) => [k, String(n)]),
    { numericFrom: 1 },
  );
  const formula =
    '<p class="note">Độ khớp của vết (trace fitness) = ½(1 − m/c) + ½(1 − r/p), token-based replay (Rozinat &amp; van der Aalst 2008).</p>';
  return section(
    'Tổng quan (summary)',
    `<div class="cards">${cards.join('')}</div>\n${tokens}\n${formula}\n${classes}`,
    'summary',
  );
}

function fitnessSection(r: ReplayResult, options: RenderReplayHtmlOptions): string {
  const limit = options.maxChartDossiers ?? 40;
  const shown = r.dossiers
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.fitness - b.d.fitness || a.i - b.i)
    .slice(0, limit)
    .map(({ d }) => d);
  const chart = barChart(
    shown.map((d) => ({
      label: d.dossierId,
      value: d.fitness,
      text: `${fixed(d.fitness, 3)}${d.fit ? '' : ' — không khớp (not fit)'}`,
      color: d.fit ? COLORS.good : COLORS.late,
    })),
    { id: 'fitness', title: 'Độ khớp theo hồ sơ (trace fitness per dossier)', max: 1 },
  );
  const more =
    r.dossiers.length > shown.length
      ? `<p class="note">${escapeHtml(`${shown.length} hồ sơ khớp kém nhất trên ${r.dossiers.length} (lowest fitness first).`)}</p>`
      : '';
  return section('Độ khớp (fitness)', `${chart}\n${more}`, 'fitness');
}

function deviationsSection(r: ReplayResult, options: RenderReplayHtmlOptions): string {
  const kinds = DEVIATION_KINDS.filter((k) => r.steps.some((s) => s.deviations[k] > 0));
  const chart = stackedBarChart(
    r.steps.map((s) => ({
      label: `${s.step} — ${s.name}`,
      text: String(DEVIATION_KINDS.reduce((n, k) => n + s.deviations[k], 0)),
      parts: kinds.map((k) => ({ name: DEVIATION_LABELS[k], value: s.deviations[k], color: KIND_COLORS[k] })),
    })),
    { id: 'deviations-by-step', title: 'Sai lệch theo bước (deviations per step)' },
  );
  const matrix = htmlTable(
    ['Bước (step)', ...DEVIATION_KINDS.map((k) => DEVIATION_LABELS[k])],
    r.steps.map((s) => [`${s.step} — ${s.name}`, ...DEVIATION_KINDS.map((k) => String(s.deviations[k]))]),
    { numericFrom: 1 },
  );
  const all = r.dossiers.flatMap((d) => d.deviations);
  const max = options.maxRows ?? 500;
  const list = htmlTable(
    ['Hồ sơ (dossier)', 'Bước (step)', 'Loại (kind)', 'Dòng (line)', 'Mô tả (message)'],
    all.slice(0, max).map((v) => [v.dossierId, v.step ?? '—', DEVIATION_LABELS[v.kind], String(v.line), v.message]),
  );
  const more = all.length > max ? `<p class="note">… ${all.length - max} sai lệch nữa (more deviations).</p>` : '';
  const body =
    all.length === 0
      ? '<p class="note">Không có sai lệch (no deviations).</p>'
      : `${kinds.length > 0 ? chart : ''}\n${matrix}\n<h3>Theo hồ sơ (by dossier)</h3>\n${list}\n${more}`;
  return section('Sai lệch (deviations)', body, 'deviations');
}

function lateRows(dossiers: readonly DossierReplay[], calendar: WorkCalendar | undefined, max: number): string[][] {
  return dossiers
    .flatMap((d) => d.lateSteps.map((l) => ({ d, l })))
    .slice(0, max)
    .map(({ d, l }) => [
      d.dossierId,
      l.step,
      String(l.line),
      instant(l.due, calendar),
      instant(l.doneAt, calendar),
      fixed(l.lateMinutes, 0),
    ]);
}

function latenessSection(r: ReplayResult, options: RenderReplayHtmlOptions): string {
  const chart = barChart(
    r.steps.map((s) => ({
      label: `${s.step} — ${s.name}`,
      value: s.lateMinutesTotal,
      text: `${s.late}/${s.timed} trễ (late), ${fixed(s.lateMinutesTotal, 0)} phút`,
      color: s.late > 0 ? COLORS.late : COLORS.good,
    })),
    { id: 'lateness', title: 'Trễ theo bước, tổng phút làm việc (lateness per step, working minutes)' },
  );
  const table = htmlTable(
    ['Bước (step)', 'Lượt (executions)', 'Có hạn (timed)', 'Trễ (late)', 'Tổng phút trễ (total)', 'Lâu nhất (max)'],
    r.steps.map((s) => [
      `${s.step} — ${s.name}`,
      String(s.executions),
      String(s.timed),
      String(s.late),
      fixed(s.lateMinutesTotal, 0),
      fixed(s.lateMinutesMax, 0),
    ]),
    { numericFrom: 1 },
  );
  const rows = lateRows(r.dossiers, options.calendar, options.maxRows ?? 500);
  const late =
    rows.length === 0
      ? ''
      : `<h3>Bước trễ theo hồ sơ (late steps by dossier)</h3>\n${htmlTable(
          ['Hồ sơ (dossier)', 'Bước (step)', 'Dòng (line)', 'Hạn (due)', 'Xong (done)', 'Trễ, phút (late min)'],
          rows,
          { numericFrom: 5 },
        )}`;
  return section('Trễ hạn theo bước (per-step lateness)', `${chart}\n${table}\n${late}`, 'lateness');
}

function dossiersSection(r: ReplayResult, options: RenderReplayHtmlOptions): string {
  const max = options.maxRows ?? 500;
  const table = htmlTable(
    [
      'Hồ sơ (dossier)',
      'Kênh (channel)',
      'Sự kiện (events)',
      'Độ khớp (fitness)',
      'Tiếp nhận (received)',
      'Hẹn trả (due)',
      'Xong (finished)',
      'Kết quả (result)',
    ],
    r.dossiers
      .slice(0, max)
      .map((d) => [
        d.dossierId,
        d.channel,
        String(d.events),
        fixed(d.fitness, 3),
        instant(d.receivedAt, options.calendar),
        instant(d.due, options.calendar),
        instant(d.finishedAt, options.calendar),
        d.classification ?? 'chưa xong (unfinished)',
      ]),
  );
  return section('Hồ sơ (dossiers)', table, 'dossiers');
}

function problemsSection(r: ReplayResult): string {
  if (r.problems.length === 0) return '';
  const items = r.problems.map(
    (p) => `<li>${escapeHtml(`dòng (line) ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`)}</li>`,
  );
  return section('Dòng không đọc được (problem rows)', `<ul class="problems">\n${items.join('\n')}\n</ul>`, 'problems');
}

/**
 * The replay report: one self-contained HTML file (inline CSS and SVG, no script, no external asset
 * or request, every text escaped), with Vietnamese labels and their English.
 * @example
 * const html = renderReplayHtml(replay(procedure, process, vietnamCalendar(), log), { calendar: vietnamCalendar() });
 */
export function renderReplayHtml(result: ReplayResult, options: RenderReplayHtmlOptions = {}): string {
  const s = result.summary;
  const title = options.title ?? 'Báo cáo đối chiếu nhật ký — replay report';
  const subtitle = options.subtitle ?? `${s.traces} hồ sơ (dossiers), ${s.events} sự kiện (events)`;
  const body = [
    summarySection(result),
    fitnessSection(result, options),
    deviationsSection(result, options),
    latenessSection(result, options),
    dossiersSection(result, options),
    problemsSection(result),
  ]
    .filter((part) => part !== '')
    .join('\n');
  return htmlPage(title, subtitle, body, '@tthc/sim — token-based replay of the event log against the process.');
}
