/**
 * One SpreadsheetML worksheet (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1 §18.3) as a grid of cells:
 * cell values by type, missing cells, and merged ranges (`<mergeCell ref="A3:A5"/>`) given ONE origin,
 * exactly as HTML rowspan/colspan are (so a merged time cell is one group budget).
 */
import { type JsonPath, type ReadContext, report } from '../native.js';
import type { GridCell } from './grid.js';
import { type NumberKind, numberCellText } from './xlsx-styles.js';
import { localName, scanXml, type XmlVisitor } from './xml.js';

/** Excel's limits (ECMA-376 §18.3.1.73): columns A…XFD, rows 1…1048576. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
/** Limits of one worksheet; each has a default and can be raised. */
export interface SheetLimits {
  /**
   * Cells of the grid (rows × columns spanned by the cells that hold a value), and `<c>` elements
   * read. Default 250,000: a step table has a few hundred.
   */
  readonly maxCells?: number;
  /** Merged ranges (`<mergeCell>`). Default 10,000: a step table has a few dozen. */
  readonly maxMerges?: number;
}

/** Defaults of {@link SheetLimits}. */
export const DEFAULT_SHEET_LIMITS: Required<SheetLimits> = { maxCells: 250_000, maxMerges: 10_000 };

/** Thrown inside the scan to stop it at a limit (reported by the caller). */
class SheetLimitReached extends Error {}

/**
 * A cell reference ("B3", "$B$3") as 1-based row and column; undefined when it is not one.
 * @example parseCellRef('C7') // { row: 7, col: 3 }
 */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  const s = ref.trim().toUpperCase().replaceAll('$', '');
  while (i < s.length && s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 90 && i < 3) {
    col = col * 26 + (s.charCodeAt(i) - 64);
    i++;
  }
  const digits = s.slice(i);
  if (col === 0 || col > MAX_COLUMN || !/^[1-9]\d{0,6}$/.test(digits)) return undefined;
  const row = Number(digits);
  return row <= MAX_ROW ? { row, col } : undefined;
}

/**
 * The letters of a 1-based column.
 * @example columnName(28) // 'AB'
 */
export function columnName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/**
 * Cleans the text of a cell: `_xHHHH_` escapes decoded (ECMA-376 §22.9.2.19: Excel writes a carriage
 * return as `_x000D_`), line ends as "\n", NFC.
 * @example cleanCellText('Dòng 1_x000D_\nDòng 2') // 'Dòng 1\nDòng 2'
 */
export function cleanCellText(raw: string): string {
  return raw
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

/**
 * Collects the text of one string item (`<si>` of the shared strings or `<is>` of an inline string):
 * plain `<t>` and rich-text runs `<r><t>` concatenated, phonetic runs `<rPh>` left out.
 */
class StringItem {
  private phonetic = 0;
  private inText = false;
  text = '';
  open(name: string): void {
    const l = localName(name);
    if (l === 'rPh') this.phonetic++;
    else if (l === 't' && this.phonetic === 0) this.inText = true;
  }
  close(name: string): void {
    const l = localName(name);
    if (l === 'rPh') this.phonetic--;
    else if (l === 't') this.inText = false;
  }
  add(text: string): void {
    if (this.inText) this.text += text;
  }
}

/**
 * The shared string table (`xl/sharedStrings.xml`, §18.4): one text per `<si>`.
 * @example readSharedStrings('<sst><si><r><t>Bước </t></r><r><t>1</t></r></si></sst>') // ['Bước 1']
 */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let item: StringItem | undefined;
  scanXml(xml, {
    open(name) {
      if (localName(name) === 'si') item = new StringItem();
      else item?.open(name);
    },
    close(name) {
      if (localName(name) === 'si') {
        if (item) out.push(cleanCellText(item.text));
        item = undefined;
      } else item?.close(name);
    },
    text(t) {
      item?.add(t);
    },
  });
  return out;
}

/** A number cell as text, without float noise (Excel shows at most 15 significant digits). */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

interface SheetCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What one `<c>` element holds while it is being read. */
interface OpenCell {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  readonly type: string;
  /** The cell's style index (`s`), which says whether a number is a date or a time. */
  readonly style: number;
  value: string;
  inValue: boolean;
  inline: StringItem | undefined;
}

