/**
 * One worker process of a PostgreSQL run, against the toy target (no deduplication, so exactly-once
 * rests on the store and on reconciliation alone). Started by the tests and the bench:
 *   node --conditions=billbridge-source --import tsx test/helpers/store-worker.ts '<json settings>'
 * Prints one JSON line with what it did.
 */
import { migrateWithStore } from '../../src/store/migrate-with-store';
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
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
const adapter = toyAdapter(false);
const result = await migrateWithStore({
  store: settings.store,
  run: settings.run,
  ...(settings.input === undefined ? {} : { source: { kind: 'file', path: settings.input } }),
  target: { adapter, client: toyClient(adapter, settings.target), url: settings.target },
  idMaps: { customers: customerMap },
  ...(settings.concurrency === undefined ? {} : { concurrency: settings.concurrency }),
  ...(settings.leaseMs === undefined ? {} : { leaseMs: settings.leaseMs }),
  ...(settings.chunkSize === undefined ? {} : { chunkSize: settings.chunkSize }),
  ...(settings.rps === undefined ? {} : { rps: settings.rps }),
});
process.stdout.write(
  `${JSON.stringify({
    worker: result.worker.workerId,
    created: result.created,
    report: {
      created: result.report.created,
      reconciled: result.report.reconciled,
      failed: result.report.failed,
      ambiguous: result.report.ambiguous,
    },
    takenOver: result.worker.takenOver,
    counts: result.status.counts,
  })}\n`,
);
