#!/usr/bin/env node
// Builds every package (tsup) in dependency order, one line of progress per package on stderr, so
// `pnpm demo` is not silent while it builds. On a failure prints that package's build output and
// exits 1. Same result as `pnpm build`; plain Node ESM, no dependencies.
//
//   node scripts/build.mjs
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');

function readPackages() {
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(packagesDir, d.name, 'package.json')))
    .map((d) => {
      const dir = join(packagesDir, d.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { dir, name: pkg.name, deps: Object.keys(pkg.dependencies ?? {}), build: pkg.scripts?.build };
    })
    .filter((p) => p.build !== undefined);
}

/** Dependencies first (Kahn's algorithm over the workspace's own packages); names break ties. */
function inOrder(packages) {
  const names = new Set(packages.map((p) => p.name));
  const done = new Set();
  const order = [];
  let left = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  while (left.length > 0) {
    const ready = left.filter((p) => p.deps.every((d) => !names.has(d) || done.has(d)));
    if (ready.length === 0) throw new Error(`dependency cycle among ${left.map((p) => p.name).join(', ')}`);
    for (const p of ready) {
      order.push(p);
      done.add(p.name);
    }
    left = left.filter((p) => !done.has(p.name));
  }
  return order;
}

function build(pkg) {
  return new Promise((resolvePromise) => {
    const child = spawn('pnpm', ['-s', 'run', 'build'], { cwd: pkg.dir, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolvePromise({ code, output }));
    child.on('error', (error) => resolvePromise({ code: 1, output: String(error) }));
  });
}

const packages = inOrder(readPackages());
const started = performance.now();
for (const [i, pkg] of packages.entries()) {
  const t0 = performance.now();
  process.stderr.write(`building ${pkg.name} (${i + 1}/${packages.length})…`);
  const { code, output } = await build(pkg);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (code !== 0) {
    process.stderr.write(` failed after ${seconds} s\n${output}\n`);
    process.exit(1);
  }
  process.stderr.write(` ${seconds} s\n`);
}
process.stderr.write(`built ${packages.length} packages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
