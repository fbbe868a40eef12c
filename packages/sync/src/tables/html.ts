/**
 * A small tolerant HTML table tokenizer (no DOM): `<table>`, `<tr>`, `<td>`/`<th>` with rowspan and
 * colspan, text with entities and line breaks. Enough for the tables of published decisions.
 */
import type { GridCell } from './grid.js';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Decodes the HTML entities tables use (named basics and numeric).
 * @example decodeEntities('TN&amp;TKQ&nbsp;&#7843;') // 'TN&TKQ ả'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** One source cell. */
export interface HtmlCell {
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
}

function span(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 ? Math.min(n, 1000) : 1;
}

function cleanText(raw: string): string {
  return decodeEntities(raw)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .normalize('NFC');
}

/**
 * The tables of an HTML text as rows of source cells (before spans are expanded).
 * @example readHtmlTables('<table><tr><td rowspan="2">07 ngày</td></tr></table>')[0][0][0].rowspan // 2
 */
export function readHtmlTables(html: string): HtmlCell[][][] {
  const tables: HtmlCell[][][] = [];
  let table: HtmlCell[][] | undefined;
  let row: HtmlCell[] | undefined;
  let cell: { text: string; attrs: string } | undefined;
  const closeCell = () => {
    if (cell && row)
      row.push({
        text: cleanText(cell.text),
        rowspan: span(cell.attrs, 'rowspan'),
        colspan: span(cell.attrs, 'colspan'),
      });
    cell = undefined;
  };
  const closeRow = () => {
    closeCell();
    if (row && table) table.push(row);
    row = undefined;
  };
  const tokens = /<!--[\s\S]*?-->|<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|([^<]+|<)/gi;
  for (const m of html.matchAll(tokens)) {
    const [, closing, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      if (cell) cell.text += text.replace(/\s+/g, ' ');
      continue;
    }
    const tag = rawTag?.toLowerCase();
    if (tag === 'table' && !closing) {
      table = [];
    } else if (tag === 'table') {
      closeRow();
      if (table) tables.push(table);
      table = undefined;
    } else if (tag === 'tr') {
      closeRow();
      if (!closing) row = [];
    } else if (tag === 'td' || tag === 'th') {
      closeCell();
      if (!closing) {
        row ??= [];
        cell = { text: '', attrs };
      }
    } else if (cell && (tag === 'br' || tag === 'p' || tag === 'div' || tag === 'li')) {
      cell.text += '\n';
    }
  }
  closeRow();
  if (table && table.length > 0) tables.push(table);
  return tables;
}

/**
 * Expands rowspan/colspan into a grid; every grid cell a merged source cell covers carries the same
 * `origin` (so a merged time cell can be read once, as a group budget).
 * @example toGrid([[{ text: 'a', rowspan: 2, colspan: 1 }], []]) // [[{ text: 'a', origin: 0 }], [{ text: 'a', origin: 0 }]]
 */
export function toGrid(rows: readonly (readonly HtmlCell[])[]): GridCell[][] {
  const grid: GridCell[][] = rows.map(() => []);
  let origin = 0;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c] !== undefined) c++;
      const id = origin++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = { text: cell.text, origin: id };
      }
      c += cell.colspan;
    }
  });
  // Holes (ragged rows) become empty cells of their own.
  return grid.map((row) => Array.from(row, (cell) => cell ?? { text: '', origin: origin++ }));
}
