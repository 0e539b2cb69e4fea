/**
 * Pelcro Core's own bodies, field for field from the card (providers/pelcro.md §5–§11). Request schemas
 * are strict and carry the documented conditional rules; response schemas are loose (Pelcro returns many
 * more fields than we read) and accept both date forms the docs show.
 *
 * Every schema is built on first touch (`lazySchema`), so importing the package does not load zod; the
 * valid case never needs it (fast-*.ts read it). Key lists are plain constants the schemas are built
 * from (test/wire-keys.test.ts keeps them equal to each schema's shape).
 */
import { copyOwnKeys, lazySchema, Metadata } from '@billbridge/core';
import type { z } from 'zod';
import { INT32_MAX, INT32_MIN, READINGS } from './options';

/** The two body names the card could not confirm, chosen in options.ts. */
const IMPORTED = READINGS.importedFlag;
const SHIPMENTS = READINGS.shipmentsOverride;

export const Int32 = lazySchema((z) => z.int().min(INT32_MIN).max(INT32_MAX));
/** Request timestamps: int32 epoch seconds, so nothing past 2038-01-19T03:14:07Z. */
export const EpochSeconds = lazySchema((z) => z.int().min(INT32_MIN).max(INT32_MAX));
/** Ids are positive int32. */
export const Int32Id = lazySchema((z) => z.int().min(1).max(INT32_MAX));

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;
export const BILLING_REASONS = [
  'manual',
  'subscription_create',
  'subscription_cycle',
  'subscription_update',
  'order_create',
] as const;

/** The keys of PelcroAddress. */
export const ADDRESS_KEYS = [
  'first_name',
  'last_name',
  'line1',
  'line2',
  'city',
  'state',
  'country',
  'postal_code',
  'phone',
  'company',
] as const;

/** The keys of PelcroLineItem. */
export const LINE_ITEM_KEYS = ['description', 'unit_price', 'quantity', 'tax_name', 'tax_rate'] as const;

/** The keys of PelcroInvoiceCreateBody (two of them named by the unconfirmed readings in options.ts). */
export const CREATE_BODY_KEYS = [
  'currency',
  'line_items',
  'total',
  'customer_id',
  'customer_old_provider_id',
  'old_provider_id',
  'period_start',
  'period_end',
  'due_date',
  'status',
  'billing_reason',
  'subscription_id',
  'subscription_old_provider_id',
  'customer_address',
  'billing_address_id',
  'customer_shipping',
  'shipping_address_id',
  IMPORTED,
  'metadata',
  'footer',
  SHIPMENTS,
  'purchase_order',
] as const;

/** The keys of PelcroCreateRequest. */
export const CREATE_REQUEST_KEYS = ['query', 'body'] as const;

/** Pelcro's flat address attributes (card §7; layout unconfirmed, see options.ts). */
export const PelcroAddress = lazySchema((z) =>
  z.strictObject({
    first_name: z.string().max(255).optional(),
    last_name: z.string().max(255).optional(),
    line1: z.string().max(255).optional(),
    line2: z.string().max(255).optional(),
    city: z.string().max(255).optional(),
    state: z.string().optional(),
    country: z.string().length(2).optional(),
    postal_code: z.string().max(45).optional(),
    phone: z.string().optional(),
    company: z.string().max(255).optional(),
  }),
);
export type PelcroAddress = z.output<typeof PelcroAddress>;

export const PelcroLineItem = lazySchema((z) =>
  z
    .strictObject({
      description: z.string().optional(),
      /** Pelcro's Stripe-style minor units (amounts.ts): a whole int32 of zero or more ("create bills"). */
      unit_price: z.int().min(0).max(INT32_MAX),
      /** A whole number greater than zero ("quantity must be > 0"; Stripe-shaped invoices count whole units). */
      quantity: z.int().min(1).max(INT32_MAX),
      tax_name: z.string().optional(),
      /** A percentage (unconfirmed, see options.ts). */
      tax_rate: z.number().finite().nonnegative().optional(),
    })
    .superRefine((item, ctx) => {
      if (item.tax_name !== undefined && item.tax_rate === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tax_rate'],
          message: 'tax_rate is required when tax_name is set.',
        });
      }
      if (item.tax_rate !== undefined && item.tax_name === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tax_name'],
          message: 'tax_name is required when tax_rate is set.',
        });
      }
    }),
);
export type PelcroLineItem = z.output<typeof PelcroLineItem>;

