/**
 * Flowglad's own bodies as zod schemas, field for field from the contract card (flowglad.md):
 * - the create body of `POST /api/v1/invoices` (§3, `createInvoiceSchema` of the last create-era commit);
 * - the read records of `GET /api/v1/invoices[/{id}]` (§5), current (epoch-ms dates) and older (ISO strings);
 * - the list envelope (§10) and the error bodies (§6).
 * Like Flowglad's zod, unknown keys are stripped, not rejected.
 * Every schema is built on first touch (`lazySchema`), so importing the package does not load zod; the hot
 * paths read valid bodies with the hand-written readers (fast-*.ts) and fall back to these schemas.
 */
import { isInstant, lazySchema, type Zod } from '@billbridge/core';
import type { z } from 'zod';
import {
  type CreateEraCountry,
  CURRENT_COUNTRIES,
  FLOWGLAD_CURRENCIES,
  FLOWGLAD_STATUSES,
  FLOWGLAD_TAX_TYPES,
  type FlowgladCurrency,
  type FlowgladStatus,
  type FlowgladTaxType,
  LINE_ITEM_TYPES,
} from './enums';
import { INT32_MAX, INT32_MIN } from './money';

const int32 = (z: Zod) => z.int().min(INT32_MIN).max(INT32_MAX);
/**
 * "Omitted." in Flowglad's schema: must be null or absent. The older docs and SDK (0.21.0, `'null' | null`)
 * spell it as the string "null", which is read the same way (older records carry it too).
 */
const omitted = (z: Zod) => z.union([z.null(), z.literal('null')]).optional();

/** Create input dates go through `new Date(x)` on the server: epoch ms or an ISO 8601 string both work. */
const wireDate = (z: Zod) =>
  z.union([
    z.int(),
    z.string().refine(isInstant, { message: 'Expected an ISO 8601 date-time with a zone.' }),
  ]);
export const WireDateInput = lazySchema(wireDate);
/** Read dates: epoch ms since 2025-10-07, ISO 8601 strings before. */
export const WireDate = WireDateInput;

export const FlowgladCurrencyCode = lazySchema((z) => z.enum(FLOWGLAD_CURRENCIES));
export const FlowgladStatusCode = lazySchema((z) => z.enum(FLOWGLAD_STATUSES));
export const FlowgladTaxTypeCode = lazySchema((z) => z.enum(FLOWGLAD_TAX_TYPES));
export const FlowgladCountryCode = lazySchema((z) => z.enum(CURRENT_COUNTRIES));

// ---------------------------------------------------------------------------------------------------------
// Create request (historical contract)

const insertCommon = (z: Zod) => ({
  customerId: z.string().min(1),
  invoiceNumber: z.string().min(1),
  invoiceDate: wireDate(z),
  status: z.enum(FLOWGLAD_STATUSES),
  currency: z.enum(FLOWGLAD_CURRENCIES),
  dueDate: wireDate(z).nullable().optional(),
  billingRunId: z.string().nullable().optional(),
  ownerMembershipId: z.string().nullable().optional(),
  pdfURL: z.url().nullable().optional(),
  receiptPdfURL: z.url().nullable().optional(),
  memo: z.string().nullable().optional(),
  bankPaymentOnly: z.boolean().nullable().optional(),
  subtotal: int32(z).nullable().optional(),
  taxType: z.enum(FLOWGLAD_TAX_TYPES).nullable().optional(),
  taxCountry: z.enum(CURRENT_COUNTRIES).nullable().optional(),
  taxState: z.string().nullable().optional(),
});

export const PurchaseInvoiceInsert = lazySchema((z) =>
  z.object({
    ...insertCommon(z),
    type: z.literal('purchase'),
    purchaseId: z.string().min(1),
    subscriptionId: omitted(z),
    billingPeriodId: omitted(z),
    billingPeriodStartDate: omitted(z),
    billingPeriodEndDate: omitted(z),
  }),
);

export const SubscriptionInvoiceInsert = lazySchema((z) =>
  z.object({
    ...insertCommon(z),
    type: z.literal('subscription'),
    subscriptionId: z.string().min(1),
    billingPeriodId: z.string().min(1),
    purchaseId: omitted(z),
    billingPeriodStartDate: wireDate(z).nullable().optional(),
    billingPeriodEndDate: wireDate(z).nullable().optional(),
  }),
);

