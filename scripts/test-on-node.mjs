// Runs every workspace's vitest suite (no lint, typecheck or package checks: those do not depend on the
// Node version) under another Node major, from the npm package `node@<major>`, then prints
// "N passed, N failed". Usage: node scripts/test-on-node.mjs 22 [turbo options, e.g. --filter=@billbridge/core]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const [major, ...turboArgs] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? '')) {
  console.error('usage: node scripts/test-on-node.mjs <node major, e.g. 22>');
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
const prefix = join(root, `.node${major}`);
const binDir = join(prefix, 'node_modules', 'node', 'bin');
if (!existsSync(join(binDir, 'node'))) {
  const install = spawnSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      `node@${major}`,
    ],
    { stdio: 'inherit' },
  );
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const PATH = `${binDir}${delimiter}${process.env.PATH ?? ''}`;
const version = spawnSync(join(binDir, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
const resultsDir = mkdtempSync(join(tmpdir(), `billbridge-node${major}-results-`));
const env = { ...process.env, PATH, BILLBRIDGE_RESULTS_DIR: resultsDir, TURBO_TELEMETRY_DISABLED: '1' };
const concurrency = String(Math.max(1, availableParallelism()));
console.log(`▶ every workspace's tests under Node ${version}`);
const started = Date.now();
const run = spawnSync(
  join(binDir, 'node'),
  [
    join(root, 'node_modules', 'turbo', 'bin', 'turbo'),
    'run',
    'test',
    '--continue',
    `--concurrency=${concurrency}`,
    ...turboArgs,
  ],
  { cwd: root, env, stdio: 'inherit' },
);
console.log(`\nNode ${version}: ${((Date.now() - started) / 60_000).toFixed(1)} min`);
const summary = spawnSync(
  join(binDir, 'node'),
  [join(root, 'scripts', 'test-summary.mjs'), resultsDir, ...(turboArgs.length ? ['--present-only'] : [])],
  {
    stdio: 'inherit',
  },
);
rmSync(resultsDir, { recursive: true, force: true });
process.exit(run.status !== 0 || summary.status !== 0 ? 1 : 0);
