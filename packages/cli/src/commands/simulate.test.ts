import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo } from '../io.js';
import { integerOption, progressBar, simulateCommand } from './simulate.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PROCESS = join(root, 'examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh/process.json');
const SCENARIO = join(root, 'examples/simulation/ward-scenario.json');
const tmp = mkdtempSync(join(tmpdir(), 'tthc-simulate-'));

/** Runs the command with memory IO; a thrown input error becomes exit 1 as `run` would make it. */
async function sim(args: string[], stderr: { isTTY?: boolean } = {}) {
  const io = memoryIo();
  const ttyIo = { stdout: io.stdout, stderr: Object.assign(io.stderr, stderr) };
  let code: number;
  try {
    code = await simulateCommand.run(args, createContext(ttyIo, undefined));
  } catch (error) {
    io.stderr.write((error as Error).message);
    code = 1;
  }
  return { code, out: io.out(), err: io.err() };
}

describe('tthc simulate', () => {
  it('--json prints the same result for the same seed, a different one for another seed', async () => {
    const a = await sim([PROCESS, SCENARIO, '--json', '--seed', '7', '--dossiers', '200']);
    const b = await sim([PROCESS, SCENARIO, '--json', '--seed', '7', '--dossiers', '200']);
    const c = await sim([PROCESS, SCENARIO, '--json', '--seed', '8', '--dossiers', '200']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    const result = JSON.parse(a.out);
    expect(result.seed).toBe(7);
    expect(result.dossiers.arrived).toBe(200);
    expect(a.err).toBe('');
  });

  it('--replications N reports the on-time rate and mean lead time over N replications', async () => {
    const a = await sim([PROCESS, SCENARIO, '--json', '--seed', '7', '--dossiers', '150', '--replications', '3']);
    const b = await sim([PROCESS, SCENARIO, '--json', '--seed', '7', '--dossiers', '150', '--replications', '3']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const result = JSON.parse(a.out);
    expect(result.onTimeRate.method).toBe('replications');
    expect(result.replications.count).toBe(3);
    expect(result.replications.runs[0].seed).toBe(7);
    const text = await sim([PROCESS, SCENARIO, '--seed', '7', '--dossiers', '150', '--replications', '3']);
    expect(text.out).toContain('Student t over 3 replications');
    expect(text.out).toContain('mean lead');
    const bad = await sim([PROCESS, SCENARIO, '--replications', '1']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--replications "1" is not a whole number ≥ 2');
    expect((await sim([PROCESS, SCENARIO, '--replications', 'x'])).err).toContain('--replications "x"');
  });

  it('defaults to seed 1 and prints a summary with the on-time CI and the bottleneck', async () => {
    const { code, out } = await sim([PROCESS, SCENARIO]);
    const json = JSON.parse((await sim([PROCESS, SCENARIO, '--json'])).out);
    expect(code).toBe(0);
    expect(json.seed).toBe(1);
    expect(out).toContain(`95 % CI ${(json.onTimeRate.low * 100).toFixed(2)} %`);
    expect(out).toContain(json.bottlenecks[0].unit);
  });

  it('--html writes a self-contained report and says so on stderr; --md writes Markdown', async () => {
    const html = join(tmp, 'ward.html');
    const r = await sim([PROCESS, SCENARIO, '--html', html, '--dossiers', '100']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain(html);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('data-chart="lead-time"');
    const md = join(tmp, 'ward.md');
    expect((await sim([PROCESS, SCENARIO, '--md', md, '--dossiers', '100'])).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Báo cáo mô phỏng/);
  });

  it('shows a progress bar only on a terminal or with --progress', async () => {
    const piped = await sim([PROCESS, SCENARIO, '--json', '--dossiers', '50']);
    expect(piped.err).toBe('');
    const forced = await sim([PROCESS, SCENARIO, '--json', '--dossiers', '50', '--progress']);
    expect(forced.err).toContain('] 50/50');
    const tty = await sim([PROCESS, SCENARIO, '--dossiers', '50'], { isTTY: true });
    expect(tty.err).toMatch(/\r\[#+\] 50\/50\n$/);
    // Never with --json, even on a terminal (clig.dev), unless --progress asks for it.
    expect((await sim([PROCESS, SCENARIO, '--json', '--dossiers', '50'], { isTTY: true })).err).toBe('');
    expect(forced.out).toBe(piped.out);
  });

  it('bad input: one line naming the argument and the value', async () => {
    expect((await sim([PROCESS])).err).toContain('expected <process.json> <scenario.json>');
    expect((await sim([PROCESS, SCENARIO, '--seed', '1.5'])).err).toBe('--seed "1.5" is not an integer');
    expect((await sim([PROCESS, SCENARIO, '--dossiers', '0'])).err).toBe('--dossiers "0" is not a whole number ≥ 1');
    expect((await sim([PROCESS, SCENARIO, '--json', '--md', 'x.md'])).err).toContain('cannot be combined');
    expect((await sim([PROCESS, join(tmp, 'missing.json')])).err).toContain('cannot be read (ENOENT)');
    const bad = join(tmp, 'bad-scenario.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(SCENARIO, 'utf8')), horizon: -3 }));
    const r = await sim([PROCESS, bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(bad);
    expect(r.err).toContain('horizon');
    expect(r.err).not.toContain('\n');
  });

  it('--help prints the usage', async () => {
    const { code, out } = await sim(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: tthc simulate <process.json> <scenario.json>/);
  });
});

describe('helpers', () => {
  it('progressBar fills in proportion and clamps', () => {
    expect(progressBar(6000, 10000, 10)).toBe('[######----] 6000/10000');
    expect(progressBar(0, 10, 4)).toBe('[----] 0/10');
    expect(progressBar(12, 10, 4)).toBe('[####] 12/10');
  });

  it('integerOption accepts integers only', () => {
    expect(integerOption('-3', 'seed', { min: Number.MIN_SAFE_INTEGER })).toBe(-3);
    expect(integerOption(undefined, 'seed', { min: 1 })).toBeUndefined();
    expect(() => integerOption('1e3', 'dossiers', { min: 1 })).toThrow('--dossiers "1e3"');
    expect(() => integerOption('99999999999999999999', 'seed', { min: Number.MIN_SAFE_INTEGER })).toThrow();
  });
});
