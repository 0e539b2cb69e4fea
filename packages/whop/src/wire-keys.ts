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
export const PLAN_KEYS = [
  'adaptive_pricing_enabled',
  'billing_period',
  'currency',
  'custom_fields',
  'description',
  'expiration_days',
  'initial_price',
  'internal_notes',
  'legacy_payment_method_controls',
  'payment_method_configuration',
  'plan_type',
  'release_method',
  'renewal_price',
  'stock',
  'trial_period_days',
  'unlimited_stock',
  'visibility',
] as const;
export const PRODUCT_KEYS = ['title', 'product_tax_code_id'] as const;
export const BILLING_ADDRESS_KEYS = [
  'city',
  'country',
  'line1',
  'line2',
  'name',
  'phone',
  'postal_code',
  'state',
  'tax_id_type',
  'tax_id_value',
] as const;
export const REQUEST_LINE_ITEM_KEYS = ['label', 'unit_price', 'quantity'] as const;
/** Fields both create variants share; variant A adds `product`, variant B `product_id`. */
export const CREATE_FIELD_KEYS = [
  'collection_method',
  'company_id',
  'plan',
  'automatically_finalizes_at',
  'billing_address',
  'charge_buyer_fee',
  'customer_name',
  'due_date',
  'email_address',
  'line_items',
  'mailing_address_id',
  'member_id',
  'payment_method_id',
  'payment_token_id',
  'save_as_draft',
  'subscription_billing_anchor_at',
] as const;

// ---- response shapes (loose: unknown keys are kept) ----

export const INVOICE_KEYS = [
  'id',
  'created_at',
  'current_plan',
  'due_date',
  'email_address',
  'fetch_invoice_token',
  'line_items',
  'number',
  'status',
  'user',
] as const;
export const CURRENT_PLAN_KEYS = ['id', 'currency', 'formatted_price'] as const;
export const INVOICE_LINE_ITEM_KEYS = ['label', 'position', 'quantity', 'total', 'unit_price'] as const;
export const INVOICE_USER_KEYS = ['id', 'name', 'username'] as const;