/** What the workbook says about number cells: the kind per style index, and the date system. */
export interface NumberStyles {
  readonly kinds: readonly NumberKind[];
  readonly date1904: boolean;
}

/**
 * Reads a worksheet into a grid of cells; each cell's `path` is `['xlsx', sheetPath, 'C7']`.
 * Problems (an unknown shared string, a bad reference, a sheet too large) are reported in `ctx`.
 * @example readSheetGrid(ctx, xml, shared, 'xl/worksheets/sheet1.xml')[2][0] // { text: 'Bước 1', origin: 4, path: [...] }
 */
export function readSheetGrid(
  ctx: ReadContext,
  xml: string,
  shared: readonly string[] | undefined,
  sheetPath: string,
  numbers: NumberStyles = { kinds: [], date1904: false },
  limits: SheetLimits = {},
): GridCell[][] | undefined {
  const maxCells = limits.maxCells ?? DEFAULT_SHEET_LIMITS.maxCells;
  const maxMerges = limits.maxMerges ?? DEFAULT_SHEET_LIMITS.maxMerges;
  const stop = (limit: keyof SheetLimits, max: number, what: string): never => {
    report(
      ctx,
      'limit.exceeded',
      ['xlsx', sheetPath],
      `the sheet has more than ${max} ${what}, more than limits.${limit} = ${max}; raise it with { limits: { ${limit}: … } }`,
      { value: max + 1 },
    );
    throw new SheetLimitReached();
  };
  let cellCount = 0;
  const cellPath = (ref: string): JsonPath => ['xlsx', sheetPath, ref];
  const cells: SheetCell[] = [];
  const merges: Merge[] = [];
  let row = 0;
  let col = 0;
  let cell: OpenCell | undefined;
  const finish = (c: OpenCell) => {
    const raw = c.inline ? c.inline.text : c.value;
    let text: string | undefined;
    if (c.type === 's') {
      const index = Number(raw.trim());
      text = Number.isInteger(index) ? shared?.[index] : undefined;
      if (text === undefined) {
        const why = shared
          ? `the shared string table has ${shared.length} entries`
          : 'the workbook has no shared strings';
        report(ctx, 'value.unreadable', cellPath(c.ref), `shared string ${raw.trim()} does not exist (${why})`, {
          value: raw,
        });
      }
    } else if (c.type === 'inlineStr' || c.inline) text = cleanCellText(raw);
    else if (c.type === 'b') text = raw.trim() === '1' ? 'TRUE' : raw.trim() === '0' ? 'FALSE' : raw;
    else if (c.type === 'n' || c.type === '') {
      if (raw.trim() === '') return;
      const n = Number(raw.trim());
      const kind = numbers.kinds[c.style] ?? 'number';
      if (Number.isFinite(n)) text = kind === 'number' ? numberText(n) : numberCellText(n, kind, numbers.date1904);
      else report(ctx, 'value.unreadable', cellPath(c.ref), 'a number cell without a number', { value: raw });
    } else {
      // str (a formula's text), e (an error such as #N/A), d (an ISO date): the value as written.
      text = cleanCellText(raw);
    }
    if (text !== undefined && text !== '') cells.push({ row: c.row, col: c.col, text });
  };
  const visitor: XmlVisitor = {
    open(name, attrs, selfClosing) {
      const l = localName(name);
      if (cell) {
        if (l === 'v') cell.inValue = true;
        else if (l === 'is') cell.inline = new StringItem();
        else cell.inline?.open(name);
      } else if (l === 'row') {
        const r = Number(attrs.r);
        row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : row + 1;
        col = 0;
      } else if (l === 'c') {
        if (++cellCount > maxCells) stop('maxCells', maxCells, 'cells');
        // `r` is optional (§18.3.1.4): without it the cell follows the previous one.
        const ref = attrs.r === undefined ? undefined : parseCellRef(attrs.r);
        if (attrs.r !== undefined && ref === undefined)
          report(ctx, 'format.invalid', cellPath(attrs.r), 'not a cell reference such as "C7"', {
            value: attrs.r,
            severity: 'warning',
          });
        col = ref?.col ?? col + 1;
        row = ref?.row ?? Math.max(row, 1);
        const style = Number(attrs.s ?? 0);
        const at = {
          ref: `${columnName(col)}${row}`,
          row,
          col,
          type: attrs.t ?? '',
          style: Number.isInteger(style) ? style : 0,
        };
        if (!selfClosing) cell = { ...at, value: '', inValue: false, inline: undefined };
      } else if (l === 'mergeCell' && attrs.ref !== undefined) {
        const [a, b = a] = attrs.ref.split(':');
        const from = parseCellRef(a ?? '');
        const to = parseCellRef(b ?? '');
        if (from && to) {
          if (merges.length >= maxMerges) stop('maxMerges', maxMerges, 'merged ranges');
          merges.push({
            top: Math.min(from.row, to.row),
            left: Math.min(from.col, to.col),
            bottom: Math.max(from.row, to.row),
            right: Math.max(from.col, to.col),
          });
        } else {
          report(
            ctx,
            'format.invalid',
            ['xlsx', sheetPath, 'mergeCells', attrs.ref],
            'not a cell range such as "A3:A5"',
            {
              value: attrs.ref,
              severity: 'warning',
            },
          );
        }
      }
    },
    close(name) {
      if (!cell) return;
      const l = localName(name);
      if (l === 'c') {
        finish(cell);
        cell = undefined;
      } else if (l === 'v') cell.inValue = false;
      else if (l !== 'is') cell.inline?.close(name);
    },
    text(t) {
      if (!cell) return;
      if (cell.inValue) cell.value += t;
      else cell.inline?.add(t);
    },
  };
  try {
    scanXml(xml, visitor);
  } catch (error) {
    if (error instanceof SheetLimitReached) return undefined;
    throw error;
  }
  return toSheetGrid(ctx, cells, merges, cellPath, sheetPath, maxCells);
}

