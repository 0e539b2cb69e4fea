import type { InvoiceStatus } from '@billbridge/core';
import type { FlowgladStatus } from './enums';

/**
 * Flowglad's eight statuses read as the canonical five. Refunds happen after payment, so a refunded
 * invoice was paid (Stripe keeps such invoices `paid` too); one awaiting payment confirmation is still
 * open. The Flowglad word itself is always kept as `providerStatus`.
 */
const CANONICAL: Record<FlowgladStatus, InvoiceStatus> = {
  draft: 'draft',
  open: 'open',
  paid: 'paid',
  uncollectible: 'uncollectible',
  void: 'void',
  refunded: 'paid',
  partially_refunded: 'paid',
  awaiting_payment_confirmation: 'open',
};

export function canonicalStatusOf(status: FlowgladStatus): InvoiceStatus {
  return CANONICAL[status];
}

export function isFlowgladStatus(value: string): value is FlowgladStatus {
  return Object.hasOwn(CANONICAL, value);
}

/** Statuses whose canonical reading is the same word, so they need no providerOptions to round-trip. */
export function isCanonicalWord(status: FlowgladStatus): boolean {
  return CANONICAL[status] === status;
}
