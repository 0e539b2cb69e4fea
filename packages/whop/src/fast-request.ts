/**
 * Hand-written reader of a Whop create request (both variants), for a plainly valid body. Every shape of
 * the request is a strict object without transforms, so for such a body the schema's output holds the
 * body's values in fresh objects listing their keys in shape order, and fresh arrays (holding only the
 * elements, never a named property an array may carry). The reader checks the body and builds the same
 * copies, or answers undefined whenever anything is doubtful, and then the caller parses with the schema,
 * which owns every error message. Each object check adds up its field counters (0 absent, 1 valid, NaN otherwise) and compares
 * the sum with the number of keys, all known (`fastRead.countKnownKeys`): an unknown key, a key set to
 * undefined or a doubtful value sends the body to zod.
 */
import { fastRead } from '@billbridge/core';
import {
  boolOrNull,
  dateTimeOrNull,
  elements,
  filledStr,
  inShapeOrder,
  intOrNull,
  isDataArray,
  isDataObject,
  keyCount,
  num,
  numOrNull,
  oneOfOrNull,
  ordered,
  orderedCopy,
  type StrictShape,
  strictShape,
  strOrNull,
} from './fast-fields';
import type { WhopInvoiceCreateRequest } from './wire';
import { PAYMENT_METHOD_TYPES, TAX_IDENTIFIER_TYPES, WHOP_CURRENCIES } from './wire-enums';
import {
  BILLING_ADDRESS_KEYS,
  COLLECTION_METHODS,
  CUSTOM_FIELD_KEYS,
  createVariantKeys,
  PAYMENT_METHOD_CONFIGURATION_KEYS,
  PLAN_KEYS,
  PLAN_TYPES,
  PRODUCT_KEYS,
  RELEASE_METHODS,
  REQUEST_LINE_ITEM_KEYS,
  VISIBILITIES,
} from './wire-keys';

type Input = fastRead.Input;
type Output = fastRead.Output;
const { str, oneOf } = fastRead;

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

const CURRENCY_SET: ReadonlySet<string> = new Set(WHOP_CURRENCIES);
const TAX_ID_TYPE_SET: ReadonlySet<string> = new Set(TAX_IDENTIFIER_TYPES);
const PAYMENT_METHOD_TYPE_SET: ReadonlySet<string> = new Set(PAYMENT_METHOD_TYPES);
const COLLECTION_METHOD_SET: ReadonlySet<string> = new Set(COLLECTION_METHODS);
const PLAN_TYPE_SET: ReadonlySet<string> = new Set(PLAN_TYPES);
const RELEASE_METHOD_SET: ReadonlySet<string> = new Set(RELEASE_METHODS);
const VISIBILITY_SET: ReadonlySet<string> = new Set(VISIBILITIES);

/** 1 when every element of `value` (an array) passes `check`, NaN otherwise. */
function list(value: unknown, check: (item: unknown) => boolean): number {
  if (!isDataArray(value)) return Number.NaN;
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return Number.NaN;
  return 1;
}

/** A `.nullish()` array: 0 absent, 1 null or every element valid, NaN otherwise. */
function listOrNull(value: unknown, check: (item: unknown) => boolean): number {
  if (value === undefined) return 0;
  return value === null ? 1 : list(value, check);
}

/** A `.nullish()` object: 0 absent, 1 null or valid, NaN otherwise. */
function objectOrNull(value: unknown, check: (item: unknown) => boolean): number {
  if (value === undefined) return 0;
  return value === null || check(value) ? 1 : Number.NaN;
}

function isCustomField(value: unknown): boolean {
  if (!isDataObject(value) || value.field_type !== 'text' || typeof value.name !== 'string') return false;
  const used =
    2 +
    strOrNull(value.id) +
    numOrNull(value.order) +
    strOrNull(value.placeholder) +
    boolOrNull(value.required);
  return used === keyCount(value);
}

function isPaymentMethodType(value: unknown): boolean {
  return oneOf(value, PAYMENT_METHOD_TYPE_SET) === 1;
}

function isPaymentMethodConfiguration(value: unknown): boolean {
  if (!isDataObject(value)) return false;
  const used =
    list(value.disabled, isPaymentMethodType) +
    list(value.enabled, isPaymentMethodType) +
    boolOrNull(value.include_platform_defaults);
  return used === keyCount(value);
}

function isPlan(value: unknown): boolean {
  if (!isDataObject(value)) return false;
  const used =
    boolOrNull(value.adaptive_pricing_enabled) +
    intOrNull(value.billing_period, 1, MAX) +
    oneOfOrNull(value.currency, CURRENCY_SET) +
    listOrNull(value.custom_fields, isCustomField) +
    strOrNull(value.description) +
    intOrNull(value.expiration_days, MIN, MAX) +
    numOrNull(value.initial_price) +
    strOrNull(value.internal_notes) +
    boolOrNull(value.legacy_payment_method_controls) +
    objectOrNull(value.payment_method_configuration, isPaymentMethodConfiguration) +
    oneOfOrNull(value.plan_type, PLAN_TYPE_SET) +
    oneOfOrNull(value.release_method, RELEASE_METHOD_SET) +
    numOrNull(value.renewal_price) +
    intOrNull(value.stock, MIN, MAX) +
    intOrNull(value.trial_period_days, 0, MAX) +
    boolOrNull(value.unlimited_stock) +
    oneOfOrNull(value.visibility, VISIBILITY_SET);
  return used === keyCount(value);
}

