// Derived forms of the real step-table corpus (test/corpus/README.md, "Derived forms"): for every entry
// under test/corpus/tables/<slug>/ this reads the PUBLISHED document (document.md/.html/.txt), rebuilds
// the cell grid of each step table without changing any cell's text, and writes
//   document.docx — real Word tables (the `docx` package) with rowSpan/columnSpan merges,
//   document.xlsx — one worksheet per table (`exceljs`) with merged ranges.
// Dev only. Deterministic: zip entries get a fixed time and the documents a fixed creation date, so a
// re-run with the same input gives the same bytes. Run:  node scripts/gen-corpus-forms.mjs [slug…]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

// fflate is a dependency of @tthc/sync, not of the workspace root.
const require = createRequire(fileURLToPath(new URL('../packages/sync/package.json', import.meta.url)));
const { unzipSync, zipSync } = require('fflate');

const ROOT = fileURLToPath(new URL('../test/corpus/tables/', import.meta.url));
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const FIXED_ISO = '2026-01-01T00:00:00Z';

/**
 * A table as a list of rows; a row is a list of cells `{ text, colSpan, rowSpan }` placed left to right,
 * skipping grid positions covered by a rowSpan from above (as in HTML).
 * @typedef {{ text: string, colSpan: number, rowSpan: number }} Cell
 * @typedef {{ heading: string[], rows: Cell[][], columns: number }} Grid
 */

const isPipeLine = (l) => l.trim() === '|';
const startsLikeNumber = (t) => /^(\*\*)?\s*([IVX]+|\d+(\.\d+)*|[a-zđ]\)|Bước\s*\d+|B\d+)\b/i.test(t.trim());
const isTotalText = (t) => /^(\*\*)?\s*-?\s*(Tổng|Thời gian giải quyết)/i.test(t.trim());

/**
 * Fill in merges for a row that has fewer cells than the header (the published form did not mark them):
 * a step row right under a full row continues the last column's vertical merge; any other short row
 * (section, total) widens one cell to fill the row — the last one after a short number cell, else the
 * first (a long label).
 */
function inferMerges(rows, columns) {
  let anchor = null; // the cell a vertical merge of the last column grows from
  for (const row of rows) {
    const width = row.reduce((n, c) => n + c.colSpan, 0);
    if (width === columns) {
      anchor = row.length === columns ? row[columns - 1] : null;
      continue;
    }
    const missing = columns - width;
    if (missing === 1 && anchor && row.length > 1 && startsLikeNumber(row[0].text) && !isTotalText(row[0].text)) {
      anchor.rowSpan += 1; // covered cell: nothing is written for it in this row
      continue;
    }
    anchor = null;
    const widen =
      row.length >= 2 && startsLikeNumber(row[0].text) && row[0].text.trim().length <= 12 ? row.at(-1) : row[0];
    widen.colSpan += missing;
  }
}

/** thuvienphapluat text export: cells are line blocks between lines holding a single '|'. */
function readTvplLinear(text) {
  const lines = text.split('\n');
  /** @type {Grid[]} */
  const grids = [];
  let heading = [];
  let i = 0;
  while (i < lines.length) {
    if (!(isPipeLine(lines[i]) && i + 1 < lines.length && !isPipeLine(lines[i + 1]))) {
      if (lines[i].trim() !== '' && !isPipeLine(lines[i])) heading.push(lines[i]);
      i++;
      continue;
    }
    // Segments between '|' lines, from this table's first '|'.
    const segments = [];
    let j = i + 1;
    let buf = [];
    let ended = false;
    for (; j < lines.length; j++) {
      if (isPipeLine(lines[j])) {
        segments.push(buf.join('\n'));
        buf = [];
      } else buf.push(lines[j]);
      if (!isPipeLine(lines[j])) continue;
      // The table ends when ordinary text follows a '|' with no row boundary, and the row read so far
      // is complete: as wide as the header, or a total row ("Tổng …").
      if (j + 1 < lines.length && !isPipeLine(lines[j + 1]) && segments.at(-1).trim() !== '') {
        const rows = rowsFromSegments(segments);
        const row = rows.at(-1);
        const complete = rows.length > 1 && row.length >= rows[0].length;
        if (row && (complete || (isTotalText(row[0]) && row.length >= 2))) {
          ended = true;
          break;
        }
      }
    }
    if (!ended && buf.length) segments.push(buf.join('\n'));
    const rows = rowsFromSegments(segments);
    const columns = Math.max(...rows.map((r) => r.length));
    const cellRows = rows.map((r) => r.map((t) => ({ text: t, colSpan: 1, rowSpan: 1 })));
    inferMerges(cellRows, rows[0].length === columns ? columns : rows[0].length);
    grids.push({ heading: emphasisParagraphs(heading).slice(-4), rows: cellRows, columns: rows[0].length });
    heading = [];
    i = j + 1;
  }
  return grids;
}