/** Body of `POST /api/v1/core/invoices?site_id=…`. */
export const PelcroInvoiceCreateBody = lazySchema((z) =>
  z
    .strictObject({
      currency: z.string().regex(/^[a-z]{3}$/, { message: 'currency is a lower-case ISO 4217 code.' }),
      line_items: z.array(PelcroLineItem).min(1).optional(),
      total: Int32.optional(),
      customer_id: Int32Id.optional(),
      customer_old_provider_id: z.string().min(1).optional(),
      /** The invoice's own id in the previous system (canonical `externalId`). */
      old_provider_id: z.string().min(1).optional(),
      period_start: EpochSeconds.optional(),
      period_end: EpochSeconds.optional(),
      due_date: EpochSeconds.optional(),
      status: z.enum(INVOICE_STATUSES).optional(),
      billing_reason: z.enum(BILLING_REASONS).optional(),
      subscription_id: Int32Id.optional(),
      subscription_old_provider_id: z.string().min(1).optional(),
      customer_address: PelcroAddress.optional(),
      billing_address_id: Int32Id.optional(),
      customer_shipping: PelcroAddress.optional(),
      shipping_address_id: Int32Id.optional(),
      [IMPORTED]: z.boolean().optional(),
      // core's Metadata keeps keys such as __proto__ as data (zod's record would drop them).
      metadata: Metadata.optional(),
      footer: z.string().optional(),
      [SHIPMENTS]: z.int().min(0).max(INT32_MAX).optional(),
      purchase_order: z.string().optional(),
    })
    .superRefine((body, ctx) => {
      if (body.line_items === undefined && body.total === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: 'total is required when line_items is absent.',
        });
      }
      if (body.customer_id === undefined && body.customer_old_provider_id === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['customer_id'],
          message: 'customer_id is required when customer_old_provider_id is absent.',
        });
      }
      const start = body.period_start;
      if (start !== undefined && body.period_end !== undefined && body.period_end < start) {
        ctx.addIssue({
          code: 'custom',
          path: ['period_end'],
          message: 'period_end must be at or after period_start.',
        });
      }
      if (start !== undefined && body.due_date !== undefined && body.due_date < start) {
        ctx.addIssue({
          code: 'custom',
          path: ['due_date'],
          message: 'due_date must be at or after period_start.',
        });
      }
    }),
);
export type PelcroInvoiceCreateBody = z.output<typeof PelcroInvoiceCreateBody>;

/** What `toCreateRequest` returns: the `site_id` query parameter and the JSON body, as sent. */
export const PelcroCreateRequest = lazySchema((z) =>
  z.strictObject({
    query: z.strictObject({ site_id: Int32Id }),
    body: PelcroInvoiceCreateBody,
  }),
);
export type PelcroCreateRequest = z.output<typeof PelcroCreateRequest>;

/** Dates on responses: ISO 8601 strings (invoice webhooks) or integer epoch seconds (newer payloads). */
export const PelcroDate = lazySchema((z) => z.union([z.number(), z.string()]).nullable());

/** The typed keys of the answer's loose objects (they pass every other key through). */
export const RESPONSE_ADDRESS_KEYS = ['id', ...ADDRESS_KEYS] as const;
export const RESPONSE_CUSTOMER_KEYS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'phone',
  'old_provider_id',
] as const;
export const RESPONSE_LINE_ITEM_KEYS = [
  'description',
  'unit_price',
  'quantity',
  'tax_name',
  'tax_rate',
  'amount',
] as const;
export const INVOICE_KEYS = [
  'object',
  'id',
  'currency',
  'old_provider_id',
  'status',
  'billing_reason',
  'total',
  'amount_due',
  'amount_paid',
  'amount_remaining',
  'billing',
  'customer',
  'customer_id',
  'customer_old_provider_id',
  'subscription_id',
  'subscription_old_provider_id',
  'line_items',
  'period_start',
  'period_end',
  'due_date',
  'created',
  'created_at',
  'updated_at',
  'address_billing',
  'address_shipping',
  'customer_address',
  'customer_shipping',
  'billing_address_id',
  'shipping_address_id',
  'is_imported',
  'imported',
  'metadata',
  'footer',
  'purchase_order',
  SHIPMENTS,
] as const;

