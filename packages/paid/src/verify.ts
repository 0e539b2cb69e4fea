/**
 * The facts a Paid create is verified on (core's verifyCreate). Paid's Order answer carries amounts
 * (`totalAmount`) but no currency and no lines (CONTRACT.md P14), so:
 * - `verify: 'response'` (default) compares the expected order amount with the answer's `totalAmount`;
 * - `verify: 'read-back'` also reads `GET /orders/{id}/lines` and compares the number of order lines.
 * Currency cannot be compared at all: Paid never returns it.
 */
import type { CreateFacts } from '@billbridge/core';
import { PAID_AMOUNTS } from './amounts';
import { PROVIDER, type TotalAmountCovers } from './options';
import { expectedTotalAmount } from './order-amount';
import type { PaidCreateOrderRequest, PaidOrder } from './wire';

/** What was sent: Paid's line count (order lines, not attributes) and the expected `totalAmount`. */
export function sentFacts(request: PaidCreateOrderRequest, covers: TotalAmountCovers): CreateFacts {
  const facts: CreateFacts = { lineCount: request.lines?.length ?? 0 };
  const total = expectedTotalAmount(request, covers);
  if (total !== undefined) facts.total = total;
  return facts;
}

/**
 * What Paid answered, in canonical minor units. Not rounded: a fractional total is a difference to report,
 * not drift to hide. `lineCount` only when the lines were read back.
 */
export function storedFacts(order: PaidOrder, currency: string | undefined, lineCount?: number): CreateFacts {
  const facts: CreateFacts = {};
  if (currency !== undefined) {
    const total =
      PAID_AMOUNTS.wholeFromProvider(order.totalAmount, currency) ??
      PAID_AMOUNTS.fromProvider(order.totalAmount, currency, {
        provider: PROVIDER,
        path: 'total',
        whole: false,
      });
    facts.total = Number(total);
  }
  if (lineCount !== undefined) facts.lineCount = lineCount;
  return facts;
}
