import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: true,
  // import.meta.url in the CommonJS build too: schema/lazy.ts requires zod relative to itself.
  shims: true,
});
