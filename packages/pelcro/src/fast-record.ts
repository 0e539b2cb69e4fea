/**
 * Pelcro's invoice as answered (PelcroInvoice / PelcroInvoiceResponse, wire.ts) read by hand when it is
 * plainly valid: exactly the schema's output, or undefined whenever anything is doubtful, and then the
 * schema decides and words the errors. The client reads every create answer and every invoice it gets
 * through it; `fromProvider` reads invoice records through it.
 *
 * These objects are loose, and the copy mirrors zod's: the typed keys first, in the schema's order, each
 * one the input has (`in`); then every other key `for...in` yields except `__proto__` (which zod never
 * assigns), by reference. Nested typed objects are rebuilt the same way. Nothing here walks a free-form
 * value.
 */
import { copyOwnKeys, fastRead } from '@billbridge/core';
import type { z } from 'zod';
import { READINGS } from './options';
import {
  INVOICE_KEYS,
  type PelcroInvoice,
  type PelcroInvoiceResponse,
  RESPONSE_ADDRESS_KEYS,
  RESPONSE_CUSTOMER_KEYS,
  RESPONSE_LINE_ITEM_KEYS,
} from './wire';

const { asPlainObject, readList } = fastRead;
type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

const SHIPMENTS = READINGS.shipmentsOverride;

/** A loose object schema's typed keys, in the schema's order. */
export interface LooseShape {
  keys: readonly string[];
  set: ReadonlySet<string>;
}
export const looseShape = (keys: readonly string[]): LooseShape => ({ keys, set: new Set(keys) });
const ADDRESS = looseShape(RESPONSE_ADDRESS_KEYS);
const CUSTOMER = looseShape(RESPONSE_CUSTOMER_KEYS);
const LINE_ITEM = looseShape(RESPONSE_LINE_ITEM_KEYS);
const SUBSCRIPTION = looseShape(['id']);
const INVOICE = looseShape(INVOICE_KEYS);
const ENVELOPE = looseShape(['data']);

/** zod's loose-object output, before nested objects are rebuilt (see the file's comment). */
export function looseCopy(input: Input, { keys, set }: LooseShape): Output {
  const out: Output = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = input[key];
    // A key holding undefined is still copied, as zod does for every key `in` the input.
    if (value !== undefined || key in input) out[key] = value;
  }
  for (const key in input) {
    if (key !== '__proto__' && !set.has(key)) out[key] = input[key];
  }
  return out;
}

// What `.nullish()` / `.optional()` fields accept as they are.
function finite(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}
function nullishString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}
function nullishNumber(value: unknown): boolean {
  return value === undefined || value === null || finite(value);
}
function nullishBoolean(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'boolean';
}
/** PelcroDate, optional: a number, a string, null. */
function date(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string' || finite(value);
}

/** A nested loose object (`.nullish()`): null and undefined stay, a valid object is rebuilt; false otherwise. */
function nullishNested(out: Output, key: string, read: (value: unknown) => unknown): boolean {
  const value = out[key];
  if (value === undefined || value === null) return true;
  const parsed = read(value);
  if (parsed === undefined) return false;
  out[key] = parsed;
  return true;
}

function readAddress(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const ok =
    (input.id === undefined || finite(input.id)) &&
    nullishString(input.first_name) &&
    nullishString(input.last_name) &&
    nullishString(input.line1) &&
    nullishString(input.line2) &&
    nullishString(input.city) &&
    nullishString(input.state) &&
    nullishString(input.country) &&
    nullishString(input.postal_code) &&
    nullishString(input.phone) &&
    nullishString(input.company);
  return ok ? looseCopy(input, ADDRESS) : undefined;
}

function readCustomer(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const ok =
    finite(input.id) &&
    nullishString(input.email) &&
    nullishString(input.first_name) &&
    nullishString(input.last_name) &&
    nullishString(input.phone) &&
    nullishString(input.old_provider_id);
  return ok ? looseCopy(input, CUSTOMER) : undefined;
}

function readLineItem(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const ok =
    nullishString(input.description) &&
    finite(input.unit_price) &&
    finite(input.quantity) &&
    nullishString(input.tax_name) &&
    nullishNumber(input.tax_rate) &&
    nullishNumber(input.amount);
  return ok ? looseCopy(input, LINE_ITEM) : undefined;
}

/** `z.union([z.number(), z.looseObject({ id: z.number() })])`. */
function readSubscription(value: unknown): unknown {
  if (finite(value)) return value;
  const input = asPlainObject(value);
  return input !== undefined && finite(input.id) ? looseCopy(input, SUBSCRIPTION) : undefined;
}

function readLineItems(value: unknown): unknown {
  return readList(value, readLineItem);
}

/** The schema's metadata: any non-array object, copied with copyOwnKeys. */
function readMetadata(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? copyOwnKeys(value)
    : undefined;
}

/** PelcroInvoice: the schema's output for a plainly valid invoice, or undefined. */
export function fastReadInvoice(value: unknown): PelcroInvoice | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  if (!finite(input.id) || typeof input.currency !== 'string') return undefined;
  const ok =
    (input.object === undefined || input.object === 'invoice') &&
    nullishString(input.old_provider_id) &&
    nullishString(input.status) &&
    nullishString(input.billing_reason) &&
    nullishNumber(input.total) &&
    nullishNumber(input.amount_due) &&
    nullishNumber(input.amount_paid) &&
    nullishNumber(input.amount_remaining) &&
    nullishString(input.billing) &&
    nullishNumber(input.customer_id) &&
    nullishString(input.customer_old_provider_id) &&
    nullishString(input.subscription_old_provider_id) &&
    date(input.period_start) &&
    date(input.period_end) &&
    date(input.due_date) &&
    date(input.created) &&
    date(input.created_at) &&
    date(input.updated_at) &&
    nullishNumber(input.billing_address_id) &&
    nullishNumber(input.shipping_address_id) &&
    nullishBoolean(input.is_imported) &&
    nullishBoolean(input.imported) &&
    nullishString(input.footer) &&
    nullishString(input.purchase_order) &&
    nullishNumber(input[SHIPMENTS]);
  if (!ok) return undefined;
  const out = looseCopy(input, INVOICE);
  const nestedOk =
    nullishNested(out, 'subscription_id', readSubscription) &&
    nullishNested(out, 'line_items', readLineItems) &&
    nullishNested(out, 'metadata', readMetadata) &&
    nullishNested(out, 'customer', readCustomer) &&
    nullishNested(out, 'address_billing', readAddress) &&
    nullishNested(out, 'address_shipping', readAddress) &&
    nullishNested(out, 'customer_address', readAddress) &&
    nullishNested(out, 'customer_shipping', readAddress);
  return nestedOk ? (out as PelcroInvoice) : undefined;
}

/** PelcroInvoiceResponse: `{ data: invoice }` (tried first, as the schema's union does) or the bare invoice. */
export function fastReadInvoiceResponse(value: unknown): z.output<typeof PelcroInvoiceResponse> | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  if (!('data' in input)) return fastReadInvoice(input);
  // A `data` this reader doubts may still be an invoice for zod (then the envelope wins): left to zod.
  const inner = fastReadInvoice(input.data);
  if (inner === undefined) return undefined;
  const out = looseCopy(input, ENVELOPE);
  out.data = inner;
  return out as { data: PelcroInvoice };
}