function toSheetGrid(
  ctx: ReadContext,
  cells: readonly SheetCell[],
  merges: readonly Merge[],
  cellPath: (ref: string) => JsonPath,
  sheetPath: string,
  maxCells: number,
): GridCell[][] | undefined {
  // The grid spans the cells that hold a value; formatting-only cells and merges reaching past them
  // (whole-row merges) do not make it larger.
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    rows = Math.max(rows, c.row);
    cols = Math.max(cols, c.col);
  }
  if (rows * cols > maxCells) {
    report(
      ctx,
      'limit.exceeded',
      ['xlsx', sheetPath],
      `the sheet spans ${columnName(cols)}${rows} (${rows} rows × ${cols} columns = ${rows * cols} cells), more than limits.maxCells = ${maxCells}; a step table is far smaller`,
      { value: rows * cols },
    );
    return undefined;
  }
  const text: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill(''));
  for (const c of cells) text[c.row - 1]![c.col - 1] = c.text;
  const letters = Array.from({ length: cols }, (_, c) => columnName(c + 1));
  const grid: GridCell[][] = text.map((line, r) =>
    line.map((t, c) => ({ text: t, origin: r * cols + c, path: cellPath(`${letters[c]}${r + 1}`) })),
  );
  // Each grid cell is covered by at most one merge: Excel refuses overlapping merged ranges, and
  // stopping at the first covered cell keeps the cost linear (each cell is written at most once, each
  // merge costs its own cells plus one), where rewriting the grid per merge cost 51 s (issue 12).
  const covered = new Uint8Array(rows * cols);
  const overlapping: string[] = [];
  for (const m of merges) {
    const master = grid[m.top - 1]?.[m.left - 1];
    if (!master) continue;
    let overlap = false;
    for (let r = m.top; r <= Math.min(m.bottom, rows) && !overlap; r++) {
      for (let c = m.left; c <= Math.min(m.right, cols); c++) {
        const at = (r - 1) * cols + (c - 1);
        if (covered[at]) {
          overlap = true;
          break;
        }
        covered[at] = 1;
        grid[r - 1]![c - 1] = master;
      }
    }
    if (overlap) overlapping.push(`${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}`);
  }
  const [first] = overlapping;
  if (first !== undefined) {
    const more = overlapping.length > 1 ? ` (and ${overlapping.length - 1} more merged ranges)` : '';
    report(ctx, 'format.invalid', ['xlsx', sheetPath, 'mergeCells', first], `overlaps another merged range${more}`, {
      value: first,
      severity: 'warning',
    });
  }
  return grid;
}
