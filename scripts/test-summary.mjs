// Sums the vitest JSON results of every workspace into one closing line: "N passed, N failed".
// Reads the directory given as argument (what `pnpm test` uses), else each workspace's
// .vitest-results.json (what a package's own `vitest run` writes).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const workspaces = [
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => `${group}/${name}`),
  ),
  'bench',
  'examples',
  'checks',
].filter((ws) => existsSync(join(root, ws, 'package.json')));
const hasTests = (ws) =>
  Boolean(JSON.parse(readFileSync(join(root, ws, 'package.json'), 'utf8')).scripts?.test);

const dir = process.argv[2];
// With --present-only (a filtered run), workspaces without results were not asked to run.
const presentOnly = process.argv.includes('--present-only');
const resultFile = (ws) =>
  dir ? join(dir, `${ws.replaceAll('/', '_')}.json`) : join(root, ws, '.vitest-results.json');

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const ws of workspaces.filter(hasTests)) {
  const file = resultFile(ws);
  if (!existsSync(file)) {
    if (!presentOnly) missing.push(ws);
    continue;
  }
  const results = JSON.parse(readFileSync(file, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
}
// A workspace whose tests did not run (crashed, or failed to start) counts as a failure.
if (missing.length) console.log(`No test results from: ${missing.join(', ')}`);
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed + missing.length} failed`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
