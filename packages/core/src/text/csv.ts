/**
 * The project's one CSV reader (STYLE.md: a tool several packages need has one home low in the
 * graph). RFC 4180 as spreadsheets and portals export it: quoted fields may hold the delimiter, `""`
 * and line breaks; a UTF-8 BOM is skipped; records end with LF, CRLF or CR; the delimiter is sniffed
 * from the header line (",", ";" — Vietnamese Excel writes decimals with a comma, so it separates with
 * ";" — or a tab). Every record carries the physical line it starts on, so problems can name it.
 *
 * Untrusted input is bounded: the text's size, the number of records and each field's length have
 * limits with defaults, and reading is one pass, linear in the text (quotes are found with
 * `indexOf`, bare fields sliced, never built character by character).
 */
import { CoreError } from '../errors.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const TAB = 9;
const COMMA = 44;
const SEMICOLON = 59;

/** Stable codes of the problems {@link readCsv} reports. */
export type CsvProblemCode =
  | 'csv.unclosed-quote'
  | 'csv.text-after-quote'
  | 'csv.too-large'
  | 'csv.too-many-rows'
  | 'csv.field-too-long';

/** A problem of a CSV text: its code, the physical line (1-based) and what is wrong. */
export interface CsvProblem {
  readonly code: CsvProblemCode;
  readonly line: number;
  /** `[line]`, or `[line, field index]` for a field. */
  readonly path: readonly number[];
  readonly message: string;
  readonly value?: unknown;
}

/** Options of {@link readCsv} and {@link forEachCsvRecord}. */
export interface CsvReadOptions {
  /** One-character field delimiter, or `auto` (default): the most frequent of `,` `;` tab in the first record (ties: `,`). */
  readonly delimiter?: string;
  /** Records made of one empty field (blank lines) are skipped. Default `true`. */
  readonly skipBlankLines?: boolean;
  /** Largest text accepted, in UTF-8 bytes. Default 512 MiB. A larger text is refused whole. */
  readonly maxBytes?: number;
  /** Most records read (header included). Default 20,000,000; reading stops after it. */
  readonly maxRows?: number;
  /** Longest field, in characters. Default 1,000,000; a record with a longer field is skipped. */
  readonly maxFieldLength?: number;
}

/** What {@link forEachCsvRecord} returns besides the records. */
export interface CsvReadSummary {
  /** The delimiter used (given or sniffed). */
  readonly delimiter: string;
  readonly problems: CsvProblem[];
  /** Records delivered (header included). */
  readonly records: number;
  /** True when a limit stopped reading before the end of the text. */
  readonly truncated: boolean;
}

/** Rows of a CSV text with the line each starts on. */
export interface CsvTable extends CsvReadSummary {
  readonly rows: string[][];
  /** `lines[k]` = physical line where `rows[k]` starts. */
  readonly lines: number[];
}

const DEFAULTS = { maxBytes: 512 * 1024 * 1024, maxRows: 20_000_000, maxFieldLength: 1_000_000 };

/** UTF-8 length of a text, stopping as soon as it passes `limit` (only called near the limit). */
function utf8LengthOver(text: string, limit: number): boolean {
  let bytes = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      k++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

/**
 * The delimiter of a CSV text: the most frequent of `,` `;` and tab outside quotes in its first
 * record; `,` when none appears or on a tie with it.
 * @example sniffDelimiter('MaHoSo;TrangThai\r\nH56;2') // ';'
 */
export function sniffDelimiter(text: string): string {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  const n = Math.min(text.length, 1 << 20);
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) break;
    else if (c === COMMA) comma++;
    else if (c === SEMICOLON) semicolon++;
    else if (c === TAB) tab++;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

interface Cursor {
  i: number;
  line: number;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // LF, CRLF (counted at its LF) and a lone CR each end a line.
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) n++;
  }
  return n;
}

/** A quoted field starting at `cur.i` (on the opening quote); `undefined` when it never closes. */
function readQuoted(text: string, cur: Cursor): string | undefined {
  let j = cur.i + 1;
  let out = '';
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return undefined;
    out += text.slice(j, q);
    cur.line += countLineBreaks(text, j, q);
    if (text.charCodeAt(q + 1) === QUOTE) {
      out += '"';
      j = q + 2;
      continue;
    }
    cur.i = q + 1;
    return out;
  }
}

function readBare(text: string, cur: Cursor, delimiter: number): string {
  const start = cur.i;
  const n = text.length;
  let k = start;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === delimiter || c === LF || c === CR) break;
    k++;
  }
  cur.i = k;
  return k === start ? '' : text.slice(start, k);
}

function problem(code: CsvProblemCode, line: number, message: string, field?: number, value?: unknown): CsvProblem {
  return {
    code,
    line,
    path: field === undefined ? [line] : [line, field],
    message: `line ${line}${field === undefined ? '' : `, field ${field + 1}`}: ${message}`,
    ...(value === undefined ? {} : { value }),
  };
}

