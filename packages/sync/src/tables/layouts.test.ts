// The twelve failures of issue 10, each on a table written like the real one, and each read the
// same way from HTML, Word's HTML, Markdown, DOCX and XLSX.
import { describe, expect, it } from 'vitest';
import { parsePerformer } from '../steps.js';
import { type DecisionDocument, pickTable, readDecision } from './decision.js';
import { type TableSpec, toDocx, toHtml, toMarkdown, toWordHtml, toXlsx } from './forms.test-util.js';
import type { StepTable } from './grid.js';
import { splitPerformers } from './performers.js';

const HEAD = ['Số TT', 'Nội dung công việc', 'Đơn vị/cá nhân thực hiện', 'Thời gian thực hiện'];

/** What must be the same in every form: keys, times, performers, groups, sections, issues. */
function shape(t: StepTable) {
  return {
    rows: t.rows.map((r) => [r.key, r.budget ?? null, r.group ?? null, r.performers, r.section ?? null, r.notes ?? []]),
    groups: t.groups,
    sections: t.sections ?? [],
    total: t.totalLimit ?? null,
    issues: t.issues.map((i) => [i.code, i.severity]),
  };
}

async function allForms(spec: TableSpec): Promise<Record<string, DecisionDocument>> {
  return {
    html: readDecision(toHtml(spec)),
    word: readDecision(toWordHtml(spec)),
    markdown: readDecision(toMarkdown(spec)),
    docx: readDecision(await toDocx(spec)),
    xlsx: readDecision(await toXlsx(spec)),
  };
}

/** Reads the spec in every form, checks they agree, returns the HTML reading. */
async function readAlike(spec: TableSpec): Promise<StepTable> {
  const forms = await allForms(spec);
  const html = shape(forms.html!.tables[0]!.table);
  for (const [name, doc] of Object.entries(forms)) {
    expect(doc.tables.length, name).toBe(1);
    expect({ form: name, ...shape(doc.tables[0]!.table) }).toEqual({ form: name, ...html });
  }
  return forms.html!.tables[0]!.table;
}

