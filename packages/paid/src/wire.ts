/**
 * Paid's own wire shapes (API v2, SDK @paid-ai/paid-node 1.7.1), field for field from the contract card.
 * Keys are camelCase exactly as the SDK sends them. Every money field is a JSON double in major units.
 */
import { lazySchema } from '@billbridge/core';
import type { z } from 'zod';

// Order-line pricing enums. Product pricing elsewhere in Paid spells these differently
// ("Monthly", "Semi-Annually", "Advance"): these are the order-line spellings only.
export const CHARGE_TYPES = ['usage', 'recurring', 'oneTime', 'seatBased'] as const;
export const PRICING_MODELS = [
  'perUnit',
  'volumePricing',
  'graduatedPricing',
  'prepaidCredits',
  'flat',
] as const;
export const BILLING_FREQUENCIES = ['monthly', 'quarterly', 'semiAnnually', 'annual', 'custom'] as const;
export const BILLING_TYPES = ['advance', 'arrears'] as const;
export const SIGNAL_TYPES = ['activity', 'outcome'] as const;
export const TIER_BILLING_TYPES = ['flat', 'perUnit'] as const;
export const CREATION_STATES = ['draft', 'active'] as const;
export const CREDIT_RECIPIENTS = ['organization', 'seat'] as const;
export const ROLLOVER_DURATION_UNITS = ['days', 'months'] as const;
export const ALLOCATION_CADENCES = ['upfront', 'monthly'] as const;
// snake_case, unlike every other enum of the order API
export const CREDIT_GRANT_TIMINGS = ['on_payment', 'on_order_activation'] as const;

export type PaidChargeType = (typeof CHARGE_TYPES)[number];
export type PaidPricingModel = (typeof PRICING_MODELS)[number];
export type PaidBillingFrequency = (typeof BILLING_FREQUENCIES)[number];

/**
 * A JSON object of any values. Not z.record: that drops a `__proto__` key, and metadata keys are data.
 */