/**
 * Calls `visit` with the fields and starting line of every record of a CSV text, in order, and
 * returns the delimiter and the problems (`code`, `line`, `path`, `message`). A quote that never
 * closes makes the rest of the text its field (`csv.unclosed-quote`); text after a closing quote is
 * kept (`csv.text-after-quote`); a record with a field longer than `maxFieldLength` is skipped; a
 * text larger than `maxBytes` is refused whole; reading stops after `maxRows` records.
 * @example
 * const rows: string[][] = [];
 * forEachCsvRecord('a;"b;\nc"\r\n1;2', (fields) => rows.push(fields)); // rows: [['a', 'b;\nc'], ['1', '2']]
 */
export function forEachCsvRecord(
  text: string,
  visit: (fields: string[], line: number) => void,
  options: CsvReadOptions = {},
): CsvReadSummary {
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const maxRows = options.maxRows ?? DEFAULTS.maxRows;
  const maxField = options.maxFieldLength ?? DEFAULTS.maxFieldLength;
  const skipBlank = options.skipBlankLines ?? true;
  const problems: CsvProblem[] = [];
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const given = options.delimiter;
  const delimiterText = given === undefined || given === 'auto' ? sniffDelimiter(text.slice(start)) : given;
  if (delimiterText.length !== 1 || delimiterText === '"' || delimiterText === '\n' || delimiterText === '\r') {
    throw new CoreError(
      'INVALID_OPTIONS',
      `delimiter: expected "auto" or one character other than a quote or line break, got ${JSON.stringify(given)}`,
      [{ path: ['delimiter'], message: 'expected one character', value: given }],
    );
  }
  // Each UTF-16 unit is 1–3 UTF-8 bytes (a surrogate pair 4 for 2): count exactly only near the limit.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8LengthOver(text, maxBytes))) {
    problems.push(
      problem('csv.too-large', 1, `the text is larger than ${maxBytes} bytes (maxBytes); nothing was read`),
    );
    return { delimiter: delimiterText, problems, records: 0, truncated: true };
  }
  const delimiter = delimiterText.charCodeAt(0);
  const cur: Cursor = { i: start, line: 1 };
  const n = text.length;
  let records = 0;
  while (cur.i < n) {
    if (records >= maxRows) {
      problems.push(
        problem('csv.too-many-rows', cur.line, `more than ${maxRows} records (maxRows); the rest was not read`),
      );
      return { delimiter: delimiterText, problems, records, truncated: true };
    }
    const line = cur.line;
    const fields: string[] = [];
    let tooLong = -1;
    let closed = true;
    for (;;) {
      let value: string;
      if (text.charCodeAt(cur.i) === QUOTE) {
        const quoted = readQuoted(text, cur);
        if (quoted === undefined) {
          problems.push(
            problem('csv.unclosed-quote', line, 'a quoted field is never closed (missing ")', fields.length),
          );
          value = text.slice(cur.i + 1);
          cur.i = n;
          closed = false;
        } else {
          value = quoted;
          const c = text.charCodeAt(cur.i);
          if (cur.i < n && c !== delimiter && c !== LF && c !== CR) {
            const message = 'text after a closing quote (expected a delimiter or line end); kept in the field';
            problems.push(problem('csv.text-after-quote', cur.line, message, fields.length));
            value += readBare(text, cur, delimiter);
          }
        }
      } else {
        value = readBare(text, cur, delimiter);
      }
      if (value.length > maxField && tooLong < 0) tooLong = fields.length;
      fields.push(value);
      if (!closed) break;
      const c = text.charCodeAt(cur.i);
      if (c === delimiter) {
        cur.i++;
        continue;
      }
      if (c === CR) cur.i += text.charCodeAt(cur.i + 1) === LF ? 2 : 1;
      else if (c === LF) cur.i++;
      cur.line++;
      break;
    }
    if (tooLong >= 0) {
      const length = fields[tooLong]!.length;
      const message = `a field of ${length} characters is longer than ${maxField} (maxFieldLength); the record was skipped`;
      problems.push(problem('csv.field-too-long', line, message, tooLong));
      continue;
    }
    if (skipBlank && fields.length === 1 && fields[0] === '') continue;
    records++;
    visit(fields, line);
  }
  return { delimiter: delimiterText, problems, records, truncated: false };
}

/**
 * Reads a whole CSV text into rows with their starting lines, the delimiter used and the problems
 * (see {@link forEachCsvRecord}; prefer it for large texts, which it reads without holding every row).
 * @example
 * readCsv('\uFEFFTT;Nội dung\r\n1;"Tiếp nhận; kiểm tra"').rows // [['TT', 'Nội dung'], ['1', 'Tiếp nhận; kiểm tra']]
 */
export function readCsv(text: string, options: CsvReadOptions = {}): CsvTable {
  const rows: string[][] = [];
  const lines: number[] = [];
  const summary = forEachCsvRecord(
    text,
    (fields, line) => {
      rows.push(fields);
      lines.push(line);
    },
    options,
  );
  return { ...summary, rows, lines };
}
