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
  intOrNull,
  isDataArray,
  isDataObject,
  keyCount,
  num,
  numOrNull,
  oneOfOrNull,
  shapeCopy,
  strOrNull,
} from './fast-fields';
import type { WhopInvoiceCreateRequest } from './wire';
import { PAYMENT_METHOD_TYPES, TAX_IDENTIFIER_TYPES, WHOP_CURRENCIES } from './wire-enums';
import {
  BILLING_ADDRESS_KEYS,
  COLLECTION_METHODS,
  CREATE_FIELD_KEYS,
  CUSTOM_FIELD_KEYS,
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

/** The plan as the schema outputs it: keys in shape order, its objects and arrays fresh. */
function planCopy(plan: Input): Output {
  const out = shapeCopy(plan, PLAN_KEYS);
  const fields = plan.custom_fields;
  if (Array.isArray(fields)) out.custom_fields = copies(fields, CUSTOM_FIELD_KEYS);
  const configuration = plan.payment_method_configuration as Input | null | undefined;
  if (configuration !== undefined && configuration !== null) {
    const copy = shapeCopy(configuration, PAYMENT_METHOD_CONFIGURATION_KEYS);
    copy.disabled = elements(configuration.disabled as unknown[]);
    copy.enabled = elements(configuration.enabled as unknown[]);
    out.payment_method_configuration = copy;
  }
  return out;
}

/** Each element (a checked strict object) copied as the schema outputs it, in a fresh array. */
function copies(items: readonly unknown[], keys: readonly string[]): Output[] {
  const out = new Array<Output>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = shapeCopy(items[i] as Input, keys);
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
    const out = shapeCopy(body, CREATE_FIELD_KEYS);
    out.plan = planCopy(body.plan as Input);
    const address = body.billing_address;
    if (address !== undefined && address !== null)
      out.billing_address = shapeCopy(address as Input, BILLING_ADDRESS_KEYS);
    const items = body.line_items;
    if (Array.isArray(items)) out.line_items = copies(items, REQUEST_LINE_ITEM_KEYS);
    if (body.product_id !== undefined && body.product === undefined) out.product_id = body.product_id;
    else out.product = shapeCopy(body.product as Input, PRODUCT_KEYS);
    return out as WhopInvoiceCreateRequest;
  } catch {
    // A value that throws when read (a getter, a proxy): zod reports it its own way.
    return undefined;
  }
}