/** The standalone variant also accepts six fields the others strip (a schema quirk, card §3.2). */
export const StandaloneInvoiceInsert = lazySchema((z) =>
  z.object({
    ...insertCommon(z),
    type: z.literal('standalone'),
    purchaseId: omitted(z),
    subscriptionId: omitted(z),
    billingPeriodId: omitted(z),
    billingPeriodStartDate: omitted(z),
    billingPeriodEndDate: omitted(z),
    taxAmount: int32(z).nullable().optional(),
    taxRatePercentage: z.string().nullable().optional(),
    applicationFee: int32(z).nullable().optional(),
    stripePaymentIntentId: z.string().nullable().optional(),
    stripeTaxCalculationId: z.string().nullable().optional(),
    stripeTaxTransactionId: z.string().nullable().optional(),
  }),
);

export const InvoiceInsert = lazySchema((z) =>
  z.discriminatedUnion('type', [PurchaseInvoiceInsert, SubscriptionInvoiceInsert, StandaloneInvoiceInsert]),
);

export const InvoiceLineItemInsert = lazySchema((z) =>
  z.object({
    type: z.enum(LINE_ITEM_TYPES),
    quantity: int32(z),
    price: int32(z),
    priceId: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
  }),
);

export const InvoiceCreateBody = lazySchema((z) =>
  z.object({
    invoice: InvoiceInsert,
    invoiceLineItems: z.array(InvoiceLineItemInsert),
    autoSend: z.boolean().optional(),
  }),
);
export type InvoiceCreateBody = z.output<typeof InvoiceCreateBody>;

/**
 * The request `toCreateRequest` produces. Dates are ISO 8601 strings, which every create-era deployment
 * accepts (strings before 2025-10-07, coerced by `new Date(x)` after); `taxCountry` stays within the
 * create-era SDK's 239 codes. This type is checked against `InvoiceCreateParams` of @flowglad/node 0.21.0.
 */
export interface FlowgladCreateRequest {
  invoice:
    | FlowgladPurchaseInvoiceInsert
    | FlowgladSubscriptionInvoiceInsert
    | FlowgladStandaloneInvoiceInsert;
  invoiceLineItems: FlowgladLineItemInsert[];
  autoSend?: boolean;
}

interface InvoiceInsertFields {
  customerId: string;
  invoiceNumber: string;
  invoiceDate: string;
  status: FlowgladStatus;
  currency: FlowgladCurrency;
  dueDate?: string | null;
  billingRunId?: string | null;
  ownerMembershipId?: string | null;
  pdfURL?: string | null;
  receiptPdfURL?: string | null;
  memo?: string | null;
  bankPaymentOnly?: boolean | null;
  subtotal?: number | null;
  taxType?: FlowgladTaxType | null;
  taxCountry?: CreateEraCountry | null;
  taxState?: string | null;
}

export interface FlowgladPurchaseInvoiceInsert extends InvoiceInsertFields {
  type: 'purchase';
  purchaseId: string;
  subscriptionId: null;
  billingPeriodId: null;
}

export interface FlowgladSubscriptionInvoiceInsert extends InvoiceInsertFields {
  type: 'subscription';
  subscriptionId: string;
  billingPeriodId: string;
  purchaseId: null;
  billingPeriodStartDate?: string | null;
  billingPeriodEndDate?: string | null;
}

export interface FlowgladStandaloneInvoiceInsert extends InvoiceInsertFields {
  type: 'standalone';
  purchaseId: null;
  subscriptionId: null;
  billingPeriodId: null;
  taxAmount?: number | null;
  taxRatePercentage?: string | null;
}

