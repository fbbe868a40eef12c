import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo } from '../io.js';
import { dvcqgCommand } from './dvcqg.js';

const PROC = 'examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh';
const EX = 'examples/dvcqg';
const OWNER = JSON.stringify({ name: 'Nguyễn Văn An', kind: 1, idNumber: '038090001234' });

async function dvcqg(...args: string[]) {
  const io = memoryIo();
  const code = await dvcqgCommand.run(args, createContext(io, undefined));
  return { code, out: io.out(), err: io.err() };
}

describe('tthc dvcqg export', () => {
  it('prints the DongBoHoSoMC object and the progress rows the example holds', async () => {
    const csv = join(mkdtempSync(join(tmpdir(), 'tthc-dvcqg-')), 'rows.csv');
    const r = await dvcqg(
      'export',
      `${PROC}/process.json`,
      `${EX}/dossier.json`,
      '--owner',
      OWNER,
      '--agency',
      'H56.14',
      '--field',
      'G15-HKD',
      '--csv',
      csv,
      // The example rows carry the [tthc] tag so that `tthc dvcqg import` rebuilds the dossier exactly.
      '--tag',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.dossier).toEqual(JSON.parse(readFileSync(`${EX}/dong-bo-ho-so.json`, 'utf8')));
    expect(out.progress).toEqual(JSON.parse(readFileSync(`${EX}/tien-do.json`, 'utf8')));
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(`${EX}/tien-do.csv`, 'utf8'));
  });

  it('names a bad owner field', async () => {
    await expect(
      dvcqg('export', `${PROC}/process.json`, `${EX}/dossier.json`, '--owner', '{"name":"A","kind":7,"idNumber":"1"}'),
    ).rejects.toThrow(/--owner: kind: expected 1 .* got 7/);
    await expect(dvcqg('export', `${PROC}/process.json`, `${EX}/dossier.json`)).rejects.toThrow(
      /--owner .* is required/,
    );
    await expect(dvcqg('sync')).rejects.toThrow(/unknown sub-command "sync"/);
  });
});

describe('tthc dvcqg import', () => {
  it('rebuilds the example dossier from the CSV rows', async () => {
    const r = await dvcqg('import', `${EX}/tien-do.csv`, '--process', `${PROC}/process.json`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.problems).toEqual([]);
    expect(out.dossiers[0]).toEqual(JSON.parse(readFileSync(`${EX}/dossier.json`, 'utf8')));
  });

  it('reads JSON rows too, and reports rows it cannot place with exit 2', async () => {
    const json = await dvcqg('import', `${EX}/tien-do.json`, '--process', `${PROC}/process.json`);
    expect(JSON.parse(json.out).dossiers).toHaveLength(1);
    const dir = mkdtempSync(join(tmpdir(), 'tthc-dvcqg-'));
    const rows = JSON.parse(readFileSync(`${EX}/tien-do.json`, 'utf8'));
    rows[1].TrangThai = 42;
    const bad = join(dir, 'rows.json');
    writeFileSync(bad, JSON.stringify(rows));
    const r = await dvcqg('import', bad, '--process', `${PROC}/process.json`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/row 1: /);
    expect(JSON.parse(r.out).problems.length).toBeGreaterThan(0);
  });

  it('requires --process', async () => {
    await expect(dvcqg('import', `${EX}/tien-do.csv`)).rejects.toThrow(/--process <file> is required/);
  });
});

describe('issue 6 command names', () => {
  it('export-dvcqg and import-progress are dvcqg export/import', async () => {
    const { run, memoryIo } = await import('../index.js');
    for (const name of ['export-dvcqg', 'import-progress']) {
      const io = memoryIo();
      expect(await run([name, '--help'], io)).toBe(0);
      expect(io.out()).toContain('tthc dvcqg export');
    }
    const io = memoryIo();
    expect(await run(['import-progress', 'no-such-file.csv', '--process', 'nope.json'], io)).toBe(1);
    expect(io.err()).toMatch(/no-such-file\.csv|nope\.json/);
  });
});
