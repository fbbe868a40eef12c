import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { jsonPointer } from '../native.js';
import { readStepTableCsv } from './csv.js';
import { stepTableToSteps } from './to-steps.js';
import { readStepTableXlsx } from './xlsx.js';
import { parseCellRef, readSharedStrings } from './xlsx-sheet.js';
import { numberCellText, readNumberKinds } from './xlsx-styles.js';
import { scanXml, XmlSyntaxError } from './xml.js';

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url));
const xlsx = () => new Uint8Array(fixture('birth-registration.steps.xlsx'));
const agency = { agency: 'UBND xã An Bình' };

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ROOT_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Ẩn" sheetId="1" state="hidden" r:id="rId2"/><sheet name="QT" sheetId="2" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/hidden.xml"/></Relationships>';

const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;

/** A workbook with inline strings (no shared string table), hand-built: exceljs never writes them. */
function inlineWorkbook(sheetData: string, extra = '', styles?: string): Uint8Array {
  const stylesRel =
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>';
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(
      styles === undefined ? WORKBOOK_RELS : WORKBOOK_RELS.replace('</Relationships>', `${stylesRel}</Relationships>`),
    ),
    ...(styles === undefined ? {} : { 'xl/styles.xml': strToU8(styles) }),
    'xl/worksheets/hidden.xml': strToU8('<worksheet><sheetData/></worksheet>'),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`,
    ),
  });
}

describe('readStepTableXlsx on a workbook written by exceljs', () => {
  it('gives the same steps as the CSV of the same content (title block, rich text, a number time)', () => {
    const table = readStepTableXlsx(xlsx());
    // The bare number 0.25 under "Thời gian" is read in the default unit, and the reader says so once.
    expect(table.issues).toMatchObject([
      { code: 'value.assumedUnit', severity: 'warning', path: ['xlsx', 'xl/worksheets/sheet1.xml', 'D9'] },
    ]);
    const csv = readStepTableCsv(fixture('birth-registration.steps.csv').toString('utf8'));
    expect(table.rows.map((r) => [r.key, r.budget])).toEqual(csv.rows.map((r) => [r.key, r.budget]));
    expect(table.rows.map(({ time: _t, row: _r, ...rest }) => rest)).toEqual(
      csv.rows.map(({ time: _t, row: _r, ...rest }) => rest),
    );
    // The number cell 0.25 reads as the CSV's "0,25 ngày"; sheet rows count from 0 (row 9 → 8).
    expect(table.rows[2]).toMatchObject({ time: '0.25', budget: { amount: 0.25, unit: 'workingDay' }, row: 8 });
    expect(table.rows[1]!.content).toBe(
      'Thẩm định hồ sơ; ghi nội dung khai sinh vào Sổ đăng ký khai sinh, "Cơ sở dữ liệu hộ tịch điện tử"',
    );
    const fromXlsx = stepTableToSteps(table, agency);
    const fromCsv = stepTableToSteps(csv, agency);
    expect(fromXlsx.issues).toEqual([]);
    expect(fromXlsx.steps).toEqual(fromCsv.steps);
    expect(fromXlsx.steps[2]!.outcomes).toContainEqual({
      name: 'khong-dong-y',
      next: 'B2',
      label: 'Nếu không đồng ý thì chuyển lại Bước 2',
    });
  });

  it('reads a merged time cell as one group budget and the total row, like the CSV export', () => {
    const table = readStepTableXlsx(xlsx(), { sheet: 'Liên thông' });
    expect(table.issues.map((i) => i.code)).toEqual(['value.assumedUnit']);
    expect(readStepTableXlsx(xlsx(), { sheet: 'Liên thông', numberUnit: 'workingDay' }).issues).toEqual([]);
    expect(table.groups).toEqual([
      { keys: ['B3.1', 'B3.2'], budget: { amount: 5, unit: 'workingDay' }, text: '05 ngày làm việc' },
    ]);
    expect(table.totalLimit).toEqual({ amount: 6, unit: 'workingDay' });
    expect(table.rows[1]!.budget).toEqual({ amount: 0.5, unit: 'workingDay' });
    const csv = readStepTableCsv(fixture('birth-registration-lien-thong.steps.csv').toString('utf8'));
    expect(csv.issues.map((i) => [i.code, i.severity])).toEqual([['value.assumedUnit', 'warning']]);
    expect(stepTableToSteps(table, agency).steps).toEqual(stepTableToSteps(csv, agency).steps);
    expect(table.groups).toEqual(csv.groups);
    expect(table.totalLimit).toEqual(csv.totalLimit);
    // The same sheet by index; names are compared in NFC (a decomposed "ê" still finds it).
    expect(readStepTableXlsx(xlsx(), { sheet: 1 }).groups).toEqual(table.groups);
    expect(readStepTableXlsx(xlsx(), { sheet: 'Liên thông'.normalize('NFD') }).groups).toEqual(table.groups);
  });

  it('reports a sheet that is not there, naming the sheets the workbook has', () => {
    const t = readStepTableXlsx(xlsx(), { sheet: 'Sheet9' });
    expect(t.rows).toEqual([]);
    expect(t.issues).toMatchObject([
      { code: 'sheet.notFound', severity: 'error', path: ['xlsx', 'xl/workbook.xml', 'sheets'], value: 'Sheet9' },
    ]);
    expect(t.issues[0]!.message).toContain('"Quy trình", "Liên thông"');
    expect(readStepTableXlsx(xlsx(), { sheet: 5 }).issues[0]!.code).toBe('sheet.notFound');
  });
});

describe('readStepTableXlsx on a hand-built workbook with inline strings', () => {
  const rows =
    `<row r="1">${inline('A1', 'Quy trình')}</row>` +
    `<row r="3">${inline('A3', 'Bước')}${inline('B3', 'Nội dung công việc')}${inline('C3', 'Trách nhiệm')}${inline('D3', 'Thời gian (giờ)')}</row>` +
    // A rich inline string, an entity, a numeric character reference, an Excel _x000D_ escape and NFD text.
    `<row r="4"><c r="A4" t="n"><v>1</v></c><c r="B4" t="inlineStr"><is><r><rPr><b/></rPr><t>Tiếp nhận </t></r><r><t>TN&amp;TKQ</t></r></is></c>${inline('C4', 'B&#x1ED9; ph&#7853;n M&#x1ED9;t c&#x1EED;a')}<c r="D4"><v>4</v></c></row>` +
    `<row r="5"><c r="A5"><v>2</v></c>${inline('B5', 'Thẩm định_x000D_\nhồ sơ')}${inline('C5', 'Công chức Tư pháp'.normalize('NFD'))}<c r="D5"><v>16</v></c></row>` +
    // Row 6 has no cells under the merged label and time (Excel writes none); C6 and B6 follow without r.
    `<row r="6"><c><v>2</v></c><c t="inlineStr"><is><t>Trình ký</t></is></c><c t="inlineStr"><is><t>Lãnh đạo UBND</t></is></c></row>`;
  const merges = '<mergeCells count="2"><mergeCell ref="A5:A6"/><mergeCell ref="D5:D6"/></mergeCells>';

  it('reads inline strings, decodes entities and escapes, and maps merges into the grid', () => {
    const t = readStepTableXlsx(inlineWorkbook(rows, merges));
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => [r.key, r.content, r.responsibility])).toEqual([
      ['B1', 'Tiếp nhận TN&TKQ', 'Bộ phận Một cửa'],
      ['B2.1', 'Thẩm định\nhồ sơ', 'Công chức Tư pháp'],
      ['B2.2', 'Trình ký', 'Lãnh đạo UBND'],
    ]);
    expect(t.rows[0]!.budget).toEqual({ amount: 4, unit: 'workingHour' });
    expect(t.groups).toEqual([{ keys: ['B2.1', 'B2.2'], budget: { amount: 16, unit: 'workingHour' }, text: '16' }]);
  });

  it('reads number cells formatted as times as durations and dates as dd/MM/yyyy', () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="20"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const sheet =
      `<row r="1"><c r="A1" s="3"><v>45915</v></c></row>` +
      `<row r="2">${inline('A2', 'TT')}${inline('B2', 'Nội dung')}${inline('C2', 'Trách nhiệm')}${inline('D2', 'Thời gian')}</row>` +
      `<row r="3"><c r="A3"><v>1</v></c>${inline('B3', 'Tiếp nhận')}${inline('C3', 'Một cửa')}<c r="D3" s="1"><v>0.16666666666666666</v></c></row>` +
      `<row r="4"><c r="A4"><v>2</v></c>${inline('B4', 'Thẩm định')}${inline('C4', 'Tư pháp')}<c r="D4" s="2"><v>1.5</v></c></row>` +
      `<row r="5"><c r="A5"><v>3</v></c>${inline('B5', 'Ký')}${inline('C5', 'Chủ tịch')}<c r="D5" s="0"><v>0.5</v></c></row>`;
    const t = readStepTableXlsx(inlineWorkbook(sheet, '', styles));
    // Only D5 (0.5, general format) is a bare number: formatted times are durations, not guesses.
    expect(t.issues).toMatchObject([
      { code: 'value.assumedUnit', severity: 'warning', path: ['xlsx', 'xl/worksheets/sheet1.xml', 'D5'] },
    ]);
    expect(t.rows.map((r) => [r.time, r.budget])).toEqual([
      ['4 giờ', { amount: 4, unit: 'workingHour' }],
      ['36 giờ', { amount: 36, unit: 'workingHour' }],
      ['0.5', { amount: 0.5, unit: 'workingDay' }],
    ]);
    expect(readNumberKinds(styles)).toEqual(['number', 'time', 'time', 'date']);
    expect(numberCellText(45915, 'date', false)).toBe('15/09/2025');
    expect(numberCellText(45915 - 1462 + 0.375, 'date', true)).toBe('15/09/2025 09:00');
    expect(numberCellText(1 / 16, 'time', false)).toBe('90 phút');
  });

  it('reports a bad cell with its sheet and cell reference', () => {
    const bad = `${rows}<row r="7"><c r="A7"><v>3</v></c>${inline('B7', 'Trả kết quả')}${inline('C7', 'Một cửa')}${inline('D7', 'sớm nhất có thể')}</row><row r="8"><c r="A8" t="s"><v>9</v></c></row>`;
    const t = readStepTableXlsx(inlineWorkbook(bad, merges));
    expect(t.issues).toMatchObject([
      { code: 'value.unreadable', path: ['xlsx', 'xl/worksheets/sheet1.xml', 'A8'], value: '9' },
      {
        code: 'value.unreadable',
        path: ['xlsx', 'xl/worksheets/sheet1.xml', 'D7'],
        pointer: '/xlsx/xl~1worksheets~1sheet1.xml/D7',
        value: 'sớm nhất có thể',
      },
    ]);
    expect(t.issues[0]!.message).toContain('no shared strings');
  });
});

describe('readStepTableXlsx on bad input', () => {
  const expectOneError = (bytes: Uint8Array, path: readonly string[], words: RegExp, code = 'format.invalid') => {
    const t = readStepTableXlsx(bytes);
    expect(t.rows).toEqual([]);
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ code, severity: 'error', path });
    expect(t.issues[0]!.message).toMatch(words);
  };

  it('reports a truncated zip, random bytes, an empty file and a legacy .xls', () => {
    const whole = xlsx();
    expectOneError(whole.slice(0, Math.floor(whole.length * 0.6)), ['xlsx'], /not a readable zip/);
    expectOneError(whole.slice(0, 30), ['xlsx'], /not a readable zip/);
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expectOneError(random, ['xlsx'], /does not start like a zip/);
    expectOneError(new Uint8Array(0), ['xlsx'], /empty/);
    expectOneError(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), ['xlsx'], /legacy \.xls/);
  });

  it('reports a zip that is not a workbook, a missing sheet part and malformed XML', () => {
    expectOneError(
      zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') }),
      ['xlsx', 'xl/workbook.xml'],
      /without xl\/workbook\.xml.*mimetype/,
    );
    const noSheet = zipSync({
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(WORKBOOK),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    });
    expectOneError(
      noSheet,
      ['xlsx', 'xl/worksheets/sheet1.xml'],
      /"QT" points to xl\/worksheets\/sheet1\.xml, which is missing/,
    );
    const cut = inlineWorkbook('<row r="1"><c r="A1" t="inlineStr"><is><t>unterminated');
    expectOneError(cut, ['xlsx', 'xl/worksheets/sheet1.xml'], /not well-formed XML.*closes <t>/);
    const tag = inlineWorkbook('<row r="1"><c r="A1" t="inlineStr"');
    expectOneError(tag, ['xlsx', 'xl/worksheets/sheet1.xml'], /not well-formed XML at character \d+: /);
  });

  it('refuses a sheet whose cells span a huge range instead of allocating it', () => {
    const far = `<row r="1">${inline('A1', 'TT')}</row><row r="1048576">${inline('XFD1048576', 'x')}</row>`;
    expectOneError(
      inlineWorkbook(far),
      ['xlsx', 'xl/worksheets/sheet1.xml'],
      /spans XFD1048576.*limits\.maxCells/,
      'limit.exceeded',
    );
  });

  it('never throws on a damaged workbook (seeded byte flips and cuts of the exceljs fixture)', () => {
    const whole = xlsx();
    let seed = 2026;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const bytes = whole.slice(0, round % 3 === 0 ? next(whole.length) : whole.length);
      for (let k = 0; k < 1 + next(8); k++) if (bytes.length > 0) bytes[next(bytes.length)] = next(256);
      const t = readStepTableXlsx(bytes);
      expect(Array.isArray(t.issues)).toBe(true);
      for (const issue of t.issues) {
        expect(issue.message).toMatch(/^table \//);
        expect(issue.pointer).toBe(jsonPointer(issue.path));
      }
    }
  });

  it('throws only on misuse (not bytes)', () => {
    expect(() => readStepTableXlsx('file.xlsx' as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('the XML pieces', () => {
  it('scans text, CDATA, comments and attributes with ">" inside quotes', () => {
    const out: string[] = [];
    scanXml('<?xml version="1.0"?><!-- c --><a x="1 > 0"><t>a&amp;b</t><![CDATA[<raw>]]></a>', {
      open: (name, attrs) => out.push(`<${name} ${JSON.stringify(attrs)}>`),
      close: (name) => out.push(`</${name}>`),
      text: (t) => out.push(t),
    });
    expect(out).toEqual(['<a {"x":"1 > 0"}>', '<t {}>', 'a&b', '</t>', '<raw>', '</a>']);
    expect(() => scanXml('<a><!-- never closed', {})).toThrow(XmlSyntaxError);
  });

  it('reads shared strings with rich runs, leaving phonetic runs out', () => {
    expect(
      readSharedStrings(
        '<sst><si><r><t>Bước </t></r><r><rPr/><t>1</t></r><rPh><t>ignored</t></rPh></si><si><t/></si><si><t>ạ</t></si></sst>',
      ),
    ).toEqual(['Bước 1', '', 'ạ']);
  });

  it('parses cell references within Excel limits', () => {
    expect(parseCellRef('C7')).toEqual({ row: 7, col: 3 });
    expect(parseCellRef('$AB$12')).toEqual({ row: 12, col: 28 });
    expect(parseCellRef('XFE1')).toBeUndefined();
    expect(parseCellRef('A0')).toBeUndefined();
    expect(parseCellRef('A1048577')).toBeUndefined();
  });

  it('stays linear on a large input', () => {
    const big = `<sst>${'<si><t>Bước 1 &amp; 2</t></si>'.repeat(100_000)}</sst>`;
    const started = performance.now();
    expect(readSharedStrings(big)).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
