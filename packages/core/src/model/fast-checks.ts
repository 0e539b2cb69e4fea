/**
 * Building blocks of the hand-written parse path for valid documents (fast-invoice.ts, fast-order.ts).
 *
 * Each object reader loads its fields by name (monomorphic loads are what makes this path fast), checks
 * them with the counters below and adds the results up: 0 for an absent field, 1 for a valid one, NaN for
 * anything doubtful, so one NaN poisons the sum. The sum must equal the number of keys `for...in` yields,
 * all of them known: a mismatch means an unknown key, a key set to undefined, or a key zod would read that
 * `for...in` does not see. Whenever a reader is unsure it answers undefined and the caller falls back to
 * the zod schema, which owns every error message. The rules themselves live next to the schemas (line.ts,
 * customer.ts, ...) and are shared with them, not restated here.
 *
 * Transformed fields (instants, metadata, nested objects) are read first into `undefined` (absent), the
 * parsed value, or `null` (invalid), and counted with `parsed`.
 *
 * Walking the keys: core's own readers of the canonical objects walk `for...in` instead, switch on each
 * key and check only the fields that are there. Loading every field by name costs a property lookup per
 * absent field, and these readers see objects of many shapes (one per adapter and per set of optional
 * fields), where each such lookup is a megamorphic one; the keyed load inside `for...in` is not. Either way
 * `hasNoHiddenKeys` then rules out own keys `for...in` does not list, which zod would still read. Not
 * looked for: a field name defined non-enumerably on Object.prototype itself, which zod would read through
 * every plain object (listing the prototype's own names costs more than a whole reader).
 */

import { readInstant } from '../dates/instant';
import { isCurrencyCode } from '../money/currencies';
import { isBoundedDecimal, MAX_DEPTH, MAX_SAFE, tooDeepAt } from './bounds';
import { isIdentifiedCustomer } from './customer';
import {
  COUNTRY_CODE_PATTERN,
  copyOwnKeys,
  instantsInOrder,
  isMetadata,
  isNonNegativeDecimalText,
  RECURRENCE_INTERVALS,
  TAX_TYPES,
} from './primitives';

export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;
/** Parses one plainly valid nested value, or answers undefined when in doubt. */
export type Reader = (value: unknown) => unknown;

const OBJECT_PROTOTYPE = Object.prototype;

/** A plain data object (prototype Object.prototype or null), so field reads see what zod's reads see. */
export function asPlainObject(value: unknown): Input | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const proto = Object.getPrototypeOf(value);
  return proto === OBJECT_PROTOTYPE || proto === null ? (value as Input) : undefined;
}

/**
 * Keys `for...in` yields (zod's unknown-key scan), or NaN as soon as one is not in `known`, or when the
 * object has own keys `for...in` does not list (see hasNoHiddenKeys).
 */
export function countKnownKeys(input: Input, known: ReadonlySet<string>): number {
  let count = 0;
  for (const key in input) {
    if (!known.has(key)) return Number.NaN;
    count++;
  }
  return hasNoHiddenKeys(input, count) ? count : Number.NaN;
}

/**
 * Whether `input`'s own string keys are exactly the `listed` ones `for...in` gave. zod reads every field of
 * a shape by name and writes `key: undefined` when `key in input` holds undefined, so a known field held as
 * a non-enumerable own property is seen by zod but not by a reader that walks `for...in`: decline those.
 * (An inherited enumerable key is listed by `for...in` but is not own, so it fails this test too.)
 */
export function hasNoHiddenKeys(input: Input, listed: number): boolean {
  return Object.getOwnPropertyNames(input).length === listed;
}

// ---- counters: 0 absent, 1 valid, NaN otherwise ----

export function str(value: unknown): number {
  return value === undefined ? 0 : typeof value === 'string' ? 1 : Number.NaN;
}

export function bool(value: unknown): number {
  return value === undefined ? 0 : typeof value === 'boolean' ? 1 : Number.NaN;
}

/** z.int() with bounds: a safe integer within [min, max]. */
export function int(value: unknown, min: number, max: number): number {
  if (value === undefined) return 0;
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? 1 : Number.NaN;
}

/** MinorAmount: any safe integer. */
export function minor(value: unknown): number {
  return value === undefined ? 0 : Number.isSafeInteger(value) ? 1 : Number.NaN;
}

export function oneOf(value: unknown, values: ReadonlySet<string>): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && values.has(value) ? 1 : Number.NaN;
}

export function decimal(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && isBoundedDecimal(value) ? 1 : Number.NaN;
}

/** Quantity: a non-negative decimal string or a finite non-negative number, within the safe range. */
export function quantity(value: unknown): number {
  if (typeof value === 'string') {
    return isBoundedDecimal(value) && isNonNegativeDecimalText(value) ? 1 : Number.NaN;
  }
  if (value === undefined) return 0;
  return typeof value === 'number' && value >= 0 && value <= MAX_SAFE ? 1 : Number.NaN;
}

