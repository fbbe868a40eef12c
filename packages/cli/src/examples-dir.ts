/**
 * Where the example data of `tthc demo` is: the repository's `examples/` in a checkout, else the copy
 * shipped in the package (an npm install).
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
 * The `examples/` folder the demo reads: the repository's when the CLI runs from a checkout (found from
 * the CLI file, then the working directory), else the copy shipped inside the package
 * (`@tthc/cli/examples`, written by the build), or `null` when neither is there.
 * @example defaultExamplesRoot() // '/work/main/examples'
 */
export function defaultExamplesRoot(): string | null {
  for (const start of [dirname(cliFile()), process.cwd()]) {
    const root = findRepoRoot(start);
    const dir = root === null ? null : join(root, 'examples');
    if (dir !== null && existsSync(join(dir, 'procedures'))) return dir;
  }
  // dist/bin.js (or src/… under the tests) → the package folder → examples/
  const shipped = join(dirname(cliFile()), '..', 'examples');
  return existsSync(join(shipped, 'procedures')) ? shipped : null;
}

/**
 * `procedures/` of {@link defaultExamplesRoot}, or `null`.
 * @example defaultExamplesDir() // '/work/main/examples/procedures'
 */
export function defaultExamplesDir(): string | null {
  const root = defaultExamplesRoot();
  return root === null ? null : join(root, 'procedures');
}
