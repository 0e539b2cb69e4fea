import type { JournalEntry } from '../journal-state';
import { reconcile, type Verdict } from '../reconcile';
import type { TargetClient } from '../types';
import type { RunStore, StoredDocument } from './run-store';

/** How many recently done documents show whether the target echoes our keys on read. */
const RECENT_DONE = 1_000;

function entryOf(doc: StoredDocument): JournalEntry {
  return {
    status: doc.state === 'ambiguous' ? 'ambiguous' : 'pending',
    key: doc.key,
    index: doc.seq,
    ...(doc.externalId === undefined ? {} : { externalId: doc.externalId }),
    ...(doc.number === undefined ? {} : { number: doc.number }),
    ...(doc.facts === undefined ? {} : { facts: doc.facts }),
    ...(doc.error === undefined ? {} : { error: doc.error }),
  };
}

/**
 * Settles documents whose send went unanswered exactly as `--resume` does for a journal: the same
 * reconciliation (external key or number on the target's listing, the deduplication key, the candidate
 * search by currency, total, lines and customer), fed from the run's store instead of the journal file.
 */
export async function reconcileStored(
  store: RunStore,
  documents: readonly StoredDocument[],
  client: TargetClient,
  deduplicates: boolean,
): Promise<Map<string, Verdict>> {
  if (documents.length === 0) return new Map();
  const recentDone = new Map<string, JournalEntry>();
  for (const done of await store.recentDone(RECENT_DONE)) {
    recentDone.set(done.targetId, {
      status: 'done',
      key: done.key,
      index: -1,
      targetId: done.targetId,
      ...(done.externalId === undefined ? {} : { externalId: done.externalId }),
      ...(done.number === undefined ? {} : { number: done.number }),
    });
  }
  return reconcile({
    open: documents.map(entryOf),
    recentDone,
    client,
    deduplicates,
    claimed: (ids) => store.claimedIds([...ids]),
  });
}
