import type { AmountConvention } from '../money/conventions';
/**
 * Field-by-field declaration of what an adapter carries. The README tables are generated from these and
 * the conformance suite proves them: a `supported` field round-trips exactly, an `unsupported` one
 * yields a warning, an `approximated` one round-trips only approximately and says so.
 */
export type FieldSupport = 'supported' | 'approximated' | 'unsupported';

export const PROVIDER_NAMES = ['paid', 'flowglad', 'whop', 'chargeover', 'pelcro'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** Canonical Invoice fields as capability keys; `lines.x` means `lines[].x`. */
export const INVOICE_CAPABILITY_FIELDS = [
  'externalId',
  'number',
  'status',
  'customer.id',
  'customer.externalId',
  'customer.email',
  'customer.name',
  'customer.phone',
  'customer.billingAddress',
  'customer.shippingAddress',
  'issuedAt',
  'dueAt',
  'period',
  'collection.method',
  'collection.paymentMethodId',
  'collection.autoSend',
  'collection.finalizeAt',
  'total',
  'tax',
  'subscription',
  'billingReason',
  'recurrence',
  'paymentTerms',
  'purchaseOrder',
  'memo',
  'footer',
  'metadata',
  'imported',
  'lines.description',
  'lines.quantity',
  'lines.fractionalQuantity',
  'lines.unitAmount',
  'lines.subMinorUnitAmount',
  'lines.kind',
  'lines.product',
  'lines.priceId',
  'lines.period',
  'lines.recurrence',
  'lines.tax',
  'lines.metadata',
] as const;
export type InvoiceCapabilityField = (typeof INVOICE_CAPABILITY_FIELDS)[number];

/** Canonical Order fields as capability keys; `lines.x` means `lines[].x`, `charges.x` means `lines[].charges[].x`. */
export const ORDER_CAPABILITY_FIELDS = [
  'externalId',
  'number',
  'name',
  'status',
  'customer',
  'billingCustomer',
  'startAt',
  'endAt',
  'termCount',
  'billingAnchorDay',
  'billingFrequency',
  'paymentTerms',
  'purchaseOrder',
  'metadata',
  'autoPostInvoices',
  'autoSendBillingEmails',
  'autoSendPaymentEmails',
  'lines.product',
  'lines.name',
  'lines.description',
  'lines.period',
  'charges.type',
  'charges.quantity',
  'charges.unitAmount',
  'charges.subMinorUnitAmount',
  'charges.recurrence',
  'charges.billingTiming',
  'charges.pricingModel',
  'charges.tiers',
  'charges.eventName',
] as const;
export type OrderCapabilityField = (typeof ORDER_CAPABILITY_FIELDS)[number];

/** How the provider counts money on the wire. */
export type AmountUnit =
  | { kind: 'minor' }
  | { kind: 'major-decimal'; encoding: 'json-number' | 'decimal-string' }
  | { kind: 'provider-minor'; rule: string };

/** How a create can be retried without making a second record. */
export type Deduplication =
  | { kind: 'none' }
  | { kind: 'natural-key'; field: string; canonicalField: string }
  | { kind: 'idempotency-header'; header: string };

export interface Capabilities {
  provider: ProviderName;
  /** What the create endpoint makes: an invoice, or (Paid) an order. */
  creates: 'invoice' | 'order';
  amountUnit: AmountUnit;
  /**
   * The provider's amount convention (core's `isoMinorUnits`, `stripeMinorUnits(…)` or `majorUnits(…)`),
   * the one every conversion of the adapter, its client and its fake goes through.
   */
  amounts?: AmountConvention;
  /** The provider's date form on the wire, e.g. `epoch-seconds`, `YYYY-MM-DD`. */
  dateForm: string;
  operations: { create: boolean; get: boolean; list: boolean };
  deduplication: Deduplication;
  invoice: Record<InvoiceCapabilityField, FieldSupport>;
  order: Record<OrderCapabilityField, FieldSupport>;
}