export const ResponseAddress = lazySchema((z) =>
  z.looseObject({
    id: z.number().optional(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    line1: z.string().nullish(),
    line2: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    country: z.string().nullish(),
    postal_code: z.string().nullish(),
    phone: z.string().nullish(),
    company: z.string().nullish(),
  }),
);

export const ResponseCustomer = lazySchema((z) =>
  z.looseObject({
    id: z.number(),
    email: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    phone: z.string().nullish(),
    old_provider_id: z.string().nullish(),
  }),
);

export const ResponseLineItem = lazySchema((z) =>
  z.looseObject({
    description: z.string().nullish(),
    unit_price: z.number(),
    quantity: z.number(),
    tax_name: z.string().nullish(),
    tax_rate: z.number().nullish(),
    amount: z.number().nullish(),
  }),
);

/** The invoice object (card §10): confirmed fields typed, the rest passed through. */
export const PelcroInvoice = lazySchema((z) =>
  z.looseObject({
    object: z.literal('invoice').optional(),
    id: z.number(),
    currency: z.string(),
    old_provider_id: z.string().nullish(),
    status: z.string().nullish(),
    billing_reason: z.string().nullish(),
    total: z.number().nullish(),
    amount_due: z.number().nullish(),
    amount_paid: z.number().nullish(),
    amount_remaining: z.number().nullish(),
    billing: z.string().nullish(),
    customer: ResponseCustomer.nullish(),
    customer_id: z.number().nullish(),
    customer_old_provider_id: z.string().nullish(),
    subscription_id: z.union([z.number(), z.looseObject({ id: z.number() })]).nullish(),
    subscription_old_provider_id: z.string().nullish(),
    line_items: z.array(ResponseLineItem).nullish(),
    period_start: PelcroDate.optional(),
    period_end: PelcroDate.optional(),
    due_date: PelcroDate.optional(),
    created: PelcroDate.optional(),
    created_at: PelcroDate.optional(),
    updated_at: PelcroDate.optional(),
    address_billing: ResponseAddress.nullish(),
    address_shipping: ResponseAddress.nullish(),
    customer_address: ResponseAddress.nullish(),
    customer_shipping: ResponseAddress.nullish(),
    billing_address_id: z.number().nullish(),
    shipping_address_id: z.number().nullish(),
    is_imported: z.boolean().nullish(),
    imported: z.boolean().nullish(),
    metadata: z
      .custom<Record<string, unknown>>((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
      .overwrite(copyOwnKeys)
      .nullish(),
    footer: z.string().nullish(),
    purchase_order: z.string().nullish(),
    [SHIPMENTS]: z.number().nullish(),
  }),
);
export type PelcroInvoice = z.output<typeof PelcroInvoice>;

/** A single invoice answer: bare, or wrapped in `{ data }` (unconfirmed which; both accepted). */
export const PelcroInvoiceResponse = lazySchema((z) =>
  z.union([z.looseObject({ data: PelcroInvoice }), PelcroInvoice]),
);

/**
 * A list page: `{ data, links, meta }` as the pagination page shows it, `{ data }` alone, or a bare array.
 * Only `data` is relied on; `meta.per_page`, when present, says how full a full page is.
 */
export const PelcroInvoiceList = lazySchema((z) =>
  z.union([
    z.looseObject({
      data: z.array(z.unknown()),
      meta: z.looseObject({ per_page: z.union([z.number(), z.string()]).optional() }).nullish(),
    }),
    z.array(z.unknown()),
  ]),
);
export type PelcroInvoiceList = z.output<typeof PelcroInvoiceList>;

/** Core API error body (card §11): field → list of messages; other failures may carry `message`. */
export const PelcroErrorBody = lazySchema((z) =>
  z.looseObject({
    errors: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
    message: z.string().optional(),
    error: z.string().optional(),
  }),
);
export type PelcroErrorBody = z.output<typeof PelcroErrorBody>;
