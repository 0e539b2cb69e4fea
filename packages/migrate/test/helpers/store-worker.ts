/**
 * One worker process of a PostgreSQL run, against the toy target (no deduplication, so exactly-once
 * rests on the store and on reconciliation alone). Started by the tests and the bench:
 *   node --conditions=billbridge-source --import tsx test/helpers/store-worker.ts '<json settings>'
 * With `gate`, it prints `ready` once loaded and starts on a line on stdin (so workers start together).
 * With `loadOnly`, it creates the run from `input` and exits without working. Prints one JSON line with
 * what it did.
 */
import { once } from 'node:events';
import { loadSource } from '../../src/store/load-source';
import { migrateWithStore } from '../../src/store/migrate-with-store';
import { openRunStore } from '../../src/store/open-store';
import { runOptionsHash } from '../../src/store/run-options';
import { customerMap, toyAdapter, toyClient } from './toy-provider';

interface Settings {
  store: string;
  run: string;
  target: string;
  /** The source file; omitted by workers that join a run already loaded. */
  input?: string;
  concurrency?: number;
  leaseMs?: number;
  chunkSize?: number;
  rps?: number;
  gate?: boolean;
  loadOnly?: boolean;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
const adapter = toyAdapter(false);
const leaseMs = settings.leaseMs ?? 60_000;
const chunkSize = settings.chunkSize ?? 100;

if (settings.loadOnly) {
  const store = await openRunStore(settings.store, settings.run, 2);
  const started = Date.now();
  const { run } = await store.open(
    // The same definition migrateWithStore gives for this target (provider and URL; no options).
    {
      runId: settings.run,
      target: `${adapter.provider} ${settings.target}`,
      options: runOptionsHash({ targetOptions: {} }),
      chunkSize,
      leaseMs,
      ...(settings.rps === undefined ? {} : { rps: settings.rps }),
    },
    () =>
      loadSource({
        source: { kind: 'file', path: settings.input as string },
        adapter,
        idMaps: { customers: customerMap },
      }),
  );
  await store.close();
  process.stdout.write(`${JSON.stringify({ loaded: run.total, ms: Date.now() - started })}\n`);
  process.exit(0);
}

if (settings.gate) {
  process.stdout.write('ready\n');
  process.stdin.setEncoding('utf8');
  await once(process.stdin, 'data');
}
const started = Date.now();
const result = await migrateWithStore({
  store: settings.store,
  run: settings.run,
  ...(settings.input === undefined ? {} : { source: { kind: 'file', path: settings.input } }),
  target: { adapter, client: toyClient(adapter, settings.target), url: settings.target, options: {} },
  idMaps: { customers: customerMap },
  ...(settings.concurrency === undefined ? {} : { concurrency: settings.concurrency }),
  leaseMs,
  chunkSize,
  ...(settings.rps === undefined ? {} : { rps: settings.rps }),
});
process.stdout.write(
  `${JSON.stringify({
    worker: result.worker.workerId,
    created: result.created,
    started,
    finished: Date.now(),
    firstSentAt: result.worker.firstSentAt,
    lastSettledAt: result.worker.lastSettledAt,
    report: {
      created: result.report.created,
      reconciled: result.report.reconciled,
      failed: result.report.failed,
      ambiguous: result.report.ambiguous,
      rateLimited: result.report.rateLimited,
    },
    takenOver: result.worker.takenOver,
    counts: result.status.counts,
  })}\n`,
);
process.exit(0);
