/**
 * `reportHtml` — the report as ONE self-contained HTML file: inline CSS, no script, no external
 * asset or request, every text escaped, UTF-8 Vietnamese. It opens from a USB stick on an offline
 * office computer and can be attached to an e-mail as is.
 */
import type { BulkResult } from '../bulk/types.js';
import { buildReport, REPORT_KIND_LABELS, REPORT_KINDS, type ReportProcedure } from './model.js';
import { DEFAULT_REPORT_TITLE, type ReportOptions } from './markdown.js';
import { ORIGIN_LABELS, reportInputs, SEVERITY_LABELS, summaryRows, valueText } from './rows.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values (NFC first: Vietnamese text is
 * stored composed).
 * @example escapeHtml('<script>alert("x")</script>') // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.normalize('NFC').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// On a phone (≤ 40rem) the change tables become one card per change, each cell labelled by its column
// (data-label), so nothing is wider than the screen; long codes and paths wrap anywhere.
const CSS = `
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #ccd;padding-bottom:.2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ccd;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef}td.n{text-align:right;font-variant-numeric:tabular-nums}.en{color:#555;font-size:.9em}
.error{background:#fde2e1}.warning{background:#fff4d6}.info{background:#eef6ee}code{font-size:.9em;overflow-wrap:anywhere}
.meta{color:#444;font-size:.95em}.meta li{overflow-wrap:anywhere}
@media (max-width:40rem){body{margin:1rem auto;padding:0 .75rem}h1{font-size:1.3rem}
table.cards thead{display:none}table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}
table.cards tr{border:1px solid #ccd;margin:0 0 .75rem;border-radius:.3rem}table.cards td{border:0;border-top:1px solid #e4e4ee}
table.cards tr td:first-child{border-top:0}table.cards td::before{content:attr(data-label);display:block;font-size:.8em;font-weight:600;color:#445}}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`.trim();

const bi = (vi: string, en: string) => `${escapeHtml(vi)}<br><span class="en">${escapeHtml(en)}</span>`;

const CHANGE_COLUMNS = [
  'Mức / Severity',
  'Nguồn / Found by',
  'Bước / Step',
  'Nội dung / Details',
  'Trước / Before',
  'Sau / After',
];
const CONFLICT_COLUMNS = ['Trường / Field', 'Cơ sở / Base', 'e-ISO', 'Cổng / Portal'];

/** A cell labelled with its column, shown above the value when the table is stacked on a phone. */
const labelled = (label: string, html: string) => `<td data-label="${escapeHtml(label)}">${html}</td>`;

/** What the report was made from: per system, how many documents in which folders. */
function inputsList(result: BulkResult): string[] {
  return reportInputs(result).map((r) => `<li>${escapeHtml(r.label)}: ${escapeHtml(r.text)}</li>`);
}

/** When and from what the report was made (the time comes from the caller: the library reads no clock). */
function metaBlock(result: BulkResult, options: ReportOptions): string[] {
  const inputs = inputsList(result);
  const when = options.generatedAt
    ? [`<p class="meta">Lập lúc / Generated: ${escapeHtml(options.generatedAt)}</p>`]
    : [];
  const from = inputs.length > 0 ? [`<div class="meta">Đầu vào / Inputs:<ul>${inputs.join('')}</ul></div>`] : [];
  return [...when, ...from];
}

function anchor(code: string): string {
  // Codes are X.NNNNNN; anything else is reduced to safe id characters.
  return `p-${code.replace(/[^0-9A-Za-z.-]/g, '_')}`;
}

