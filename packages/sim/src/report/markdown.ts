/**
 * The simulation report as Markdown (GitHub-flavoured tables), for issues, wikis and pull requests.
 */
import { formatDuration } from '@tthc/calendar';
import type { SimulationResult } from '../simulate/result.js';
import { fixed, percent } from './html.js';

/**
 * Escapes text for a Markdown table cell: pipes, backslashes, HTML-significant characters and line
 * breaks (a step name from a process file could hold any of them).
 * @example markdownCell('a | b <br>') // 'a \\| b &lt;br&gt;'
 */
export function markdownCell(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

function mdTable(header: readonly string[], rows: readonly (readonly string[])[], numericFrom = header.length): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (i >= numericFrom ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function ci(p: SimulationResult['onTimeRate']): string {
  return p.rate === null ? '—' : `${percent(p.low)}–${percent(p.high)}`;
}

/**
 * The simulation report in Markdown: summary, on-time rates with 95 % intervals, lead-time
 * percentiles, waiting vs processing per step, utilisation and the bottleneck ranking.
 * @example
 * writeFileSync('report.md', renderSimulationMarkdown(simulate(procedure, process, vietnamCalendar(), scenario, { seed: 1 })));
 */
export function renderSimulationMarkdown(result: SimulationResult): string {
  const r = result;
  const d = r.dossiers;
  const lt = r.leadTime;
  const parts = [
    '# Báo cáo mô phỏng — simulation report',
    '',
    `Thủ tục (procedure) ${markdownCell(r.procedureCode)}, quy trình (process) ${markdownCell(r.processVersion)}, ` +
      `kênh (channel) ${r.channel}, thời hạn (limit) ${formatDuration(r.limit)}, seed ${r.seed}. ` +
      `Arrival window ${r.window.from} → ${r.window.to} (${fixed(r.window.workingDays, 1)} working days).`,
    '',
    `**Tỷ lệ đúng hạn (on-time rate): ${percent(r.onTimeRate.rate)}** (95 % CI ${ci(r.onTimeRate)}, ` +
      `${r.onTimeRate.successes}/${r.onTimeRate.trials}; ND 61/2018 art. 30).`,
    '',
    mdTable(
      ['Hồ sơ (dossiers)', 'Số (count)'],
      [
        ['Tiếp nhận (received)', String(d.arrived)],
        ['Đã xử lý (finished)', String(d.finished)],
        ['Trước hạn (early)', String(d.early)],
        ['Đúng hạn (on time)', String(d.onTime)],
        ['Quá hạn (late)', String(d.late)],
        ['Bổ sung (supplemented)', String(d.supplemented)],
        ['Phiếu xin lỗi dự báo (apology slips predicted)', String(r.apology.predicted)],
      ],
      1,
    ),
    '',
    '## Thời gian giải quyết (lead time, working days)',
    '',
    mdTable(
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
      0,
    ),
    '',
    '## Các bước (steps)',
    '',
    mdTable(
      [
        'Bước (step)',
        'Đơn vị (unit)',
        'Lượt (visits)',
        'Đúng hạn (on time)',
        '95 % CI',
        'Chờ TB, phút (wait)',
        'Xử lý TB, phút (proc.)',
        'Tỷ lệ chờ',
      ],
      r.steps.map((s) => [
        `${s.step} — ${s.name}`,
        s.unit,
        String(s.visits),
        percent(s.onTimeRate.rate),
        ci(s.onTimeRate),
        fixed(s.waiting.mean, 1),
        fixed(s.processing.mean, 1),
        percent(s.waitingShare, 1),
      ]),
      2,
    ),
    '',
    '## Cán bộ và điểm nghẽn (staff and bottlenecks)',
    '',
    mdTable(
      ['Hạng (rank)', 'Đơn vị (unit)', 'Điểm (score)', 'Chờ TB, phút (mean wait)', 'Hiệu suất (utilisation)'],
      r.bottlenecks.map((b) => [
        String(b.rank),
        b.unit,
        fixed(b.score, 3),
        fixed(b.meanWaiting, 1),
        percent(b.utilisation, 1),
      ]),
      2,
    ),
    '',
    mdTable(
      ['Đơn vị (unit)', 'Cán bộ (staff)', 'Lượt (visits)', 'Hiệu suất (utilisation)'],
      r.units.map((u) => [u.unit, String(u.staff), String(u.visits), percent(u.utilisation, 1)]),
      1,
    ),
    '',
  ];
  return parts.join('\n');
}
