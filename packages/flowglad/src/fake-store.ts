/**
 * The Flowglad fake's in-memory state and the records it stores, in the CURRENT read shape (epoch-ms
 * dates, `pricingModelId`, standalone-only Stripe fields), as `@flowglad/node` 0.29.0 types them.
 */
import { randomBytes } from 'node:crypto';
import type { CurrentCountry, FlowgladCurrency, FlowgladStatus, FlowgladTaxType } from './enums';
import type { InvoiceCreateBody } from './wire';

interface FakeInvoiceBase {
  id: string;
  createdAt: number;
  updatedAt: number;
  livemode: boolean;
  organizationId: string;
  pricingModelId: string;
  customerId: string;
  invoiceNumber: string;
  invoiceDate: number;
  dueDate: number | null;
  status: FlowgladStatus;
  currency: FlowgladCurrency;
  billingRunId: string | null;
  ownerMembershipId: string | null;
  pdfURL: string | null;
  receiptPdfURL: string | null;
  memo: string | null;
  bankPaymentOnly: boolean | null;
  subtotal: number | null;
  taxAmount: number | null;
  taxType: FlowgladTaxType | null;
  taxCountry: CurrentCountry | null;
  taxState: string | null;
  taxRatePercentage: string | null;
  applicationFee: number | null;
}

export interface FakePurchaseInvoice extends FakeInvoiceBase {
  type: 'purchase';
  purchaseId: string;
  subscriptionId: null;
  billingPeriodId: null;
  billingPeriodStartDate: null;
  billingPeriodEndDate: null;
}

export interface FakeSubscriptionInvoice extends FakeInvoiceBase {
  type: 'subscription';
  purchaseId: null;
  subscriptionId: string;
  billingPeriodId: string;
  billingPeriodStartDate: number | null;
  billingPeriodEndDate: number | null;
}

/** Only standalone records carry the three Stripe ids (card §5.1). */
export interface FakeStandaloneInvoice extends FakeInvoiceBase {
  type: 'standalone';
  purchaseId: null;
  subscriptionId: null;
  billingPeriodId: null;
  billingPeriodStartDate: null;
  billingPeriodEndDate: null;
  stripePaymentIntentId: string | null;
  stripeTaxCalculationId: string | null;
  stripeTaxTransactionId: string | null;
}

export type FakeInvoiceRecord = FakePurchaseInvoice | FakeSubscriptionInvoice | FakeStandaloneInvoice;

export interface FakeLineItemRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  livemode: boolean;
  invoiceId: string;
  quantity: number;
  price: number;
  priceId: string | null;
  description: string | null;
  pricingModelId: string;
  type: 'static';
  ledgerAccountId: null;
  ledgerAccountCredit: null;
}

export interface FakeStoredInvoice {
  invoice: FakeInvoiceRecord;
  invoiceLineItems: FakeLineItemRecord[];
}

export interface FlowgladFakeSeed {
  /** Accepted secret keys; unset: any well-formed key. */
  apiKeys?: string[];
  /** Simulate current Flowglad, where `POST /api/v1/invoices` no longer exists. */
  createWithdrawn?: boolean;
  /** Customer ids that exist (default: `cust_test_1`, `cust_test_2`). */
  customers?: string[];
  /** Purchase ids that exist (default: `prch_test_1`). */
  purchases?: string[];
  /** Subscription ids that exist (default: `sub_test_1`). */
  subscriptions?: string[];
  /** Billing period ids that exist (default: `billing_period_test_1`). */
  billingPeriods?: string[];
  /** Membership ids that exist (default: none). */
  memberships?: string[];
  /** The next N invoice inserts fail with the database's 500, as a transient error would. */
  transientInsertFailures?: number;
  /** Invoices already there (e.g. to read from a withdrawn deployment). */
  invoices?: FakeStoredInvoice[];
  /** Clock in epoch ms (tests pin it). */
  now?: () => number;
}

export interface FlowgladFakeState {
  apiKeys?: string[];
  createWithdrawn: boolean;
  customers: Set<string>;
  purchases: Set<string>;
  subscriptions: Set<string>;
  billingPeriods: Set<string>;
  memberships: Set<string>;
  transientInsertFailures: number;
  invoices: FakeStoredInvoice[];
  byId: Map<string, FakeStoredInvoice>;
  numbers: Set<string>;
  organizationId: string;
  pricingModelId: string;
  now: () => number;
}

/** The documented default data set: the customer every example uses, and the card's ids. */
export const FLOWGLAD_FAKE_DEFAULTS = {
  customers: ['cust_test_1', 'cust_test_2'],
  organizationId: 'org_test_1',
  pricingModelId: 'pricing_model_test_1',
  purchaseId: 'prch_test_1',
  subscriptionId: 'sub_test_1',
  billingPeriodId: 'billing_period_test_1',
  priceId: 'price_test_1',
} as const;

