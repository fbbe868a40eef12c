import { cpSync, existsSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// `tthc demo` runs from an npm install on data shipped in the package: the repository's example
// folders are copied to packages/cli/examples (git-ignored, listed in `files`) on every build.
const EXAMPLES = ['commune', 'procedures', 'simulation', 'logs', 'dvcqg'];
function copyExamples(): void {
  rmSync('examples', { recursive: true, force: true });
  for (const dir of EXAMPLES) {
    const from = `../../examples/${dir}`;
    if (existsSync(from)) {
      cpSync(from, `examples/${dir}`, { recursive: true, filter: (src) => !src.endsWith('.mjs') });
    }
  }
}

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    entry: { bin: 'src/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    onSuccess: async () => copyExamples(),
  },
]);
