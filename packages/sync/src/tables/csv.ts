/**
 * CSV as spreadsheets export it (RFC 4180 quoting, CRLF, a UTF-8 BOM, and the ";" separator of
 * locales that write decimals with a comma — Vietnamese Excel does).
 */
import { readCsv } from '@tthc/core';
import { type GridCell, type GridReadOptions, readGrid, type StepTable } from './grid.js';

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Field separator. Default: guessed from the first line (",", ";" or tab). */
  readonly delimiter?: string;
}

/**
 * Parses CSV text into rows of fields: quoted fields may hold separators, quotes ("") and newlines.
 * @example parseCsv('TT,Nội dung\n1,"Tiếp nhận, kiểm tra"') // [['TT', 'Nội dung'], ['1', 'Tiếp nhận, kiểm tra']]
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  // The project's one CSV reader (@tthc/core): it sniffs the delimiter the same way (",", ";" or tab
  // from the first line; "," on a tie) and, with blank lines kept, gives the rows this function always gave.
  return readCsv(text, { skipBlankLines: false, ...(options.delimiter ? { delimiter: options.delimiter } : {}) }).rows;
}

/** Options of {@link readStepTableCsv}. */
export interface StepTableCsvOptions extends CsvOptions, GridReadOptions {}

/**
 * Reads the e-ISO work-flow table exported as CSV (header TT/Bước, Nội dung/Trình tự, Trách
 * nhiệm/Đơn vị thực hiện, Thời gian, Biểu mẫu/Kết quả). Cells a merged cell left empty mean "same as
 * above"; a time shared that way is one group budget.
 * @example
 * const table = readStepTableCsv('\uFEFFTT,Nội dung,Trách nhiệm,Thời gian,Biểu mẫu\n1,Tiếp nhận,Bộ phận Một cửa,04 giờ,Mẫu 01');
 * table.rows[0].budget // { amount: 4, unit: 'workingHour' }
 */
export function readStepTableCsv(text: string, options: StepTableCsvOptions = {}): StepTable {
  let origin = 0;
  const grid: GridCell[][] = parseCsv(text.normalize('NFC'), options).map((row) =>
    row.map((t) => ({ text: t.trim(), origin: origin++ })),
  );
  return readGrid(grid, options);
}