describe('real layouts, the same in every form', () => {
  it('§2, §10: header synonyms; a step number over three rows gives B2.1–B2.3 in every form', async () => {
    const t = await readAlike({
      before: ['Thời hạn giải quyết: 03 ngày làm việc'],
      rows: [
        HEAD,
        ['1', 'Tiếp nhận hồ sơ', 'Công chức TN&TKQ', '0,5 ngày'],
        [{ t: '2', r: 3 }, 'Thẩm định hồ sơ', 'Chuyên viên Phòng Tư pháp', '1 ngày'],
        ['Trình lãnh đạo phòng', 'Lãnh đạo phòng Phòng Tư pháp', '0,5 ngày'],
        ['Trình ký', 'Chủ tịch UBND xã', '0,5 ngày'],
        ['3', 'Trả kết quả', 'Công chức TN&TKQ', '0,5 ngày'],
      ],
    });
    expect(t.rows.map((r) => r.key)).toEqual(['B1', 'B2.1', 'B2.2', 'B2.3', 'B3']);
    expect(t.header?.columns).toEqual({ label: 0, content: 1, responsibility: 2, time: 3 });
    expect(t.totalLimit).toEqual({ amount: 3, unit: 'workingDay' });
    expect(t.issues).toEqual([]);
  });

  it('§3, §5: "Tổng hợp hồ sơ" is a step; a sentence total row is the total', async () => {
    const t = await readAlike({
      rows: [
        ['TT', 'Trình tự', 'Người thực hiện', 'Thời gian giải quyết'],
        ['Bước 1', 'Tiếp nhận hồ sơ', 'CCMC', '04 giờ'],
        ['Bước 2', 'Tổng hợp hồ sơ, trình lãnh đạo', 'Chuyên viên', '12 giờ'],
        [{ t: 'Tổng thời gian: 02 ngày làm việc kể từ ngày nhận đủ hồ sơ', c: 4 }],
      ],
    });
    expect(t.rows.map((r) => r.content)).toEqual(['Tiếp nhận hồ sơ', 'Tổng hợp hồ sơ, trình lãnh đạo']);
    expect(t.totalLimit).toEqual({ amount: 2, unit: 'workingDay' });
    expect(t.issues).toEqual([]);
  });

  it('§4: full-width section rows are kept as agency boundaries, numbering restarts per section', async () => {
    const t = await readAlike({
      rows: [
        ['Thứ tự công việc', 'Nội dung công việc', 'Bộ phận thực hiện', 'Thời gian thực hiện'],
        [{ t: 'Bước thực hiện tại UBND xã An Bình (01 ngày làm việc)', c: 4 }],
        ['Bước 1', 'Tiếp nhận, chuyển hồ sơ', 'Công chức một cửa', '1 ngày'],
        [{ t: 'Quy trình nội bộ tại Sở Tư pháp', c: 4 }],
        ['Bước 1', 'Thẩm định', 'Chuyên viên Phòng Hành chính tư pháp', '2 ngày'],
        ['Bước 2', 'Ký duyệt', 'Giám đốc Sở', '1 ngày'],
        ['Tổng cộng', '', '', '04 ngày'],
      ],
    });
    expect(t.rows.map((r) => r.key)).toEqual(['B1', 'S2.B1', 'S2.B2']);
    expect(t.sections).toEqual([
      {
        title: 'Bước thực hiện tại UBND xã An Bình (01 ngày làm việc)',
        agency: 'UBND xã An Bình',
        keys: ['B1'],
        budget: { amount: 1, unit: 'workingDay' },
        row: 1,
      },
      { title: 'Quy trình nội bộ tại Sở Tư pháp', agency: 'Sở Tư pháp', keys: ['S2.B1', 'S2.B2'], row: 3 },
    ]);
    expect(t.issues).toEqual([]);
  });

  it('§6: a merged time cell continued after a page break (empty time cell) is one group', async () => {
    const t = await readAlike({
      rows: [
        HEAD,
        ['1', 'Tiếp nhận', 'Một cửa', '1 ngày'],
        ['2', 'Thẩm định', 'Chuyên viên', { t: '07 ngày', r: 2 }],
        ['3', 'Trình ký', 'Lãnh đạo'],
        ['4', 'Ký duyệt', 'Chủ tịch', ''],
      ],
    });
    expect(t.groups).toEqual([
      { keys: ['B2', 'B3', 'B4'], budget: { amount: 7, unit: 'workingDay' }, text: '07 ngày' },
    ]);
  });

  it('§7: an unnumbered note row is folded into the step above, with one warning', async () => {
    const t = await readAlike({
      rows: [
        HEAD,
        ['1', 'Tiếp nhận', 'Một cửa', '1 ngày'],
        ['', 'Ghi chú: hồ sơ nộp trực tuyến được tiếp nhận trên Hệ thống', '', ''],
        ['2', 'Thẩm định', 'Chuyên viên', '2 ngày'],
      ],
    });
    expect(t.rows.map((r) => r.key)).toEqual(['B1', 'B2']);
    expect(t.rows[0]!.notes).toEqual(['Ghi chú: hồ sơ nộp trực tuyến được tiếp nhận trên Hệ thống']);
    expect(t.issues.map((i) => [i.code, i.severity])).toEqual([['table.noteRow', 'warning']]);
  });

  it('§12: step times that do not add up to the declared total give a warning with the difference', async () => {
    const t = await readAlike({
      rows: [
        HEAD,
        ['1', 'Tiếp nhận', 'Một cửa', '4 giờ'],
        ['2', 'Thẩm định', 'Chuyên viên', '1 ngày'],
        ['Tổng', '', '', '03 ngày'],
      ],
    });
    expect(t.issues).toMatchObject([{ code: 'table.totalMismatch', severity: 'warning' }]);
    expect(t.issues[0]!.message).toContain('12 giờ làm việc less than declared');
  });

  it('§2: a header without a step-number column is one issue naming the header cells', () => {
    const t = readDecision(
      toHtml({
        rows: [
          ['Nội dung', 'Ghi chú', 'Thời gian'],
          ['Tiếp nhận', '', '1 ngày'],
          ['Thẩm định', '', '2 ngày'],
        ],
      }),
    );
    const issues = t.tables[0]!.table.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'table.noColumn', value: 'Nội dung | Ghi chú | Thời gian' });
  });
});

