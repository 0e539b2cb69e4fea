/**
 * The create body (PelcroInvoiceCreateBody, wire.ts) read by hand when it is plainly valid: exactly the
 * schema's output, or undefined whenever anything is doubtful, and then the schema decides and words the
 * errors. `fromProvider` reads create requests through it. Strict objects: every field is counted and the
 * sum must equal the number of keys (see core's `fastRead`).
 */
import { fastRead } from '@billbridge/core';
import { INT32_MAX, INT32_MIN, READINGS } from './options';
import {
  ADDRESS_KEYS,
  BILLING_REASONS,
  CREATE_BODY_KEYS,
  INVOICE_STATUSES,
  LINE_ITEM_KEYS,
  type PelcroInvoiceCreateBody,
} from './wire';

const { asPlainObject, bool, countKnownKeys, int, metadata, nested, oneOf, parsed, readList, str } = fastRead;
type Output = Record<string, unknown>;

const IMPORTED = READINGS.importedFlag;
const SHIPMENTS = READINGS.shipmentsOverride;

const BODY_KEYS: ReadonlySet<string> = new Set(CREATE_BODY_KEYS);
const ITEM_KEYS: ReadonlySet<string> = new Set(LINE_ITEM_KEYS);
const ADDRESS_KEY_SET: ReadonlySet<string> = new Set(ADDRESS_KEYS);
const STATUSES: ReadonlySet<string> = new Set(INVOICE_STATUSES);
const REASONS: ReadonlySet<string> = new Set(BILLING_REASONS);
const CURRENCY = /^[a-z]{3}$/;

/** z.string().max(n), optional: 0 absent, 1 valid, NaN otherwise. */
function strMax(value: unknown, max: number): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && value.length <= max ? 1 : Number.NaN;
}

/** z.string().min(1), optional. */
function nonEmpty(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && value.length > 0 ? 1 : Number.NaN;
}

/** z.number().finite().nonnegative(), optional. */
function rate(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? 1 : Number.NaN;
}

/** One PelcroAddress (strict, every field optional). */
export function fastReadAddress(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { first_name, last_name, line1, line2, city, state, country, postal_code, phone, company } = input;
  const used =
    strMax(first_name, 255) +
    strMax(last_name, 255) +
    strMax(line1, 255) +
    strMax(line2, 255) +
    strMax(city, 255) +
    str(state) +
    (country === undefined ? 0 : typeof country === 'string' && country.length === 2 ? 1 : Number.NaN) +
    strMax(postal_code, 45) +
    str(phone) +
    strMax(company, 255);
  if (used !== countKnownKeys(input, ADDRESS_KEY_SET)) return undefined;
  const out: Output = {};
  if (first_name !== undefined) out.first_name = first_name;
  if (last_name !== undefined) out.last_name = last_name;
  if (line1 !== undefined) out.line1 = line1;
  if (line2 !== undefined) out.line2 = line2;
  if (city !== undefined) out.city = city;
  if (state !== undefined) out.state = state;
  if (country !== undefined) out.country = country;
  if (postal_code !== undefined) out.postal_code = postal_code;
  if (phone !== undefined) out.phone = phone;
  if (company !== undefined) out.company = company;
  return out;
}

/** One PelcroLineItem (strict), with its rule: tax_name and tax_rate come together. */
export function fastReadLineItem(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { description, unit_price, quantity, tax_name, tax_rate } = input;
  if (unit_price === undefined || quantity === undefined) return undefined;
  if ((tax_name === undefined) !== (tax_rate === undefined)) return undefined;
  const used =
    str(description) +
    int(unit_price, 0, INT32_MAX) +
    int(quantity, 1, INT32_MAX) +
    str(tax_name) +
    rate(tax_rate);
  if (used !== countKnownKeys(input, ITEM_KEYS)) return undefined;
  const out: Output = {};
  if (description !== undefined) out.description = description;
  out.unit_price = unit_price;
  out.quantity = quantity;
  if (tax_name !== undefined) out.tax_name = tax_name;
  if (tax_rate !== undefined) out.tax_rate = tax_rate;
  return out;
}