/**
 * Heading lines joined into paragraphs: the export wraps a `**bold**` paragraph over several lines, so
 * lines are joined (with a space) until the `**` markers balance.
 */
function emphasisParagraphs(lines) {
  const out = [];
  let cur = null;
  for (const l of lines) {
    cur = cur === null ? l : `${cur} ${l}`;
    if ((cur.match(/\*\*/g) ?? []).length % 2 === 0) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}

/**
 * Rows from the segment list. An empty segment ends a row, except when the row is not yet as wide as
 * the header and another empty segment follows: then it is an empty cell.
 */
function rowsFromSegments(segments) {
  const rows = [];
  let row = [];
  let columns = 0;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    if (s.trim() !== '') {
      row.push(s);
      continue;
    }
    const nextEmpty = k + 1 < segments.length && segments[k + 1].trim() === '';
    if (row.length > 0 && columns > 0 && row.length < columns && nextEmpty) {
      row.push('');
      continue;
    }
    if (row.length > 0) {
      rows.push(row);
      if (columns === 0) columns = row.length;
    }
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Plain text of a Word file as stored by the source: one table row per line, cells joined by ' | '. */
function readTextPipe(text) {
  const lines = text.split('\n');
  const grids = [];
  let heading = [];
  let i = 0;
  const cellsOf = (l) => l.split(' | ');
  while (i < lines.length) {
    if (!lines[i].includes(' | ')) {
      if (lines[i].trim() !== '') heading.push(lines[i].trim());
      i++;
      continue;
    }
    const columns = cellsOf(lines[i]).length;
    const rows = [];
    while (i < lines.length && lines[i].includes(' | ')) {
      let cells = cellsOf(lines[i]);
      i++;
      // A cell holding a line break continues the row on the next line.
      while (cells.length < columns && i < lines.length && lines[i].trim() !== '') {
        const more = cellsOf(lines[i]);
        if (cells.length + more.length - 1 > columns) break;
        cells = [...cells.slice(0, -1), `${cells.at(-1)}\n${more[0]}`, ...more.slice(1)];
        i++;
      }
      rows.push(cells.map((t) => ({ text: t, colSpan: 1, rowSpan: 1 })));
    }
    inferMerges(rows, columns);
    grids.push({ heading: heading.slice(-6), rows, columns });
    heading = [];
  }
  return grids;
}

const READERS = { 'tvpl-linear': readTvplLinear, 'text-pipe': readTextPipe };

/** Runs of a cell line: `**bold**` and `*italic*` of the published text become formatting, not characters. */
function runs(line, size) {
  const out = [];
  let bold = false;
  let italic = false;
  let k = 0;
  let buf = '';
  const flush = () => {
    if (buf) out.push(new TextRun({ text: buf, bold, italics: italic, size }));
    buf = '';
  };
  while (k < line.length) {
    if (line.startsWith('**', k)) {
      flush();
      bold = !bold;
      k += 2;
    } else if (line[k] === '*' && line[k + 1] !== ' ' && (italic || /\S/.test(line[k + 1] ?? ''))) {
      flush();
      italic = !italic;
      k += 1;
    } else buf += line[k++];
  }
  flush();
  return out;
}

const plain = (t) =>
  t
    .replaceAll('**', '')
    .replace(/(^|\s)\*(\S)/g, '$1$2')
    .replace(/(\S)\*(\s|$)/g, '$1$2');

async function toDocx(grids) {
  const children = [];
  for (const g of grids) {
    for (const h of g.heading) children.push(new Paragraph({ children: runs(h, 24) }));
    const rows = g.rows.map(
      (r) =>
        new TableRow({
          children: r.map(
            (c) =>
              new TableCell({
                columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
                rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
                children: c.text.split('\n').map((l) => new Paragraph({ children: runs(l, 22) })),
              }),
          ),
        }),
    );
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    children.push(new Paragraph({ children: [], alignment: AlignmentType.LEFT }));
  }
  const doc = new Document({
    creator: 'tthc scripts/gen-corpus-forms.mjs',
    title: 'Derived form of a published step table',
    sections: [{ children }],
  });
  return normaliseZip(await Packer.toBuffer(doc));
}

async function toXlsx(grids) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tthc scripts/gen-corpus-forms.mjs';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  grids.forEach((g, n) => {
    const ws = wb.addWorksheet(`Bảng ${n + 1}`);
    let r = 1;
    for (const h of g.heading) ws.getCell(r++, 1).value = plain(h);
    const top = r;
    const covered = new Set();
    g.rows.forEach((row, ri) => {
      let c = 1;
      for (const cell of row) {
        while (covered.has(`${top + ri}:${c}`)) c++;
        const x = ws.getCell(top + ri, c);
        x.value = plain(cell.text);
        x.alignment = { wrapText: true, vertical: 'top' };
        if (cell.colSpan > 1 || cell.rowSpan > 1) {
          ws.mergeCells(top + ri, c, top + ri + cell.rowSpan - 1, c + cell.colSpan - 1);
          for (let dr = 0; dr < cell.rowSpan; dr++)
            for (let dc = 0; dc < cell.colSpan; dc++) covered.add(`${top + ri + dr}:${c + dc}`);
        }
        c += cell.colSpan;
      }
    });
  });
  return normaliseZip(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Re-zip with fixed entry times and fixed document dates so the bytes do not depend on the clock. */
function normaliseZip(buf) {
  const files = unzipSync(new Uint8Array(buf));
  const out = {};
  for (const name of Object.keys(files).sort()) {
    let data = files[name];
    if (name === 'docProps/core.xml') {
      const xml = new TextDecoder()
        .decode(data)
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${FIXED_ISO}$3`);
      data = new TextEncoder().encode(xml);
    }
    out[name] = [data, { mtime: FIXED_DATE, level: 6 }];
  }
  return Buffer.from(zipSync(out));
}

const only = new Set(process.argv.slice(2));
for (const slug of readdirSync(ROOT).sort()) {
  if (only.size && !only.has(slug)) continue;
  const dir = join(ROOT, slug);
  const source = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8'));
  const read = READERS[source.format];
  if (!read) {
    console.log(`${slug}: format ${source.format} has no grid reader yet, skipped`);
    continue;
  }
  const file = readdirSync(dir).find((f) => /^document\.(md|html|txt)$/.test(f));
  const grids = read(readFileSync(join(dir, file), 'utf8')).filter((g) => g.rows.length > 1);
  writeFileSync(join(dir, 'document.docx'), await toDocx(grids));
  writeFileSync(join(dir, 'document.xlsx'), await toXlsx(grids));
  const shape = grids.map((g) => `${g.rows.length}×${g.columns}`).join(', ');
  console.log(`${slug}: ${grids.length} table(s) [${shape}] → document.docx, document.xlsx`);
}
