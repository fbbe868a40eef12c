/**
 * The header row of a step table and what each column holds, by the words real decisions and ISO
 * procedures use (the full list is in docs/formats/step-tables.md — keep both in step).
 */
import { foldVietnamese } from '../normalize.js';
import { stepLabel } from '../steps.js';
import type { GridCell } from './grid.js';

/** The columns a work-flow table has. */
export type StepColumn = 'label' | 'content' | 'responsibility' | 'time' | 'forms';

/**
 * Header words per column, folded (no diacritics, lower case, punctuation and "(1)" removed). Tested
 * in this order: "Thời gian thực hiện" is a time, not a performer; "Thứ tự công việc" a step number,
 * not a content; "Trình tự" alone is decided by the cells under it ({@link headerColumns}).
 */
export const HEADER_WORDS: readonly (readonly [StepColumn | 'notes', RegExp])[] = [
  ['time', /^(tong )?thoi (gian|han)|^so (ngay|gio)|^thoi luong/],
  ['forms', /bieu mau|mau bieu|ket qua|ho so luu|san pham|tai lieu|mau so|bm/],
  ['notes', /^ghi chu|^chu thich/],
  [
    'label',
    /^(tt|stt|so tt|s tt|so thu tu|thu tu|thu tu cong viec|thu tu thuc hien|thu tu buoc|buoc|cac buoc|b|buoc thuc hien|ma buoc|trinh tu|trinh tu thuc hien|tt buoc)$/,
  ],
  [
    'responsibility',
    /trach nhiem|don vi|nguoi thuc hien|ca nhan|bo phan|can bo|cong chuc|chu tri|co quan|thuc hien|nguoi xu ly|nguoi lam/,
  ],
  ['content', /noi dung|cong viec|ten buoc|trinh tu|mo ta|dien giai|cac buoc|hoat dong|quy trinh/],
];

/** A header cell as compared: folded, without "(1)", trailing dots, slashes or numbering. */
export function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a header cell names: a step column, a notes column ("Ghi chú"), or nothing understood.
 * @example headerCellKind('Đơn vị/cá nhân thực hiện') // 'responsibility'
 */
export function headerCellKind(text: string): StepColumn | 'notes' | undefined {
  const key = headerKey(text);
  if (key === '') return undefined;
  // "Đơn vị/cá nhân thực hiện", "Bước/TT": each half is a synonym; the first half that matches wins.
  for (const part of [key, ...key.split('/')]) {
    const hit = HEADER_WORDS.find(([, re]) => re.test(part.trim()));
    if (hit) return hit[0];
  }
  return undefined;
}

/** The columns of a header row, and its cells as written (for messages). */
export interface HeaderColumns {
  readonly at: number;
  readonly columns: Partial<Record<StepColumn, number>>;
  readonly cells: readonly string[];
}

/** Whether most of the non-empty cells of column `i` below `at` read as step numbers. */
function looksLikeLabels(grid: readonly (readonly GridCell[])[], at: number, i: number): boolean {
  let labels = 0;
  let filled = 0;
  for (let r = at + 1; r < grid.length && filled < 40; r++) {
    const cell = grid[r]?.[i];
    if (!cell || cell.text === '' || (r > at + 1 && grid[r - 1]?.[i]?.origin === cell.origin)) continue;
    filled++;
    if (stepLabel(cell.text) || /^(buoc|b)\s*\d+\s*[:.-]/.test(foldVietnamese(cell.text))) labels++;
  }
  return filled > 0 && labels * 2 >= filled;
}

/**
 * The columns of row `at`, or undefined when it is no step-table header (it needs a time column and
 * a content or step-number column). "Trình tự" and an unnamed first column are the step-number
 * column when the cells under them are step numbers, else the content.
 */
export function headerColumns(grid: readonly (readonly GridCell[])[], at: number): HeaderColumns | undefined {
  const row = grid[at]!;
  const columns: Partial<Record<StepColumn, number>> = {};
  const contentCandidates: number[] = [];
  row.forEach((cell, i) => {
    if (i > 0 && cell.origin === row[i - 1]?.origin) return;
    const kind = headerCellKind(cell.text);
    if (kind === undefined || kind === 'notes') return;
    if (kind === 'content') contentCandidates.push(i);
    if (kind === 'label' && columns.label !== undefined && columns.content === undefined) {
      // Two step-number-like headers ("TT", "Trình tự"): the second is the content.
      columns.content = i;
      return;
    }
    if (columns[kind] === undefined) columns[kind] = i;
  });
  if (columns.time === undefined || (columns.content === undefined && columns.label === undefined)) return undefined;
  // A label column whose cells are no step numbers ("Trình tự" over the step texts) is the content.
  if (columns.label !== undefined && columns.content === undefined && !looksLikeLabels(grid, at, columns.label)) {
    columns.content = columns.label;
    delete columns.label;
  }
  if (columns.label === undefined) {
    // No header says "TT": a content-like column ("Trình tự") or an unnamed one holding step numbers is it.
    const candidates = [...contentCandidates, ...row.map((_, i) => i)];
    const found = candidates.find((i) => i !== columns.time && looksLikeLabels(grid, at, i));
    if (found !== undefined) {
      if (found === columns.content) {
        const other = contentCandidates.find((i) => i !== found);
        if (other !== undefined) columns.content = other;
      }
      columns.label = found;
    }
  }
  return { at, columns, cells: row.filter((c, i) => i === 0 || c.origin !== row[i - 1]?.origin).map((c) => c.text) };
}

/**
 * Finds the header row: the first row (of the first 30) with a time column and a content or
 * step-number column and at least three columns understood.
 */
export function findHeader(grid: readonly (readonly GridCell[])[]): HeaderColumns | undefined {
  for (let at = 0; at < Math.min(grid.length, 30); at++) {
    const h = headerColumns(grid, at);
    // Three columns understood, or a time and a content column among three or more cells (the
    // reader then names the column it misses, once).
    if (
      h &&
      (Object.keys(h.columns).length >= 3 ||
        (h.columns.content !== undefined && h.cells.filter((c) => c.trim() !== '').length >= 3))
    )
      return h;
  }
  return undefined;
}

/** Whether a row repeats the header (tables split over pages repeat it). */
export function isHeaderRow(cells: readonly GridCell[]): boolean {
  const kinds = new Set<string>();
  cells.forEach((c, i) => {
    if (i > 0 && c.origin === cells[i - 1]?.origin) return;
    const kind = c.text.length <= 80 ? headerCellKind(c.text) : undefined;
    if (kind !== undefined) kinds.add(kind);
  });
  return kinds.has('time') && kinds.size >= 3;
}
