import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo } from '../io.js';
import { applyCommand } from './apply.js';
import type { Command } from './command.js';
import { planCommand } from './plan.js';
import { reportCommand } from './report.js';

const COMMUNE = 'examples/commune';

async function cli(command: Command, ...args: string[]) {
  const io = memoryIo();
  const code = await command.run(args, createContext(io, undefined));
  return { code, out: io.out(), err: io.err() };
}

/** A scratch copy of the commune data set (apply writes over the originals). */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-sync-'));
  for (const sub of ['catalogue', 'eiso', 'portal', 'base'])
    cpSync(join(COMMUNE, sub), join(dir, sub), { recursive: true });
  return dir;
}

const dirs = (d: string) => ['--catalogue', `${d}/catalogue`, '--eiso', `${d}/eiso`, '--portal', `${d}/portal`];

describe('tthc plan', () => {
  it('plans every commune procedure from directories, with a progress bar on stderr, exit 2', async () => {
    const r = await cli(planCommand, ...dirs(COMMUNE), '--base', `${COMMUNE}/base`, '--json', '--progress');
    expect(r.code).toBe(2);
    expect(r.err).toContain('[####################] 21/21');
    expect(r.err).toMatch(/\[#*-+\] \d+\/21/);
    const plan = JSON.parse(r.out);
    expect(plan).toMatchObject({ bulkVersion: 1, kind: 'plan', unpaired: [], problems: [] });
    expect(plan.procedures).toHaveLength(21);
    expect(Object.keys(plan.appliedHashes)).toHaveLength(21);
    const legal = plan.procedures.find((p: { code: string }) => p.code === '1.012812');
    expect(legal.announced.map((c: { code: string }) => c.code).sort()).toEqual([
      'legalBasis.superseded',
      'limit.changed',
    ]);
  });

  it('draws no progress bar when stderr is not a terminal (logs, files, pipes)', async () => {
    const r = await cli(planCommand, ...dirs(COMMUNE), '--base', `${COMMUNE}/base`);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('\r');
    expect(r.err).not.toMatch(/\] \d+\/21/);
  });

  it('single files: no progress bar; the text lists what differs', async () => {
    const r = await cli(
      planCommand,
      '--eiso',
      `${COMMUNE}/eiso/1.000894.json`,
      '--portal',
      `${COMMUNE}/portal/1.000894.json`,
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^1\.000894 .*performers 1/m);
  });

  it('refuses missing or unreadable inputs in one line', async () => {
    await expect(cli(planCommand, '--eiso', `${COMMUNE}/eiso`)).rejects.toThrow(/^--portal <file\|dir> is required/);
    await expect(cli(planCommand, '--eiso', 'nope', '--portal', `${COMMUNE}/portal`)).rejects.toThrow(
      /--eiso "nope" cannot be read \(ENOENT\)/,
    );
  });
});

describe('tthc apply', () => {
  it('patches the portal documents, then is idempotent, and a re-plan has no patches', async () => {
    const d = scratch();
    const planFile = join(d, 'plan.json');
    expect((await cli(planCommand, ...dirs(d), '--out', planFile)).code).toBe(2);
    const before = readFileSync(join(d, 'portal/1.000894.json'), 'utf8');
    const first = await cli(applyCommand, planFile, '--json');
    expect(first.code).toBe(2);
    const docs = JSON.parse(first.out).documents as { procedure: string; system: string; state: string }[];
    expect(docs.find((x) => x.procedure === '1.000894' && x.system === 'portal')?.state).toBe('patched');
    expect(readFileSync(join(d, 'portal/1.000894.json'), 'utf8')).not.toBe(before);
    const second = await cli(applyCommand, planFile, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).documents.filter((x: { state: string }) => x.state === 'patched')).toEqual([]);
    // Re-planning after apply: nothing to patch, exit 0 (docs/cli.md), checks still listed for a person.
    const replan = await cli(planCommand, ...dirs(d), '--root', d, '--json');
    expect(replan.code).toBe(0);
    const again = JSON.parse(replan.out);
    for (const p of again.procedures) expect(p.plan.patches).toEqual({ eiso: [], portal: [] });
    expect(again.procedures.some((p: { checks: unknown[] }) => p.checks.length > 0)).toBe(true);
  });

  it('--out-dir leaves the originals alone', async () => {
    const d = scratch();
    const planFile = join(d, 'plan.json');
    await cli(planCommand, ...dirs(d), '--out', planFile);
    const before = readFileSync(join(d, 'portal/1.000894.json'), 'utf8');
    const r = await cli(applyCommand, planFile, '--out-dir', join(d, 'out'));
    expect(r.code).toBe(2);
    expect(readFileSync(join(d, 'portal/1.000894.json'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(d, 'out/portal/1.000894.json'), 'utf8')).MaTTHC).toMatch(/^1\.000894/);
  });

  it('refuses a plan whose documents changed, writing nothing', async () => {
    const d = scratch();
    const planFile = join(d, 'plan.json');
    await cli(planCommand, ...dirs(d), '--out', planFile);
    const edited = JSON.parse(readFileSync(join(d, 'eiso/1.000656.json'), 'utf8'));
    edited.TenQuyTrinh = `${edited.TenQuyTrinh} (sửa)`;
    writeFileSync(join(d, 'eiso/1.000656.json'), JSON.stringify(edited));
    const before = readFileSync(join(d, 'portal/1.000894.json'), 'utf8');
    await expect(cli(applyCommand, planFile)).rejects.toThrow(/eiso\/1\.000656\.json" changed since the plan was made/);
    expect(readFileSync(join(d, 'portal/1.000894.json'), 'utf8')).toBe(before);
  });

  it('refuses a file that is not a plan, naming the field', async () => {
    const d = scratch();
    writeFileSync(join(d, 'x.json'), JSON.stringify({ bulkVersion: 2 }));
    await expect(cli(applyCommand, join(d, 'x.json'))).rejects.toThrow(/bulkVersion: expected 1, got 2/);
  });
});

describe('tthc report', () => {
  it('writes HTML and Markdown, JSON on stdout, exit 2 on differences', async () => {
    const d = scratch();
    const planFile = join(d, 'plan.json');
    await cli(planCommand, ...dirs(d), '--base', join(d, 'base'), '--out', planFile);
    const r = await cli(reportCommand, planFile, '--html', join(d, 'r.html'), '--md', join(d, 'r.md'), '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).summary).toMatchObject({ procedures: 21, agree: 10, exceedLimit: 1 });
    const html = readFileSync(join(d, 'r.html'), 'utf8');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(readFileSync(join(d, 'r.md'), 'utf8')).toContain(
      '| Vượt thời hạn giải quyết theo quy định | Exceed the statutory limit | 1 |',
    );
    expect(r.err).toContain('report written to');
  });

  it('reads a folder of ISO procedure documents as .docx (issue 10) and plans them against the portal', async () => {
    const { isoDocx } = await import('../../../sync/src/tables/forms.test-util.js');
    const dir = mkdtempSync(join(tmpdir(), 'tthc-iso-'));
    writeFileSync(
      join(dir, 'QT-02-CX-HCTP.docx'),
      await isoDocx({
        agency: 'UBND xã An Bình',
        steps: [
          ['TT', 'Trình tự', 'Trách nhiệm', 'Thời gian', 'Biểu mẫu/Kết quả'],
          ['B1', 'Tiếp nhận hồ sơ', 'CCMC', '2 giờ', ''],
          ['B2', 'Thẩm định, trình ký', 'Công chức TP-HT', '4 giờ', ''],
          ['B3', 'Trả kết quả', 'CCMC', '2 giờ', ''],
        ],
      }),
    );
    const r = await cli(
      planCommand,
      '--eiso',
      dir,
      '--portal',
      'packages/sync/src/__fixtures__/birth-registration.portal.json',
      '--root',
      '/',
      '--json',
    );
    const plan = JSON.parse(r.out);
    expect(plan.unpaired).toEqual([]);
    expect(plan.procedures.map((p: { code: string }) => p.code)).toEqual(['1.001193']);
    // Stored relative to the plan's root (here `/`, the common ancestor of the inputs).
    expect(plan.procedures[0].sources.eiso).toBe(join(dir, 'QT-02-CX-HCTP.docx').slice(1));
  });
});
