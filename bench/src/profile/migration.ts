/**
 * `migrate()` of N invoices into the sink under `--cpu-prof` (the child process writes the profile).
 * Usage: tsx --conditions=billbridge-source src/profile/migration.ts <count> <profile-dir> [engine|raw|engine-no-journal]
 * (`raw`: the ceiling, the same file POSTed line by line, to compare what the engine adds per document.)
 * A profile directory of `none` runs without the profiler, for CPU µs per document as it really is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureCanned } from '../canned';
import { runChild, writeSource } from '../migration';
import { startSink } from '../sink';

const [countArg = '20000', profileDir = '/tmp/billbridge-migration-profile', mode = 'engine'] =
  process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'billbridge-prof-'));
const sink = await startSink(await captureCanned(), dir);
try {
  const file = join(dir, 'invoices.ndjson');
  await writeSource(file, Number(countArg));
  const result = await runChild(
    [mode, file, sink.origin, join(dir, 'journal.ndjson'), '64', countArg],
    profileDir === 'none' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  );
  const { seconds, created, failed, cpuUserUs, cpuSystemUs } = result;
  const perDoc = (us: number) => (us / Number(countArg)).toFixed(1);
  console.log(
    JSON.stringify({
      mode,
      seconds,
      created,
      failed,
      userUsPerDoc: perDoc(cpuUserUs),
      systemUsPerDoc: perDoc(cpuSystemUs),
    }),
  );
} finally {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
