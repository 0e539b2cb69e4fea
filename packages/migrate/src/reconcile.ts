import { createFacts } from '@billbridge/core';
import type { JournalFacts } from './journal-file';
import type { JournalEntry } from './journal-state';
import type { CanonicalDoc, TargetClient } from './types';

/** What reconciliation learned about one unanswered document. */
export type Verdict =
  | { kind: 'found'; targetId?: string; how: string }
  /** Not on the target, and that is proven (or the target deduplicates): sending is safe. */
  | { kind: 'resend'; why: string }
  | { kind: 'ambiguous'; why: string };

export interface ReconcileInput {
  /** Journal entries whose create went unanswered (pending) or ended ambiguous. */
  open: readonly JournalEntry[];
  /** Documents recently done (target id → entry), to learn whether the target echoes our keys on read. */
  recentDone: ReadonlyMap<string, JournalEntry>;
  client: TargetClient;
  deduplicates: boolean;
  /**
   * Of these target ids, those the journal records as some other document's (so a record matching a
   * document's facts is not that document's). Streams the journal; called only when there are candidates.
   */
  claimed?: (ids: ReadonlySet<string>) => Promise<Set<string>>;
}

/** The facts a document is searched by, compact for its pending journal record. */
export function journalFacts(doc: CanonicalDoc): JournalFacts | undefined {
  try {
    const facts = createFacts(doc);
    const customer = doc.customer?.id;
    // Assigned, not spread: the object stays in the journal state while its document is in flight, and a
    // spread-built one is ~4× the size (a small literal grown by copying).
    const out: JournalFacts = {};
    if (facts.currency !== undefined) out.c = facts.currency;
    if (facts.total !== undefined) out.t = facts.total;
    if (facts.lineCount !== undefined) out.l = facts.lineCount;
    if (customer !== undefined) out.u = customer;
    return out;
  } catch {
    return undefined;
  }
}

/** Whether a listed record could be the document: currency and total agree, and lines and customer where both carry them. */
function sameFacts(wanted: JournalFacts, listed: JournalFacts): boolean {
  if (wanted.c === undefined || wanted.t === undefined || listed.c === undefined || listed.t === undefined)
    return false;
  if (wanted.c !== listed.c || wanted.t !== listed.t) return false;
  if (wanted.l !== undefined && listed.l !== undefined && listed.l > 0 && wanted.l !== listed.l) return false;
  if (wanted.u !== undefined && listed.u !== undefined && wanted.u !== listed.u) return false;
  return true;
}

/**
 * Looks for unanswered documents on the target by walking its `list` once: by external key or number,
 * else (the adapter's candidate search) by facts — currency, total, line count and customer — when
 * exactly one listed record not claimed by another document matches. Absence counts as proof only when
 * the listing echoes the key for records this journal knows were created; otherwise the document stays
 * ambiguous, unless the target deduplicates creates, which makes sending again safe.
 */
export async function reconcile(input: ReconcileInput): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  const { open, client, deduplicates } = input;
  if (open.length === 0) return verdicts;

  if (!client.list) {
    for (const entry of open) {
      verdicts.set(
        entry.key,
        deduplicates
          ? { kind: 'resend', why: 'the target deduplicates creates' }
          : {
              kind: 'ambiguous',
              why: 'the create went unanswered and the target client cannot list records to check',
            },
      );
    }
    return verdicts;
  }

  const byExternalId = new Map<string, string>();
  const byNumber = new Map<string, string>();
  for (const entry of open) {
    if (entry.externalId !== undefined) byExternalId.set(entry.externalId, entry.key);
    if (entry.number !== undefined) byNumber.set(entry.number, entry.key);
  }
  /** Candidates by facts: document key → target ids whose facts match. */
  const candidates = new Map<string, Set<string>>();
  const searchable = open.filter((e) => e.facts?.c !== undefined && e.facts.t !== undefined);

  let echoesExternalId = false;
  let echoesNumber = false;
  let listError: unknown;
  try {
    for await (const { value } of client.list()) {
      const known = value.id === undefined ? undefined : input.recentDone.get(value.id);
      if (known) {
        if (known.externalId !== undefined && value.externalId === known.externalId) echoesExternalId = true;
        if (known.number !== undefined && value.number === known.number) echoesNumber = true;
      }
      const key =
        (value.externalId === undefined ? undefined : byExternalId.get(value.externalId)) ??
        (value.number === undefined ? undefined : byNumber.get(value.number));
      if (key !== undefined && !verdicts.has(key)) {
        verdicts.set(key, {
          kind: 'found',
          ...(value.id === undefined ? {} : { targetId: value.id }),
          how: 'found on the target by its external key or number',
        });
        continue;
      }
      if (value.id === undefined || searchable.length === 0) continue;
      const listed = journalFacts(value);
      if (!listed) continue;
      for (const entry of searchable) {
        if (!sameFacts(entry.facts as JournalFacts, listed)) continue;
        const set = candidates.get(entry.key) ?? new Set<string>();
        set.add(value.id);
        candidates.set(entry.key, set);
      }
    }
  } catch (error) {
    listError = error;
  }

  if (listError === undefined && candidates.size > 0) {
    const all = new Set<string>();
    for (const [key, ids] of candidates) if (!verdicts.has(key)) for (const id of ids) all.add(id);
    const claimed = input.claimed ? await input.claimed(all) : all;
    // Ids found by key belong to their documents too.
    for (const verdict of verdicts.values())
      if (verdict.kind === 'found' && verdict.targetId) claimed.add(verdict.targetId);
    // One free candidate per document, and no two documents sharing it.
    const free = new Map<string, string>();
    const owners = new Map<string, number>();
    for (const [key, ids] of candidates) {
      if (verdicts.has(key)) continue;
      const unclaimed = [...ids].filter((id) => !claimed.has(id));
      if (unclaimed.length === 1) {
        const id = unclaimed[0] as string;
        free.set(key, id);
        owners.set(id, (owners.get(id) ?? 0) + 1);
      }
    }
    for (const [key, id] of free) {
      if (owners.get(id) === 1)
        verdicts.set(key, {
          kind: 'found',
          targetId: id,
          how: 'found on the target by its currency, total, lines and customer (the only unclaimed match)',
        });
    }
  }

  for (const entry of open) {
    if (verdicts.has(entry.key)) continue;
    if (deduplicates) {
      verdicts.set(entry.key, { kind: 'resend', why: 'not found on the target, which deduplicates creates' });
      continue;
    }
    if (listError !== undefined) {
      const message = listError instanceof Error ? listError.message : String(listError);
      verdicts.set(entry.key, {
        kind: 'ambiguous',
        why: `listing the target failed, so its creation cannot be checked: ${message}`,
      });
      continue;
    }
    const provenAbsent =
      (entry.externalId !== undefined && echoesExternalId) || (entry.number !== undefined && echoesNumber);
    verdicts.set(
      entry.key,
      provenAbsent
        ? { kind: 'resend', why: 'a complete listing of the target does not hold it' }
        : {
            kind: 'ambiguous',
            why:
              (candidates.get(entry.key)?.size ?? 0) > 1
                ? 'several records on the target match its currency, total and customer; which one (if any) is this document cannot be told'
                : entry.externalId === undefined && entry.number === undefined
                  ? 'the create went unanswered and the document has no external key or number to look for'
                  : 'the create went unanswered and the target does not return the external key or number on read, so its absence cannot be proven',
          },
    );
  }
  return verdicts;
}
