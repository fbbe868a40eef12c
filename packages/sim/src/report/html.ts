/**
 * The HTML shell of the reports: escaping, number formats and one self-contained page (inline CSS,
 * no script, no external asset, font or request) so a report can be mailed or archived as one file.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values (and NFC-normalises it, so
 * Vietnamese from a decomposed source renders and compares the same).
 * @example escapeHtml('<script>"x"</script>') // '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.normalize('NFC').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A number with `digits` decimals, or `—` for none. The decimal separator stays a point (not the
 * Vietnamese comma) because reports are read next to the JSON output.
 * @example fixed(0.4498, 2) // '0.45'
 */
export function fixed(x: number | null, digits: number): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

/**
 * A rate in [0, 1] as a percentage with `digits` decimals.
 * @example percent(0.995673) // '99.57 %'
 */
export function percent(x: number | null, digits = 2): string {
  return x === null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)} %`;
}

/**
 * An HTML table; cells are escaped unless passed as `{ html }` (already-escaped markup).
 * @example htmlTable(['Bước (step)'], [['review']])
 */
export function htmlTable(
  header: readonly string[],
  rows: readonly (readonly (string | { readonly html: string })[])[],
  options: { readonly numericFrom?: number } = {},
): string {
  const from = options.numericFrom ?? Number.POSITIVE_INFINITY;
  const cell = (tag: string, c: string | { readonly html: string }, i: number): string => {
    const cls = i >= from ? ' class="num"' : '';
    return `<${tag}${cls}>${typeof c === 'string' ? escapeHtml(c) : c.html}</${tag}>`;
  };
  const head = `<tr>${header.map((h, i) => cell('th', h, i)).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n');
  // In its own horizontal scroller: a wide table scrolls within its box on a phone, not the page.
  return `<div class="wide"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/**
 * A small figure: a label and a value (both escaped).
 * @example statCard('Tỷ lệ đúng hạn (on-time rate)', '100.00 %', '95 % CI 99.57–100 %')
 */
export function statCard(label: string, value: string, note = ''): string {
  const small = note ? `<div class="note">${escapeHtml(note)}</div>` : '';
  return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${small}</div>`;
}

/**
 * A titled section holding already-built markup.
 * @example section('Thời gian giải quyết (lead time)', svg)
 */
export function section(title: string, body: string, id = ''): string {
  const anchor = id ? ` id="${escapeHtml(id)}"` : '';
  return `<section${anchor}>\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

/** Palette shared by the page and the charts (waiting is warm, processing cool, late red). */
export const COLORS = {
  processing: '#2f6db5',
  waiting: '#e0913a',
  good: '#3c8d53',
  late: '#c0392b',
  neutral: '#6b7a8f',
  grid: '#d9dee5',
  text: '#1f2933',
} as const;

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:${COLORS.text};background:#f5f7fa}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:0 0 12px;border-bottom:2px solid ${COLORS.grid};padding-bottom:4px}
.sub{color:#52606d;margin:0 0 18px}
section{background:#fff;border:1px solid ${COLORS.grid};border-radius:8px;padding:16px 20px;margin:0 0 18px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{flex:1 1 170px;border:1px solid ${COLORS.grid};border-radius:6px;padding:10px 12px;background:#fbfcfd}
.card .label{font-size:12px;color:#52606d}
.card .value{font-size:22px;font-weight:600}
.card .note{font-size:12px;color:#52606d}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid ${COLORS.grid};padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
svg{display:block;max-width:100%;height:auto;margin:6px 0}
.wide{overflow-x:auto;max-width:100%}
@media (max-width:40rem){main{padding:12px 10px 32px}section{padding:12px}h1{font-size:20px}svg{max-width:none}}
svg text{font-family:inherit}
.legend{font-size:12px;color:#52606d}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:middle}
p.note{font-size:13px;color:#52606d;margin:6px 0}
ul.problems{font-size:13px;margin:6px 0;padding-left:20px}
footer{font-size:12px;color:#7b8794;margin-top:8px}
`;

/**
 * One self-contained HTML document (UTF-8, inline CSS, no script or external reference).
 * @example htmlPage('Báo cáo mô phỏng (simulation report)', 'Phường …', '<section>…</section>')
 */
export function htmlPage(title: string, subtitle: string, body: string, footer: string): string {
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
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="sub">${escapeHtml(subtitle)}</p>`,
    body,
    `<footer>${escapeHtml(footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
