import { join, relative } from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Where this package's JSON results go: the directory of the current `pnpm test` run when there is one
 * (so two runs side by side never mix their counts), else `.vitest-results.json` in the package.
 */
function resultsFile(): string {
  const dir = process.env.BILLBRIDGE_RESULTS_DIR;
  if (!dir) return '.vitest-results.json';
  const workspace = relative(import.meta.dirname, process.cwd()).replaceAll('\\', '/');
  return join(dir, `${workspace.replaceAll('/', '_')}.json`);
}

/**
 * The vitest config every package uses: workspace packages resolve to their TypeScript sources (the
 * `billbridge-source` export condition), so tests never depend on a prior build; results also go to a
 * JSON file that `scripts/test-summary.mjs` sums into one closing line.
 */
export function packageTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions: ['billbridge-source'] },
    ssr: { resolve: { conditions: ['billbridge-source'] } },
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      testTimeout: 30_000,
      reporters: ['default', ['json', { outputFile: resultsFile() }]],
      ...overrides,
    },
  });
}