function isProduct(value: unknown): boolean {
  if (!isDataObject(value)) return false;
  const used = filledStr(value.title) + strOrNull(value.product_tax_code_id);
  return value.title !== undefined && used === keyCount(value);
}

function isBillingAddress(value: unknown): boolean {
  if (!isDataObject(value)) return false;
  const used =
    strOrNull(value.city) +
    strOrNull(value.country) +
    strOrNull(value.line1) +
    strOrNull(value.line2) +
    strOrNull(value.name) +
    strOrNull(value.phone) +
    strOrNull(value.postal_code) +
    strOrNull(value.state) +
    oneOfOrNull(value.tax_id_type, TAX_ID_TYPE_SET) +
    strOrNull(value.tax_id_value);
  return used === keyCount(value);
}

function isLineItem(value: unknown): boolean {
  if (!isDataObject(value) || str(value.label) + num(value.unit_price) !== 2) return false;
  return 2 + numOrNull(value.quantity) === keyCount(value);
}

/**
 * Whether `body` is a plainly valid create request of the variant it claims: the check of
 * fastReadCreateRequest without the copy, for a body this package built itself (ordinary arrays), which
 * the schema would answer with an equal copy.
 */
export function isPlainCreateRequest(body: unknown): body is WhopInvoiceCreateRequest {
  try {
    return isDataObject(body) && isCreateRequest(body);
  } catch {
    return false;
  }
}

function isCreateRequest(input: Input): boolean {
  // The variant the body claims, as createVariantFor decides it.
  const byId = 'product_id' in input && !('product' in input);
  const used =
    oneOf(input.collection_method, COLLECTION_METHOD_SET) +
    filledStr(input.company_id) +
    (isPlan(input.plan) ? 1 : Number.NaN) +
    (byId ? filledStr(input.product_id) : isProduct(input.product) ? 1 : Number.NaN) +
    dateTimeOrNull(input.automatically_finalizes_at) +
    objectOrNull(input.billing_address, isBillingAddress) +
    boolOrNull(input.charge_buyer_fee) +
    strOrNull(input.customer_name) +
    dateTimeOrNull(input.due_date) +
    strOrNull(input.email_address) +
    listOrNull(input.line_items, isLineItem) +
    strOrNull(input.mailing_address_id) +
    strOrNull(input.member_id) +
    strOrNull(input.payment_method_id) +
    strOrNull(input.payment_token_id) +
    boolOrNull(input.save_as_draft) +
    dateTimeOrNull(input.subscription_billing_anchor_at);
  if (input.collection_method === undefined || input.company_id === undefined) return false;
  return used === keyCount(input);
}

const WITH_PRODUCT = strictShape(createVariantKeys('product'));
const WITH_PRODUCT_ID = strictShape(createVariantKeys('product_id'));
const PLAN = strictShape(PLAN_KEYS);
const CUSTOM_FIELD = strictShape(CUSTOM_FIELD_KEYS);
const PAYMENT_METHOD_CONFIGURATION = strictShape(PAYMENT_METHOD_CONFIGURATION_KEYS);
const BILLING_ADDRESS = strictShape(BILLING_ADDRESS_KEYS);
const REQUEST_LINE_ITEM = strictShape(REQUEST_LINE_ITEM_KEYS);
const PRODUCT = strictShape(PRODUCT_KEYS);

/*
 * The two large shapes, for a body in another order than toCreateRequest's, copied in shape order by named
 * stores (a keyed store per key costs several times more): the order is createVariantKeys' and PLAN_KEYS',
 * and the property tests compare every answer's key order with zod's output, so a copier out of step with
 * its list fails them.
 */

/** A checked create request's fields in zod's order (head, product key, tail: createVariantKeys). */
function copyRequest(body: Input): Output {
  const out: Output = {};
  if (body.collection_method !== undefined) out.collection_method = body.collection_method;
  if (body.company_id !== undefined) out.company_id = body.company_id;
  if (body.plan !== undefined) out.plan = body.plan;
  if (body.product !== undefined) out.product = body.product;
  else out.product_id = body.product_id;
  if (body.line_items !== undefined) out.line_items = body.line_items;
  if (body.member_id !== undefined) out.member_id = body.member_id;
  if (body.email_address !== undefined) out.email_address = body.email_address;
  if (body.customer_name !== undefined) out.customer_name = body.customer_name;
  if (body.mailing_address_id !== undefined) out.mailing_address_id = body.mailing_address_id;
  if (body.billing_address !== undefined) out.billing_address = body.billing_address;
  if (body.due_date !== undefined) out.due_date = body.due_date;
  if (body.payment_method_id !== undefined) out.payment_method_id = body.payment_method_id;
  if (body.automatically_finalizes_at !== undefined)
    out.automatically_finalizes_at = body.automatically_finalizes_at;
  if (body.save_as_draft !== undefined) out.save_as_draft = body.save_as_draft;
  if (body.charge_buyer_fee !== undefined) out.charge_buyer_fee = body.charge_buyer_fee;
  if (body.subscription_billing_anchor_at !== undefined)
    out.subscription_billing_anchor_at = body.subscription_billing_anchor_at;
  if (body.payment_token_id !== undefined) out.payment_token_id = body.payment_token_id;
  return out;
}

