/**
 * Whop's own payloads (REST API, `Api-Version-Date: 2026-07-20`), field for field from the provider card
 * and the `@whop/sdk@0.0.42` types. Request schemas are strict (a typo must not reach Whop); response
 * schemas keep unknown keys, because providers add fields without a new version.
 */
import {
  addDecimal,
  compareDecimal,
  type ExactDecimal,
  formatDecimal,
  lazySchema,
  multiplyDecimal,
  toDecimal,
  type Zod,
} from '@billbridge/core';
import type { z } from 'zod';
import { PAYMENT_METHOD_TYPES, TAX_IDENTIFIER_TYPES, WHOP_CURRENCIES } from './wire-enums';
import {
  COLLECTION_METHODS,
  DIRECTIONS,
  INVOICE_STATUSES,
  PLAN_TYPES,
  RELEASE_METHODS,
  VISIBILITIES,
} from './wire-keys';

// Every schema is built on first use (core's lazySchema), so importing the package does not load zod;
// enum values and key lists are plain constants in wire-keys.ts, which the hand-written readers share.

export const WhopCurrency = lazySchema((z) => z.enum(WHOP_CURRENCIES));
export const CollectionMethod = lazySchema((z) => z.enum(COLLECTION_METHODS));
export const PlanType = lazySchema((z) => z.enum(PLAN_TYPES));
export const ReleaseMethod = lazySchema((z) => z.enum(RELEASE_METHODS));
export const Visibility = lazySchema((z) => z.enum(VISIBILITIES));
export const InvoiceStatus = lazySchema((z) => z.enum(INVOICE_STATUSES));
export const TaxIdentifierType = lazySchema((z) => z.enum(TAX_IDENTIFIER_TYPES));
export const PaymentMethodType = lazySchema((z) => z.enum(PAYMENT_METHOD_TYPES));
export const Direction = lazySchema((z) => z.enum(DIRECTIONS));

/**
 * Date-times under the pinned version are ISO 8601 strings (older versions used Unix seconds). The
 * readers in fast-*.ts use the same pattern written out (DATE_TIME_PATTERN); a test checks they agree.
 */
export const DateTime = lazySchema((z) => z.iso.datetime({ offset: true }));

export const CustomField = lazySchema((z) =>
  z.strictObject({
    field_type: z.literal('text'),
    name: z.string(),
    id: z.string().nullish(),
    order: z.number().nullish(),
    placeholder: z.string().nullish(),
    required: z.boolean().nullish(),
  }),
);

export const PaymentMethodConfiguration = lazySchema((z) =>
  z.strictObject({
    disabled: z.array(PaymentMethodType),
    enabled: z.array(PaymentMethodType),
    include_platform_defaults: z.boolean().nullish(),
  }),
);

/** `plan`: every field optional; the price lives here (decimal major units as JSON numbers). */
export const Plan = lazySchema((z) =>
  z.strictObject({
    plan_type: PlanType.nullish(),
    initial_price: z.number().finite().nullish(),
    renewal_price: z.number().finite().nullish(),
    currency: WhopCurrency.nullish(),
    billing_period: z.int().positive().nullish(),
    trial_period_days: z.int().nonnegative().nullish(),
    adaptive_pricing_enabled: z.boolean().nullish(),
    custom_fields: z.array(CustomField).nullish(),
    description: z.string().nullish(),
    expiration_days: z.int().nullish(),
    internal_notes: z.string().nullish(),
    legacy_payment_method_controls: z.boolean().nullish(),
    payment_method_configuration: PaymentMethodConfiguration.nullish(),
    release_method: ReleaseMethod.nullish(),
    stock: z.int().nullish(),
    unlimited_stock: z.boolean().nullish(),
    visibility: Visibility.nullish(),
  }),
);

export const Product = lazySchema((z) =>
  z.strictObject({
    title: z.string().min(1),
    product_tax_code_id: z.string().nullish(),
  }),
);

export const BillingAddress = lazySchema((z) =>
  z.strictObject({
    name: z.string().nullish(),
    line1: z.string().nullish(),
    line2: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    postal_code: z.string().nullish(),
    country: z.string().nullish(),
    phone: z.string().nullish(),
    tax_id_type: TaxIdentifierType.nullish(),
    tax_id_value: z.string().nullish(),
  }),
);