describe('§1, §11: Markdown and Word HTML are cleaned before reading', () => {
  it('reads **bold**, <br> and escaped pipes in Markdown cells', () => {
    const md = [
      '| **Số TT** | **Nội dung công việc** | **Trách nhiệm** | **Thời gian** |',
      '|:---:|---|---|---|',
      '| **Bước 1** | Tiếp nhận<br>kiểm tra \\| scan | CCMC | 0,5 ngày |',
      '| **Tổng thời gian giải quyết** | | | **0,5 ngày** |',
    ].join('\n');
    const t = readDecision(md).tables[0]!.table;
    expect(t.rows.map((r) => [r.key, r.content])).toEqual([['B1', 'Tiếp nhận\nkiểm tra | scan']]);
    expect(t.totalLimit).toEqual({ amount: 0.5, unit: 'workingDay' });
  });

  it('decodes every HTML entity and ignores Word markup', () => {
    const html = toWordHtml({
      rows: [
        ['TT', 'Trình tự', 'Trách nhiệm', 'Thời gian'],
        ['1', 'Tiếp nhận hồ sơ', 'Văn thư', '1 ngày'],
      ],
    });
    expect(html).toContain('Tr&igrave;nh t&#7921;');
    const t = readDecision(html).tables[0]!.table;
    expect(t.rows.map((r) => [r.content, r.performers])).toEqual([['Tiếp nhận hồ sơ', ['Văn thư']]]);
  });
});

describe('§8: documents with several tables', () => {
  const doc = [
    '<p>Số: 3857/QĐ-UBND</p><p>Nghệ An, ngày 12 tháng 11 năm 2025</p>',
    '<p>Chữ viết tắt:</p><p>- CCMC: Công chức một cửa</p><p>- TTPVHCC: Trung tâm Phục vụ hành chính công</p>',
    '<p><b>1. Đăng ký khai sinh</b> (Mã TTHC: 1.001193)</p><p>Tổng thời gian giải quyết: 01 ngày làm việc</p>',
    toHtml({ rows: [HEAD, ['1', 'Tiếp nhận', 'CCMC tại TTPVHCC', '4 giờ'], ['2', 'Ký', 'Chủ tịch UBND xã', '4 giờ']] }),
    '<p><b>2. Chứng thực bản sao</b></p><p>Mã số: 2.000815</p>',
    toHtml({ rows: [HEAD, ['1', 'Tiếp nhận, chứng thực', 'CCMC', '2 giờ']] }),
  ].join('\n');

  it('lists every table with its procedure, and a later table does not borrow the first total', () => {
    const d = readDecision(doc);
    expect(d.decision).toEqual({ number: '3857/QĐ-UBND', date: '2025-11-12' });
    expect(d.abbreviations).toEqual({ CCMC: 'Công chức một cửa', TTPVHCC: 'Trung tâm Phục vụ hành chính công' });
    expect(d.tables.map((t) => [t.index, t.procedure, t.table.totalLimit ?? null])).toEqual([
      [0, { name: 'Đăng ký khai sinh', code: '1.001193' }, { amount: 1, unit: 'workingDay' }],
      [1, { name: 'Chứng thực bản sao', code: '2.000815' }, null],
    ]);
    expect(d.tables[0]!.table.rows[0]!.performers).toEqual(['Công chức một cửa tại Trung tâm Phục vụ hành chính công']);
  });

  it('picks a table by index or code, and warns when none was chosen', () => {
    const d = readDecision(doc);
    expect(pickTable(d, { table: '2.000815' }).index).toBe(1);
    expect(pickTable(d, { table: 0 }).table.issues).toEqual([]);
    expect(pickTable(d).table.issues).toMatchObject([{ code: 'table.notChosen', severity: 'warning' }]);
    expect(pickTable(d, { table: '1.999999' }).table.issues).toMatchObject([
      { code: 'table.notFound', severity: 'error' },
    ]);
  });
});

describe('§9: performers', () => {
  it('splits several performers in one cell, never a commune title', () => {
    expect(splitPerformers('- Công chức TN&TKQ - Văn thư')).toEqual(['Công chức TN&TKQ', 'Văn thư']);
    expect(splitPerformers('Cán bộ TN&TKQ; Cá nhân/Tổ chức nộp hồ sơ')).toEqual([
      'Cán bộ TN&TKQ',
      'Cá nhân/Tổ chức nộp hồ sơ',
    ]);
    expect(splitPerformers('Công chức Tư pháp - Hộ tịch')).toEqual(['Công chức Tư pháp - Hộ tịch']);
    expect(splitPerformers('Lãnh đạo Phòng BTXH và Trẻ em - Sở Y tế')).toEqual([
      'Lãnh đạo Phòng BTXH và Trẻ em - Sở Y tế',
    ]);
    expect(splitPerformers('Bộ phận một cửa tại\nTTPVHCC tỉnh')).toEqual(['Bộ phận một cửa tại TTPVHCC tỉnh']);
  });

  it('reads no dangling "của/tại" and no doubled unit word', () => {
    expect(parsePerformer('CCMC của Sở tại TTPVHCC', { agency: 'Sở Tư pháp' })).toEqual({
      role: 'CCMC',
      unit: 'Sở Tư pháp',
    });
    expect(parsePerformer('Lãnh đạo phòng Phòng Kinh tế', { agency: 'UBND xã A' })).toEqual({
      role: 'Lãnh đạo phòng',
      unit: 'Phòng Kinh tế',
    });
  });
});

