import type { CanonicalDoc, TargetClient } from '../types';
import { type CreatedDocument, type VerifyReport, verifyCreated } from '../verify';
import type { RunStore } from './run-store';

/**
 * `verify` on a run kept in a store: every document done is compared with what the target stored. The
 * store holds each document exactly as it was sent, so neither the source nor the id maps are needed.
 */
export async function verifyStoredRun(
  store: RunStore,
  client: TargetClient,
  concurrency = 8,
): Promise<VerifyReport> {
  const ids = new Set<string>();
  for await (const done of store.done()) ids.add(done.targetId);
  const status = await store.status();
  async function* documents(): AsyncIterable<CreatedDocument> {
    for await (const done of store.done())
      yield { key: done.key, targetId: done.targetId, sent: done.doc as CanonicalDoc };
  }
  const report = await verifyCreated(documents(), ids, client, concurrency);
  report.notMigrated = status.run.total - status.counts.done;
  return report;
}
