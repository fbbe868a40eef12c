import { describe, expect, it } from 'vitest';
import { forEachCsvRecord } from './csv.js';

function read(text: string) {
  const rows: { fields: string[]; line: number }[] = [];
  const problems = forEachCsvRecord(text, (fields, line) => rows.push({ fields, line }));
  return { rows, problems };
}

describe('forEachCsvRecord', () => {
  it('reads quotes, delimiters and line breaks inside quotes, with starting lines', () => {
    const { rows, problems } = read('a,b\n"x, y","he said ""hi""\nthen left"\nlast," "\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'he said "hi"\nthen left'], line: 2 },
      { fields: ['last', ' '], line: 4 },
    ]);
  });

  it('skips a BOM, accepts CRLF and CR, and skips blank lines', () => {
    const { rows } = read('\uFEFFh1,h2\r\n1,2\r\n\r\n3,4\r5,6');
    expect(rows.map((r) => r.fields)).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(read('a,,b,\n').rows[0]!.fields).toEqual(['a', '', 'b', '']);
  });

  it('reports a quote that never closes at the line where the record starts', () => {
    const { rows, problems } = read('a,b\n1,"open\n2,3\n');
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([{ line: 2, message: 'a quoted field is never closed (missing ")' }]);
  });

  it('reports text after a closing quote and keeps it', () => {
    const { rows, problems } = read('"ab"c,d\n');
    expect(rows[0]!.fields).toEqual(['abc', 'd']);
    expect(problems[0]!.line).toBe(1);
  });

  it('honours another delimiter', () => {
    const rows: string[][] = [];
    forEachCsvRecord('a;"b;c"', (f) => rows.push(f), { delimiter: ';' });
    expect(rows).toEqual([['a', 'b;c']]);
  });
});
