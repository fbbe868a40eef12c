import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo } from '../io.js';
import { run } from '../run.js';
import { readStepTableFile, stepsCommand } from './steps.js';

const FIX = 'packages/sync/src/__fixtures__';

async function steps(...args: string[]) {
  const io = memoryIo();
  const code = await stepsCommand.run(args, createContext(io, undefined));
  return { code, out: io.out(), err: io.err() };
}

describe('tthc steps', () => {
  it('reads an .xlsx workbook as bytes: the same steps as its CSV', async () => {
    const xlsx = await steps(`${FIX}/birth-registration.steps.xlsx`, '--json', '--agency', 'UBND xã An Bình');
    const csv = await steps(`${FIX}/birth-registration.steps.csv`, '--json', '--agency', 'UBND xã An Bình');
    expect(xlsx.code).toBe(0);
    const a = JSON.parse(xlsx.out);
    expect(a.format).toBe('xlsx');
    expect(a.table.rows.map((r: { key: string }) => r.key)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    expect(a.steps).toEqual(JSON.parse(csv.out).steps);
  });

  it('picks a sheet by name or index and prints the group budget and total', async () => {
    const r = await steps(`${FIX}/birth-registration.steps.xlsx`, '--sheet', 'Liên thông');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^B3\.2\s+5 ngày làm việc \(nhóm\/group\)/m);
    expect(r.out).toContain('Tổng / total: 6 ngày làm việc');
    const byIndex = await steps(`${FIX}/birth-registration.steps.xlsx`, '--sheet', '1', '--json');
    expect(JSON.parse(byIndex.out).table.groups).toHaveLength(1);
  });

  it('warns once about a bare number read as days, and --number-unit states the unit instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-steps-'));
    const csv = join(dir, 'bare.csv');
    writeFileSync(csv, 'TT,Nội dung,Trách nhiệm,Thời gian\n1,Tiếp nhận,Một cửa,4\n2,Thẩm định,Tư pháp,8\n');
    const guessed = await steps(csv, '--json');
    expect(guessed.code).toBe(0);
    expect(guessed.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: .*bare number.*read as workingDay/),
    ]);
    expect(JSON.parse(guessed.out).table.rows[0].budget).toEqual({ amount: 4, unit: 'workingDay' });
    const stated = await steps(csv, '--json', '--number-unit', 'hour');
    expect(stated.err).toBe('');
    expect(JSON.parse(stated.out).table.rows[1].budget).toEqual({ amount: 8, unit: 'workingHour' });
    const io = memoryIo();
    expect(await run(['steps', csv, '--number-unit', 'fortnight'], io)).toBe(1);
    expect(io.err()).toMatch(/^tthc steps: --number-unit "fortnight": expected day, hour or minute\n$/);
  });

  it('bad workbooks exit 1 with one line naming the file and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-steps-'));
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a workbook');
    const io = memoryIo();
    expect(await run(['steps', broken], io)).toBe(1);
    expect(io.err()).toMatch(/^tthc steps: ".*broken\.xlsx" is not a readable step table: .*not an \.xlsx workbook/);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    const missing = memoryIo();
    expect(await run(['steps', `${FIX}/birth-registration.steps.xlsx`, '--sheet', 'Sheet9'], missing)).toBe(1);
    expect(missing.err()).toContain('"Quy trình", "Liên thông"');
    expect(() => readStepTableFile(`${FIX}/birth-registration.steps.csv`, { sheet: 0 })).toThrow(/--sheet applies/);
  });

  it('tells a workbook without an extension by its bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-steps-'));
    const file = join(dir, 'export');
    writeFileSync(file, readFileSync(`${FIX}/birth-registration.steps.xlsx`));
    expect(readStepTableFile(file).format).toBe('xlsx');
  });

  it('lists, picks and reads all the tables of a real decision (Cao Bằng 2022/QĐ-UBND, DOCX)', async () => {
    const file = 'test/corpus/tables/cao-bang-2022-qd-ubnd-a/document.docx';
    const list = await steps(file, '--list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^#0 +1\.001806 +7 bước +10 ngày làm việc/m);
    expect(list.out.trim().split('\n')).toHaveLength(5);
    const one = await steps(file, '--table', '1.012990', '--json');
    expect(JSON.parse(one.out).procedure.code).toBe('1.012990');
    const first = await steps(file);
    expect(first.err).toMatch(/warning: .*the document holds 4 step tables and none was chosen/);
    const all = JSON.parse((await steps(file, '--all', '--json')).out);
    // Two tables (cases a, b) of one procedure: the second is keyed by its index.
    expect(Object.keys(all.processes)).toEqual(['1.001806', '1.012990', '1.013814', '#3']);
    const io = memoryIo();
    expect(await run(['steps', file, '--table', '9'], io)).toBe(1);
    expect(io.err()).toMatch(/no step table #9; its tables: #0 1\.001806/);
  });
});