/** Below this, a sum or product computed in doubles is surely a safe integer once done exactly. */
const SURELY_SAFE = 2 ** 52;

/**
 * |quantity × unit price| as a double: a cheap, slightly inexact magnitude. When it is under 2^52 the exact
 * product is a safe integer; otherwise the caller leaves the document to zod, which decides exactly.
 */
export function roughProduct(quantity: unknown, unitAmount: unknown, unitAmountDecimal: unknown): number {
  const unit = unitAmountDecimal !== undefined ? Number(unitAmountDecimal) : Number(unitAmount ?? 0);
  return Math.abs(Number(quantity) * unit);
}

export function surelySafe(magnitude: number): boolean {
  return magnitude < SURELY_SAFE;
}

/** CountryCode: ISO 3166-1 alpha-2, upper case. */
export function country(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && COUNTRY_CODE_PATTERN.test(value) ? 1 : Number.NaN;
}

export function currency(value: unknown): number {
  return isCurrencyCode(value) ? 1 : Number.NaN;
}

/** Counts a value read by `instant`, `metadata` or `nested`. */
export function parsed(value: unknown): number {
  return value === undefined ? 0 : value === null ? Number.NaN : 1;
}

// ---- transformed readers: undefined absent, the parsed value, null invalid ----

/** Instant: a valid ISO 8601 instant with a zone, normalised as the schema does (dates/instant.ts). */
export function instant(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  return readInstant(value) ?? null;
}

export function metadata(value: unknown): Output | null | undefined {
  if (value === undefined) return undefined;
  return isMetadata(value) ? copyOwnKeys(value) : null;
}

export function nested(value: unknown, reader: Reader): unknown {
  if (value === undefined) return undefined;
  return reader(value) ?? null;
}

/** An array whose every element `reader` accepts, as a fresh array; undefined otherwise. */
export function readList(value: unknown, reader: Reader): unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const length = value.length;
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const item = reader(value[i]);
    if (item === undefined) return undefined;
    out[i] = item;
  }
  return out;
}

// ---- nested readers shared by invoices and orders ----

const INTERVALS: ReadonlySet<string> = new Set(RECURRENCE_INTERVALS);

// The readers below walk `for...in` and switch on the key (see "Walking the keys" above): each case checks
// its field (a present key holding undefined fails its check, as zod would keep it) and an unknown key
// falls to `default`. The output is then built in the schema's field order, as zod builds it.

export function readRecurrence(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let interval: unknown;
  let count: unknown;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'interval':
        if (oneOf(field, INTERVALS) !== 1) return undefined;
        interval = field;
        break;
      case 'count':
        if (int(field, 1, Number.MAX_SAFE_INTEGER) !== 1) return undefined;
        count = field;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (listed !== 2 || !hasNoHiddenKeys(input, listed)) return undefined;
  return { interval, count };
}

const TAX_TYPE_SET: ReadonlySet<string> = new Set(TAX_TYPES);

export function readTax(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let type: unknown;
  let name: unknown;
  let ratePercent: unknown;
  let amount: unknown;
  let code: unknown;
  let state: unknown;
  let inclusive: unknown;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'type':
        if (oneOf(field, TAX_TYPE_SET) !== 1) return undefined;
        type = field;
        break;
      case 'name':
        if (typeof field !== 'string') return undefined;
        name = field;
        break;
      case 'ratePercent':
        if (decimal(field) !== 1) return undefined;
        ratePercent = field;
        break;
      case 'amount':
        if (!Number.isSafeInteger(field)) return undefined;
        amount = field;
        break;
      case 'country':
        if (country(field) !== 1) return undefined;
        code = field;
        break;
      case 'state':
        if (typeof field !== 'string') return undefined;
        state = field;
        break;
      case 'inclusive':
        if (typeof field !== 'boolean') return undefined;
        inclusive = field;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  const out: Output = {};
  if (type !== undefined) out.type = type;
  if (name !== undefined) out.name = name;
  if (ratePercent !== undefined) out.ratePercent = ratePercent;
  if (amount !== undefined) out.amount = amount;
  if (code !== undefined) out.country = code;
  if (state !== undefined) out.state = state;
  if (inclusive !== undefined) out.inclusive = inclusive;
  return out;
}

/** ProductReference and SubscriptionReference: optional `id`, `externalId` (and `name` when `named`). */
function readReference(value: unknown, named: boolean): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let id: unknown;
  let externalId: unknown;
  let name: unknown;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    if (typeof field !== 'string') return undefined;
    if (key === 'id') id = field;
    else if (key === 'externalId') externalId = field;
    else if (key === 'name' && named) name = field;
    else return undefined;
    listed++;
  }
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  const out: Output = {};
  if (id !== undefined) out.id = id;
  if (externalId !== undefined) out.externalId = externalId;
  if (name !== undefined) out.name = name;
  return out;
}

