/**
 * Hand-written reader of a Whop create request (both variants), for a plainly valid body: exactly what
 * `createVariantFor(body).parse(body)` outputs, or undefined whenever anything is doubtful, and then the
 * caller parses with the schema, which owns every error message. Every shape here is strict: each
 * reader adds up its field counters (0 absent, 1 valid, NaN otherwise) and compares the sum with the
 * number of keys, all known (`fastRead.countKnownKeys`), so an unknown key, a key set to undefined or a
 * doubtful value sends the body to zod.
 */
import { fastRead } from '@billbridge/core';
import {
  boolOrNull,
  dateTimeOrNull,
  filledStr,
  intOrNull,
  num,
  numOrNull,
  oneOfOrNull,
  parsedOrNull,
  strOrNull,
} from './fast-counters';
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

type Output = fastRead.Output;
const { asPlainObject, countKnownKeys, keySet, nested, readList, str, oneOf } = fastRead;

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

const CURRENCY_SET: ReadonlySet<string> = new Set(WHOP_CURRENCIES);
const TAX_ID_TYPE_SET: ReadonlySet<string> = new Set(TAX_IDENTIFIER_TYPES);
const PAYMENT_METHOD_TYPE_SET: ReadonlySet<string> = new Set(PAYMENT_METHOD_TYPES);
const COLLECTION_METHOD_SET: ReadonlySet<string> = new Set(COLLECTION_METHODS);
const PLAN_TYPE_SET: ReadonlySet<string> = new Set(PLAN_TYPES);
const RELEASE_METHOD_SET: ReadonlySet<string> = new Set(RELEASE_METHODS);
const VISIBILITY_SET: ReadonlySet<string> = new Set(VISIBILITIES);

