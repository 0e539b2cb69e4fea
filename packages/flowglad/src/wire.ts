/**
 * Flowglad's own bodies as zod schemas, field for field from the contract card (flowglad.md):
 * - the create body of `POST /api/v1/invoices` (§3, `createInvoiceSchema` of the last create-era commit);
 * - the read records of `GET /api/v1/invoices[/{id}]` (§5), current (epoch-ms dates) and older (ISO strings);
 * - the list envelope (§10) and the error bodies (§6).
 * Like Flowglad's zod, unknown keys are stripped, not rejected.
 */
import { isInstant } from '@billbridge/core';
import { z } from 'zod';
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

const int32 = z.int().min(INT32_MIN).max(INT32_MAX);
/**
 * "Omitted." in Flowglad's schema: must be null or absent. The older docs and SDK (0.21.0, `'null' | null`)
 * spell it as the string "null", which is read the same way.
 */
const omitted = z.union([z.null(), z.literal('null')]).optional();

/** Create input dates go through `new Date(x)` on the server: epoch ms or an ISO 8601 string both work. */
export const WireDateInput = z.union([
  z.int(),
  z.string().refine(isInstant, { message: 'Expected an ISO 8601 date-time with a zone.' }),
]);
/** Read dates: epoch ms since 2025-10-07, ISO 8601 strings before. */
export const WireDate = WireDateInput;

export const FlowgladCurrencyCode = z.enum(FLOWGLAD_CURRENCIES);
export const FlowgladStatusCode = z.enum(FLOWGLAD_STATUSES);
export const FlowgladTaxTypeCode = z.enum(FLOWGLAD_TAX_TYPES);
export const FlowgladCountryCode = z.enum(CURRENT_COUNTRIES);

// ---------------------------------------------------------------------------------------------------------
// Create request (historical contract)

const insertCommon = {
  customerId: z.string().min(1),
  invoiceNumber: z.string().min(1),
  invoiceDate: WireDateInput,
  status: FlowgladStatusCode,
  currency: FlowgladCurrencyCode,
  dueDate: WireDateInput.nullable().optional(),
  billingRunId: z.string().nullable().optional(),
  ownerMembershipId: z.string().nullable().optional(),
  pdfURL: z.url().nullable().optional(),
  receiptPdfURL: z.url().nullable().optional(),
  memo: z.string().nullable().optional(),
  bankPaymentOnly: z.boolean().nullable().optional(),
  subtotal: int32.nullable().optional(),
  taxType: FlowgladTaxTypeCode.nullable().optional(),
  taxCountry: FlowgladCountryCode.nullable().optional(),
  taxState: z.string().nullable().optional(),
};

export const PurchaseInvoiceInsert = z.object({
  ...insertCommon,
  type: z.literal('purchase'),
  purchaseId: z.string().min(1),
  subscriptionId: omitted,
  billingPeriodId: omitted,
  billingPeriodStartDate: omitted,
  billingPeriodEndDate: omitted,
});

export const SubscriptionInvoiceInsert = z.object({
  ...insertCommon,
  type: z.literal('subscription'),
  subscriptionId: z.string().min(1),
  billingPeriodId: z.string().min(1),
  purchaseId: omitted,
  billingPeriodStartDate: WireDateInput.nullable().optional(),
  billingPeriodEndDate: WireDateInput.nullable().optional(),
});

/** The standalone variant also accepts six fields the others strip (a schema quirk, card §3.2). */
export const StandaloneInvoiceInsert = z.object({
  ...insertCommon,
  type: z.literal('standalone'),
  purchaseId: omitted,
  subscriptionId: omitted,
  billingPeriodId: omitted,
  billingPeriodStartDate: omitted,
  billingPeriodEndDate: omitted,
  taxAmount: int32.nullable().optional(),
  taxRatePercentage: z.string().nullable().optional(),
  applicationFee: int32.nullable().optional(),
  stripePaymentIntentId: z.string().nullable().optional(),
  stripeTaxCalculationId: z.string().nullable().optional(),
  stripeTaxTransactionId: z.string().nullable().optional(),
});

export const InvoiceInsert = z.discriminatedUnion('type', [
  PurchaseInvoiceInsert,
  SubscriptionInvoiceInsert,
  StandaloneInvoiceInsert,
]);

export const InvoiceLineItemInsert = z.object({
  type: z.enum(LINE_ITEM_TYPES),
  quantity: int32,
  price: int32,
  priceId: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});

export const InvoiceCreateBody = z.object({
  invoice: InvoiceInsert,
  invoiceLineItems: z.array(InvoiceLineItemInsert),
  autoSend: z.boolean().optional(),
});
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

