/**
 * One table written in every form the readers take — HTML, Word's HTML, Markdown (merged cells left
 * empty, as converters write them), DOCX (the `docx` package: real gridSpan/vMerge) and XLSX
 * (exceljs: merged ranges) — so tests can check that every form reads alike (issue 10).
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';

/** A cell placed left to right, skipping positions a rowspan from above covers (as in HTML). */
export interface SpecCell {
  readonly t: string;
  readonly r?: number;
  readonly c?: number;
}

/** A table and the paragraphs before it. */
export interface TableSpec {
  readonly before?: readonly string[];
  readonly rows: readonly (readonly (SpecCell | string)[])[];
}

const cellOf = (c: SpecCell | string): SpecCell => (typeof c === 'string' ? { t: c } : c);
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Positions of each cell in the expanded grid. */
function place(spec: TableSpec): { grid: (string | null)[][]; cells: { row: number; col: number; cell: SpecCell }[] } {
  const grid: (string | null)[][] = spec.rows.map(() => []);
  const cells: { row: number; col: number; cell: SpecCell }[] = [];
  spec.rows.forEach((row, r) => {
    let c = 0;
    for (const raw of row) {
      const cell = cellOf(raw);
      while (grid[r]![c] !== undefined) c++;
      cells.push({ row: r, col: c, cell });
      for (let dr = 0; dr < (cell.r ?? 1); dr++)
        for (let dc = 0; dc < (cell.c ?? 1); dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.t : null;
      c += cell.c ?? 1;
    }
  });
  return { grid, cells };
}

/** Plain HTML with rowspan/colspan. */
export function toHtml(spec: TableSpec): string {
  const before = (spec.before ?? []).map((p) => `<p>${esc(p)}</p>`).join('\n');
  const rows = spec.rows
    .map(
      (row) =>
        `<tr>${row
          .map(cellOf)
          .map(
            (c) =>
              `<td${c.r ? ` rowspan="${c.r}"` : ''}${c.c ? ` colspan="${c.c}"` : ''}>${c.t.split('\n').map(esc).join('<br>')}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `${before}\n<table border="1">\n${rows}\n</table>`;
}

/** Every non-ASCII letter as an entity: named where HTML has a common one, numeric otherwise. */
function entities(text: string): string {
  const named: Record<string, string> = {
    á: 'aacute',
    à: 'agrave',
    â: 'acirc',
    é: 'eacute',
    ê: 'ecirc',
    ô: 'ocirc',
    ó: 'oacute',
    í: 'iacute',
    ú: 'uacute',
    ý: 'yacute',
    ã: 'atilde',
    õ: 'otilde',
    ò: 'ograve',
    ù: 'ugrave',
    ì: 'igrave',
    è: 'egrave',
  };
  let out = '';
  for (const ch of esc(text)) {
    const cp = ch.codePointAt(0)!;
    out += cp < 128 ? ch : named[ch] ? `&${named[ch]};` : `&#${cp};`;
  }
  return out;
}

/** HTML as Word saves it: `<o:p>`, `mso-` styles, entities, conditional comments, a layout table around the table. */
export function toWordHtml(spec: TableSpec): string {
  const para = (t: string) =>
    `<p class=MsoNormal style='margin-bottom:0cm;mso-line-height-alt:normal'><span style='font-size:13.0pt;mso-bidi-font-family:"Times New Roman"'>${entities(t)}<o:p></o:p></span></p>`;
  const rows = spec.rows
    .map(
      (row) =>
        `<tr style='mso-yfti-irow:0'>${row
          .map(cellOf)
          .map(
            (c) =>
              `<td width=120 valign=top${c.r ? ` rowspan=${c.r}` : ''}${c.c ? ` colspan=${c.c}` : ''} style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>${c.t.split('\n').map(para).join('\n')}</td>`,
          )
          .join('\n')}</tr>`,
    )
    .join('\n');
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=VI style='tab-interval:36.0pt'><div class=WordSection1>
${(spec.before ?? []).map(para).join('\n')}
<table class=MsoNormalTable border=0><tr><td>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed'>
${rows}
</table>
</td></tr></table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p></div></body></html>`;
}

/** A Markdown pipe table: merged cells written once, the cells under them left empty. */
export function toMarkdown(spec: TableSpec): string {
  const { grid } = place(spec);
  const width = Math.max(...grid.map((r) => r.length));
  const line = (r: (string | null)[]) =>
    `| ${Array.from({ length: width }, (_, i) => (r[i] ?? '').replaceAll('|', '\\|').replaceAll('\n', '<br>')).join(' | ')} |`;
  const [head, ...body] = grid;
  const bold = head!.map((t) => (t ? `**${t}**` : t));
  return [
    ...(spec.before ?? []).map((p) => `${p}\n`),
    line(bold),
    `|${Array.from({ length: width }, () => '---').join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

/** A .docx file with the paragraphs and the table, merges as Word writes them. */
export async function toDocx(spec: TableSpec): Promise<Uint8Array> {
  const table = new Table({
    rows: spec.rows.map(
      (row) =>
        new TableRow({
          children: row.map(cellOf).map(
            (c) =>
              new TableCell({
                children: c.t.split('\n').map((t) => new Paragraph({ text: t, alignment: AlignmentType.LEFT })),
                ...(c.r ? { rowSpan: c.r } : {}),
                ...(c.c ? { columnSpan: c.c } : {}),
              }),
          ),
        }),
    ),
  });
  const doc = new Document({
    sections: [{ children: [...(spec.before ?? []).map((t) => new Paragraph({ text: t })), table] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** An .xlsx workbook: the paragraphs as rows above the table, merged ranges for merged cells. */
export async function toXlsx(spec: TableSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Quy trình');
  const before = spec.before ?? [];
  before.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
  });
  const top = before.length + 1;
  for (const { row, col, cell } of place(spec).cells) {
    ws.getCell(top + row, col + 1).value = cell.t;
    if ((cell.r ?? 1) > 1 || (cell.c ?? 1) > 1)
      ws.mergeCells(top + row, col + 1, top + row + (cell.r ?? 1) - 1, col + (cell.c ?? 1));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An ISO procedure document (QĐ 101/QĐ-BKHCN layout) as a .docx: header table, sections 1–7, the 5.7 table. */
export async function isoDocx(options: {
  readonly steps: TableSpec['rows'];
  readonly agency: string;
}): Promise<Uint8Array> {
  const p = (t: string) => new Paragraph({ text: t });
  const cell = (t: string) => new TableCell({ children: t.split('\n').map(p) });
  const header = new Table({
    rows: [
      new TableRow({
        children: [
          cell(options.agency),
          cell('QUY TRÌNH ĐĂNG KÝ KHAI SINH'),
          cell('Mã hiệu: QT-02/CX-HCTP\nLần ban hành: 01\nNgày ban hành: 07/7/2025'),
        ],
      }),
    ],
  });
  const steps = new Table({
    rows: options.steps.map(
      (row) =>
        new TableRow({
          children: row.map(cellOf).map(
            (c) =>
              new TableCell({
                children: c.t.split('\n').map(p),
                ...(c.r ? { rowSpan: c.r } : {}),
                ...(c.c ? { columnSpan: c.c } : {}),
              }),
          ),
        }),
    ),
  });
  const doc = new Document({
    sections: [
      {
        children: [
          header,
          p('1. MỤC ĐÍCH'),
          p('Quy định trình tự đăng ký khai sinh (Mã TTHC: 1.001193).'),
          p('4. ĐỊNH NGHĨA/VIẾT TẮT'),
          p('- CCMC: Công chức một cửa'),
          p('- TP-HT: Tư pháp - Hộ tịch'),
          p('5. NỘI DUNG QUY TRÌNH'),
          p('5.4 Thời gian xử lý: 01 ngày làm việc'),
          p('5.7 Quy trình xử lý công việc'),
          steps,
          p('6. BIỂU MẪU'),
          p('BM.HT.01: Tờ khai đăng ký khai sinh'),
          p('7. HỒ SƠ CẦN LƯU'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
