import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.js';
import { forEachCsvRecord, readCsv, sniffDelimiter } from './csv.js';

/** RFC 4180 writing: quote a field holding the delimiter, a quote or a line break. */
function writeCsv(rows: readonly (readonly string[])[], delimiter: string, eol: string): string {
  const field = (f: string) => (/["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(delimiter)).join(eol);
}

describe('readCsv', () => {
  it('reads quotes, delimiters and line breaks inside fields, a BOM and CRLF, with starting lines', () => {
    const table = readCsv(
      '\uFEFFTT,Nội dung,Ghi chú\r\n1,"Tiếp nhận, kiểm tra","dòng 1\r\ndòng 2"\r\n2,"Trả ""kết quả""",\r\n',
    );
    expect(table.rows).toEqual([
      ['TT', 'Nội dung', 'Ghi chú'],
      ['1', 'Tiếp nhận, kiểm tra', 'dòng 1\r\ndòng 2'],
      ['2', 'Trả "kết quả"', ''],
    ]);
    expect(table.lines).toEqual([1, 2, 4]);
    expect(table.problems).toEqual([]);
    expect(table.delimiter).toBe(',');
  });

  it('sniffs ";" from Vietnamese Excel and tabs, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('MaHoSo;TrangThai;"Ghi chú, nếu có"\n')).toBe(';');
    expect(sniffDelimiter('MaHoSo\tTrangThai\tGhi chú, nếu có\n')).toBe('\t');
    expect(sniffDelimiter('"a;b;c",d\n1,2')).toBe(',');
    expect(sniffDelimiter('one column')).toBe(',');
    expect(readCsv('a;b\r\n"1;5";2').rows).toEqual([
      ['a', 'b'],
      ['1;5', '2'],
    ]);
    expect(readCsv('a,b;c', { delimiter: ';' }).rows).toEqual([['a,b', 'c']]);
  });

  it('skips blank lines unless asked to keep them; a lone CR ends a record', () => {
    expect(readCsv('a\n\n\rb\n').rows).toEqual([['a'], ['b']]);
    expect(readCsv('a\n\nb', { skipBlankLines: false }).rows).toEqual([['a'], [''], ['b']]);
    expect(readCsv('a\rb\r\nc').lines).toEqual([1, 2, 3]);
  });

  it('reports problems with codes, lines and field paths', () => {
    const unclosed = readCsv('a,b\n1,"never closed\n3,4');
    expect(unclosed.rows).toEqual([
      ['a', 'b'],
      ['1', 'never closed\n3,4'],
    ]);
    expect(unclosed.problems.map((p) => [p.code, p.line, p.path])).toEqual([['csv.unclosed-quote', 2, [2, 1]]]);
    const after = readCsv('a,b\n"x"y,2');
    expect(after.rows[1]).toEqual(['xy', '2']);
    expect(after.problems[0]).toMatchObject({ code: 'csv.text-after-quote', line: 2, path: [2, 0] });
    expect(after.problems[0]!.message).toBe(
      'line 2, field 1: text after a closing quote (expected a delimiter or line end); kept in the field',
    );
  });

  it('bounds untrusted input: bytes, rows and field length', () => {
    const big = readCsv('ắ,b\n', { maxBytes: 5 }); // 'ắ' is 3 UTF-8 bytes: 3 + 1 + 1 + 1 = 6
    expect(big.rows).toEqual([]);
    expect(big.truncated).toBe(true);
    expect(big.problems.map((p) => p.code)).toEqual(['csv.too-large']);
    expect(readCsv('ắ,b\n', { maxBytes: 6 }).rows).toEqual([['ắ', 'b']]);
    const rows = readCsv('h\n1\n2\n3\n', { maxRows: 2 });
    expect(rows.rows).toEqual([['h'], ['1']]);
    expect(rows.problems.map((p) => [p.code, p.line])).toEqual([['csv.too-many-rows', 3]]);
    const long = readCsv('h,x\n1,abcdef\n2,ok', { maxFieldLength: 5 });
    expect(long.rows).toEqual([
      ['h', 'x'],
      ['2', 'ok'],
    ]);
    expect(long.problems.map((p) => [p.code, p.line, p.path])).toEqual([['csv.field-too-long', 2, [2, 1]]]);
  });

  it('refuses a delimiter that cannot be one', () => {
    expect(() => readCsv('a', { delimiter: '"' })).toThrow(CoreError);
    expect(() => readCsv('a', { delimiter: ';;' })).toThrow(/delimiter/);
  });

  it('reads back what an RFC 4180 writer wrote, for any fields, delimiter and line ending (property)', () => {
    const fieldArb = fc.string({
      unit: fc.constantFrom('a', 'ấ', ' ', ',', ';', '\t', '"', '\n', '\r', 'x'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(fieldArb, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (rows, delimiter, eol) => {
          const text = writeCsv(rows, delimiter, eol);
          const table = readCsv(text, { delimiter, skipBlankLines: false });
          expect(table.rows).toEqual(rows);
          expect(table.problems).toEqual([]);
          // Lines: each record starts after the line breaks of the records before it.
          let line = 1;
          rows.forEach((r, k) => {
            expect(table.lines[k]).toBe(line);
            line += 1 + r.reduce((n, f) => n + f.split(/\r\n|\n|\r/).length - 1, 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('streams records without holding them', () => {
    let count = 0;
    const summary = forEachCsvRecord('h\n1\n2\n', () => count++);
    expect([count, summary.records, summary.truncated]).toEqual([3, 3, false]);
  });
});
