/**
 * The one cell model every table format is read into (HTML, Word's HTML, Markdown, DOCX, XLSX, CSV):
 * a document is a list of blocks — paragraphs of text and tables of source cells with their spans —
 * and a table becomes a grid where the cells one merged source cell covers share an `origin`.
 * Whatever the format, the same table gives the same grid, so the same steps, keys and issues.
 */
import type { JsonPath, ReadContext } from '../native.js';
import { report } from '../native.js';
import type { GridCell } from './grid.js';
import { resolveLimits, type TableLimits } from './limits.js';

/** One cell as the source writes it, before spans are expanded. */
export interface SourceCell {
  /** Text with line breaks between paragraphs, NFC, runs of spaces collapsed. */
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  /** Where the cell is in the source, when the format can say (an .xlsx cell reference). */
  readonly path?: JsonPath;
}

/** A paragraph of text outside tables (a heading, "Mã số: 1.012994", "Tổng thời gian: …"). */
export interface TextBlock {
  readonly kind: 'text';
  readonly text: string;
}

/** A table of the document, in document order (a nested table follows the table that holds it). */
export interface TableBlock {
  readonly kind: 'table';
  readonly rows: readonly (readonly SourceCell[])[];
  /** Nesting depth: 0 for a table in the body, 1 for a table inside a cell… */
  readonly depth: number;
}

/** One block of a document. */
export type DocumentBlock = TextBlock | TableBlock;

/**
 * Cleans the text of a cell or paragraph: NFC, non-breaking and other spaces as one space, blank
 * lines dropped, each line trimmed.
 * @example cleanText('  Tiếp\u00a0nhận \n\n hồ sơ ') // 'Tiếp nhận\nhồ sơ'
 */
export function cleanText(raw: string): string {
  const lines: string[] = [];
  for (const line of raw.normalize('NFC').split('\n')) {
    const t = line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
    if (t !== '') lines.push(t);
  }
  return lines.join('\n');
}

/**
 * Expands rowspan/colspan into a grid; every grid cell a merged source cell covers carries the same
 * `origin` (so a merged time cell is read once, as a group budget). Spans are clamped to the rows
 * and columns the table has and to `limits.maxSpan`; a grid past `limits.maxCells` is cut, with one
 * `table.limit` issue naming the limit. Cost: linear in the grid size, which the limits bound.
 * @example toGrid([[{ text: 'a', rowspan: 2, colspan: 1 }], []]).map((r) => r.map((c) => c.text)) // [['a'], ['a']]
 */
export function toGrid(
  rows: readonly (readonly SourceCell[])[],
  options: { readonly limits?: Partial<TableLimits>; readonly ctx?: ReadContext; readonly path?: JsonPath } = {},
): GridCell[][] {
  const limits = resolveLimits(options.limits);
  const limited = (what: string) => {
    if (options.ctx) report(options.ctx, 'table.limit', options.path ?? [], what, { severity: 'warning' });
  };
  let source = rows;
  if (rows.length > limits.maxRows) {
    limited(`the table has ${rows.length} rows; only the first ${limits.maxRows} are read (limits.maxRows)`);
    source = rows.slice(0, limits.maxRows);
  }
  // Widest row by its own cells (each at most maxSpan wide): spans cannot widen the table past it.
  let width = 0;
  for (const cells of source) {
    let w = 0;
    for (const c of cells) w += Math.min(Math.max(1, c.colspan), limits.maxSpan);
    width = Math.max(width, w);
  }
  if (width > limits.maxColumns) {
    limited(`the table is ${width} columns wide; only the first ${limits.maxColumns} are read (limits.maxColumns)`);
    width = limits.maxColumns;
  }
  let height = source.length;
  if (height * width > limits.maxCells) {
    height = Math.max(1, Math.floor(limits.maxCells / Math.max(1, width)));
    limited(
      `the table has more than ${limits.maxCells} cells; only the first ${height} rows are read (limits.maxCells)`,
    );
  }
  const grid: (GridCell | undefined)[][] = Array.from({ length: height }, () => new Array(width));
  let spanWarned = false;
  let origin = 0;
  // Overlapping spans could make the filling cost more than the grid: it is bounded too.
  let work = 0;
  const maxWork = 4 * limits.maxCells;
  fill: for (let r = 0; r < height; r++) {
    let c = 0;
    for (const cell of source[r]!) {
      while (c < width && grid[r]![c] !== undefined) c++;
      if (c >= width) break;
      const id = origin++;
      let rowspan = Math.max(1, cell.rowspan);
      let colspan = Math.max(1, cell.colspan);
      if ((rowspan > limits.maxSpan || colspan > limits.maxSpan) && !spanWarned) {
        spanWarned = true;
        limited(
          `a cell spans ${Math.max(rowspan, colspan)} rows or columns; spans are cut at ${limits.maxSpan} (limits.maxSpan)`,
        );
      }
      rowspan = Math.min(rowspan, limits.maxSpan, height - r);
      colspan = Math.min(colspan, limits.maxSpan, width - c);
      const g: GridCell = cell.path
        ? { text: cell.text, origin: id, path: cell.path }
        : { text: cell.text, origin: id };
      work += rowspan * colspan;
      if (work > maxWork) {
        limited(`the spans of the table overlap past ${maxWork} cells; the rest is not read (limits.maxCells)`);
        break fill;
      }
      for (let dr = 0; dr < rowspan; dr++) {
        const row = grid[r + dr]!;
        for (let dc = 0; dc < colspan; dc++) if (row[c + dc] === undefined) row[c + dc] = g;
      }
      c += colspan;
    }
  }
  // Holes (ragged rows, cells a span did not reach) become empty cells of their own.
  return grid.map((row) => Array.from(row, (cell) => cell ?? { text: '', origin: origin++ }));
}
