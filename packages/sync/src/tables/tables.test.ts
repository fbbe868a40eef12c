import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, readStepTableCsv } from './csv.js';
import { readProcessDecisionTable } from './decision-table.js';
import { toGrid } from './cells.js';
import { decodeEntities, readHtmlBlocks } from './html.js';
import { stepTableToSteps } from './to-steps.js';

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, separators and newlines inside fields, CRLF and the BOM', () => {
    expect(parseCsv('\uFEFFa,"b, c","d ""e"""\r\n1,"x\ny",\r\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['1', 'x\ny', ''],
    ]);
  });

  it('guesses the ";" separator of Vietnamese-locale spreadsheets', () => {
    expect(parseCsv('TT;Thời gian\n1;0,5 ngày')).toEqual([
      ['TT', 'Thời gian'],
      ['1', '0,5 ngày'],
    ]);
  });
});

describe('readStepTableCsv', () => {
  it('reads the e-ISO work-flow table exported as CSV', () => {
    const t = readStepTableCsv(fixture('birth-registration.steps.csv'));
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => [r.key, r.budget])).toEqual([
      ['B1', { amount: 30, unit: 'workingMinute' }],
      ['B2', { amount: 4, unit: 'workingHour' }],
      ['B3', { amount: 0.25, unit: 'workingDay' }],
      ['B4', { amount: 1, unit: 'workingHour' }],
      ['B5', { amount: 0, unit: 'workingMinute', notCounted: true }],
    ]);
    expect(t.rows[1]!.content).toContain('"Cơ sở dữ liệu hộ tịch điện tử"');
    const { steps, issues } = stepTableToSteps(t, { agency: 'UBND xã An Bình' });
    expect(issues).toEqual([]);
    expect(steps.map((s) => s.kind)).toEqual(['receive', 'review', 'sign', 'issue', 'return']);
    expect(steps[2]!.outcomes).toContainEqual({
      name: 'khong-dong-y',
      next: 'B2',
      label: 'Nếu không đồng ý thì chuyển lại Bước 2',
    });
    expect(steps[0]!.performer).toEqual({ role: 'Công chức', unit: 'Bộ phận Một cửa' });
  });

  it('reads a bare number as working days, or in the unit the time header names', () => {
    const days = readStepTableCsv('TT;Nội dung;Trách nhiệm;Thời gian\n1;Tiếp nhận;Một cửa;0,5\n2;Thẩm định;Tư pháp;2');
    expect(days.rows.map((r) => r.budget)).toEqual([
      { amount: 0.5, unit: 'workingDay' },
      { amount: 2, unit: 'workingDay' },
    ]);
    // The default is a guess, said once per table (at the first bare number), never silently.
    expect(days.issues).toMatchObject([
      { code: 'value.assumedUnit', severity: 'warning', pointer: '/rows/1/time', value: '0,5' },
    ]);
    const hours = readStepTableCsv('TT,Nội dung,Trách nhiệm,Thời gian (giờ)\n1,Tiếp nhận,Một cửa,4');
    expect(hours.rows[0]!.budget).toEqual({ amount: 4, unit: 'workingHour' });
    expect(hours.issues).toEqual([]);
    const option = readStepTableCsv('TT,Nội dung,Trách nhiệm,Thời gian\n1,Tiếp nhận,Một cửa,30', {
      numberUnit: 'workingMinute',
    });
    expect(option.rows[0]!.budget).toEqual({ amount: 30, unit: 'workingMinute' });
    expect(option.issues).toEqual([]);
  });

  it('reports a missing header and an unreadable time with the row', () => {
    expect(readStepTableCsv('a,b\n1,2').issues[0]!.code).toBe('table.noHeader');
    const t = readStepTableCsv('TT,Nội dung,Trách nhiệm,Thời gian\n1,Tiếp nhận,Một cửa,sớm nhất có thể');
    expect(t.issues[0]).toMatchObject({ code: 'value.unreadable', pointer: '/rows/1/time', value: 'sớm nhất có thể' });
  });
});

