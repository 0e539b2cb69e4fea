import type { JournalEntry } from './journal';
import type { TargetClient } from './types';

/** What reconciliation learned about one unanswered document. */
export type Verdict =
  | { kind: 'found'; targetId?: string }
  /** Not on the target, and the listing proves it (or the target deduplicates): sending is safe. */
  | { kind: 'resend'; why: string }
  | { kind: 'ambiguous'; why: string };

export interface ReconcileInput {
  /** Journal entries whose create went unanswered (pending) or ended ambiguous. */
  open: Map<string, JournalEntry>;
  /** Every journal entry, to learn whether the target echoes our keys on read. */
  all: Map<string, JournalEntry>;
  client: TargetClient;
  deduplicates: boolean;
}

/**
 * Looks for unanswered documents on the target by walking its `list` once. A document is `found` when a
 * listed record carries its external key or number. Absence counts as proof only when the listing echoes
 * that key for records this journal knows were created (so the read shape does carry it); otherwise
 * the document stays ambiguous, unless the target deduplicates creates, which makes sending again safe.
 */
export async function reconcile(input: ReconcileInput): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  const { open, client, deduplicates } = input;
  if (open.size === 0) return verdicts;

  if (!client.list) {
    for (const key of open.keys()) {
      verdicts.set(
        key,
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
  for (const [key, entry] of open) {
    if (entry.externalId !== undefined) byExternalId.set(entry.externalId, key);
    if (entry.number !== undefined) byNumber.set(entry.number, key);
  }
  const doneById = new Map<string, JournalEntry>();
  for (const entry of input.all.values()) {
    if (entry.status === 'done' && entry.targetId !== undefined) doneById.set(entry.targetId, entry);
  }

  let echoesExternalId = false;
  let echoesNumber = false;
  let listError: unknown;
  try {
    for await (const { value } of client.list()) {
      const known = value.id === undefined ? undefined : doneById.get(value.id);
      if (known) {
        if (known.externalId !== undefined && value.externalId === known.externalId) echoesExternalId = true;
        if (known.number !== undefined && value.number === known.number) echoesNumber = true;
      }
      const key =
        (value.externalId === undefined ? undefined : byExternalId.get(value.externalId)) ??
        (value.number === undefined ? undefined : byNumber.get(value.number));
      if (key !== undefined && !verdicts.has(key)) {
        verdicts.set(key, value.id === undefined ? { kind: 'found' } : { kind: 'found', targetId: value.id });
      }
    }
  } catch (error) {
    listError = error;
  }

  for (const [key, entry] of open) {
    if (verdicts.has(key)) continue;
    if (deduplicates) {
      verdicts.set(key, { kind: 'resend', why: 'not found on the target, which deduplicates creates' });
      continue;
    }
    if (listError !== undefined) {
      const message = listError instanceof Error ? listError.message : String(listError);
      verdicts.set(key, {
        kind: 'ambiguous',
        why: `listing the target failed, so its creation cannot be checked: ${message}`,
      });
      continue;
    }
    const provenAbsent =
      (entry.externalId !== undefined && echoesExternalId) || (entry.number !== undefined && echoesNumber);
    verdicts.set(
      key,
      provenAbsent
        ? { kind: 'resend', why: 'a complete listing of the target does not hold it' }
        : {
            kind: 'ambiguous',
            why:
              entry.externalId === undefined && entry.number === undefined
                ? 'the create went unanswered and the document has no external key or number to look for'
                : 'the create went unanswered and the target does not return the external key or number on read, so its absence cannot be proven',
          },
    );
  }
  return verdicts;
}
