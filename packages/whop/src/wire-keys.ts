/**
 * The enum values and field names of Whop's payloads as plain constants: wire.ts builds its schemas from
 * the enums, and the hand-written readers (fast-*.ts) check records against the key lists, with no
 * schema built at import. A test compares every key list with `Object.keys(Schema.shape)`.
 */

export const COLLECTION_METHODS = ['send_invoice', 'charge_automatically'] as const;
export const PLAN_TYPES = ['renewal', 'one_time'] as const;
export const RELEASE_METHODS = ['buy_now', 'waitlist'] as const;
export const VISIBILITIES = ['visible', 'hidden', 'archived', 'quick_link'] as const;
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'past_due', 'uncollectible', 'void'] as const;
export const DIRECTIONS = ['asc', 'desc'] as const;

/**
 * zod's pattern for `z.iso.datetime({ offset: true })` (zod 4.6.7, `v4/core/regexes.js`): a calendar date
 * (leap years included), `T`, a time with seconds and optional fraction, then `Z` or `±hh:mm`.
 */
export const DATE_TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

// ---- request shapes (strict) ----

export const CUSTOM_FIELD_KEYS = ['field_type', 'name', 'id', 'order', 'placeholder', 'required'] as const;
export const PAYMENT_METHOD_CONFIGURATION_KEYS = [
  'disabled',
  'enabled',
  'include_platform_defaults',
] as const;
/** In the order toCreateRequest builds a plan (to-provider-plan.ts `mapPlan`), the fields it never sets after. */
export const PLAN_KEYS = [
  'plan_type',
  'initial_price',
  'renewal_price',
  'currency',
  'billing_period',
  'trial_period_days',
  'adaptive_pricing_enabled',
  'custom_fields',
  'description',
  'expiration_days',
  'internal_notes',
  'legacy_payment_method_controls',
  'payment_method_configuration',
  'release_method',
  'stock',
  'unlimited_stock',
  'visibility',
] as const;
export const PRODUCT_KEYS = ['title', 'product_tax_code_id'] as const;
/** In the order toCreateRequest builds a billing address. */
export const BILLING_ADDRESS_KEYS = [
  'name',
  'line1',
  'line2',
  'city',
  'state',
  'postal_code',
  'country',
  'phone',
  'tax_id_type',
  'tax_id_value',
] as const;
export const REQUEST_LINE_ITEM_KEYS = ['label', 'unit_price', 'quantity'] as const;
/**
 * A create request's fields in the order toCreateRequest builds them (to-provider.ts), so our own requests
 * read as a copy: the shared head, the variant's product key (`product` or `product_id`), the shared tail.
 */
export const CREATE_HEAD_KEYS = ['collection_method', 'company_id', 'plan'] as const;
export const CREATE_TAIL_KEYS = [
  'line_items',
  'member_id',
  'email_address',
  'customer_name',
  'mailing_address_id',
  'billing_address',
  'due_date',
  'payment_method_id',
  'automatically_finalizes_at',
  'save_as_draft',
  'charge_buyer_fee',
  'subscription_billing_anchor_at',
  'payment_token_id',
] as const;
/** Every key of the variant whose product key is `product`. */
export function createVariantKeys(product: 'product' | 'product_id'): string[] {
  return [...CREATE_HEAD_KEYS, product, ...CREATE_TAIL_KEYS];
}

// ---- response shapes (loose: unknown keys are kept) ----

/**
 * In the order Whop's retrieve-invoice example lists them (docs.whop.com, CONTRACT.md); `line_items`, absent
 * from the example, where the SDK types put it relative to its neighbours (after `current_plan`).
 */
export const INVOICE_KEYS = [
  'id',
  'created_at',
  'status',
  'number',
  'due_date',
  'email_address',
  'fetch_invoice_token',
  'current_plan',
  'line_items',
  'user',
] as const;
export const CURRENT_PLAN_KEYS = ['id', 'formatted_price', 'currency'] as const;
export const INVOICE_LINE_ITEM_KEYS = ['label', 'position', 'quantity', 'total', 'unit_price'] as const;
export const INVOICE_USER_KEYS = ['id', 'name', 'username'] as const;
