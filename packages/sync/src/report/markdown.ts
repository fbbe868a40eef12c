/** `reportMarkdown` — the report as a Markdown page, bilingual, for a repository or a ticket. */
import type { BulkResult } from '../bulk/types.js';
import { buildReport, REPORT_KIND_LABELS, REPORT_KINDS, type ReportProcedure } from './model.js';
import { ORIGIN_LABELS, reportInputs, SEVERITY_LABELS, summaryRows, valueText } from './rows.js';

/** Options of the report renderers. */
export interface ReportOptions {
  /** Title of the report. Default "Báo cáo đối chiếu quy trình / Process reconciliation report". */
  readonly title?: string;
  /** A line under the title, e.g. the agency or the period covered. */
  readonly subtitle?: string;
  /**
   * When the report was made, as the caller wants it shown (e.g. "2026-12-02 15:40 (+07:00)"): the
   * library reads no clock. The inputs (documents per system and folder) are listed from the result.
   */
  readonly generatedAt?: string;
}

/** Default report title. */
export const DEFAULT_REPORT_TITLE = 'Báo cáo đối chiếu quy trình — Process reconciliation report';

/**
 * A table cell: no line breaks, pipes escaped (GFM tables), and angle brackets as entities so that
 * a `<script>` in a step name is never raw HTML in a rendered page.
 */
function cell(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}

function procedureSection(p: ReportProcedure): string[] {
  const out = [`## ${cell(p.code)}${p.name ? ` — ${cell(p.name)}` : ''}`, ''];
  for (const kind of REPORT_KINDS) {
    const list = p.changes[kind];
    if (list.length === 0) continue;
    const label = REPORT_KIND_LABELS[kind];
    out.push(`### ${label.vi} / ${label.en}`, '');
    out.push('| Mức / Severity | Nguồn / Found by | Bước / Step | Nội dung | Details | Trước / Before | Sau / After |');
    out.push('|---|---|---|---|---|---|---|');
    for (const c of list) {
      const sev = SEVERITY_LABELS[c.severity];
      const origin = ORIGIN_LABELS[c.origin];
      out.push(
        `| ${sev.vi} / ${sev.en} | ${origin.vi} / ${origin.en} | ${cell(c.stepKey ?? '—')} | ${cell(c.message.vi)} | ${cell(c.message.en)} | ${cell(valueText(c.before))} | ${cell(valueText(c.after))} |`,
      );
    }
    out.push('');
  }
  if (p.conflicts.length > 0) {
    out.push(
      '### Xung đột / Conflicts',
      '',
      '| Trường / Field | Cơ sở / Base | e-ISO | Cổng / Portal |',
      '|---|---|---|---|',
    );
    for (const c of p.conflicts) {
      out.push(
        `| ${cell(c.path)} | ${cell(valueText(c.base))} | ${cell(valueText(c.eiso))} | ${cell(valueText(c.portal))} |`,
      );
    }
    out.push('');
  }
  return out;
}

/**
 * The report as Markdown: the summary table, then per procedure that disagrees its changes grouped
 * by kind with both messages, then the procedures that agree, the unpaired ones and the problems.
 * @example writeFileSync('report.md', reportMarkdown(planAll({ catalogue, eiso, portal })));
 */
export function reportMarkdown(result: BulkResult, options: ReportOptions = {}): string {
  const report = buildReport(result);
  const out = [`# ${cell(options.title ?? DEFAULT_REPORT_TITLE)}`, ''];
  if (options.subtitle) out.push(cell(options.subtitle), '');
  if (options.generatedAt) out.push(`Lập lúc / Generated: ${cell(options.generatedAt)}`, '');
  const inputs = reportInputs(result);
  if (inputs.length > 0) out.push('Đầu vào / Inputs:', ...inputs.map((r) => `- ${cell(r.label)}: ${cell(r.text)}`), '');
  out.push('| Chỉ tiêu | Item | Số thủ tục / Procedures |', '|---|---|---:|');
  for (const row of summaryRows(report.summary)) out.push(`| ${row.label.vi} | ${row.label.en} | ${row.count} |`);
  out.push('');
  for (const p of report.procedures) if (!p.agrees) out.push(...procedureSection(p));
  const agreeing = report.procedures.filter((p) => p.agrees);
  if (agreeing.length > 0) {
    out.push(
      '## Thống nhất / Agree',
      '',
      ...agreeing.map((p) => `- ${cell(p.code)}${p.name ? ` — ${cell(p.name)}` : ''}`),
      '',
    );
  }
  if (report.unpaired.length > 0) {
    out.push(
      '## Chưa ghép được / Not found in every system',
      '',
      '| Mã TTHC | Có / Present | Thiếu / Missing |',
      '|---|---|---|',
    );
    for (const u of report.unpaired)
      out.push(`| ${cell(u.code)} | ${u.present.join(', ')} | ${u.missing.join(', ')} |`);
    out.push('');
  }
  if (report.problems.length > 0) {
    out.push('## Tài liệu không đọc được / Documents not read', '');
    for (const pr of report.problems) out.push(`- \`${pr.code}\` ${cell(pr.message)}`);
    out.push('');
  }
  return out.join('\n');
}
