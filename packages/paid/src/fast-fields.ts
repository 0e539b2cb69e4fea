/**
 * The building blocks of Paid's hand-written readers (fast-request.ts, fast-record.ts, fast-list.ts): the
 * key lists of the shapes in wire.ts (test/fast-readers.test.ts compares each with its schema's shape),
 * the enum sets, and the field counters (0 absent, 1 valid, NaN otherwise; see core's fastRead).
 */
import { fastRead } from '@billbridge/core';
import {
  ALLOCATION_CADENCES,
  BILLING_FREQUENCIES,
  BILLING_TYPES,
  CHARGE_TYPES,
  CREATION_STATES,
  CREDIT_GRANT_TIMINGS,
  CREDIT_RECIPIENTS,
  PRICING_MODELS,
  ROLLOVER_DURATION_UNITS,
  SIGNAL_TYPES,
  TIER_BILLING_TYPES,
} from './wire';

const { hasNoHiddenKeys, keySet, readList } = fastRead;
type Input = fastRead.Input;

// ---- key lists (the shapes in wire.ts) ----

export const TIER_KEYS = keySet(
  'flatAmount',
  'index',
  'lowerBound',
  'number',
  'tierBillingType',
  'unitAmount',
  'upperBound',
);
export const PRICE_POINTS_KEYS = keySet('currency', 'unitPrice', 'minQuantity', 'includedQuantity', 'tiers');
export const CREDIT_BENEFIT_KEYS = keySet(
  'id',
  'creditsCurrencyId',
  'recipient',
  'amount',
  'rolloverAmount',
  'rolloverDuration',
  'rolloverDurationUnit',
  'allocationCadence',
  'creditGrantTiming',
);
export const PRICING_KEYS = keySet(
  'eventName',
  'chargeType',
  'pricePoints',
  'pricingModel',
  'billingFrequency',
  'billingFrequencyCustomMonths',
  'billingType',
  'signalType',
  'creditsCurrencyId',
  'creditCost',
  'overageUnitPrice',
  'creditRolloverAmount',
  'creditBenefits',
);
export const LINE_ATTRIBUTE_KEYS = keySet('name', 'quantity', 'pricing');
export const CREATE_LINE_KEYS = keySet(
  'productId',
  'name',
  'description',
  'startDate',
  'endDate',
  'attributes',
);
export const FREQUENCY_OVERRIDE_KEYS = keySet('frequency', 'customMonths');
export const CREATE_REQUEST_KEYS = keySet(
  'customerId',
  'billingCustomerId',
  'billingContactIds',
  'name',
  'startDate',
  'endDate',
  'subscriptionTerms',
  'creationState',
  'billingAnchor',
  'paymentTerms',
  'externalId',
  'metadata',
  'currency',
  'autoPostInvoices',
  'autoSendBillingEmails',
  'autoSendPaymentEmails',
  'lines',
  'billingFrequencyOverride',
  'purchaseOrderReference',
);
const ORDER_KEY_LIST = [
  'id',
  'customerId',
  'billingCustomerId',
  'billingContactIds',
  'createdAt',
  'updatedAt',
  'endDate',
  'name',
  'startDate',
  'subscriptionTerms',
  'billedAmountNoTax',
  'billedTax',
  'estimatedTax',
  'orderAmount',
  'pendingBillingAmount',
  'totalAmount',
  'totalBilledAmount',
  'creationState',
  'paymentTerms',
  'number',
  'metadata',
  'showPaymentLink',
  'showBankDetails',
  'autoPostInvoices',
  'autoSendBillingEmails',
  'autoSendPaymentEmails',
  'version',
  'billingFrequencyOverridden',
  'billingFrequencyOverride',
  'purchaseOrderReference',
];
// The Order readers read these fields by name and check optional keys with `in` (see readOrderFields);
// the lists are kept, and compared with the schemas, so a field added to the schema is noticed here.
export const ORDER_KEYS = keySet(...ORDER_KEY_LIST);
export const ORDER_RECORD_KEYS = keySet(...ORDER_KEY_LIST, 'currency', 'externalId', 'lines');
export const ORDER_LINE_KEYS = keySet('id', 'productId', 'name', 'description', 'startDate', 'endDate');
export const PAGINATION_KEYS = keySet('limit', 'offset', 'total', 'hasMore');
export const PAGE_KEYS = keySet('data', 'pagination');

export const CHARGE_TYPE_SET = keySet(...CHARGE_TYPES);
export const PRICING_MODEL_SET = keySet(...PRICING_MODELS);
export const FREQUENCY_SET = keySet(...BILLING_FREQUENCIES);
export const BILLING_TYPE_SET = keySet(...BILLING_TYPES);
export const SIGNAL_TYPE_SET = keySet(...SIGNAL_TYPES);
export const TIER_BILLING_TYPE_SET = keySet(...TIER_BILLING_TYPES);
export const CREATION_STATE_SET = keySet(...CREATION_STATES);
export const RECIPIENT_SET = keySet(...CREDIT_RECIPIENTS);
export const DURATION_UNIT_SET = keySet(...ROLLOVER_DURATION_UNITS);
export const CADENCE_SET = keySet(...ALLOCATION_CADENCES);
export const GRANT_TIMING_SET = keySet(...CREDIT_GRANT_TIMINGS);

// ---- counters: 0 absent, 1 valid, NaN otherwise (see core's fastRead) ----

/** z.number(): finite (zod 4 refuses NaN and ±Infinity). */
export function num(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isFinite(value) ? 1 : Number.NaN;
}

/** z.int() with `min` (and an optional `max`): a safe integer in range. */
export function whole(value: unknown, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return 0;
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? 1 : Number.NaN;
}

/** z.string().min(1). */
export function nonEmpty(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && value.length > 0 ? 1 : Number.NaN;
}

/** `.nullable()` of a counter: null is a valid value. */
export function orNull(value: unknown, count: (value: unknown) => number): number {
  return value === null ? 1 : count(value);
}

/** A required field: absent is invalid. */
export function need(count: number): number {
  return count === 0 ? Number.NaN : count;
}

/** Wire.ts's JsonObject (a z.custom): any non-array object, returned as it is. */
export function jsonObject(value: unknown): number {
  if (value === undefined) return 0;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? 1 : Number.NaN;
}

/**
 * Known keys present in a stripping object (unknown keys are allowed and dropped), or NaN when the object
 * has own keys `for...in` does not list: zod reads a hidden known key by name (and outputs `key: undefined`
 * when it holds undefined), which this count cannot see, so such an object is left to zod.
 */
export function countPresent(input: Input, known: ReadonlySet<string>): number {
  let count = 0;
  let listed = 0;
  for (const key in input) {
    listed++;
    if (known.has(key)) count++;
  }
  return hasNoHiddenKeys(input, listed) ? count : Number.NaN;
}

/** An optional array of `reader`'s items: undefined absent, the fresh array, or null when invalid. */
export function list(value: unknown, reader: (item: unknown) => unknown): unknown[] | null | undefined {
  if (value === undefined) return undefined;
  return readList(value, reader) ?? null;
}

export function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
