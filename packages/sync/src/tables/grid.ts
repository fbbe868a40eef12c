/**
 * A step table as a grid of cells, whatever file it came from (CSV, HTML, Markdown), and the reading
 * every format shares: find the header row, read step labels, group steps that share a merged time
 * cell, pick up the declared total.
 */
import type { Duration, DurationUnit } from '@tthc/calendar';
import type { AdapterIssue } from '../issues.js';
import { type JsonPath, type ReadContext, readContext, readDuration, readNumber, report } from '../native.js';
import { foldVietnamese } from '../normalize.js';
import { stepLabel } from '../steps.js';

/** One cell of a grid; cells that come from one merged source cell share `origin`. */
export interface GridCell {
  readonly text: string;
  readonly origin: number;
  /**
   * Where the cell is in the source file, when the format can say (an .xlsx cell:
   * `['xlsx', 'xl/worksheets/sheet1.xml', 'C7']`); issues about the cell use it instead of
   * `['rows', row, column]`.
   */
  readonly path?: JsonPath;
}

/** The columns a work-flow table has. */
export type StepColumn = 'label' | 'content' | 'responsibility' | 'time' | 'forms';

/** One step row of a table, with its cells as written. */
export interface StepTableRow {
  /** Step key: `B1`, `B2.1`… (sub-steps sharing one merged number get `.1`, `.2`). */
  readonly key: string;
  /** The label as written ("Bước 1", "B1", "1"). */
  readonly label: string;
  readonly content: string;
  readonly responsibility: string;
  /** Time as written (for a grouped step: the shared cell's text). */
  readonly time: string;
  readonly forms: string;
  /** The step's own budget; absent when the step shares a group budget. */
  readonly budget?: Duration;
  /** Index into {@link StepTable.groups} when the time cell is shared. */
  readonly group?: number;
  /** Index of the row in the source grid (0-based). */
  readonly row: number;
}

/** Several steps under one merged time cell: one budget for all of them (not one each). */
export interface TimeGroup {
  readonly keys: readonly string[];
  readonly budget: Duration;
  readonly text: string;
}

/** A work-flow table as an agency holds it. */
export interface StepTable {
  readonly rows: readonly StepTableRow[];
  readonly groups: readonly TimeGroup[];
  /** The declared total ("168 giờ (tương đương 21 ngày)"), from a total row or the text around the table. */
  readonly totalLimit?: Duration;
  readonly totalText?: string;
  readonly issues: readonly AdapterIssue[];
}

/** How a grid is read. */
export interface GridReadOptions {
  /**
   * Formats without merged cells (CSV exported from a spreadsheet, Markdown) leave the cells under a
   * merged cell empty: read an empty time, label or responsibility as "same as above". Default true.
   */
  readonly emptyMeansAbove?: boolean;
  /** Text around the table, searched for "Tổng thời gian …: <duration>". */
  readonly surroundingText?: string;
  /**
   * Unit of a time written as a bare number ("0,5", or a number cell of a spreadsheet) when the
   * header of the time column does not name one ("Thời gian (giờ)" → working hours). Default
   * `workingDay` (e-ISO tables count days), with one `value.assumedUnit` warning per table.
   */
  readonly numberUnit?: 'workingDay' | 'workingHour' | 'workingMinute';
}

/** Header words per column, folded; `time` and `forms` are tested first ("thời gian thực hiện"). */
const HEADER_WORDS: readonly (readonly [StepColumn, RegExp])[] = [
  ['time', /thoi gian|thoi han/],
  ['forms', /bieu mau|ket qua|mau bieu|ho so luu/],
  ['label', /^(tt|stt|so tt|buoc|b|buoc thuc hien|thu tu)$/],
  ['content', /noi dung|trinh tu|cong viec|ten buoc/],
  ['responsibility', /trach nhiem|don vi|nguoi thuc hien|thuc hien|bo phan|can bo|chu tri/],
];

function headerColumns(row: readonly GridCell[]): Partial<Record<StepColumn, number>> {
  const columns: Partial<Record<StepColumn, number>> = {};
  row.forEach((cell, i) => {
    const text = foldVietnamese(cell.text).replace(/[./]+$/, '');
    if (i > 0 && cell.origin === row[i - 1]?.origin) return;
    const hit = HEADER_WORDS.find(([col, re]) => columns[col] === undefined && re.test(text));
    if (hit) columns[hit[0]] = i;
  });
  return columns;
}

