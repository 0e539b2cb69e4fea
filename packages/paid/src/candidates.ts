/**
 * Recovery after an ambiguous create. Paid has no idempotency key, its order list has no filter, and an
 * order never returns its externalId (CONTRACT.md P10, P12, P14), so an order whose create answer was lost
 * cannot be found by externalId. What can work: list every order, keep those of the same customer created
 * in the window, and compare each with what the document would send (lines by product and name, order
 * amount, name, dates, terms), so a person or a migration decides which one, if any, is the lost order.
 */
import { type IntegrityDifference, isInstant, normalizeInstant } from '@billbridge/core';
import type { TotalAmountCovers } from './options';
import { expectedTotalAmount } from './order-amount';
import { storedFacts } from './verify';
import type { PaidCreateOrderRequest, PaidOrder, PaidOrderLine } from './wire';

export interface FindCandidatesOptions {
  /** Orders created at or after this instant (ISO 8601 or Date): take it from just before the create. */
  createdAfter: string | Date;
  /** Orders created at or before this instant (default: now). */
  createdBefore?: string | Date;
  /** Read each candidate's lines (`GET /orders/{id}/lines`) to compare them (default true). */
  includeLines?: boolean;
  signal?: AbortSignal;
}

export interface PaidCandidate {
  id: string;
  createdAt: string;
  /** The order as Paid returned it, and its line read model when `includeLines`. */
  order: PaidOrder;
  lines?: PaidOrderLine[];
  /** Where the order differs from what the document would send (canonical minor units for amounts). */
  differences: IntegrityDifference[];
  /** No difference on anything compared. Several orders can match: then a person decides. */
  matches: boolean;
}

export interface PaidCandidates {
  /** Best first: matching orders, then by fewest differences, then oldest first. */
  candidates: PaidCandidate[];
  /** How many orders were listed to find them (Paid's list cannot be filtered). */
  scanned: number;
  /** What Paid's order read model does not return, so could not be compared. */
  notCompared: readonly string[];
}

export const NOT_COMPARED = Object.freeze([
  'externalId (Paid does not return it)',
  'currency (Paid does not return it)',
  'line prices and quantities (Paid returns lines without pricing; only the order amount is compared)',
]);

const instant = (value: string | Date): number =>
  value instanceof Date ? value.getTime() : Date.parse(value);

/** Whether `order` belongs to the request's customer and was created in the window. */
export function inWindow(
  order: PaidOrder,
  request: PaidCreateOrderRequest,
  options: FindCandidatesOptions,
): boolean {
  if (order.customerId !== request.customerId) return false;
  const created = Date.parse(order.createdAt);
  const before = options.createdBefore === undefined ? Date.now() : instant(options.createdBefore);
  return created >= instant(options.createdAfter) && created <= before;
}

/** The differences between a listed order (and its lines, if read) and the request the document makes. */
export function compareCandidate(
  order: PaidOrder,
  lines: PaidOrderLine[] | undefined,
  request: PaidCreateOrderRequest,
  covers: TotalAmountCovers,
): IntegrityDifference[] {
  const differences: IntegrityDifference[] = [];
  const differ = (path: string, expected: unknown, actual: unknown) => {
    if (expected !== actual) differences.push({ path, expected, actual });
  };
  const total = expectedTotalAmount(request, covers);
  if (total !== undefined) differ('total', total, storedFacts(order, request.currency).total);
  if (request.name !== undefined) differ('name', request.name, order.name);
  const sameInstant = (path: string, sent: string | undefined, stored: string | null) => {
    if (sent === undefined) return;
    const a = isInstant(sent) ? normalizeInstant(sent) : sent;
    const b = stored !== null && isInstant(stored) ? normalizeInstant(stored) : stored;
    differ(path, a, b);
  };
  sameInstant('startAt', request.startDate, order.startDate);
  sameInstant('endAt', request.endDate, order.endDate);
  if (request.subscriptionTerms !== undefined)
    differ('termCount', request.subscriptionTerms, order.subscriptionTerms);
  if (lines !== undefined) {
    const sent = request.lines ?? [];
    differ('lines.length', sent.length, lines.length);
    for (let i = 0; i < Math.min(sent.length, lines.length); i++) {
      differ(`lines[${i}].product.id`, sent[i]?.productId, lines[i]?.productId);
      if (sent[i]?.name !== undefined) differ(`lines[${i}].name`, sent[i]?.name, lines[i]?.name);
    }
  }
  return differences;
}

export function rankCandidates(candidates: PaidCandidate[]): PaidCandidate[] {
  return [...candidates].sort(
    (a, b) =>
      a.differences.length - b.differences.length || Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
}