describe('readHtmlTables', () => {
  it('decodes entities and expands spans with a shared origin', () => {
    expect(decodeEntities('TN&amp;TKQ&nbsp;&#7843;&#x1EA3;&aacute;')).toBe('TN&TKQ\u00a0ảảá');
    const [block] = readHtmlBlocks(
      '<table><tr><td rowspan=2>a</td><td colspan="2">b</td></tr><tr><td>c</td><td>d</td></tr></table>',
    );
    const grid = toGrid(block?.kind === 'table' ? block.rows : []);
    expect(grid.map((r) => r.map((c) => c.text))).toEqual([
      ['a', 'b', 'b'],
      ['a', 'c', 'd'],
    ]);
    expect(grid[1]![0]!.origin).toBe(grid[0]![0]!.origin);
    expect(grid[0]![2]!.origin).toBe(grid[0]![1]!.origin);
  });
});

describe('readProcessDecisionTable', () => {
  it('reads a published HTML table: merged cells as sub-steps and one group budget, the declared total', () => {
    const t = readProcessDecisionTable(fixture('land-registration.decision.html'));
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => r.key)).toEqual(['B1', 'B2', 'B3.1', 'B3.2', 'B4', 'B5', 'B6']);
    expect(t.groups).toEqual([{ keys: ['B3.1', 'B3.2'], budget: { amount: 40, unit: 'workingHour' }, text: '40 giờ' }]);
    expect(t.rows[0]!.budget).toEqual({ amount: 0, unit: 'workingMinute', notCounted: true });
    expect(t.totalLimit).toEqual({ amount: 168, unit: 'workingHour' });
    expect(t.rows[2]!.responsibility).toBe('Chi nhánh Văn phòng đăng ký đất đai / Chi cục Thuế');
    const { steps } = stepTableToSteps(t, { agency: 'Văn phòng đăng ký đất đai tỉnh' });
    const minutes = steps.reduce((sum, s) => sum + (s.budget.unit === 'workingHour' ? s.budget.amount * 60 : 0), 0);
    expect(minutes / 60).toBe(168);
    expect(steps[2]!.budget).toEqual({ amount: 40, unit: 'workingHour' });
    expect(steps[3]!.budget).toEqual({ amount: 0, unit: 'workingHour' });
    expect(steps[3]!.extensions).toEqual({ table: { timeGroup: 0, timeText: '40 giờ' } });
    expect(steps[4]!.outcomes.map((o) => o.next)).toEqual(['B5', 'B2']);
  });

  it('reads the total from the text when there is no total row', () => {
    const html = fixture('land-registration.decision.html').replace(/<tr><td colspan="3">[\s\S]*?<\/tr>/, '');
    expect(readProcessDecisionTable(html).totalText).toBe(
      '168 giờ (tương đương 21 ngày) kể từ ngày nhận đủ hồ sơ hợp lệ',
    );
  });

  it('reads a Markdown pipe table: empty cells continue the step above', () => {
    const t = readProcessDecisionTable(fixture('certification.decision.md'));
    // The fixture's steps take 1 + 4 + 4 hours against a declared day: the check says so.
    expect(t.issues).toMatchObject([{ code: 'table.totalMismatch', severity: 'warning' }]);
    expect(t.issues[0]!.message).toContain('1 giờ làm việc more than declared');
    // The same keys as a merged step number gives in HTML: B2.1, B2.2 (issue 10 §10).
    expect(t.rows.map((r) => r.key)).toEqual(['B1', 'B2.1', 'B2.2', 'B3', 'B4']);
    expect(t.groups).toEqual([{ keys: ['B2.1', 'B2.2'], budget: { amount: 4, unit: 'workingHour' }, text: '4 giờ' }]);
    expect(t.rows[3]!.content).toBe('Vào sổ chứng thực, đóng dấu | lưu');
    expect(t.rows[3]!.budget).toEqual({ amount: 0.5, unit: 'workingDay' });
    expect(t.totalLimit).toEqual({ amount: 1, unit: 'workingDay' });
  });
});