/** Finds the header row: the first with a content, a responsibility and a time column. */
function findHeader(
  grid: readonly (readonly GridCell[])[],
): { at: number; columns: Partial<Record<StepColumn, number>> } | undefined {
  for (let at = 0; at < grid.length; at++) {
    const columns = headerColumns(grid[at]!);
    if (columns.content !== undefined && columns.responsibility !== undefined && columns.time !== undefined)
      return { at, columns };
  }
  return undefined;
}

/** The unit the time column's header names ("Thời gian (giờ)"), when it names exactly one. */
function headerUnit(header: string): DurationUnit | undefined {
  const folded = foldVietnamese(header);
  const units = (
    [
      ['workingDay', /\bngay\b/],
      ['workingHour', /\bgio\b/],
      ['workingMinute', /\bphut\b/],
    ] as const
  ).filter(([, re]) => re.test(folded));
  return units.length === 1 ? units[0]![0] : undefined;
}

/** The unit bare numbers are read in, and whether anyone named it (header or caller) or it is the default. */
interface NumberUnit {
  readonly unit: DurationUnit;
  readonly named: boolean;
  /** Set once the default has been reported, so a table gets one warning, not one per cell. */
  warned: boolean;
}

/**
 * A time cell: a bare number in the unit of the header (or option), else a duration text. A number
 * read in the default unit is reported once per table as a warning: the reading is a guess.
 */
function readTime(ctx: ReadContext, text: string, path: JsonPath, numberUnit: NumberUnit): Duration | undefined {
  const n = readNumber(text);
  if (n !== undefined && n >= 0) {
    if (!numberUnit.named && !numberUnit.warned) {
      numberUnit.warned = true;
      report(
        ctx,
        'value.assumedUnit',
        path,
        `a bare number in the time column, read as ${numberUnit.unit} (the default); name the unit in the header ("Thời gian (ngày)", "Thời gian (giờ)") or pass numberUnit (tthc steps --number-unit)`,
        { value: text, severity: 'warning' },
      );
    }
    return { amount: n, unit: numberUnit.unit };
  }
  return readDuration(ctx, text, path, { plainDay: 'workingDay' });
}

const TOTAL_LINE = /t[ổo]ng\s+(?:thời gian|thoi gian|cộng|cong)[^:：\n]*[:：]\s*([^\n]+)/iu;

function isTotalRow(cells: readonly string[]): boolean {
  return cells.some((c) => /^tong( cong| thoi gian| so)?\b/.test(foldVietnamese(c)));
}

/**
 * Reads a grid as a step table. Labels merged over several rows become sub-steps (`B2.1`, `B2.2`);
 * a time cell merged over several rows is ONE group budget; a "Tổng …" row gives the total.
 * @example readGrid([[{ text: 'TT', origin: 0 }, …], …], 'table')
 */
