import { z } from 'zod';
import { Customer } from './customer';
import { PaymentTerms } from './invoice';
import { productOutOfRange, safeLineAmount, unitPriceCount } from './line';
import {
  CurrencyCode,
  Decimal,
  Instant,
  instantsInOrder,
  Metadata,
  MinorAmount,
  ProductReference,
  ProviderOptions,
  Quantity,
  Recurrence,
} from './primitives';

export const CHARGE_TYPES = ['one_time', 'recurring', 'usage', 'seat'] as const;
export const PRICING_MODELS = ['per_unit', 'flat', 'volume', 'graduated', 'prepaid_credits'] as const;

export const Tier = z.strictObject({
  upTo: z
    .number()
    .nonnegative()
    .max(Number.MAX_SAFE_INTEGER, { message: 'upTo must be within the safe-integer range.' })
    .optional(),
  unitAmountDecimal: Decimal.optional(),
  flatAmount: MinorAmount.optional(),
});

/** A charge may give one unit price field, not both. */
export function hasAtMostOneUnitPrice(charge: {
  unitAmount?: unknown;
  unitAmountDecimal?: unknown;
}): boolean {
  return unitPriceCount(charge) <= 1;
}

/** An order's endAt, when both are given, is not before its startAt. */
export function orderDatesInOrder(order: {
  startAt?: string | undefined;
  endAt?: string | undefined;
}): boolean {
  return (
    order.startAt === undefined || order.endAt === undefined || instantsInOrder(order.startAt, order.endAt)
  );
}

/** A charge with both a quantity and a unit price: their product is a safe integer once rounded. */
export function chargeProductInRange(charge: {
  quantity?: string | number | undefined;
  unitAmount?: number | undefined;
  unitAmountDecimal?: string | undefined;
}): boolean {
  const { quantity, unitAmount, unitAmountDecimal } = charge;
  if (quantity === undefined || (unitAmount === undefined && unitAmountDecimal === undefined)) return true;
  return safeLineAmount({ quantity, unitAmount, unitAmountDecimal }) !== undefined;
}

export const Charge = z
  .strictObject({
    name: z.string(),
    type: z.enum(CHARGE_TYPES),
    quantity: Quantity.optional(),
    unitAmount: MinorAmount.optional(),
    unitAmountDecimal: Decimal.optional(),
    recurrence: Recurrence.optional(),
    billingTiming: z.enum(['advance', 'arrears']).optional(),
    pricingModel: z.enum(PRICING_MODELS).optional(),
    tiers: z.array(Tier).optional(),
    eventName: z.string().optional(),
  })
  .refine(hasAtMostOneUnitPrice, {
    message: 'Give only one of unitAmount and unitAmountDecimal.',
    path: ['unitAmountDecimal'],
  })
  .superRefine((charge, ctx) => {
    if (!chargeProductInRange(charge)) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: productOutOfRange(charge) });
    }
  });

export const OrderLine = z.strictObject({
  product: ProductReference,
  name: z.string().optional(),
  description: z.string().optional(),
  startAt: Instant.optional(),
  endAt: Instant.optional(),
  charges: z.array(Charge).min(1, { message: 'An order line needs at least one charge.' }),
});

/** The canonical Order, v1 (what Paid creates). Field names are binding (see canonical-model.md). */
export const Order = z
  .strictObject({
    id: z.string().optional(),
    provider: z.string().optional(),
    externalId: z.string().optional(),
    number: z.string().optional(),
    name: z.string().optional(),
    status: z.enum(['draft', 'active']).optional(),
    currency: CurrencyCode,
    customer: Customer,
    billingCustomer: Customer.optional(),
    startAt: Instant.optional(),
    endAt: Instant.optional(),
    termCount: z.int().min(1).optional(),
    billingAnchorDay: z.int().min(1).max(31).optional(),
    billingFrequency: Recurrence.optional(),
    paymentTerms: PaymentTerms.optional(),
    purchaseOrder: z.string().optional(),
    metadata: Metadata.optional(),
    providerOptions: ProviderOptions.optional(),
    autoPostInvoices: z.boolean().optional(),
    autoSendBillingEmails: z.boolean().optional(),
    autoSendPaymentEmails: z.boolean().optional(),
    total: MinorAmount.optional(),
    createdAt: Instant.optional(),
    updatedAt: Instant.optional(),
    lines: z.array(OrderLine),
  })
  .refine(orderDatesInOrder, {
    message: 'endAt must not be before startAt.',
    path: ['endAt'],
  });

export type Order = z.output<typeof Order>;
export type OrderInput = z.input<typeof Order>;
export type OrderLine = z.output<typeof OrderLine>;
export type Charge = z.output<typeof Charge>;
export type ChargeType = (typeof CHARGE_TYPES)[number];
