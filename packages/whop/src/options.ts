/**
 * The adapter's options, the Whop-only fields a document may carry in `providerOptions.whop`, and every
 * reading this package had to choose where the provider card says "unconfirmed" (one place, so the
 * README and the code cannot drift apart).
 */
import { Instant, lazySchema, type MappingOptions } from '@billbridge/core';
import type { z } from 'zod';
import { TaxIdentifierType } from './wire';

/** `Api-Version-Date` the shapes in wire.ts belong to (the version `@whop/sdk@0.0.42` was generated for). */
export const WHOP_API_VERSION = '2026-07-20';
export const WHOP_BASE_URL = 'https://api.whop.com/api/v1';

export interface WhopMappingOptions extends MappingOptions {
  /** The company (`biz_…`) issuing the invoice. Configuration, never part of the invoice. */
  companyId?: string;
}

/**
 * `providerOptions.whop`: fields only Whop has. The read-back keys (`userId`, `username`, `planId`,
 * `formattedPrice`) are filled by `fromProvider` and ignored on create.
 */
export const WhopProviderOptions = lazySchema((z) =>
  z.strictObject({
    /** An existing product (`prod_…`); otherwise a product is created inline. */
    productId: z.string().min(1).optional(),
    /** Title of the product created inline (default: the lines' common product name). */
    productTitle: z.string().min(1).optional(),
    productTaxCodeId: z.string().min(1).optional(),
    /** An existing mailing address (`ma_…`) instead of `customer.billingAddress`. */
    mailingAddressId: z.string().min(1).optional(),
    taxIdType: TaxIdentifierType.optional(),
    taxIdValue: z.string().optional(),
    chargeBuyerFee: z.boolean().optional(),
    /** Create as a draft (also what canonical `status: "draft"` does). */
    saveAsDraft: z.boolean().optional(),
    subscriptionBillingAnchorAt: Instant.optional(),
    paymentTokenId: z.string().min(1).optional(),
    trialPeriodDays: z.int().nonnegative().optional(),
    userId: z.string().optional(),
    username: z.string().optional(),
    planId: z.string().optional(),
    formattedPrice: z.string().optional(),
  }),
);
export type WhopProviderOptions = z.output<typeof WhopProviderOptions>;

/** The fields of {@link WhopProviderOptions}, for its hand-written reader (a test compares them with the schema). */
export const WHOP_PROVIDER_OPTION_KEYS = [
  'productId',
  'productTitle',
  'productTaxCodeId',
  'mailingAddressId',
  'taxIdType',
  'taxIdValue',
  'chargeBuyerFee',
  'saveAsDraft',
  'subscriptionBillingAnchorAt',
  'paymentTokenId',
  'trialPeriodDays',
  'userId',
  'username',
  'planId',
  'formattedPrice',
] as const;

/** Days per calendar interval when a canonical recurrence becomes `billing_period` (month and year are approximations). */
export const DAYS_PER_INTERVAL = { day: 1, week: 7, month: 30, year: 365 } as const;

/**
 * Every "unconfirmed" point of the card and the reading chosen. The README lists the same table.
 */
export const UNCONFIRMED_READINGS = {
  successStatus: 'Create answers 2xx; the fake answers 200 (any 2xx is accepted).',
  validationStatus:
    'Broken create rules answer 422 (documented) with { error: { code: "unprocessable_entity", message } } (body code not documented); a 400 is read the same way.',
  lineSumPrice:
    'line_items must add up to plan.initial_price for one_time plans and to plan.renewal_price for renewal plans; renewal creates send no initial_price.',
  planTypeDefault:
    'plan_type is always sent; when reading a request without it, renewal is assumed if renewal_price or billing_period is set.',
  currencyDefault:
    'plan.currency is always sent; when reading a request without it, usd is assumed (with a "defaulted" warning).',
  billingPeriod:
    'Canonical recurrence → billing_period days: day 1, week 7, month 30, year 365 (month/year with an "approximated" warning). Reverse: multiples of 365 → years, of 30 → months, of 7 → weeks, else days (month/year "approximated").',
  fractionalQuantity: 'Fractional quantities are sent as JSON numbers (server acceptance unconfirmed).',
  paymentToken:
    'charge_automatically requires payment_method_id; payment_token_id (providerOptions.whop.paymentTokenId) is sent in addition, never instead.',
  finalizeAt:
    'collection.finalizeAt is sent as automatically_finalizes_at with either collection method: a scheduled charge (charge_automatically) or a scheduled send (send_invoice), as @whop/sdk 0.0.42 documents.',
  memberAndEmail:
    'With a member_id, email_address and customer_name are still sent when the document has them.',
  billingAddressCountry: 'billing_address.country is the ISO 3166-1 alpha-2 code, as canonical.',
  idempotency:
    'POST /invoices carries an Idempotency-Key derived from the document (company, externalId or number, and the request body), so a create is retried safely; a caller may pass its own key.',
  requestIdHeader: 'The request id is read from x-request-id (the header name is not documented).',
  formattedPrice:
    'An invoice read without line_items gets its total from current_plan.formatted_price only when that string is a plain number with the currency\'s digits (e.g. "$10.00"), with an "approximated" warning; otherwise reading fails.',
  listPaging:
    "Listing follows page_info.end_cursor while has_next_page is not false; page size is the fake's default 25 (max 100) unless given.",
  membershipIds:
    'customer.id is sent as member_id; an id with the membership prefix mem_ is refused (members are mber_).',
} as const;