export function readProductReference(value: unknown): Output | undefined {
  return readReference(value, true);
}

export function readSubscriptionReference(value: unknown): Output | undefined {
  return readReference(value, false);
}

export function readPeriod(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let start: string | undefined;
  let end: string | undefined;
  let listed = 0;
  for (const key in input) {
    if (key === 'start') start = readInstant(input[key]);
    else if (key === 'end') end = readInstant(input[key]);
    else return undefined;
    listed++;
  }
  if (start === undefined || end === undefined || !hasNoHiddenKeys(input, listed)) return undefined;
  return instantsInOrder(start, end) ? { start, end } : undefined;
}

export function readAddress(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let name: unknown;
  let line1: unknown;
  let line2: unknown;
  let line3: unknown;
  let city: unknown;
  let state: unknown;
  let postalCode: unknown;
  let code: unknown;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    if (typeof field !== 'string') return undefined;
    switch (key) {
      case 'name':
        name = field;
        break;
      case 'line1':
        line1 = field;
        break;
      case 'line2':
        line2 = field;
        break;
      case 'line3':
        line3 = field;
        break;
      case 'city':
        city = field;
        break;
      case 'state':
        state = field;
        break;
      case 'postalCode':
        postalCode = field;
        break;
      case 'country':
        if (!COUNTRY_CODE_PATTERN.test(field)) return undefined;
        code = field;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  const out: Output = {};
  if (name !== undefined) out.name = name;
  if (line1 !== undefined) out.line1 = line1;
  if (line2 !== undefined) out.line2 = line2;
  if (line3 !== undefined) out.line3 = line3;
  if (city !== undefined) out.city = city;
  if (state !== undefined) out.state = state;
  if (postalCode !== undefined) out.postalCode = postalCode;
  if (code !== undefined) out.country = code;
  return out;
}

export function readCustomer(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let id: unknown;
  let externalId: unknown;
  let email: unknown;
  let name: unknown;
  let phone: unknown;
  let billingAddress: Output | undefined;
  let shippingAddress: Output | undefined;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'id':
        if (typeof field !== 'string') return undefined;
        id = field;
        break;
      case 'externalId':
        if (typeof field !== 'string') return undefined;
        externalId = field;
        break;
      case 'email':
        if (typeof field !== 'string') return undefined;
        email = field;
        break;
      case 'name':
        if (typeof field !== 'string') return undefined;
        name = field;
        break;
      case 'phone':
        if (typeof field !== 'string') return undefined;
        phone = field;
        break;
      case 'billingAddress':
        billingAddress = readAddress(field);
        if (billingAddress === undefined) return undefined;
        break;
      case 'shippingAddress':
        shippingAddress = readAddress(field);
        if (shippingAddress === undefined) return undefined;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  const out: Output = {};
  if (id !== undefined) out.id = id;
  if (externalId !== undefined) out.externalId = externalId;
  if (email !== undefined) out.email = email;
  if (name !== undefined) out.name = name;
  if (phone !== undefined) out.phone = phone;
  if (billingAddress !== undefined) out.billingAddress = billingAddress;
  if (shippingAddress !== undefined) out.shippingAddress = shippingAddress;
  return isIdentifiedCustomer(out) ? out : undefined;
}

export function readPaymentTerms(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let name: unknown;
  let days: unknown;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    if (key === 'name') {
      if (typeof field !== 'string') return undefined;
      name = field;
    } else if (key === 'days') {
      if (int(field, 0, Number.MAX_SAFE_INTEGER) !== 1) return undefined;
      days = field;
    } else return undefined;
    listed++;
  }
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  const out: Output = {};
  if (name !== undefined) out.name = name;
  if (days !== undefined) out.days = days;
  return out;
}

/**
 * ProviderOptions, a zod record of records: zod builds fresh objects over the own enumerable string keys
 * and drops `__proto__`. Only the ordinary case is handled here (plain objects without symbol keys,
 * `__proto__` or `constructor` keys); anything else goes to zod.
 */
export function readProviderOptions(value: unknown): Output | undefined {
  const input = asRecordObject(value);
  if (input === undefined) return undefined;
  // The only place a document holds values of any shape: too deep a nesting is left to parseWith to refuse.
  if (tooDeepAt(input, MAX_DEPTH - 2) !== undefined) return undefined;
  const out: Output = {};
  for (const key of Object.keys(input)) {
    const inner = asRecordObject(input[key]);
    if (inner === undefined) return undefined;
    const copy: Output = {};
    for (const innerKey of Object.keys(inner)) copy[innerKey] = inner[innerKey];
    out[key] = copy;
  }
  return out;
}

function asRecordObject(value: unknown): Input | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  if (Object.hasOwn(input, '__proto__') || Object.hasOwn(input, 'constructor')) return undefined;
  if (Object.getOwnPropertySymbols(input).length > 0) return undefined;
  return input;
}