export function readGrid(grid: readonly (readonly GridCell[])[], options: GridReadOptions = {}): StepTable {
  const ctx = readContext('table');
  const header = findHeader(grid);
  if (!header) {
    report(
      ctx,
      'table.noHeader',
      [],
      'no header row with the columns Nội dung/Trình tự, Trách nhiệm/Đơn vị thực hiện and Thời gian',
    );
    return { rows: [], groups: [], issues: ctx.issues };
  }
  const { columns } = header;
  const cellAt = (r: number, col: StepColumn): GridCell | undefined => {
    const i = columns[col];
    return i === undefined ? undefined : grid[r]?.[i];
  };
  const text = (r: number, col: StepColumn): string => cellAt(r, col)?.text.trim() ?? '';
  const at = (r: number, col: StepColumn): JsonPath => cellAt(r, col)?.path ?? ['rows', r, col];
  const named = headerUnit(text(header.at, 'time')) ?? options.numberUnit;
  const numberUnit: NumberUnit = { unit: named ?? 'workingDay', named: named !== undefined, warned: false };
  let total: { text: string; at: JsonPath } | undefined;
  const dataRows: number[] = [];
  for (let r = header.at + 1; r < grid.length; r++) {
    const cells = grid[r]!.map((c) => c.text);
    if (cells.every((c) => c.trim() === '')) continue;
    // A repeated header (multi-page tables) or a numbering row "(1) (2) (3)" is not a step.
    if (findHeader([grid[r]!]) || cells.every((c) => /^\(?\d+\)?$/.test(c.trim()) || c.trim() === '')) continue;
    if (isTotalRow([text(r, 'label'), text(r, 'content')])) {
      const t = text(r, 'time') || cells.filter(Boolean).at(-1) || '';
      total = { text: t, at: at(r, 'time') };
      continue;
    }
    dataRows.push(r);
  }
  const above = options.emptyMeansAbove ?? true;
  const rows: StepTableRow[] = [];
  const groups: { keys: string[]; budget: Duration; text: string; origin: number }[] = [];
  const labelCount = new Map<number, number>();
  for (const r of dataRows) {
    const origin = cellAt(r, 'label')?.origin;
    if (origin !== undefined) labelCount.set(origin, (labelCount.get(origin) ?? 0) + 1);
  }
  const subIndex = new Map<string, number>();
  let prevKey: string | undefined;
  let prev: { responsibility: string; time: string; timeOrigin: number | undefined } | undefined;
  for (const r of dataRows) {
    const labelCell = cellAt(r, 'label');
    const label = labelCell?.text.trim() ?? '';
    const parsed = stepLabel(label);
    let key: string | undefined = parsed?.key;
    const merged = labelCell !== undefined && (labelCount.get(labelCell.origin) ?? 0) > 1;
    if (key !== undefined && merged) key = nextSub(key, subIndex);
    else if (key === undefined && label === '' && prevKey !== undefined)
      key = nextSub(prevKey.replace(/\.\d+$/, ''), subIndex);
    if (key === undefined) {
      report(ctx, 'step.badKey', at(r, 'label'), 'expected a step number such as "1", "B1" or "Bước 1"', {
        value: label,
      });
      continue;
    }
    if (rows.some((row) => row.key === key)) {
      report(ctx, 'step.duplicateKey', at(r, 'label'), `step key ${key} is used twice`, { value: label });
      continue;
    }
    let responsibility = text(r, 'responsibility');
    if (responsibility === '' && above && prev) responsibility = prev.responsibility;
    const timeCell = cellAt(r, 'time');
    let time = timeCell?.text.trim() ?? '';
    let timeOrigin = timeCell?.origin;
    if (time === '' && above && prev) {
      time = prev.time;
      timeOrigin = prev.timeOrigin;
    }
    const row = { key, label, content: text(r, 'content'), responsibility, time, forms: text(r, 'forms'), row: r };
    const group = groups.findIndex((g) => g.origin === timeOrigin);
    if (group >= 0) {
      groups[group]!.keys.push(key);
      rows.push({ ...row, group });
    } else if (
      rows.at(-1)?.key === prevKey &&
      rows.at(-1)?.budget &&
      prev?.timeOrigin === timeOrigin &&
      timeOrigin !== undefined
    ) {
      // The previous step shares this time cell: turn its budget into a group budget.
      const first = rows.pop()!;
      const budget = first.budget!;
      groups.push({ keys: [first.key, key], budget, text: first.time, origin: timeOrigin });
      const { budget: _dropped, ...rest } = first;
      rows.push({ ...rest, group: groups.length - 1 }, { ...row, group: groups.length - 1 });
    } else {
      const budget = readTime(ctx, time, at(r, 'time'), numberUnit);
      if (budget) rows.push({ ...row, budget });
    }
    prevKey = key;
    prev = { responsibility, time, timeOrigin };
  }
  const found = total ?? fromText(options.surroundingText);
  const totalLimit = found && readTime(ctx, found.text, found.at, numberUnit);
  return compactTable({
    rows,
    groups: groups.map(({ keys, budget, text: t }) => ({ keys, budget, text: t })),
    totalLimit,
    totalText: found?.text,
    issues: ctx.issues,
  });
}

function nextSub(key: string, counters: Map<string, number>): string {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return `${key}.${n}`;
}

function fromText(text: string | undefined): { text: string; at: JsonPath } | undefined {
  const m = text === undefined ? null : TOTAL_LINE.exec(text.normalize('NFC'));
  return m ? { text: m[1]!.trim(), at: ['text'] } : undefined;
}

function compactTable(t: StepTable): StepTable {
  const { totalLimit, totalText, ...rest } = t;
  return { ...rest, ...(totalLimit ? { totalLimit } : {}), ...(totalText !== undefined ? { totalText } : {}) };
}
