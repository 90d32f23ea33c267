import { defineConfig } from 'vitest/config';
import { basename } from 'node:path';

/**
 * One test setup for every package: workspace packages resolve to their TypeScript source
 * (the `@hlsest/source` export condition) so tests never run against a stale build, and each
 * package writes a JSON report that `scripts/test-summary.mjs` adds up for CI.
 */
export function packageTestConfig(packageDir: string, overrides: { testTimeout?: number } = {}) {
  const name = basename(packageDir);
  const conditions = ['@hlsest/source', 'module', 'node', 'import', 'default'];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@hlsest/source'] } },
    test: {
      watch: false,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 30_000,
      reporters: ['default', ['json', { outputFile: `../../tmp/test-results/${name}.json` }]],
      pool: 'forks',
    },
  });
}
