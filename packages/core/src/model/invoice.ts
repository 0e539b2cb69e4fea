import type { z } from 'zod';
import { computeTotals, type TotalsInput } from '../money/totals';
import { lazySchema } from '../schema/lazy';
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
export const COLLECTION_METHODS = ['send_invoice', 'charge_automatically'] as const;
export const BILLING_REASONS = [
  'manual',
  'subscription_create',
  'subscription_cycle',
  'subscription_update',
  'order_create',
] as const;

export const Collection = lazySchema((z) =>
  z.strictObject({
    /** `send_invoice`: the customer is sent the invoice and pays it; `charge_automatically`: the provider charges a stored payment method. */
    method: z.enum(COLLECTION_METHODS),
    /** The provider's id of the payment method to charge (with `charge_automatically`). */
    paymentMethodId: z.string().optional(),
    /** Whether the provider e-mails the invoice itself once it is finalised. */
    autoSend: z.boolean().optional(),
    /** When a draft becomes final (ISO 8601 instant). */
    finalizeAt: Instant.optional(),
  }),
);

export const PaymentTerms = lazySchema((z) =>
  z.strictObject({
    /** Label of the terms as printed, e.g. "Net 30". */
    name: z.string().optional(),
    /** Days from the invoice date until payment is due (integer ≥ 0). */
    days: z.int().min(0).optional(),
  }),
);

export const SubscriptionReference = lazySchema((z) =>
  z.strictObject({
    /** The provider's subscription id. */
    id: z.string().optional(),
    /** The subscription's id in another system (e.g. the one being migrated from). */
    externalId: z.string().optional(),
  }),
);

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

/** The zod schema of the canonical Invoice, v1: field names are stable across releases; {@link parseInvoice} uses it. */
export const Invoice = lazySchema((z) =>
  z
    .strictObject({
      /** The provider's id of this invoice; set on documents read from a provider, never sent. */
      id: z.string().optional(),
      /** Which provider a read document came from (`paid`, `flowglad`, `whop`, `chargeover`, `pelcro`). */
      provider: z.string().optional(),
      /** Your stable key for this invoice: the deduplication anchor (ChargeOver `external_key`, Paid `externalId`) and the key a migration journal records. */
      externalId: z.string().optional(),
      /** The human invoice number (Flowglad `invoiceNumber`, ChargeOver `refnumber`, Whop `number`). */
      number: z.string().optional(),
      /** Unified status: `draft`, `open`, `paid`, `void` or `uncollectible`. */
      status: z.enum(INVOICE_STATUSES).optional(),
      /** The provider's own status word, kept verbatim on read (e.g. Whop `past_due`). */
      providerStatus: z.string().optional(),
      /** ISO 4217 code in upper case (active codes only). Every amount of the document is in its minor unit. */
      currency: CurrencyCode,
      /** Who is billed. */
      customer: Customer,
      /** Invoice date (ISO 8601 instant with a zone; normalised to UTC). */
      issuedAt: Instant.optional(),
      /** When payment is due (ISO 8601 instant with a zone; normalised to UTC). */
      dueAt: Instant.optional(),
      /** The service period the invoice covers; `end` ≥ `start`. */
      period: Period.optional(),
      /** How the invoice gets paid. */
      collection: Collection.optional(),
      /** The invoice lines; may be empty only when `total` is given. */
      lines: z.array(Line),
      /** The invoice total in minor units of the document currency (integer; 1234 = 12.34 USD, 1500 = ¥1500): required when there are no lines (Pelcro); on read, the total the provider stored. */
      total: MinorAmount.optional(),
      /** Invoice-level tax. */
      tax: Tax.optional(),
      /** The subscription this invoice belongs to. */
      subscription: SubscriptionReference.optional(),
      /** Why the invoice exists (`manual`, `subscription_cycle`, …). */
      billingReason: z.enum(BILLING_REASONS).optional(),
      /** Invoice-level billing cycle (ChargeOver `paycycle`, Whop renewal plans). */
      recurrence: Recurrence.optional(),
      /** Payment terms, e.g. `{ name: "Net 30", days: 30 }`. */
      paymentTerms: PaymentTerms.optional(),
      /** Purchase-order reference printed on the invoice. */
      purchaseOrder: z.string().optional(),
      /** Note to the customer. */
      memo: z.string().optional(),
      /** Text at the bottom of the invoice. */
      footer: z.string().optional(),
      /** Free key/values (strings, finite numbers, booleans, null); keys such as `__proto__` are ordinary keys. */
      metadata: Metadata.optional(),
      /** The invoice comes from another system (set by migrations). */
      imported: z.boolean().optional(),
      /** When the provider created it (on read; ISO 8601 instant). */
      createdAt: Instant.optional(),
      /** When the provider last changed it (on read; ISO 8601 instant). */
      updatedAt: Instant.optional(),
      /** Fields only one provider has, keyed by provider name (`{ flowglad: { subscriptionId } }`) and validated by that adapter. */
      providerOptions: ProviderOptions.optional(),
    })
    .refine(hasLinesOrTotal, {
      message: 'An invoice needs at least one line, or a total when it has none.',
      path: ['lines'],
    })
    .refine(totalsInRange, {
      message: `The lines and taxes add up beyond the safe-integer range (±${Number.MAX_SAFE_INTEGER} minor units), where amounts stop being exact; split the invoice.`,
      path: ['lines'],
    }),
);

/** A canonical invoice as parsed by {@link parseInvoice}: amounts are integers in the minor unit of `currency`, instants ISO 8601 in UTC. */
export type Invoice = z.output<typeof Invoice>;
/** What {@link parseInvoice} accepts: an {@link Invoice} before normalisation (e.g. instants with any zone). */
export type InvoiceInput = z.input<typeof Invoice>;
/** The unified invoice status. */
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** Why an invoice exists. */
export type BillingReason = (typeof BILLING_REASONS)[number];
