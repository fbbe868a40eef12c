/**
 * Where the repository's example procedures are, for `tthc demo` and its simulation and replay parts:
 * found from the CLI file, then from the working directory; an npm install has none.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `pnpm-workspace.yaml` at or above `start` (the repository root), or `null`.
 * @example findRepoRoot('/work/main/packages/cli/dist') // '/work/main'
 */
export function findRepoRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Where this CLI file lives: `import.meta.url` in ESM (bin, tests); the CJS build has `__filename`. */
function cliFile(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

/**
 * `examples/procedures` of the repository the CLI runs from (found from the CLI file, then the working
 * directory), or `null` outside a checkout (an npm install has no examples).
 * @example defaultExamplesDir() // '/work/main/examples/procedures'
 */
export function defaultExamplesDir(): string | null {
  for (const start of [dirname(cliFile()), process.cwd()]) {
    const root = findRepoRoot(start);
    const dir = root === null ? null : join(root, 'examples', 'procedures');
    if (dir !== null && existsSync(dir)) return dir;
  }
  return null;
}
