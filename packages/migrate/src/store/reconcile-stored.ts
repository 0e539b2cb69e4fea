import type { JournalEntry } from '../journal';
import { reconcile, type Verdict } from '../reconcile';
import type { TargetClient } from '../types';
import type { RunStore, StoredDocument } from './run-store';

/** How many recently done documents show whether the target echoes our keys on read. */
const RECENT_DONE = 1_000;

/**
 * Settles documents whose send went unanswered exactly as `--resume` does for a journal: the same
 * reconciliation (external key or number on the target's listing, the deduplication key), fed from
 * the run's store instead of the journal file.
 */
export async function reconcileStored(
  store: RunStore,
  documents: readonly StoredDocument[],
  client: TargetClient,
  deduplicates: boolean,
): Promise<Map<string, Verdict>> {
  if (documents.length === 0) return new Map();
  const open = new Map<string, JournalEntry>();
  for (const doc of documents) {
    open.set(doc.key, {
      status: doc.state === 'ambiguous' ? 'ambiguous' : 'pending',
      ...(doc.externalId === undefined ? {} : { externalId: doc.externalId }),
      ...(doc.number === undefined ? {} : { number: doc.number }),
      ...(doc.error === undefined ? {} : { error: doc.error }),
    });
  }
  const all = new Map<string, JournalEntry>(open);
  for (const done of await store.recentDone(RECENT_DONE)) {
    all.set(done.key, {
      status: 'done',
      targetId: done.targetId,
      ...(done.externalId === undefined ? {} : { externalId: done.externalId }),
      ...(done.number === undefined ? {} : { number: done.number }),
    });
  }
  return reconcile({ open, all, client, deduplicates });
}