const JsonObject = lazySchema((z) =>
  z.custom<Record<string, unknown>>(
    (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
    { message: 'Expected a JSON object.' },
  ),
);

export const PaidTier = lazySchema((z) =>
  z.object({
    flatAmount: z.number().optional(),
    index: z.int().optional(),
    lowerBound: z.number().optional(),
    number: z.number().optional(),
    tierBillingType: z.enum(TIER_BILLING_TYPES).optional(),
    unitAmount: z.number().optional(),
    upperBound: z.number().optional(),
  }),
);

/** `pricePoints` is one object on order lines (an array in product pricing). */
export const PaidPricePoints = lazySchema((z) =>
  z.object({
    currency: z.string().optional(),
    unitPrice: z.number(),
    minQuantity: z.number().optional(),
    includedQuantity: z.number().optional(),
    tiers: z.array(PaidTier).optional(),
  }),
);

export const PaidCreditBenefit = lazySchema((z) =>
  z.object({
    id: z.string(),
    creditsCurrencyId: z.string().optional(),
    recipient: z.enum(CREDIT_RECIPIENTS).optional(),
    amount: z.number(),
    rolloverAmount: z.number().optional(),
    rolloverDuration: z.number().optional(),
    rolloverDurationUnit: z.enum(ROLLOVER_DURATION_UNITS).optional(),
    allocationCadence: z.enum(ALLOCATION_CADENCES).optional(),
    creditGrantTiming: z.enum(CREDIT_GRANT_TIMINGS).optional(),
  }),
);

export const PaidPricing = lazySchema((z) =>
  z.object({
    eventName: z.string().optional(),
    chargeType: z.enum(CHARGE_TYPES),
    pricePoints: PaidPricePoints,
    pricingModel: z.enum(PRICING_MODELS).optional(),
    billingFrequency: z.enum(BILLING_FREQUENCIES).optional(),
    billingFrequencyCustomMonths: z.int().positive().optional(),
    billingType: z.enum(BILLING_TYPES).optional(),
    signalType: z.enum(SIGNAL_TYPES).optional(),
    creditsCurrencyId: z.string().optional(),
    creditCost: z.number().optional(),
    overageUnitPrice: z.number().optional(),
    creditRolloverAmount: z.number().optional(),
    creditBenefits: z.array(PaidCreditBenefit).optional(),
  }),
);

export const PaidLineAttribute = lazySchema((z) =>
  z.object({
    name: z.string(),
    quantity: z.number().optional(),
    pricing: PaidPricing,
  }),
);

export const PaidCreateOrderLine = lazySchema((z) =>
  z.object({
    productId: z.string().min(1),
    name: z.string().optional(),
    description: z.string().optional(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    attributes: z.array(PaidLineAttribute).optional(),
  }),
);

export const PaidBillingFrequencyOverride = lazySchema((z) =>
  z.object({
    frequency: z.enum(BILLING_FREQUENCIES),
    customMonths: z.int().positive().nullable().optional(),
  }),
);

/** `POST /api/v2/orders/` body (`Paid.CreateOrderRequest`, plus the docs-only `purchaseOrderReference`). */
export const PaidCreateOrderRequest = lazySchema((z) =>
  z.object({
    customerId: z.string().min(1),
    billingCustomerId: z.string().optional(),
    billingContactIds: z.array(z.string()).optional(),
    name: z.string().optional(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    subscriptionTerms: z.int().optional(),
    creationState: z.enum(CREATION_STATES).optional(),
    billingAnchor: z.int().min(1).max(31).optional(),
    paymentTerms: z.string().optional(),
    externalId: z.string().optional(),
    metadata: JsonObject.optional(),
    currency: z.string().optional(),
    autoPostInvoices: z.boolean().optional(),
    autoSendBillingEmails: z.boolean().optional(),
    autoSendPaymentEmails: z.boolean().optional(),
    lines: z.array(PaidCreateOrderLine).optional(),
    billingFrequencyOverride: PaidBillingFrequencyOverride.optional(),
    purchaseOrderReference: z.string().nullable().optional(),
  }),
);

/** `Paid.Order`: the answer of create, get and update. Carries no currency, externalId or lines. */
export const PaidOrder = lazySchema((z) =>
  z.object({
    id: z.string(),
    customerId: z.string(),
    billingCustomerId: z.string().nullable(),
    billingContactIds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    endDate: z.string().nullable(),
    name: z.string(),
    startDate: z.string(),
    subscriptionTerms: z.int().nullable(),
    billedAmountNoTax: z.number(),
    billedTax: z.number(),
    estimatedTax: z.number(),
    orderAmount: z.number(),
    pendingBillingAmount: z.number(),
    totalAmount: z.number(),
    totalBilledAmount: z.number(),
    creationState: z.enum(CREATION_STATES),
    paymentTerms: z.string().nullable(),
    number: z.number(),
    metadata: JsonObject.nullable(),
    showPaymentLink: z.boolean().nullable(),
    showBankDetails: z.boolean().nullable(),
    autoPostInvoices: z.boolean().nullable(),
    autoSendBillingEmails: z.boolean().nullable(),
    autoSendPaymentEmails: z.boolean().nullable(),
    version: z.int(),
    billingFrequencyOverridden: z.boolean(),
    billingFrequencyOverride: PaidBillingFrequencyOverride.optional(),
    // In the current public docs only (not in SDK 1.7.1).
    purchaseOrderReference: z.string().nullable().optional(),
  }),
);

/** `Paid.OrderLine`: the read model of `GET /orders/{id}/lines`; no pricing. */
export const PaidOrderLine = lazySchema((z) =>
  z.object({
    id: z.string(),
    productId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string().nullable(),
  }),
);

export const PaidPagination = lazySchema((z) =>
  z.object({
    limit: z.int(),
    offset: z.int(),
    total: z.int(),
    hasMore: z.boolean(),
  }),
);

export const PaidOrderListResponse = lazySchema((z) =>
  z.object({ data: z.array(PaidOrder), pagination: PaidPagination }),
);
export const PaidOrderLinesResponse = lazySchema((z) =>
  z.object({ data: z.array(PaidOrderLine), pagination: PaidPagination }),
);

/** `Paid.ErrorResponse`, the body of 400/403/404/409/500. */
export const PaidErrorResponse = lazySchema((z) =>
  z.object({
    error: z.string(),
    code: z.string().optional(),
    details: z.string().optional(),
  }),
);

/**
 * What `fromProvider` reads besides a bare create request: an Order read response, optionally joined with
 * its lines (the read model, or the create request's priced lines) and with the two fields Paid does not
 * echo (`currency`, `externalId`), taken from the request that created it.
 */
export const PaidOrderRecord = lazySchema((z) =>
  PaidOrder.extend({
    currency: z.string().optional(),
    externalId: z.string().optional(),
    lines: z.array(z.union([PaidOrderLine, PaidCreateOrderLine])).optional(),
  }),
);

export type PaidTier = z.output<typeof PaidTier>;
export type PaidPricing = z.output<typeof PaidPricing>;
export type PaidLineAttribute = z.output<typeof PaidLineAttribute>;
export type PaidCreateOrderLine = z.output<typeof PaidCreateOrderLine>;
export type PaidBillingFrequencyOverride = z.output<typeof PaidBillingFrequencyOverride>;
export type PaidCreateOrderRequest = z.output<typeof PaidCreateOrderRequest>;
export type PaidOrder = z.output<typeof PaidOrder>;
export type PaidOrderLine = z.output<typeof PaidOrderLine>;
export type PaidPagination = z.output<typeof PaidPagination>;
export type PaidOrderListResponse = z.output<typeof PaidOrderListResponse>;
export type PaidOrderLinesResponse = z.output<typeof PaidOrderLinesResponse>;
export type PaidErrorResponse = z.output<typeof PaidErrorResponse>;
export type PaidOrderRecord = z.output<typeof PaidOrderRecord>;