const recordCommon = {
  id: z.string(),
  createdAt: WireDate,
  updatedAt: WireDate.nullable().optional(),
  livemode: z.boolean(),
  organizationId: z.string(),
  pricingModelId: z.string().optional(),
  customerId: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: WireDate,
  dueDate: WireDate.nullable().optional(),
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
};

/** Older records carry the string "null" where newer ones carry null (SDK 0.21 types: `'null' | null`). */
const absentRef = omitted;

export const PurchaseInvoiceRecord = z.object({
  ...recordCommon,
  type: z.literal('purchase'),
  purchaseId: z.string(),
  subscriptionId: absentRef,
  billingPeriodId: absentRef,
  billingPeriodStartDate: WireDate.nullable().optional(),
  billingPeriodEndDate: WireDate.nullable().optional(),
});

export const SubscriptionInvoiceRecord = z.object({
  ...recordCommon,
  type: z.literal('subscription'),
  subscriptionId: z.string(),
  billingPeriodId: z.string(),
  purchaseId: absentRef,
  billingPeriodStartDate: WireDate.nullable().optional(),
  billingPeriodEndDate: WireDate.nullable().optional(),
});

export const StandaloneInvoiceRecord = z.object({
  ...recordCommon,
  type: z.literal('standalone'),
  purchaseId: absentRef,
  subscriptionId: absentRef,
  billingPeriodId: absentRef,
  billingPeriodStartDate: WireDate.nullable().optional(),
  billingPeriodEndDate: WireDate.nullable().optional(),
  stripePaymentIntentId: z.string().nullable().optional(),
  stripeTaxCalculationId: z.string().nullable().optional(),
  stripeTaxTransactionId: z.string().nullable().optional(),
});

export const InvoiceRecord = z.discriminatedUnion('type', [
  PurchaseInvoiceRecord,
  SubscriptionInvoiceRecord,
  StandaloneInvoiceRecord,
]);
export type InvoiceRecord = z.output<typeof InvoiceRecord>;

const lineRecordCommon = {
  id: z.string(),
  createdAt: WireDate,
  updatedAt: WireDate.nullable().optional(),
  livemode: z.boolean(),
  invoiceId: z.string(),
  quantity: z.int(),
  price: z.int(),
  priceId: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  pricingModelId: z.string().optional(),
};

export const StaticLineItemRecord = z.object({
  ...lineRecordCommon,
  type: z.literal('static'),
  ledgerAccountId: z.null().optional(),
  ledgerAccountCredit: z.null().optional(),
});

/** Usage lines: the ledger fields are required on current records, absent on create-era ones. */
export const UsageLineItemRecord = z.object({
  ...lineRecordCommon,
  type: z.literal('usage'),
  billingRunId: z.string().optional(),
  ledgerAccountId: z.string().optional(),
  ledgerAccountCredit: z.number().optional(),
});

export const LineItemRecord = z.discriminatedUnion('type', [StaticLineItemRecord, UsageLineItemRecord]);
export type LineItemRecord = z.output<typeof LineItemRecord>;

/** `GET /api/v1/invoices/{id}` and the create response. */
export const InvoiceWithLineItems = z.object({
  invoice: InvoiceRecord,
  invoiceLineItems: z.array(LineItemRecord),
  autoSend: z.boolean().optional(),
});
export type InvoiceWithLineItems = z.output<typeof InvoiceWithLineItems>;

/** `GET /api/v1/invoices?cursor=&limit=` */
export const InvoiceListPage = z.object({
  data: z.array(InvoiceRecord),
  hasMore: z.boolean(),
  total: z.number(),
  currentCursor: z.string().optional(),
  nextCursor: z.string().optional(),
});
export type InvoiceListPage = z.output<typeof InvoiceListPage>;

// ---------------------------------------------------------------------------------------------------------
// Errors (§6): what the REST wrapper sends, and what the OpenAPI spec documents (which differs).

export const ZodIssueBody = z.object({
  path: z.array(z.union([z.string(), z.number()])).optional(),
  message: z.string(),
  code: z.string().optional(),
});

export const ErrorBody = z.object({
  error: z.union([z.string(), z.array(ZodIssueBody), z.unknown()]).optional(),
  message: z.string().optional(),
  code: z.string().optional(),
  issues: z.array(ZodIssueBody).optional(),
  request_id: z.string().optional(),
  trace_id: z.string().optional(),
  sentry_event_id: z.string().optional(),
});
export type ErrorBody = z.output<typeof ErrorBody>;
