/**
 * Every package README starts with an example a user can paste after an npm install. This test packs
 * each package (`pnpm pack`, as publishing would), installs the tarballs into an empty scratch project
 * (workspace versions of @tthc/* forced to the tarballs, everything else from the registry or pnpm's
 * store), writes each README's first ```js block to a file as pasted, runs it with Node and checks that
 * it prints what its comments say. `npx tthc demo` is run there too, on the data shipped in the package.
 * Needs the build (`pnpm build`, CI builds first); skipped when any dist/ is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const packagesDir = join(root, 'packages');
const packages = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, 'package.json')));
const built = packages.every((name) => existsSync(join(packagesDir, name, 'dist')));

function exec(command: string, args: readonly string[], cwd: string, timeout = 240_000) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout ?? '', err: `${result.stderr ?? ''}${result.error ?? ''}` };
}

/** The first fenced ```js block of a README, as a user would paste it. */
export function firstJsBlock(readme: string): string | null {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.trim() === '```js');
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && l.trim() === '```');
  return end < 0 ? null : `${lines.slice(start + 1, end).join('\n')}\n`;
}

/** What each README example must print (taken from the example's own comments). */
const EXPECT: Readonly<Record<string, readonly (string | RegExp)[]>> = {
  calendar: ['2026-02-25T09:30:00.000Z', '2026-02-25T10:00:00.000Z', /^15$/m, 'leap: false'],
  core: [/^\[\]$/m, "state: 'returned'", "classification: 'early'", /^10$/m],
  sync: ['step.duration — Step B2 time: 4 h → 6 h', /^step\.performer — Step B2 performer changed/m],
  sim: ['on time 794/794, 95 % CI 0.995–1.000', /bottleneck UBND xã/],
  testing: ['OK: 50 runs'],
};

describe.skipIf(!built)('README examples from the packed tarballs in an empty project', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'tthc-readme-'));
  const tarballs: Record<string, string> = {};

  beforeAll(() => {
    const out = join(scratch, 'tarballs');
    mkdirSync(out);
    for (const name of packages) {
      const packed = exec('pnpm', ['pack', '--pack-destination', out], join(packagesDir, name));
      expect(packed.code, packed.err).toBe(0);
    }
    for (const file of readdirSync(out)) {
      const name = /^tthc-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(file)?.[1];
      if (name) tarballs[`@tthc/${name}`] = `file:${join(out, file)}`;
    }
    const project = {
      name: 'readme-check',
      private: true,
      type: 'module',
      dependencies: { ...tarballs, 'fast-check': '^4.0.0' },
      pnpm: { overrides: tarballs },
    };
    writeFileSync(join(scratch, 'package.json'), JSON.stringify(project, null, 2));
    const install = exec('pnpm', ['install', '--prefer-offline', '--config.confirmModulesPurge=false'], scratch);
    expect(install.code, `${install.out}\n${install.err}`).toBe(0);
  }, 600_000);

  for (const name of packages) {
    const readme = readFileSync(join(packagesDir, name, 'README.md'), 'utf8');
    const block = firstJsBlock(readme);
    const expected = EXPECT[name];
    if (name === 'cli' || name === 'store') continue;
    it(`${name}: the README starts with a js example that runs as pasted`, () => {
      expect(block, `packages/${name}/README.md has no \`\`\`js block`).not.toBeNull();
      const file = join(scratch, `${name}-readme.mjs`);
      writeFileSync(file, block ?? '');
      const run = exec(process.execPath, [file], scratch, 120_000);
      expect(run.code, `${run.out}\n${run.err}`).toBe(0);
      for (const text of expected ?? []) {
        if (typeof text === 'string') expect(run.out).toContain(text);
        else expect(run.out).toMatch(text);
      }
    });
  }

  it('npx tthc demo runs from the install, on the examples shipped in the package', () => {
    const out = join(scratch, 'demo-out');
    const demo = exec('npx', ['--no-install', 'tthc', 'demo', '--out', out], scratch, 300_000);
    expect(demo.code, demo.err).toBe(0);
    expect(demo.out).toContain('== 1. Đồng bộ');
    expect(demo.out).toContain('không còn gì phải vá / nothing left to patch');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(demo.out).toContain('== 7.3 ');
  });
});