function summaryTable(report: ReturnType<typeof buildReport>): string {
  const rows = summaryRows(report.summary)
    .map((r) => `<tr><td>${bi(r.label.vi, r.label.en)}</td><td class="n">${r.count}</td></tr>`)
    .join('\n');
  return `<table class="summary"><thead><tr><th>Chỉ tiêu / Item</th><th>Số thủ tục / Procedures</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
}

function procedureSection(p: ReportProcedure): string {
  const out = [
    `<section id="${escapeHtml(anchor(p.code))}"><h2>${escapeHtml(p.code)}${p.name ? ` — ${escapeHtml(p.name)}` : ''}</h2>`,
  ];
  for (const kind of REPORT_KINDS) {
    const list = p.changes[kind];
    if (list.length === 0) continue;
    const label = REPORT_KIND_LABELS[kind];
    out.push(`<h3>${escapeHtml(label.vi)} / ${escapeHtml(label.en)}</h3>`);
    out.push(
      `<table class="cards"><thead><tr>${CHANGE_COLUMNS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const c of list) {
      const sev = SEVERITY_LABELS[c.severity];
      const origin = ORIGIN_LABELS[c.origin];
      const cells = [
        bi(sev.vi, sev.en),
        bi(origin.vi, origin.en),
        escapeHtml(c.stepKey ?? '—'),
        `${bi(c.message.vi, c.message.en)}<br><code>${escapeHtml(c.code)}</code>`,
        escapeHtml(valueText(c.before)),
        escapeHtml(valueText(c.after)),
      ];
      out.push(`<tr class="${c.severity}">${cells.map((cell, i) => labelled(CHANGE_COLUMNS[i]!, cell)).join('')}</tr>`);
    }
    out.push('</tbody></table>');
  }
  if (p.conflicts.length > 0) {
    out.push(
      `<h3>Xung đột / Conflicts</h3><table class="cards"><thead><tr>${CONFLICT_COLUMNS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const c of p.conflicts) {
      const cells = [
        `<code>${escapeHtml(c.path)}</code>`,
        ...[c.base, c.eiso, c.portal].map((v) => escapeHtml(valueText(v))),
      ];
      out.push(`<tr class="warning">${cells.map((cell, i) => labelled(CONFLICT_COLUMNS[i]!, cell)).join('')}</tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function tail(report: ReturnType<typeof buildReport>): string[] {
  const out: string[] = [];
  const agreeing = report.procedures.filter((p) => p.agrees);
  if (agreeing.length > 0) {
    out.push('<h2>Thống nhất / Agree</h2><ul>');
    for (const p of agreeing) out.push(`<li>${escapeHtml(p.code)}${p.name ? ` — ${escapeHtml(p.name)}` : ''}</li>`);
    out.push('</ul>');
  }
  if (report.unpaired.length > 0) {
    out.push(
      '<h2>Chưa ghép được / Not found in every system</h2><table><thead><tr><th>Mã TTHC</th><th>Có / Present</th><th>Thiếu / Missing</th></tr></thead><tbody>',
    );
    for (const u of report.unpaired) {
      out.push(
        `<tr><td>${escapeHtml(u.code)}</td><td>${escapeHtml(u.present.join(', '))}</td><td>${escapeHtml(u.missing.join(', '))}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  if (report.problems.length > 0) {
    out.push('<h2>Tài liệu không đọc được / Documents not read</h2><ul>');
    for (const pr of report.problems)
      out.push(`<li><code>${escapeHtml(pr.code)}</code> ${escapeHtml(pr.message)}</li>`);
    out.push('</ul>');
  }
  return out;
}

/**
 * The report as one self-contained HTML page: a summary table, then per disagreeing procedure its
 * changes grouped by kind (steps, performers, times, forms, legal limits, fees, legal bases) with the
 * Vietnamese and English message, then the agreeing, unpaired and unreadable ones. Inline CSS only:
 * no script, no external stylesheet, font or image; links are in-page anchors.
 * @example writeFileSync('report.html', reportHtml(planAll({ catalogue, eiso, portal })), 'utf8');
 */
export function reportHtml(result: BulkResult, options: ReportOptions = {}): string {
  const report = buildReport(result);
  const title = options.title ?? DEFAULT_REPORT_TITLE;
  const index = report.procedures
    .filter((p) => !p.agrees)
    .map((p) => `<a href="#${escapeHtml(anchor(p.code))}">${escapeHtml(p.code)}</a>`)
    .join(' · ');
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...(options.subtitle ? [`<p>${escapeHtml(options.subtitle)}</p>`] : []),
    ...metaBlock(result, options),
    summaryTable(report),
    ...(index ? [`<p>${index}</p>`] : []),
    ...report.procedures.filter((p) => !p.agrees).map(procedureSection),
    ...tail(report),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
