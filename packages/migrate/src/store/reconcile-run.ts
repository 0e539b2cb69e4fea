import type { TargetClient } from '../types';
import { reconcileStored } from './reconcile-stored';
import type { RunStore } from './run-store';

export interface RunReconcileResult {
  /** Found on the target: recorded done. */
  found: Array<{ key: string; targetId?: string; how: string }>;
  /** Proven absent: back to todo, sent by the next worker of the run. */
  absent: Array<{ key: string; why: string }>;
  /** Still unknown: ambiguous. */
  unknown: Array<{ key: string; why: string }>;
}

/**
 * `reconcile` on a run kept in a store: its ambiguous documents, and those left pending by a worker
 * whose lease has run out, are looked for on the target exactly as `--resume` does; nothing is sent.
 * Found → done; proven absent → todo again (its chunk reopened, so a worker started with the same
 * `--run` sends it); still unknown → ambiguous.
 */
export async function reconcileRun(
  store: RunStore,
  client: TargetClient,
  deduplicates: boolean,
): Promise<RunReconcileResult> {
  const result: RunReconcileResult = { found: [], absent: [], unknown: [] };
  const open = await store.unsettled();
  const verdicts = await reconcileStored(store, open, client, deduplicates);
  for (const doc of open) {
    const verdict = verdicts.get(doc.key);
    if (!verdict) continue;
    if (verdict.kind === 'found') {
      const id = verdict.targetId;
      if (await store.settle(doc, { state: 'done', how: 'reconciled', ...(id ? { targetId: id } : {}) }))
        result.found.push({ key: doc.key, ...(id ? { targetId: id } : {}), how: verdict.how });
    } else if (verdict.kind === 'resend') {
      if (await store.settle(doc, { state: 'todo', error: verdict.why }))
        result.absent.push({ key: doc.key, why: verdict.why });
    } else {
      if (doc.state === 'ambiguous' && doc.error === verdict.why)
        result.unknown.push({ key: doc.key, why: verdict.why });
      else if (await store.settle(doc, { state: 'ambiguous', error: verdict.why }))
        result.unknown.push({ key: doc.key, why: verdict.why });
    }
  }
  return result;
}
