import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo } from '../io.js';
import type { Command } from './command.js';
import { coverageCommand, coverageText } from './coverage.js';
import { dvcqgCommand } from './dvcqg.js';
import { looksLikeClientProgress, replayCommand } from './replay.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const TH = join(root, 'test/corpus/systems/dvcqg/thanhhoa-progress');
const tmp = mkdtempSync(join(tmpdir(), 'tthc-national-'));

async function run(command: Command, args: string[]) {
  const io = memoryIo();
  let code: number;
  try {
    code = await command.run(args, createContext(io, undefined));
  } catch (error) {
    io.stderr.write((error as Error).message);
    code = 1;
  }
  return { code, out: io.out(), err: io.err() };
}

describe('real clients’ progress rows', () => {
  it('tthc replay maps the Thanh Hóa client’s rows to steps and replays them', async () => {
    const r = await run(replayCommand, [
      `${TH}/process.json`,
      `${TH}/document.json`,
      '--procedure',
      `${TH}/procedure.json`,
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.summary.traces).toBe(1);
    expect(result.summary.fittingTraces).toBe(1);
    expect(result.summary.events).toBe(5);
  });

  it('tthc dvcqg import reads them, lists the mappings and notes the client’s own rows', async () => {
    const r = await run(dvcqgCommand, ['import', `${TH}/document.json`, '--process', `${TH}/process.json`]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.dossiers[0].events.map((e: { type: string; step?: string }) => e.step ?? e.type)).toEqual([
      'receive',
      'review',
      'sign',
      'issue',
      'return-result',
    ]);
    expect(r.err).toContain('info: row.synthetic');
    expect(r.err).toContain('7/7 rows understood: 5 events, 1 receipts, 1 client rows');
  });

  it('tells real clients’ rows from generic logs', () => {
    expect(
      looksLikeClientProgress('MaHoSo,NguoiXuLy,ThoiDiemXuLy,NoiDungXuLy,TrangThai\r\nA,B,20260302090000,X,4'),
    ).toBe(true);
    expect(looksLikeClientProgress('MaHoSo,ThoiDiemXuLy,NoiDungXuLy,TrangThai,KenhThucHien\r\n')).toBe(false);
    expect(looksLikeClientProgress('dossier_id,step,timestamp\n')).toBe(false);
  });
});

describe('tthc coverage', () => {
  it('lists listed procedures without a process and processes not listed', async () => {
    const list = join(tmp, 'list.csv');
    // 1.001193 (birth registration) has an e-ISO process in examples/commune; 1.010028 has none.
    writeFileSync(
      list,
      'TTHC_MA,NAME,TYPE\r\n1.001193,Đăng ký khai sinh,TTHC\r\n1.010028,Xóa đăng ký tạm trú,TTHC\r\n',
    );
    const eiso = join(root, 'examples/commune/eiso');
    const r = await run(coverageCommand, [list, eiso, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.uncovered.map((e: { code: string }) => e.code)).toEqual(['1.010028']);
    expect(out.covered.map((c: { code: string }) => c.code)).toEqual(['1.001193']);
    expect(out.unlisted).toHaveLength(20);
    expect(out.unlisted[0]).toMatchObject({ code: '1.000656', system: 'eiso' });
    const text = await run(coverageCommand, [list, eiso]);
    expect(text.out).toContain('Danh mục (list): 2 thủ tục');
  });

  it('coverageText names what is missing', () => {
    const text = coverageText(
      {
        uncovered: [{ code: '1.010028', national: '1.010028', name: 'Xóa đăng ký tạm trú', row: {} }],
        unlisted: [{ code: '9.999999', source: 'eiso/x.json', system: 'eiso' }],
        covered: [],
      },
      1,
    );
    expect(text).toContain('1.010028');
    expect(text).toContain('9.999999');
  });
});