/** A checked plan's fields in zod's order (PLAN_KEYS). */
function copyPlan(plan: Input): Output {
  const out: Output = {};
  if (plan.plan_type !== undefined) out.plan_type = plan.plan_type;
  if (plan.initial_price !== undefined) out.initial_price = plan.initial_price;
  if (plan.renewal_price !== undefined) out.renewal_price = plan.renewal_price;
  if (plan.currency !== undefined) out.currency = plan.currency;
  if (plan.billing_period !== undefined) out.billing_period = plan.billing_period;
  if (plan.trial_period_days !== undefined) out.trial_period_days = plan.trial_period_days;
  if (plan.adaptive_pricing_enabled !== undefined)
    out.adaptive_pricing_enabled = plan.adaptive_pricing_enabled;
  if (plan.custom_fields !== undefined) out.custom_fields = plan.custom_fields;
  if (plan.description !== undefined) out.description = plan.description;
  if (plan.expiration_days !== undefined) out.expiration_days = plan.expiration_days;
  if (plan.internal_notes !== undefined) out.internal_notes = plan.internal_notes;
  if (plan.legacy_payment_method_controls !== undefined)
    out.legacy_payment_method_controls = plan.legacy_payment_method_controls;
  if (plan.payment_method_configuration !== undefined)
    out.payment_method_configuration = plan.payment_method_configuration;
  if (plan.release_method !== undefined) out.release_method = plan.release_method;
  if (plan.stock !== undefined) out.stock = plan.stock;
  if (plan.unlimited_stock !== undefined) out.unlimited_stock = plan.unlimited_stock;
  if (plan.visibility !== undefined) out.visibility = plan.visibility;
  return out;
}

/**
 * The plan as the schema outputs it: keys in shape order, arrays fresh. Objects already in shape order
 * are kept (or spread, where an array in them is replaced), the others rebuilt in that order.
 */
function planCopy(plan: Input): Input {
  const fields = plan.custom_fields;
  const configuration = plan.payment_method_configuration as Input | null | undefined;
  const hasConfiguration = configuration !== undefined && configuration !== null;
  if (!Array.isArray(fields) && !hasConfiguration) return inShapeOrder(plan, PLAN) ? plan : copyPlan(plan);
  const out = inShapeOrder(plan, PLAN) ? { ...plan } : copyPlan(plan);
  if (Array.isArray(fields)) out.custom_fields = copies(fields, CUSTOM_FIELD);
  if (hasConfiguration) {
    const copy = orderedCopy(configuration, PAYMENT_METHOD_CONFIGURATION);
    copy.disabled = elements(configuration.disabled as unknown[]);
    copy.enabled = elements(configuration.enabled as unknown[]);
    out.payment_method_configuration = copy;
  }
  return out;
}

/** Each element (a checked strict object) in zod's key order, in a fresh array. */
function copies(items: readonly unknown[], shape: StrictShape): Input[] {
  const out = new Array<Input>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = ordered(items[i] as Input, shape);
  return out;
}

/**
 * What the variant `body` claims (see `createVariantFor`), and the `InvoiceCreateRequest` union (the other
 * strict variant refuses it), output for a plainly valid body; else undefined. Keys in the schema's order,
 * whatever the body's (zod's output lists the shape's keys, and the body may come from anywhere).
 */
export function fastReadCreateRequest(body: unknown): WhopInvoiceCreateRequest | undefined {
  try {
    if (!isDataObject(body) || !isCreateRequest(body)) return undefined;
    const byId = body.product_id !== undefined && body.product === undefined;
    const out = inShapeOrder(body, byId ? WITH_PRODUCT_ID : WITH_PRODUCT) ? { ...body } : copyRequest(body);
    out.plan = planCopy(body.plan as Input);
    const address = body.billing_address;
    if (address !== undefined && address !== null)
      out.billing_address = ordered(address as Input, BILLING_ADDRESS);
    const items = body.line_items;
    if (Array.isArray(items)) out.line_items = copies(items, REQUEST_LINE_ITEM);
    if (!byId) out.product = ordered(body.product as Input, PRODUCT);
    return out as WhopInvoiceCreateRequest;
  } catch {
    // A value that throws when read (a getter, a proxy): zod reports it its own way.
    return undefined;
  }
}