export const RequestLineItem = lazySchema((z) =>
  z.strictObject({
    label: z.string(),
    unit_price: z.number().finite(),
    quantity: z.number().finite().nullish(),
  }),
);

/**
 * A create variant's fields, in the order toCreateRequest builds them (CREATE_HEAD_KEYS, the variant's
 * product key, CREATE_TAIL_KEYS), so zod's output of our own request lists its keys as it came.
 */
function createShape<P extends Record<string, z.ZodType>>(z: Zod, product: P) {
  return {
    collection_method: CollectionMethod,
    company_id: z.string().min(1),
    plan: Plan,
    ...product,
    line_items: z.array(RequestLineItem).nullish(),
    member_id: z.string().nullish(),
    email_address: z.string().nullish(),
    customer_name: z.string().nullish(),
    mailing_address_id: z.string().nullish(),
    billing_address: BillingAddress.nullish(),
    due_date: DateTime.nullish(),
    payment_method_id: z.string().nullish(),
    automatically_finalizes_at: DateTime.nullish(),
    save_as_draft: z.boolean().nullish(),
    charge_buyer_fee: z.boolean().nullish(),
    subscription_billing_anchor_at: DateTime.nullish(),
    payment_token_id: z.string().nullish(),
  };
}

/** Variant A: a new product created inline. */
export const CreateInvoiceWithProduct = lazySchema((z) =>
  z.strictObject(createShape(z, { product: Product })),
);
/** Variant B: an existing product. */
export const CreateInvoiceWithProductId = lazySchema((z) =>
  z.strictObject(createShape(z, { product_id: z.string().min(1) })),
);

/**
 * `POST /invoices` body: exactly one of `product` / `product_id` (the strict variants reject the other key).
 * The conditional rules Whop enforces server-side are in `createRequestIssues` below, shared by the
 * adapter (before sending) and the fake (on receipt).
 */
export const InvoiceCreateRequest = lazySchema((z) =>
  z.union([CreateInvoiceWithProduct, CreateInvoiceWithProductId]),
);

/** The variant a body claims (by its product key), so validation messages name the real field instead of "Invalid input". */
export function createVariantFor(
  body: object,
): typeof CreateInvoiceWithProduct | typeof CreateInvoiceWithProductId {
  return 'product_id' in body && !('product' in body) ? CreateInvoiceWithProductId : CreateInvoiceWithProduct;
}

export type WhopCurrency = z.infer<typeof WhopCurrency>;
export type WhopInvoiceStatus = z.infer<typeof InvoiceStatus>;
export type WhopPlan = z.infer<typeof Plan>;
export type WhopBillingAddress = z.infer<typeof BillingAddress>;
export type WhopRequestLineItem = z.infer<typeof RequestLineItem>;
export type WhopInvoiceCreateRequest = z.infer<typeof InvoiceCreateRequest>;

/** The `Invoice` object returned by create, retrieve and list (`InvoiceListItem` has the same shape). */
export const Invoice = lazySchema((z) =>
  // In the order Whop's retrieve-invoice example lists the fields (INVOICE_KEYS, CONTRACT.md).
  z.looseObject({
    id: z.string(),
    created_at: DateTime,
    // A status outside the documented set is passed through with an `unrecognized` warning.
    status: z.string(),
    number: z.string(),
    due_date: DateTime.nullable(),
    email_address: z.string().nullable(),
    fetch_invoice_token: z.string(),
    current_plan: z.looseObject({
      id: z.string(),
      formatted_price: z.string(),
      // Kept as a string so an unknown or non-ISO currency is reported by the mapper, not as a parse failure.
      currency: z.string(),
    }),
    line_items: z.array(
      z.looseObject({
        label: z.string(),
        position: z.number(),
        quantity: z.number(),
        total: z.number(),
        unit_price: z.number(),
      }),
    ),
    user: z.looseObject({ id: z.string(), name: z.string().nullable(), username: z.string() }).nullable(),
  }),
);
export type WhopInvoice = z.infer<typeof Invoice>;

