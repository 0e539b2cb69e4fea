// `pnpm test`: lint, then every workspace's typecheck and tests (turbo, as many tasks at once as the
// machine has cores), then the package checks (build, publint, attw), then one closing line:
// "N passed, N failed". Exit status: non-zero when any step failed.
//
// Two runs in the same checkout do not disturb each other: test results go to a directory of this run
// only, and the build + package checks (which rewrite dist/) run under a checkout-wide lock.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(import.meta.dirname, '..');
const concurrency = String(Math.max(1, availableParallelism()));
const resultsDir = mkdtempSync(join(tmpdir(), 'billbridge-test-results-'));
const env = { ...process.env, BILLBRIDGE_RESULTS_DIR: resultsDir, TURBO_TELEMETRY_DISABLED: '1' };
const started = Date.now();
const failedSteps = [];

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (run.status !== 0) failedSteps.push(name);
}

/** A directory lock: mkdir is atomic. A lock older than 30 min is left over from a killed run. */
async function withLock(name, fn) {
  const lock = join(root, 'node_modules', `.billbridge-${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 30 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      await sleep(1_000);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const turbo = (tasks) => ['exec', 'turbo', 'run', ...tasks, '--continue', `--concurrency=${concurrency}`];
step('lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
step(`typecheck and tests (turbo, concurrency ${concurrency})`, 'pnpm', turbo(['typecheck', 'test']));
await withLock('package-checks', () =>
  step('package checks (build, publint, attw)', 'pnpm', turbo(['check-package'])),
);

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `\n${failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'All steps passed'} (${minutes} min)`,
);
const summary = spawnSync(process.execPath, [join(root, 'scripts', 'test-summary.mjs'), resultsDir], {
  stdio: 'inherit',
});
rmSync(resultsDir, { recursive: true, force: true });
process.exit(failedSteps.length || summary.status !== 0 ? 1 : 0);
