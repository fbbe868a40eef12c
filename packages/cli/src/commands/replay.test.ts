import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo } from '../io.js';
import { logFormat, replayCommand } from './replay.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PROCESS = join(root, 'examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh/process.json');
const LOG = join(root, 'examples/logs/ho-kinh-doanh-progress.csv');
const tmp = mkdtempSync(join(tmpdir(), 'tthc-replay-'));

async function replay(args: string[]) {
  const io = memoryIo();
  let code: number;
  try {
    code = await replayCommand.run(args, createContext(io, undefined));
  } catch (error) {
    io.stderr.write((error as Error).message);
    code = 1;
  }
  return { code, out: io.out(), err: io.err() };
}

describe('tthc replay', () => {
  it('exits 0 on the example log despite its deviations, listing malformed rows by line on stderr', async () => {
    const { code, out, err } = await replay([PROCESS, LOG]);
    expect(code).toBe(0);
    expect(err.split('\n').filter(Boolean)).toEqual([
      `${LOG}:12: MaHoSo: missing dossier id`,
      `${LOG}:24: expected 10 fields as in the header, got 3`,
      `${LOG}:40: ThoiDiemXuLy: not a real date and time (yyyyMMddHHmmss)`,
    ]);
    expect(out).toContain('3/7 = 42.86 %');
    expect(out).toMatch(/H56\.14-260302-0002\s+sign\s+skipped-step\s+10/);
    expect(out).toMatch(/H56\.14-260302-0006\s+review\s+31\s+2026-03-03 12:00\s+2026-03-04 11:00\s+420/);
  });

  it('--json prints the ReplayResult', async () => {
    const { code, out } = await replay([PROCESS, LOG, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.summary.traces).toBe(7);
    expect(result.summary.logFitness).toBeCloseTo(0.9286, 4);
    expect(result.problems.map((p: { line: number }) => p.line)).toEqual([12, 24, 40]);
  });

  it('--html writes the replay report', async () => {
    const file = join(tmp, 'replay.html');
    const { code, out, err } = await replay([PROCESS, LOG, '--html', file]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(`wrote) ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('data-chart="lateness"');
    expect(html).toContain('H56.14-260305-0007');
  });

  it('reads JSON Lines by extension', async () => {
    const file = join(tmp, 'log.jsonl');
    writeFileSync(
      file,
      [
        { dossier_id: 'A-1', step: 'receive', timestamp: '2026-03-02T08:30:00+07:00' },
        { dossier_id: 'A-1', step: 'return', timestamp: '2026-03-02T09:30:00+07:00' },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const { code, out } = await replay([PROCESS, file, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.summary.traces).toBe(1);
    expect(r.summary.deviations['skipped-step']).toBeGreaterThan(0);
  });

  it('exits 1 with one line when the log cannot be read at all', async () => {
    const missing = await replay([PROCESS, join(tmp, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot be read (ENOENT)');
    const garbage = join(tmp, 'garbage.json');
    writeFileSync(garbage, '{ not json');
    const bad = await replay([PROCESS, garbage]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/holds no readable event \(line \d+: /);
    expect(bad.err).not.toContain('\n');
  });

  it('bad arguments name the option and the value', async () => {
    expect((await replay([PROCESS])).err).toContain('expected <process.json> <log.csv|jsonl|json>');
    expect((await replay([PROCESS, LOG, '--format', 'xml'])).err).toBe(
      '--format "xml" is not a log format; expected csv, jsonl or json',
    );
    expect((await replay([PROCESS, LOG, '--json', '--html', 'x.html'])).err).toContain('cannot be combined');
  });
});

describe('logFormat', () => {
  it('takes --format first, else the extension', () => {
    expect(logFormat('a.CSV', undefined)).toBe('csv');
    expect(logFormat('a.ndjson', undefined)).toBe('jsonl');
    expect(logFormat('a.txt', 'json')).toBe('json');
    expect(() => logFormat('a.txt', undefined)).toThrow('"a.txt": cannot tell the log format');
  });
});