/** Copies the fields that were given (null included), in the schema's order, as zod's output does. */
function copyGiven(input: Output, keys: readonly string[], out: Output): Output {
  for (const key of keys) {
    const value = input[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const CUSTOM_FIELD_KEY_SET = keySet(...CUSTOM_FIELD_KEYS);

function readCustomField(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined || input.field_type !== 'text') return undefined;
  const { name, id, order, placeholder, required } = input;
  if (typeof name !== 'string') return undefined;
  const used = 2 + strOrNull(id) + numOrNull(order) + strOrNull(placeholder) + boolOrNull(required);
  if (used !== countKnownKeys(input, CUSTOM_FIELD_KEY_SET)) return undefined;
  return copyGiven(input, CUSTOM_FIELD_KEYS, {});
}

function paymentMethodType(value: unknown): unknown {
  return oneOf(value, PAYMENT_METHOD_TYPE_SET) === 1 ? value : undefined;
}

const PAYMENT_METHOD_CONFIGURATION_KEY_SET = keySet(...PAYMENT_METHOD_CONFIGURATION_KEYS);

function readPaymentMethodConfiguration(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const disabled = readList(input.disabled, paymentMethodType);
  const enabled = readList(input.enabled, paymentMethodType);
  if (disabled === undefined || enabled === undefined) return undefined;
  const platform = input.include_platform_defaults;
  if (2 + boolOrNull(platform) !== countKnownKeys(input, PAYMENT_METHOD_CONFIGURATION_KEY_SET))
    return undefined;
  const out: Output = { disabled, enabled };
  if (platform !== undefined) out.include_platform_defaults = platform;
  return out;
}

/** A nullish nested value: absent, null, or what `read` makes of it (null when it cannot). */
function nestedOrNull(value: unknown, read: fastRead.Reader): unknown {
  return value === null ? null : nested(value, read);
}

/** A nullish array: absent, null, or each element read (null when one cannot be). */
function listOrNull(value: unknown, read: fastRead.Reader): unknown {
  if (value === undefined || value === null) return value;
  return readList(value, read) ?? null;
}

const PLAN_KEY_SET = keySet(...PLAN_KEYS);

export function readPlan(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const customFields = listOrNull(input.custom_fields, readCustomField);
  const configuration = nestedOrNull(input.payment_method_configuration, readPaymentMethodConfiguration);
  const used =
    boolOrNull(input.adaptive_pricing_enabled) +
    intOrNull(input.billing_period, 1, MAX) +
    oneOfOrNull(input.currency, CURRENCY_SET) +
    parsedOrNull(input.custom_fields, customFields) +
    strOrNull(input.description) +
    intOrNull(input.expiration_days, MIN, MAX) +
    numOrNull(input.initial_price) +
    strOrNull(input.internal_notes) +
    boolOrNull(input.legacy_payment_method_controls) +
    parsedOrNull(input.payment_method_configuration, configuration) +
    oneOfOrNull(input.plan_type, PLAN_TYPE_SET) +
    oneOfOrNull(input.release_method, RELEASE_METHOD_SET) +
    numOrNull(input.renewal_price) +
    intOrNull(input.stock, MIN, MAX) +
    intOrNull(input.trial_period_days, 0, MAX) +
    boolOrNull(input.unlimited_stock) +
    oneOfOrNull(input.visibility, VISIBILITY_SET);
  if (used !== countKnownKeys(input, PLAN_KEY_SET)) return undefined;
  const out = copyGiven(input, PLAN_KEYS, {});
  if (customFields !== undefined) out.custom_fields = customFields;
  if (configuration !== undefined) out.payment_method_configuration = configuration;
  return out;
}

const PRODUCT_KEY_SET = keySet(...PRODUCT_KEYS);

function readProduct(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { title, product_tax_code_id: taxCode } = input;
  if (filledStr(title) !== 1) return undefined;
  if (1 + strOrNull(taxCode) !== countKnownKeys(input, PRODUCT_KEY_SET)) return undefined;
  const out: Output = { title };
  if (taxCode !== undefined) out.product_tax_code_id = taxCode;
  return out;
}

const BILLING_ADDRESS_KEY_SET = keySet(...BILLING_ADDRESS_KEYS);

function readBillingAddress(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const used =
    strOrNull(input.city) +
    strOrNull(input.country) +
    strOrNull(input.line1) +
    strOrNull(input.line2) +
    strOrNull(input.name) +
    strOrNull(input.phone) +
    strOrNull(input.postal_code) +
    strOrNull(input.state) +
    oneOfOrNull(input.tax_id_type, TAX_ID_TYPE_SET) +
    strOrNull(input.tax_id_value);
  if (used !== countKnownKeys(input, BILLING_ADDRESS_KEY_SET)) return undefined;
  return copyGiven(input, BILLING_ADDRESS_KEYS, {});
}

const LINE_ITEM_KEY_SET = keySet(...REQUEST_LINE_ITEM_KEYS);

function readLineItem(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { label, unit_price: unitPrice, quantity } = input;
  if (str(label) + num(unitPrice) !== 2) return undefined;
  if (2 + numOrNull(quantity) !== countKnownKeys(input, LINE_ITEM_KEY_SET)) return undefined;
  const out: Output = { label, unit_price: unitPrice };
  if (quantity !== undefined) out.quantity = quantity;
  return out;
}

const WITH_PRODUCT_KEYS: ReadonlySet<string> = keySet(...CREATE_FIELD_KEYS, 'product');
const WITH_PRODUCT_ID_KEYS: ReadonlySet<string> = keySet(...CREATE_FIELD_KEYS, 'product_id');

/**
 * The create request `body` claims to be (see `createVariantFor`) when it is plainly valid, else undefined.
 * Also what the `InvoiceCreateRequest` union outputs: a body one strict variant accepts, the other refuses.
 */
export function fastReadCreateRequest(value: unknown): WhopInvoiceCreateRequest | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  if (oneOf(input.collection_method, COLLECTION_METHOD_SET) + filledStr(input.company_id) !== 2)
    return undefined;
  const byId = 'product_id' in input && !('product' in input);
  const plan = readPlan(input.plan);
  if (plan === undefined) return undefined;
  const product = byId ? undefined : readProduct(input.product);
  if (byId ? filledStr(input.product_id) !== 1 : product === undefined) return undefined;
  const address = nestedOrNull(input.billing_address, readBillingAddress);
  const lineItems = listOrNull(input.line_items, readLineItem);
  const used =
    4 + // collection_method, company_id, plan and product (or product_id), read above
    dateTimeOrNull(input.automatically_finalizes_at) +
    parsedOrNull(input.billing_address, address) +
    boolOrNull(input.charge_buyer_fee) +
    strOrNull(input.customer_name) +
    dateTimeOrNull(input.due_date) +
    strOrNull(input.email_address) +
    parsedOrNull(input.line_items, lineItems) +
    strOrNull(input.mailing_address_id) +
    strOrNull(input.member_id) +
    strOrNull(input.payment_method_id) +
    strOrNull(input.payment_token_id) +
    boolOrNull(input.save_as_draft) +
    dateTimeOrNull(input.subscription_billing_anchor_at);
  if (used !== countKnownKeys(input, byId ? WITH_PRODUCT_ID_KEYS : WITH_PRODUCT_KEYS)) return undefined;
  const out = copyGiven(input, CREATE_FIELD_KEYS, {});
  out.plan = plan;
  if (address !== undefined) out.billing_address = address;
  if (lineItems !== undefined) out.line_items = lineItems;
  if (byId) out.product_id = input.product_id;
  else out.product = product;
  return out as WhopInvoiceCreateRequest;
}
