/**
 * A step table as a grid of cells, whatever file it came from (CSV, HTML, Word, Markdown, XLSX),
 * and the one reading every format shares (issue 10): find the header, read the rows as steps,
 * sub-steps, note rows, section rows (liên thông boundaries) and total rows, group steps that share
 * a time cell, pick up the declared total and check the step times against it.
 *
 * One rule makes every format read alike: a cell that is empty, or merged with the cell above
 * (same `origin`), continues the cell above. Markdown and CSV cannot merge, so they leave those
 * cells empty; HTML, DOCX and XLSX merge them. Either way the same table gives the same steps.
 */
import type { Duration } from '@tthc/calendar';
import type { AdapterIssue } from '../issues.js';
import type { JsonPath } from '../native.js';
import { readContext, report } from '../native.js';
import { findHeader, type StepColumn } from './header.js';
import { readRows } from './rows.js';

export type { StepColumn } from './header.js';

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

/** One step row of a table, with its cells as written. */
export interface StepTableRow {
  /**
   * Step key: `B1`, `B2.1`… A step number over several rows (merged, or left empty below it) gives
   * sub-steps `B2.1`, `B2.2`…, the same in every format. Numbering restarted in a later section
   * (liên thông) is prefixed with the section: `S2.B1`.
   */
  readonly key: string;
  /** The label as written ("Bước 1", "B1", "1"). */
  readonly label: string;
  readonly content: string;
  /** The responsibility cell as written (raw text, kept whatever the performers read). */
  readonly responsibility: string;
  /** The performers the cell names, one per line, list item or ";", abbreviations expanded. */
  readonly performers: readonly string[];
  /** Time as written (for a grouped step: the shared cell's text). */
  readonly time: string;
  readonly forms: string;
  /** The step's own budget; absent when the step shares a group budget. */
  readonly budget?: Duration;
  /** Index into {@link StepTable.groups} when the time cell is shared. */
  readonly group?: number;
  /** Index into {@link StepTable.sections} when the table has section rows. */
  readonly section?: number;
  /** Unnumbered note rows folded into this step (each with a `table.noteRow` warning). */
  readonly notes?: readonly string[];
  /** Index of the row in the source grid (0-based). */
  readonly row: number;
}

/** Several steps under one merged time cell: one budget for all of them (not one each). */
export interface TimeGroup {
  readonly keys: readonly string[];
  readonly budget: Duration;
  readonly text: string;
}

/**
 * A full-width section row ("Quy trình nội bộ tại UBND thành phố …", "Bước thực hiện tại cấp
 * xã"): the steps under it are one agency's part of a liên thông process.
 */
export interface TableSection {
  readonly title: string;
  /** The agency the title names after "tại" ("UBND thành phố Vinh"), when it names one. */
  readonly agency?: string;
  readonly keys: readonly string[];
  /** The section's own declared time, when its title states one ("… (05 ngày làm việc)"). */
  readonly budget?: Duration;
  readonly row: number;
}

/** A work-flow table as an agency holds it. */
export interface StepTable {
  readonly rows: readonly StepTableRow[];
  readonly groups: readonly TimeGroup[];
  /** Section rows, in order; empty when the table has none. */
  readonly sections?: readonly TableSection[];
  /** The declared total ("168 giờ (tương đương 21 ngày)"), from a total row or the text around the table. */
  readonly totalLimit?: Duration;
  readonly totalText?: string;
  /** The header row as understood: its index, its cells as written, the column of each field. */
  readonly header?: {
    readonly row: number;
    readonly cells: readonly string[];
    readonly columns: Partial<Record<StepColumn, number>>;
  };
  readonly issues: readonly AdapterIssue[];
}

/** How a grid is read. */
export interface GridReadOptions {
  /** Text around the table (one paragraph per line), searched for "Tổng thời gian …: <duration>". */
  readonly surroundingText?: string;
  /** Paragraphs before the table (nearest last): a "Thời hạn giải quyết: 20 ngày" there is its total. */
  readonly textBefore?: readonly string[];
  /** Paragraphs after the table, searched when none before declares a total. */
  readonly textAfter?: readonly string[];
  /**
   * Unit of a time written as a bare number ("0,5", or a number cell of a spreadsheet) when the
   * header of the time column does not name one ("Thời gian (giờ)" → working hours). Default
   * `workingDay` (e-ISO tables count days), with one `value.assumedUnit` warning per table.
   */
  readonly numberUnit?: 'workingDay' | 'workingHour' | 'workingMinute';
  /** Abbreviations the document defines ("CCMC" → "Công chức một cửa"), expanded in performers. */
  readonly abbreviations?: Readonly<Record<string, string>>;
}

/**
 * Reads a grid as a step table (see the module comment for the layouts understood). Problems are
 * issues naming the row and cell: no header, a needed column the header does not name (one issue
 * for the table), an unreadable time, note rows folded (warning), step times that do not add up to
 * the declared total (warning).
 * @example
 * const t = readGrid(toGrid(readHtmlBlocks(html).find((b) => b.kind === 'table').rows));
 * t.rows.map((r) => r.key) // ['B1', 'B2.1', 'B2.2', 'B3']
 */
export function readGrid(grid: readonly (readonly GridCell[])[], options: GridReadOptions = {}): StepTable {
  const ctx = readContext('table');
  const header = findHeader(grid);
  if (!header) {
    report(
      ctx,
      'table.noHeader',
      [],
      'no header row with a step-number or content column (TT, Bước, Nội dung/Trình tự công việc) and a time column (Thời gian thực hiện/giải quyết)',
    );
    return { rows: [], groups: [], issues: ctx.issues };
  }
  const shown = { row: header.at, cells: header.cells, columns: header.columns };
  if (header.columns.label === undefined) {
    report(
      ctx,
      'table.noColumn',
      ['rows', header.at],
      `the header row "${header.cells.join(' | ')}" has no step-number column (TT, STT, Số TT, Bước, Thứ tự công việc) and no column of step numbers was found under it`,
      { value: header.cells.join(' | ') },
    );
    return { rows: [], groups: [], header: shown, issues: ctx.issues };
  }
  const read = readRows(ctx, grid, header, options);
  return { ...read, header: shown, issues: ctx.issues };
}
