import { defineConfig } from 'tsup';

const shared = { target: 'node20', dts: true, sourcemap: true } as const;

export default defineConfig([
  // The library, for `import` and `require`.
  { ...shared, entry: ['src/index.ts'], format: ['esm', 'cjs'], clean: true },
  // The CLI (bin/billbridge.js imports it): ESM only.
  { ...shared, entry: ['src/cli.ts'], format: ['esm'], clean: false },
]);