export function createFakeState(seed: FlowgladFakeSeed = {}): FlowgladFakeState {
  const invoices = [...(seed.invoices ?? [])];
  const state: FlowgladFakeState = {
    createWithdrawn: seed.createWithdrawn ?? false,
    customers: new Set(seed.customers ?? FLOWGLAD_FAKE_DEFAULTS.customers),
    purchases: new Set(seed.purchases ?? [FLOWGLAD_FAKE_DEFAULTS.purchaseId]),
    subscriptions: new Set(seed.subscriptions ?? [FLOWGLAD_FAKE_DEFAULTS.subscriptionId]),
    billingPeriods: new Set(seed.billingPeriods ?? [FLOWGLAD_FAKE_DEFAULTS.billingPeriodId]),
    memberships: new Set(seed.memberships ?? []),
    transientInsertFailures: seed.transientInsertFailures ?? 0,
    invoices,
    byId: new Map(invoices.map((stored) => [stored.invoice.id, stored])),
    numbers: new Set(invoices.map((stored) => stored.invoice.invoiceNumber)),
    organizationId: FLOWGLAD_FAKE_DEFAULTS.organizationId,
    pricingModelId: FLOWGLAD_FAKE_DEFAULTS.pricingModelId,
    now: seed.now ?? Date.now,
  };
  if (seed.apiKeys) state.apiKeys = [...seed.apiKeys];
  return state;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `<prefix>_` + 21 characters over [0-9A-Za-z], Flowglad's id format. */
export function flowgladId(prefix: string): string {
  const bytes = randomBytes(21);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}

/** Create input dates are coerced with `new Date(x)`: epoch ms or an ISO string. */
function ms(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** Stores a validated create body as Flowglad's handler does: dueDate defaulted, every line static. */
export function storeInvoice(
  state: FlowgladFakeState,
  body: InvoiceCreateBody,
  livemode: boolean,
): FakeStoredInvoice {
  const now = state.now();
  const input = body.invoice;
  const id = flowgladId('inv');
  const base: FakeInvoiceBase = {
    id,
    createdAt: now,
    updatedAt: now,
    livemode,
    organizationId: state.organizationId,
    pricingModelId: state.pricingModelId,
    customerId: input.customerId,
    invoiceNumber: input.invoiceNumber,
    invoiceDate: ms(input.invoiceDate),
    dueDate: input.dueDate == null ? now : ms(input.dueDate),
    status: input.status,
    currency: input.currency,
    billingRunId: input.billingRunId ?? null,
    ownerMembershipId: input.ownerMembershipId ?? null,
    pdfURL: input.pdfURL ?? null,
    receiptPdfURL: input.receiptPdfURL ?? null,
    memo: input.memo ?? null,
    bankPaymentOnly: input.bankPaymentOnly ?? false,
    subtotal: input.subtotal ?? null,
    taxAmount: null,
    taxType: input.taxType ?? null,
    taxCountry: input.taxCountry ?? null,
    taxState: input.taxState ?? null,
    taxRatePercentage: null,
    applicationFee: null,
  };
  const noPeriod = { billingPeriodStartDate: null, billingPeriodEndDate: null } as const;
  let invoice: FakeInvoiceRecord;
  if (input.type === 'purchase') {
    invoice = {
      ...base,
      type: 'purchase',
      purchaseId: input.purchaseId,
      subscriptionId: null,
      billingPeriodId: null,
      ...noPeriod,
    };
  } else if (input.type === 'subscription') {
    invoice = {
      ...base,
      type: 'subscription',
      purchaseId: null,
      subscriptionId: input.subscriptionId,
      billingPeriodId: input.billingPeriodId,
      billingPeriodStartDate: input.billingPeriodStartDate == null ? null : ms(input.billingPeriodStartDate),
      billingPeriodEndDate: input.billingPeriodEndDate == null ? null : ms(input.billingPeriodEndDate),
    };
  } else {
    // The standalone variant keeps the fields the other two strip (card §3.2).
    invoice = {
      ...base,
      type: 'standalone',
      purchaseId: null,
      subscriptionId: null,
      billingPeriodId: null,
      ...noPeriod,
      taxAmount: input.taxAmount ?? null,
      taxRatePercentage: input.taxRatePercentage ?? null,
      applicationFee: input.applicationFee ?? null,
      stripePaymentIntentId: input.stripePaymentIntentId ?? null,
      stripeTaxCalculationId: input.stripeTaxCalculationId ?? null,
      stripeTaxTransactionId: input.stripeTaxTransactionId ?? null,
    };
  }
  const invoiceLineItems: FakeLineItemRecord[] = body.invoiceLineItems.map((item) => ({
    id: flowgladId('inv_li'),
    createdAt: now,
    updatedAt: now,
    livemode,
    invoiceId: id,
    quantity: item.quantity,
    price: item.price,
    priceId: item.priceId ?? null,
    description: item.description ?? null,
    pricingModelId: state.pricingModelId,
    type: 'static',
    ledgerAccountId: null,
    ledgerAccountCredit: null,
  }));
  const stored = { invoice, invoiceLineItems };
  state.invoices.push(stored);
  state.byId.set(id, stored);
  state.numbers.add(invoice.invoiceNumber);
  return stored;
}
