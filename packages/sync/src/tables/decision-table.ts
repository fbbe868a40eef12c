/**
 * A province's published process table (quy trình nội bộ in a decision's appendix, REFERENCE.md §3.4)
 * as HTML, Word HTML or Markdown text: one table of {@link readDecision}'s document.
 */
import { pickTable, readDecision } from './decision.js';
import type { GridReadOptions, StepTable } from './grid.js';
import type { TableLimits } from './limits.js';

/** Options of {@link readProcessDecisionTable}. */
export interface DecisionTableOptions extends Pick<GridReadOptions, 'numberUnit'> {
  /**
   * Which step table to read when the text holds several: a 0-based index among its step tables,
   * or the TTHC code stated above it. Default: the first, with a `table.notChosen` warning when
   * there are several.
   */
  readonly tableIndex?: number;
  /** The TTHC code of the table to read ("1.012994"). */
  readonly code?: string;
  readonly limits?: Partial<TableLimits>;
}

/**
 * Reads a published process table. Merged cells are honoured: a time cell merged over several
 * steps is one group budget (Hà Nội's steps 6–13 share "07 ngày"), a step number over several rows
 * gives sub-steps; "Không tính thời gian"/"Giờ hành chính" are not counted; plain "ngày" is a
 * working day; the declared total comes from a "Tổng" row or the "Tổng thời gian …:" line nearest
 * to the table. Markdown leaves merged cells empty, and reads the same.
 * @example
 * const t = readProcessDecisionTable(html);
 * t.groups // [{ keys: ['B6', 'B7'], budget: { amount: 7, unit: 'workingDay' }, text: '07 ngày' }]
 */
export function readProcessDecisionTable(htmlOrMarkdown: string, options: DecisionTableOptions = {}): StepTable {
  const doc = readDecision(htmlOrMarkdown, {
    ...(options.numberUnit ? { numberUnit: options.numberUnit } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const table = options.code ?? options.tableIndex;
  return pickTable(doc, table === undefined ? {} : { table }).table;
}