/** PelcroInvoiceCreateBody, with its rules: lines or a total, a customer reference, dates in order. */
export function fastReadCreateBody(value: unknown): PelcroInvoiceCreateBody | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const {
    currency,
    total,
    customer_id,
    customer_old_provider_id,
    old_provider_id,
    period_start,
    period_end,
    due_date,
    status,
    billing_reason,
    subscription_id,
    subscription_old_provider_id,
    billing_address_id,
    shipping_address_id,
    footer,
    purchase_order,
  } = input;
  const imported = input[IMPORTED];
  const shipments = input[SHIPMENTS];
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) return undefined;
  const lineItems = input.line_items === undefined ? undefined : readList(input.line_items, fastReadLineItem);
  if (input.line_items !== undefined && (lineItems === undefined || lineItems.length === 0)) return undefined;
  const customerAddress = nested(input.customer_address, fastReadAddress);
  const customerShipping = nested(input.customer_shipping, fastReadAddress);
  const meta = metadata(input.metadata);
  const used =
    1 +
    (lineItems === undefined ? 0 : 1) +
    int(total, INT32_MIN, INT32_MAX) +
    int(customer_id, 1, INT32_MAX) +
    nonEmpty(customer_old_provider_id) +
    nonEmpty(old_provider_id) +
    int(period_start, INT32_MIN, INT32_MAX) +
    int(period_end, INT32_MIN, INT32_MAX) +
    int(due_date, INT32_MIN, INT32_MAX) +
    oneOf(status, STATUSES) +
    oneOf(billing_reason, REASONS) +
    int(subscription_id, 1, INT32_MAX) +
    nonEmpty(subscription_old_provider_id) +
    parsed(customerAddress) +
    int(billing_address_id, 1, INT32_MAX) +
    parsed(customerShipping) +
    int(shipping_address_id, 1, INT32_MAX) +
    bool(imported) +
    parsed(meta) +
    str(footer) +
    int(shipments, 0, INT32_MAX) +
    str(purchase_order);
  if (used !== countKnownKeys(input, BODY_KEYS)) return undefined;
  // The body's own rules (wire.ts superRefine).
  if (lineItems === undefined && total === undefined) return undefined;
  if (customer_id === undefined && customer_old_provider_id === undefined) return undefined;
  if (period_start !== undefined) {
    if (period_end !== undefined && (period_end as number) < (period_start as number)) return undefined;
    if (due_date !== undefined && (due_date as number) < (period_start as number)) return undefined;
  }
  const out: Output = { currency };
  if (lineItems !== undefined) out.line_items = lineItems;
  if (total !== undefined) out.total = total;
  if (customer_id !== undefined) out.customer_id = customer_id;
  if (customer_old_provider_id !== undefined) out.customer_old_provider_id = customer_old_provider_id;
  if (old_provider_id !== undefined) out.old_provider_id = old_provider_id;
  if (period_start !== undefined) out.period_start = period_start;
  if (period_end !== undefined) out.period_end = period_end;
  if (due_date !== undefined) out.due_date = due_date;
  if (status !== undefined) out.status = status;
  if (billing_reason !== undefined) out.billing_reason = billing_reason;
  if (subscription_id !== undefined) out.subscription_id = subscription_id;
  if (subscription_old_provider_id !== undefined)
    out.subscription_old_provider_id = subscription_old_provider_id;
  if (customerAddress !== undefined) out.customer_address = customerAddress;
  if (billing_address_id !== undefined) out.billing_address_id = billing_address_id;
  if (customerShipping !== undefined) out.customer_shipping = customerShipping;
  if (shipping_address_id !== undefined) out.shipping_address_id = shipping_address_id;
  if (imported !== undefined) out[IMPORTED] = imported;
  if (meta !== undefined) out.metadata = meta;
  if (footer !== undefined) out.footer = footer;
  if (shipments !== undefined) out[SHIPMENTS] = shipments;
  if (purchase_order !== undefined) out.purchase_order = purchase_order;
  return out as PelcroInvoiceCreateBody;
}
