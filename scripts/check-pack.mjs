#!/usr/bin/env node
// Checks what each package would publish (`pnpm check:pack`; run after `pnpm build`).
//
// For every package under packages/: `pnpm pack` into a temporary directory, then lint the tarball
// with publint (package.json exports/files/types consistency) and @arethetypeswrong/cli (types resolve
// for ESM and CJS consumers under node10/node16/bundler). Prints one line per package; on any error
// prints the tools' output and exits 1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function exec(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, output: output.trim() };
}

function packages() {
  const dir = join(root, 'packages');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'package.json')))
    .map((entry) => join(dir, entry.name))
    .filter((path) => !JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).private);
}

function pack(pkgDir, destination) {
  const result = exec('pnpm', ['pack', '--pack-destination', destination, '--json'], pkgDir);
  if (!result.ok) return { error: result.output };
  try {
    const start = result.output.indexOf('{');
    return { tarball: JSON.parse(result.output.slice(start)).filename };
  } catch {
    return { error: `could not read the output of pnpm pack:\n${result.output}` };
  }
}

function checkPackage(pkgDir, destination) {
  const name = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).name;
  if (!existsSync(join(pkgDir, 'dist'))) return { name, problems: ['no dist/ — run `pnpm build` first'] };
  const packed = pack(pkgDir, destination);
  if (packed.error) return { name, problems: [`pnpm pack failed:\n${packed.error}`] };
  const problems = [];
  const publint = exec(bin('publint'), ['run', packed.tarball, '--level', 'warning'], pkgDir);
  if (!publint.ok) problems.push(`publint:\n${publint.output}`);
  const attw = exec(bin('attw'), [packed.tarball, '--format', 'table-flipped', '--no-color'], pkgDir);
  if (!attw.ok) problems.push(`attw:\n${attw.output}`);
  return { name, problems };
}

const destination = mkdtempSync(join(tmpdir(), 'tthc-pack-'));
let failed = 0;
try {
  const results = packages().map((pkgDir) => checkPackage(pkgDir, destination));
  for (const { name, problems } of results) {
    console.log(
      `${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}: publint + attw${problems.length ? ` (${problems.length} problem(s))` : ''}`,
    );
  }
  for (const { name, problems } of results) {
    for (const problem of problems) console.error(`\n--- ${name} ---\n${problem}`);
    if (problems.length) failed++;
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
process.exitCode = failed === 0 ? 0 : 1;
