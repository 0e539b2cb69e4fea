// Runs core's test suite under Node 24 (from the npm package `node@24`), proving support beyond Node 20.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const prefix = join(root, '.node24');
const binary = join(prefix, 'node_modules', 'node', 'bin', 'node');
if (!existsSync(binary)) {
  const install = spawnSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--prefix', prefix, 'node@24'],
    {
      stdio: 'inherit',
    },
  );
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`core tests under Node ${version}`);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(binary, [vitest, 'run'], { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
process.exit(run.status ?? 1);
