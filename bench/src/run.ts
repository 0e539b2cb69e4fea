/**
 * `pnpm bench`: every benchmark, one markdown report on stdout.
 *   --smoke          tiny sizes and durations (CI): proves the benches work, never fails on a missed target
 *   --only=a,b       run some sections: mapping, clients, migration, footprint, journal, store
 *   --providers=a,b  only these providers in the mapping and client sections
 *   --fail-on-miss   exit 1 when a target is missed (full runs only)
 *   --migration-large=N  the larger migration run (default 100,000; 1,000,000 shows memory flat to 1M)
 * Exits 1 when a bench itself fails (an error, a sink that answered wrongly).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureCanned } from './canned';
import { clientBench, clientErrors } from './clients';
import { PROVIDERS, type Provider } from './docs';
import { footprintBench } from './footprint';
import { journalResumeBench } from './journal-resume';
import { mappingBench } from './mapping';
import { migrationBench } from './migration';
import { settingsFor } from './settings';
import { startSink } from './sink';
import { storeBench } from './store';
import { renderSection, type Section } from './table';

const SECTIONS = ['mapping', 'clients', 'migration', 'footprint', 'journal', 'store'] as const;
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const failOnMiss = args.includes('--fail-on-miss') && !smoke;
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name: (typeof SECTIONS)[number]) => !only || only.includes(name);
// --providers=paid,whop: only these providers in the mapping and client sections.
const providersArg = args
  .find((a) => a.startsWith('--providers='))
  ?.slice('--providers='.length)
  .split(',');
for (const name of providersArg ?? []) {
  if (!PROVIDERS.includes(name as Provider))
    throw new Error(`--providers: unknown provider ${name} (${PROVIDERS.join(', ')})`);
}
const settings = settingsFor(smoke, (providersArg as Provider[] | undefined) ?? PROVIDERS);
// --migration-large=1000000: the larger migration run (default 100,000), e.g. to show memory flat to 1M.
const migrationLarge = args
  .find((a) => a.startsWith('--migration-large='))
  ?.slice('--migration-large='.length);
if (migrationLarge !== undefined) {
  const large = Number(migrationLarge);
  if (!Number.isSafeInteger(large) || large <= settings.migrationSizes.small)
    throw new Error(`--migration-large must be a whole number above ${settings.migrationSizes.small}`);
  settings.migrationSizes = { ...settings.migrationSizes, large };
}

function cpuModel(): string {
  const line = readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('model name'));
  return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
}

const load = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/^.*load average/, 'load average');

const sections: Section[] = [];
const failures: string[] = [];
const started = Date.now();
const loadBefore = load();
const dir = mkdtempSync(join(tmpdir(), 'billbridge-bench-'));

async function section(name: (typeof SECTIONS)[number], run: () => Section[] | Promise<Section[]>) {
  if (!wanted(name)) return;
  try {
    sections.push(...(await run()));
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

try {
  await section('mapping', () => mappingBench(settings));
  if (wanted('clients') || wanted('migration')) {
    const canned = await captureCanned();
    const sink = await startSink(canned, dir);
    try {
      await section('clients', () => clientBench(settings, sink.origin, canned));
      await section('migration', () => migrationBench(settings, sink.origin, dir));
    } finally {
      await sink.close();
    }
  }
  await section('footprint', () => footprintBench(settings));
  await section('journal', () => journalResumeBench(settings, dir));
  await section('store', () => storeBench(settings, dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const errored = clientErrors(sections);
if (errored > 0) failures.push(`${errored} client case(s) failed (ERROR cells above)`);
const missed = sections.flatMap((s) => s.rows).filter((r) => r.pass === false).length;

const out = [
  `## billbridge benchmarks${smoke ? ' (smoke: tiny sizes, targets not enforced)' : ''}`,
  '',
  `- machine: ${cpus().length} CPUs (${cpuModel()}), node ${process.version}, ${process.platform}/${process.arch}`,
  `- load: before ${loadBefore}; after ${load()}`,
  `- took ${((Date.now() - started) / 1000).toFixed(0)} s; targets missed: ${missed}`,
  '',
  ...sections.map((s) => `${renderSection(s, smoke)}\n`),
];
process.stdout.write(`${out.join('\n')}\n`);
if (failures.length > 0) {
  process.stderr.write(`\nbench failures:\n${failures.join('\n')}\n`);
  process.exit(1);
}
process.exit(failOnMiss && missed > 0 ? 1 : 0);