export interface FlowgladLineItemInsert {
  type: 'static';
  quantity: number;
  price: number;
  priceId: string | null;
  description: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Read records (GET, list, and the create response of the create era)

const recordCommon = (z: Zod) => ({
  id: z.string(),
  createdAt: wireDate(z),
  updatedAt: wireDate(z).nullable().optional(),
  livemode: z.boolean(),
  organizationId: z.string(),
  pricingModelId: z.string().optional(),
  customerId: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: wireDate(z),
  dueDate: wireDate(z).nullable().optional(),
  status: z.string(),
  currency: z.string(),
  billingRunId: z.string().nullable().optional(),
  ownerMembershipId: z.string().nullable().optional(),
  pdfURL: z.string().nullable().optional(),
  receiptPdfURL: z.string().nullable().optional(),
  memo: z.string().nullable().optional(),
  bankPaymentOnly: z.boolean().nullable().optional(),
  subtotal: z.int().nullable().optional(),
  taxAmount: z.int().nullable().optional(),
  taxType: z.string().nullable().optional(),
  taxCountry: z.string().nullable().optional(),
  taxState: z.string().nullable().optional(),
  taxRatePercentage: z.string().nullable().optional(),
  applicationFee: z.int().nullable().optional(),
});

export const PurchaseInvoiceRecord = lazySchema((z) =>
  z.object({
    ...recordCommon(z),
    type: z.literal('purchase'),
    purchaseId: z.string(),
    subscriptionId: omitted(z),
    billingPeriodId: omitted(z),
    billingPeriodStartDate: wireDate(z).nullable().optional(),
    billingPeriodEndDate: wireDate(z).nullable().optional(),
  }),
);

export const SubscriptionInvoiceRecord = lazySchema((z) =>
  z.object({
    ...recordCommon(z),
    type: z.literal('subscription'),
    subscriptionId: z.string(),
    billingPeriodId: z.string(),
    purchaseId: omitted(z),
    billingPeriodStartDate: wireDate(z).nullable().optional(),
    billingPeriodEndDate: wireDate(z).nullable().optional(),
  }),
);

export const StandaloneInvoiceRecord = lazySchema((z) =>
  z.object({
    ...recordCommon(z),
    type: z.literal('standalone'),
    purchaseId: omitted(z),
    subscriptionId: omitted(z),
    billingPeriodId: omitted(z),
    billingPeriodStartDate: wireDate(z).nullable().optional(),
    billingPeriodEndDate: wireDate(z).nullable().optional(),
    stripePaymentIntentId: z.string().nullable().optional(),
    stripeTaxCalculationId: z.string().nullable().optional(),
    stripeTaxTransactionId: z.string().nullable().optional(),
  }),
);

export const InvoiceRecord = lazySchema((z) =>
  z.discriminatedUnion('type', [PurchaseInvoiceRecord, SubscriptionInvoiceRecord, StandaloneInvoiceRecord]),
);
export type InvoiceRecord = z.output<typeof InvoiceRecord>;

const lineRecordCommon = (z: Zod) => ({
  id: z.string(),
  createdAt: wireDate(z),
  updatedAt: wireDate(z).nullable().optional(),
  livemode: z.boolean(),
  invoiceId: z.string(),
  quantity: z.int(),
  price: z.int(),
  priceId: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  pricingModelId: z.string().optional(),
});

export const StaticLineItemRecord = lazySchema((z) =>
  z.object({
    ...lineRecordCommon(z),
    type: z.literal('static'),
    ledgerAccountId: z.null().optional(),
    ledgerAccountCredit: z.null().optional(),
  }),
);

/** Usage lines: the ledger fields are required on current records, absent on create-era ones. */
export const UsageLineItemRecord = lazySchema((z) =>
  z.object({
    ...lineRecordCommon(z),
    type: z.literal('usage'),
    billingRunId: z.string().optional(),
    ledgerAccountId: z.string().optional(),
    ledgerAccountCredit: z.number().optional(),
  }),
);

export const LineItemRecord = lazySchema((z) =>
  z.discriminatedUnion('type', [StaticLineItemRecord, UsageLineItemRecord]),
);
export type LineItemRecord = z.output<typeof LineItemRecord>;

/** `GET /api/v1/invoices/{id}` and the create response. */
export const InvoiceWithLineItems = lazySchema((z) =>
  z.object({
    invoice: InvoiceRecord,
    invoiceLineItems: z.array(LineItemRecord),
    autoSend: z.boolean().optional(),
  }),
);
export type InvoiceWithLineItems = z.output<typeof InvoiceWithLineItems>;

/** `GET /api/v1/invoices?cursor=&limit=` */
export const InvoiceListPage = lazySchema((z) =>
  z.object({
    data: z.array(InvoiceRecord),
    hasMore: z.boolean(),
    total: z.number(),
    currentCursor: z.string().optional(),
    nextCursor: z.string().optional(),
  }),
);
export type InvoiceListPage = z.output<typeof InvoiceListPage>;

// ---------------------------------------------------------------------------------------------------------
// Errors (§6): what the REST wrapper sends, and what the OpenAPI spec documents (which differs).

export const ZodIssueBody = lazySchema((z) =>
  z.object({
    path: z.array(z.union([z.string(), z.number()])).optional(),
    message: z.string(),
    code: z.string().optional(),
  }),
);

export const ErrorBody = lazySchema((z) =>
  z.object({
    error: z.union([z.string(), z.array(ZodIssueBody), z.unknown()]).optional(),
    message: z.string().optional(),
    code: z.string().optional(),
    issues: z.array(ZodIssueBody).optional(),
    request_id: z.string().optional(),
    trace_id: z.string().optional(),
    sentry_event_id: z.string().optional(),
  }),
);
export type ErrorBody = z.output<typeof ErrorBody>;
