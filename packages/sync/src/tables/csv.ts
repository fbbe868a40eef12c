/**
 * CSV as spreadsheets export it (RFC 4180 quoting, CRLF, a UTF-8 BOM, and the ";" separator of
 * locales that write decimals with a comma — Vietnamese Excel does).
 */
import { type GridCell, type GridReadOptions, readGrid, type StepTable } from './grid.js';

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Field separator. Default: guessed from the first line (",", ";" or tab). */
  readonly delimiter?: string;
}

function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Parses CSV text into rows of fields: quoted fields may hold separators, quotes ("") and newlines.
 * @example parseCsv('TT,Nội dung\n1,"Tiếp nhận, kiểm tra"') // [['TT', 'Nội dung'], ['1', 'Tiếp nhận, kiểm tra']]
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? guessDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
