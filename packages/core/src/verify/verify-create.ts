/**
 * Verified creates: after a create, what the provider answered (or stored, read back) is compared with what
 * was sent, field by field wherever the answer carries the field. A difference is an IntegrityError with
 * the created id, never a success.
 */
import { type IntegrityDifference, IntegrityError } from '../errors/integrity-error';
import type { Invoice } from '../model/invoice';
import type { Order } from '../model/order';
import { computeTotals, lineAmount } from '../money/totals';

/** The facts a create is checked on, in canonical units (minor-unit integers). Absent = not known. */
export interface CreateFacts {
  currency?: string;
  /** Number of lines (order: number of charges across its lines). */
  lineCount?: number;
  /** Each line's amount in minor units, in order. */
  lineAmounts?: readonly number[];
  total?: number;
}

/** How a client checks a create: the create's own answer, or a read of the record afterwards. */
export type VerifyMode = 'response' | 'read-back';

/** The facts of a canonical document: its currency, lines, their amounts and its total. */
export function createFacts(doc: Invoice | Order): CreateFacts {
  if (isOrder(doc)) {
    return { currency: doc.currency, lineCount: doc.lines.reduce((n, line) => n + line.charges.length, 0) };
  }
  return {
    currency: doc.currency,
    lineCount: doc.lines.length,
    lineAmounts: doc.lines.map((line) => lineAmount(line)),
    total: computeTotals(doc).total,
  };
}

function isOrder(doc: Invoice | Order): doc is Order {
  return (doc.lines as unknown[]).some(
    (line) => typeof line === 'object' && line !== null && 'charges' in line,
  );
}

/** Differences between what was sent and what came back, on the facts both sides carry. */
export function compareCreateFacts(sent: CreateFacts, stored: CreateFacts): IntegrityDifference[] {
  const differences: IntegrityDifference[] = [];
  if (sent.currency !== undefined && stored.currency !== undefined && sent.currency !== stored.currency)
    differences.push({ path: 'currency', expected: sent.currency, actual: stored.currency });
  if (sent.lineCount !== undefined && stored.lineCount !== undefined && sent.lineCount !== stored.lineCount)
    differences.push({ path: 'lines.length', expected: sent.lineCount, actual: stored.lineCount });
  if (sent.lineAmounts && stored.lineAmounts) {
    const n = Math.min(sent.lineAmounts.length, stored.lineAmounts.length);
    for (let i = 0; i < n; i++) {
      if (sent.lineAmounts[i] !== stored.lineAmounts[i])
        differences.push({
          path: `lines[${i}].amount`,
          expected: sent.lineAmounts[i],
          actual: stored.lineAmounts[i],
        });
    }
  }
  if (sent.total !== undefined && stored.total !== undefined && sent.total !== stored.total)
    differences.push({ path: 'total', expected: sent.total, actual: stored.total });
  return differences;
}

export interface VerifyCreateInput {
  provider: string;
  /** The id the provider gave the new record. */
  createdId: string;
  sent: CreateFacts;
  stored: CreateFacts;
  /** The provider's answer, carried (redacted) on the error. */
  raw?: unknown;
  requestId?: string;
}

/** Throws IntegrityError when the stored facts differ from the sent ones. */
export function verifyCreate(input: VerifyCreateInput): void {
  const differences = compareCreateFacts(input.sent, input.stored);
  if (differences.length === 0) return;
  throw new IntegrityError(input.provider, input.createdId, differences, {
    ...(input.raw !== undefined ? { raw: input.raw } : {}),
    ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
  });
}
