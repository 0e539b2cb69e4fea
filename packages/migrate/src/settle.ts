import { type Journal, readJournal } from './journal';
import { reconcile, type Verdict } from './reconcile';
import type { TargetClient } from './types';

export interface SettleResult {
  /** Found on the target: recorded done. */
  found: Array<{ key: string; targetId?: string; how: string }>;
  /** Proven absent: recorded absent, sent by the next run. */
  absent: Array<{ key: string; why: string }>;
  /** Still unknown: recorded ambiguous. */
  unknown: Array<{ key: string; why: string }>;
  /** Verdicts by key, for the run that goes on to send. */
  verdicts: Map<string, Verdict>;
}

/** Of `ids`, those the journal records as created for some document. */
async function claimedIds(path: string, ids: ReadonlySet<string>): Promise<Set<string>> {
  const claimed = new Set<string>();
  await readJournal(path, (record) => {
    if (record.t === 'done' && record.id !== undefined && ids.has(record.id)) claimed.add(record.id);
  });
  return claimed;
}

/**
 * Settles the journal's unanswered and ambiguous documents by looking on the target, and records each
 * verdict: `done` (found), `absent` (safe to send), or `ambiguous` (still unknown). Nothing is sent.
 */
export async function settleUnanswered(
  journal: Journal,
  client: TargetClient,
  deduplicates: boolean,
): Promise<SettleResult> {
  const result: SettleResult = { found: [], absent: [], unknown: [], verdicts: new Map() };
  const open = journal.state.unsettled();
  if (open.length === 0) return result;
  const verdicts = await reconcile({
    open,
    recentDone: journal.state.recentDone,
    client,
    deduplicates,
    claimed: (ids) => claimedIds(journal.path, ids),
  });
  const writes: Promise<void>[] = [];
  for (const entry of open) {
    const verdict = verdicts.get(entry.key);
    if (!verdict) continue;
    result.verdicts.set(entry.key, verdict);
    const at = { k: entry.key, i: entry.index };
    if (verdict.kind === 'found') {
      const id = verdict.targetId;
      writes.push(journal.append({ t: 'done', ...at, ...(id ? { id } : {}), how: 'reconciled' }));
      result.found.push({ key: entry.key, ...(id ? { targetId: id } : {}), how: verdict.how });
    } else if (verdict.kind === 'resend') {
      writes.push(journal.append({ t: 'absent', ...at, why: verdict.why }));
      result.absent.push({ key: entry.key, why: verdict.why });
    } else {
      if (entry.status !== 'ambiguous' || entry.error !== verdict.why)
        writes.push(journal.append({ t: 'ambiguous', ...at, error: verdict.why }));
      result.unknown.push({ key: entry.key, why: verdict.why });
    }
  }
  // One group commit for all of them.
  await Promise.all(writes);
  return result;
}
