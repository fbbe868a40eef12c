#!/usr/bin/env node
/**
 * Runs the calendar and testing suites under several process time zones (STYLE.md habit 10): the
 * library must never read the process zone, so every run must pass with the same answers.
 * Usage: `pnpm test:tz` (extra arguments are passed to vitest).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/Santiago'];
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const failed = [];

for (const zone of zones) {
  console.log(`\n▶ TZ=${zone}: vitest run packages/calendar packages/testing`);
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', 'packages/calendar', 'packages/testing', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TZ: zone },
    },
  );
  if (run.status !== 0) failed.push(`${zone} (${run.error?.message ?? `exit ${run.status ?? run.signal}`})`);
}

if (failed.length > 0) {
  console.error(`\n✗ test:tz failed under TZ=${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\n✓ test:tz passed under ${zones.map((z) => `TZ=${z}`).join(', ')}`);