/** `GET /invoices`: a cursor page. */
export const InvoiceListResponse = lazySchema((z) =>
  z.looseObject({
    data: z.array(Invoice),
    page_info: z.looseObject({
      end_cursor: z.string().nullish(),
      start_cursor: z.string().nullish(),
      has_next_page: z.boolean().nullish(),
      has_previous_page: z.boolean().nullish(),
    }),
  }),
);
export type WhopInvoiceListResponse = z.infer<typeof InvoiceListResponse>;

/** Error body: `{ error: { code | type, message } }` (the rate-limit example uses `type`). */
export const ErrorBody = lazySchema((z) =>
  z.looseObject({
    error: z.looseObject({
      code: z.string().optional(),
      type: z.string().optional(),
      message: z.string().optional(),
    }),
  }),
);
/** Some OAuth endpoints answer `{ error, error_description }` instead. */
export const OAuthErrorBody = lazySchema((z) =>
  z.looseObject({ error: z.string(), error_description: z.string().optional() }),
);
export type WhopErrorBody = z.infer<typeof ErrorBody>;

/** One broken conditional rule of a create request, with the Whop field it concerns. */
export interface WhopRuleIssue {
  field: string;
  message: string;
}

/** Which plan price the line items must add up to (unconfirmed which one Whop compares; see options.ts). */
export function effectivePlanType(plan: WhopPlan): 'renewal' | 'one_time' {
  if (plan.plan_type) return plan.plan_type;
  return plan.renewal_price != null || plan.billing_period != null ? 'renewal' : 'one_time';
}

/** Σ quantity × unit_price, exact, read from the JSON numbers as written (quantity defaults to 1). */
export function lineItemsSum(items: readonly WhopRequestLineItem[]): ExactDecimal {
  let sum: ExactDecimal = toDecimal(0);
  for (const item of items)
    sum = addDecimal(sum, multiplyDecimal(toDecimal(item.quantity ?? 1), toDecimal(item.unit_price)));
  return sum;
}

/**
 * The rules Whop states in field descriptions but the SDK types cannot express. The adapter checks its
 * own output against them before sending; the fake answers 400 when one is broken.
 */
export function createRequestIssues(
  body: WhopInvoiceCreateRequest,
  { lineSum = true }: { lineSum?: boolean } = {},
): WhopRuleIssue[] {
  const issues: WhopRuleIssue[] = [];
  const draft = body.save_as_draft === true;
  if (!body.member_id && !draft) {
    if (!body.email_address)
      issues.push({
        field: 'email_address',
        message: 'email_address is required when member_id is not given.',
      });
    if (!body.customer_name)
      issues.push({
        field: 'customer_name',
        message: 'customer_name is required when member_id is not given.',
      });
  }
  if (body.collection_method === 'send_invoice' && !draft && !body.due_date) {
    issues.push({
      field: 'due_date',
      message: 'due_date is required for send_invoice unless save_as_draft is true.',
    });
  }
  if (body.collection_method === 'charge_automatically' && !body.payment_method_id) {
    issues.push({
      field: 'payment_method_id',
      message: 'payment_method_id is required when collection_method is charge_automatically.',
    });
  }
  if (body.billing_address && body.mailing_address_id) {
    issues.push({
      field: 'mailing_address_id',
      message: 'Give billing_address or mailing_address_id, not both.',
    });
  }
  const plan = body.plan;
  const type = effectivePlanType(plan);
  if (type === 'renewal' && plan.billing_period == null) {
    issues.push({ field: 'plan.billing_period', message: 'A renewal plan needs billing_period (days).' });
  }
  for (const key of ['initial_price', 'renewal_price'] as const) {
    const value = plan[key];
    if (value != null && value < 0)
      issues.push({ field: `plan.${key}`, message: `${key} must not be negative.` });
  }
  if (lineSum && body.line_items && body.line_items.length > 0) {
    const key = type === 'renewal' ? 'renewal_price' : 'initial_price';
    const price = plan[key];
    const sum = lineItemsSum(body.line_items);
    if (price == null) {
      issues.push({ field: `plan.${key}`, message: `plan.${key} is required when line_items are given.` });
    } else if (compareDecimal(sum, toDecimal(price)) !== 0) {
      issues.push({
        field: 'line_items',
        message: `The line items add up to ${formatDecimal(sum)}, but plan.${key} is ${formatDecimal(toDecimal(price))}; they must be equal.`,
      });
    }
  }
  return issues;
}
