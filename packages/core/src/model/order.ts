import type { z } from 'zod';
import { lazySchema } from '../schema/lazy';
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

export const BILLING_TIMINGS = ['advance', 'arrears'] as const;
export const ORDER_STATUSES = ['draft', 'active'] as const;
export const CHARGE_TYPES = ['one_time', 'recurring', 'usage', 'seat'] as const;
export const PRICING_MODELS = ['per_unit', 'flat', 'volume', 'graduated', 'prepaid_credits'] as const;

export const Tier = lazySchema((z) =>
  z.strictObject({
    /** Upper bound of units this tier covers (inclusive); absent on the last tier. */
    upTo: z
      .number()
      .nonnegative()
      .max(Number.MAX_SAFE_INTEGER, { message: 'upTo must be within the safe-integer range.' })
      .optional(),
    /** Price of one unit in this tier, in minor units as a decimal string (`"0.04"` = $0.0004). */
    unitAmountDecimal: Decimal.optional(),
    /** Flat fee of the tier in minor units of the document currency (integer; 1234 = 12.34 USD, 1500 = ¥1500). */
    flatAmount: MinorAmount.optional(),
  }),
);

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

export const Charge = lazySchema((z) =>
  z
    .strictObject({
      /** Name of the charge. */
      name: z.string(),
      /** `one_time`, `recurring`, `usage` or `seat`. */
      type: z.enum(CHARGE_TYPES),
      /** Units (≥ 0; decimal string or number). */
      quantity: Quantity.optional(),
      /** Price of one unit in minor units of the document currency (integer; 1234 = 12.34 USD, 1500 = ¥1500); at most one of `unitAmount` and `unitAmountDecimal`. */
      unitAmount: MinorAmount.optional(),
      /** Price of one unit in minor units with more precision, as a decimal string (`"0.04"` = $0.0004). */
      unitAmountDecimal: Decimal.optional(),
      /** Billing cycle of a recurring charge. */
      recurrence: Recurrence.optional(),
      /** Billed at the start (`advance`) or end (`arrears`) of each period. */
      billingTiming: z.enum(BILLING_TIMINGS).optional(),
      /** `per_unit`, `flat`, `volume`, `graduated` or `prepaid_credits`. */
      pricingModel: z.enum(PRICING_MODELS).optional(),
      /** Price tiers of `volume` / `graduated` pricing. */
      tiers: z.array(Tier).optional(),
      /** Usage event the charge meters (Paid). */
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
    }),
);

export const OrderLine = lazySchema((z) =>
  z.strictObject({
    /** The product sold. */
    product: ProductReference,
    /** Name of the order line. */
    name: z.string().optional(),
    /** Text of the order line. */
    description: z.string().optional(),
    /** When this line starts (ISO 8601 instant). */
    startAt: Instant.optional(),
    /** When this line ends (ISO 8601 instant). */
    endAt: Instant.optional(),
    /** What is charged for the product (at least one). */
    charges: z.array(Charge).min(1, { message: 'An order line needs at least one charge.' }),
  }),
);

/** The zod schema of the canonical Order, v1 (what Paid creates): field names are stable across releases; {@link parseOrder} uses it. */
export const Order = lazySchema((z) =>
  z
    .strictObject({
      /** The provider's id of this order; set on read. */
      id: z.string().optional(),
      /** Which provider a read document came from. */
      provider: z.string().optional(),
      /** Your stable key for this order (deduplication anchor). */
      externalId: z.string().optional(),
      /** Human order number. */
      number: z.string().optional(),
      /** Name of the order. */
      name: z.string().optional(),
      /** `draft` or `active`. */
      status: z.enum(ORDER_STATUSES).optional(),
      /** ISO 4217 code in upper case; every amount of the order is in its minor unit. */
      currency: CurrencyCode,
      /** Who the order is for. */
      customer: Customer,
      /** Who pays, when not `customer` (Paid `billingCustomerId`). */
      billingCustomer: Customer.optional(),
      /** When the order starts (ISO 8601 instant). */
      startAt: Instant.optional(),
      /** When the order ends (ISO 8601 instant); not before `startAt`. */
      endAt: Instant.optional(),
      /** Number of terms (integer ≥ 1; Paid `subscriptionTerms`). */
      termCount: z.int().min(1).optional(),
      /** Day of the month billing happens on (1–31). */
      billingAnchorDay: z.int().min(1).max(31).optional(),
      /** Billing cycle overriding the charges' own (Paid `billingFrequencyOverride`). */
      billingFrequency: Recurrence.optional(),
      /** Payment terms, as on Invoice. */
      paymentTerms: PaymentTerms.optional(),
      /** Purchase-order reference. */
      purchaseOrder: z.string().optional(),
      /** Free key/values, as on Invoice. */
      metadata: Metadata.optional(),
      /** Fields only one provider has, keyed by provider name. */
      providerOptions: ProviderOptions.optional(),
      /** The provider posts the invoices it generates. */
      autoPostInvoices: z.boolean().optional(),
      /** The provider e-mails invoices itself. */
      autoSendBillingEmails: z.boolean().optional(),
      /** The provider e-mails payment receipts itself. */
      autoSendPaymentEmails: z.boolean().optional(),
      /** The order amount in minor units of the document currency (integer; 1234 = 12.34 USD, 1500 = ¥1500); on read, what the provider stored (Paid `totalAmount`). */
      total: MinorAmount.optional(),
      /** When the provider created it (on read). */
      createdAt: Instant.optional(),
      /** When the provider last changed it (on read). */
      updatedAt: Instant.optional(),
      /** The order lines. */
      lines: z.array(OrderLine),
    })
    .refine(orderDatesInOrder, {
      message: 'endAt must not be before startAt.',
      path: ['endAt'],
    }),
);

/** A canonical order (Paid's native document) as parsed by {@link parseOrder}. */
export type Order = z.output<typeof Order>;
/** What {@link parseOrder} accepts. */
export type OrderInput = z.input<typeof Order>;
/** One product of an order with its charges. */
export type OrderLine = z.output<typeof OrderLine>;
/** One price of an order line (one-time, recurring, usage or seat). */
export type Charge = z.output<typeof Charge>;
/** The kind of a charge. */
export type ChargeType = (typeof CHARGE_TYPES)[number];
