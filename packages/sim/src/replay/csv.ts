/**
 * A small RFC 4180 CSV reader that keeps line numbers: quoted fields may hold the delimiter, `""`
 * and line breaks; a leading BOM is skipped; records end with LF, CRLF or CR. Every record is
 * reported with the physical line it starts on, so problems can name it.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Options of {@link forEachCsvRecord}. */
export interface CsvOptions {
  /** Field delimiter (one character). Default `,`. */
  readonly delimiter?: string;
}

/** A syntax problem of a CSV text. */
export interface CsvSyntaxProblem {
  readonly line: number;
  readonly message: string;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) n++;
  }
  return n;
}

interface Cursor {
  i: number;
  line: number;
}

/** Reads a quoted field starting at `cur.i` (on the opening quote); `null` when it never closes. */
function readQuoted(text: string, cur: Cursor): string | null {
  let j = cur.i + 1;
  let out = '';
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return null;
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
  let k = start;
  const n = text.length;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === delimiter || c === LF || c === CR) break;
    k++;
  }
  cur.i = k;
  return text.slice(start, k);
}

/**
 * Calls `visit` with the fields and starting line of every non-blank record of a CSV text, in
 * order, and returns the syntax problems found (a quote that never closes ends the text; text
 * after a closing quote is kept and reported).
 * @example
 * const rows: string[][] = [];
 * forEachCsvRecord('a,"b,\nc"\r\n1,2', (fields) => rows.push(fields)); // [['a', 'b,\nc'], ['1', '2']]
 */
export function forEachCsvRecord(
  text: string,
  visit: (fields: string[], line: number) => void,
  options: CsvOptions = {},
): CsvSyntaxProblem[] {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const problems: CsvSyntaxProblem[] = [];
  const cur: Cursor = { i: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1 };
  const n = text.length;
  while (cur.i < n) {
    const startLine = cur.line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(cur.i) === QUOTE) {
        const quoted = readQuoted(text, cur);
        if (quoted === null) {
          problems.push({ line: startLine, message: 'a quoted field is never closed (missing ")' });
          return problems;
        }
        value = quoted;
        const c = text.charCodeAt(cur.i);
        if (cur.i < n && c !== delimiter && c !== LF && c !== CR) {
          problems.push({ line: cur.line, message: 'text after a closing quote (expected a delimiter or line end)' });
          value += readBare(text, cur, delimiter);
        }
      } else {
        value = readBare(text, cur, delimiter);
      }
      fields.push(value);
      const c = text.charCodeAt(cur.i);
      if (c === delimiter) {
        cur.i++;
        continue;
      }
      if (c === CR) cur.i += text.charCodeAt(cur.i + 1) === LF ? 2 : 1;
      else if (c === LF) cur.i++;
      if (cur.i <= n) cur.line++;
      break;
    }
    // A blank line carries no data: it is not a row.
    if (fields.length > 1 || fields[0] !== '') visit(fields, startLine);
  }
  return problems;
}
