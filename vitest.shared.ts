import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The vitest config every package uses: workspace packages resolve to their TypeScript sources (the
 * `billbridge-source` export condition), so tests never depend on a prior build; results also go to a
 * JSON file that `.ci/run` sums into one closing line.
 */
export function packageTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions: ['billbridge-source'] },
    ssr: { resolve: { conditions: ['billbridge-source'] } },
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      testTimeout: 30_000,
      reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
      ...overrides,
    },
  });
}
