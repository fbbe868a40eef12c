import { defineConfig } from 'vitest/config';

// Tests run on source: the `@tthc/source` export condition points every workspace
// package at its `src/index.ts`, so no build is needed before `pnpm test`.
export default defineConfig({
  resolve: { conditions: ['@tthc/source'] },
  ssr: { resolve: { conditions: ['@tthc/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
