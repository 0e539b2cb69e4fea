import { z } from 'zod';
import { computeTotals, type TotalsInput } from '../money/totals';
import { Customer } from './customer';
import { Line } from './line';
import {
  CurrencyCode,
  Instant,
  Metadata,
  MinorAmount,
  Period,
  ProviderOptions,
  Recurrence,
  Tax,
} from './primitives';

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
export const BILLING_REASONS = [
  'manual',
  'subscription_create',
  'subscription_cycle',
  'subscription_update',
  'order_create',
] as const;

export const Collection = z.strictObject({
  method: z.enum(['send_invoice', 'charge_automatically']),
  paymentMethodId: z.string().optional(),
  autoSend: z.boolean().optional(),
  finalizeAt: Instant.optional(),
});

export const PaymentTerms = z.strictObject({
  name: z.string().optional(),
  days: z.int().min(0).optional(),
});

export const SubscriptionReference = z.strictObject({
  id: z.string().optional(),
  externalId: z.string().optional(),
});

/** Lines may be empty only when the invoice states its total. */
export function hasLinesOrTotal(invoice: { lines: readonly unknown[]; total?: unknown }): boolean {
  return invoice.lines.length > 0 || invoice.total !== undefined;
}

/** Subtotal, taxes and total all stay safe integers (computeTotals would otherwise throw a RangeError later). */
export function totalsInRange(invoice: TotalsInput): boolean {
  try {
    computeTotals(invoice);
    return true;
  } catch {
    return false;
  }
}

/** The canonical Invoice, v1. Field names are binding (see canonical-model.md). */
export const Invoice = z
  .strictObject({
    id: z.string().optional(),
    provider: z.string().optional(),
    externalId: z.string().optional(),
    number: z.string().optional(),
    status: z.enum(INVOICE_STATUSES).optional(),
    providerStatus: z.string().optional(),
    currency: CurrencyCode,
    customer: Customer,
    issuedAt: Instant.optional(),
    dueAt: Instant.optional(),
    period: Period.optional(),
    collection: Collection.optional(),
    lines: z.array(Line),
    total: MinorAmount.optional(),
    tax: Tax.optional(),
    subscription: SubscriptionReference.optional(),
    billingReason: z.enum(BILLING_REASONS).optional(),
    recurrence: Recurrence.optional(),
    paymentTerms: PaymentTerms.optional(),
    purchaseOrder: z.string().optional(),
    memo: z.string().optional(),
    footer: z.string().optional(),
    metadata: Metadata.optional(),
    imported: z.boolean().optional(),
    createdAt: Instant.optional(),
    updatedAt: Instant.optional(),
    providerOptions: ProviderOptions.optional(),
  })
  .refine(hasLinesOrTotal, {
    message: 'An invoice needs at least one line, or a total when it has none.',
    path: ['lines'],
  })
  .refine(totalsInRange, {
    message: `The lines and taxes add up beyond the safe-integer range (±${Number.MAX_SAFE_INTEGER} minor units), where amounts stop being exact; split the invoice.`,
    path: ['lines'],
  });

export type Invoice = z.output<typeof Invoice>;
export type InvoiceInput = z.input<typeof Invoice>;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type BillingReason = (typeof BILLING_REASONS)[number];