describe('limits', () => {
  it('a 20 KB table with huge spans ends with an issue naming the limit', () => {
    const row = `<tr>${'<td rowspan="100000" colspan="100000">x</td>'.repeat(10)}</tr>`;
    const html = `<table>${row.repeat(Math.floor(20_000 / row.length))}</table>`;
    const d = readDecision(html);
    expect(d.issues.some((i) => i.code === 'table.limit' && i.message.includes('limits.max'))).toBe(true);
  });

  it('caps rows and nesting depth as asked', () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<tr><td>${i + 1}</td><td>Bước</td><td>A</td><td>1 giờ</td></tr>`,
    ).join('');
    const d = readDecision(
      `<table><tr><th>TT</th><th>Nội dung</th><th>Trách nhiệm</th><th>Thời gian</th></tr>${rows}</table>`,
      {
        limits: { maxRows: 10 },
      },
    );
    expect(d.tables[0]!.table.rows).toHaveLength(9);
    expect(d.issues.map((i) => i.code)).toContain('table.limit');
    const nested = `${'<table><tr><td>'.repeat(20)}x${'</td></tr></table>'.repeat(20)}`;
    expect(
      readDecision(nested, { limits: { maxDepth: 3 } })
        .issues.map((i) => i.message)
        .join(),
    ).toContain('limits.maxDepth');
  });
});

describe('a Word .doc extracted one cell per line (text-lines)', () => {
  const text = [
    'Mã hiệu: QT 30/CX-HCTP',
    'Đăng ký khai sinh lưu động',
    'Lần ban hành:',
    'l. Quy trình các bước xử lý công việc:',
    'TT',
    'Trình tự các bước công việc*',
    'Trách nhiệm',
    'Thời gian (05 ngày làm việc)',
    '',
    '',
    'Tiếp nhận hồ sơ kiểm tra tính pháp lý và nội dung hồ sơ:',
    '- Phù hợp, thì tiến hành xử lý/giải quyết;',
    'Công chức Tư pháp - Hộ tịch ',
    '',
    '04 ngày',
    '',
    '',
    'Đóng dấu văn bản',
    'Văn thư UBND ',
    '½ ngày',
    '',
    '- Trả kết quả',
    'Công chức Tư pháp - Hộ tịch',
    '½ ngày',
    '',
    '*Ghi chú: Các bước này có thể tăng hoặc giảm',
  ].join('\n');

  it('reads each row as content, performer and time, numbers the auto-numbered steps, takes the header total', () => {
    const doc = readDecision(text, { format: 'text' });
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.procedure.name).toBe('Đăng ký khai sinh lưu động');
    expect(t.table.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(t.table.rows.map((r) => [r.key, r.performers, r.time])).toEqual([
      ['B1', ['Công chức Tư pháp - Hộ tịch'], '04 ngày'],
      ['B2', ['Văn thư UBND'], '½ ngày'],
      ['B3', ['Công chức Tư pháp - Hộ tịch'], '½ ngày'],
    ]);
    expect(t.table.rows[0]!.content).toBe(
      'Tiếp nhận hồ sơ kiểm tra tính pháp lý và nội dung hồ sơ:\n- Phù hợp, thì tiến hành xử lý/giải quyết;',
    );
    expect(t.table.totalLimit).toEqual({ amount: 5, unit: 'workingDay' });
    // 4 + ½ + ½ = 5: no sum warning.
    expect(t.table.issues.map((i) => i.code)).not.toContain('table.sumMismatch');
  });

  it('gives the lines back as text when a row never reaches its time cell', () => {
    const broken = text.replace('04 ngày', 'bốn ngày');
    const doc = readDecision(broken.split('Đóng dấu')[0]!, { format: 'text' });
    expect(doc.tables).toHaveLength(0);
    expect(doc.texts).toContain('Trách nhiệm');
  });
});
