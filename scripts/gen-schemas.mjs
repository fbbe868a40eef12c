#!/usr/bin/env node
// Regenerates docs/schemas/*.schema.json from the zod schemas of @tthc/core.
// The generator is packages/core/src/schemas.test.ts (it runs on source through vitest, so no build
// and no TypeScript loader are needed); without UPDATE_SCHEMAS it only checks the files are current.
import { spawnSync } from 'node:child_process';

const result = spawnSync('pnpm', ['exec', 'vitest', 'run', 'packages/core/src/schemas.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_SCHEMAS: '1' },
});
process.exit(result.status ?? 1);
