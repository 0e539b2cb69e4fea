/**
 * Hand-written readers of Paid's wire shapes (wire.ts) for the plainly valid case: each answers exactly
 * what its zod schema outputs, or undefined whenever unsure, and the caller then falls back to the schema
 * (`fastReadX(v) ?? parseWith(Schema, v, subject)`), which owns every error message. Paid's objects are
 * plain `z.object`s, which strip unknown keys: readers count only the known keys present (one present
 * but `undefined` makes the counts differ, and the schema decides) and copy only the fields the schema
 * keeps. Key lists are written out here; test/fast-readers.test.ts compares each with its schema's shape.
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
  type PaidBillingFrequencyOverride,
  type PaidCreateOrderLine,
  type PaidCreateOrderRequest,
  type PaidLineAttribute,
  type PaidOrder,
  type PaidOrderLine,
  type PaidOrderLinesResponse,
  type PaidOrderListResponse,
  type PaidOrderRecord,
  type PaidPagination,
  type PaidPricing,
  type PaidTier,
  PRICING_MODELS,
  ROLLOVER_DURATION_UNITS,
  SIGNAL_TYPES,
  TIER_BILLING_TYPES,
} from './wire';

const { asPlainObject, bool, keySet, nested, oneOf, parsed, readList, str } = fastRead;
type Input = fastRead.Input;
type Output = fastRead.Output;

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

const CHARGE_TYPE_SET = keySet(...CHARGE_TYPES);
const PRICING_MODEL_SET = keySet(...PRICING_MODELS);
const FREQUENCY_SET = keySet(...BILLING_FREQUENCIES);
const BILLING_TYPE_SET = keySet(...BILLING_TYPES);
const SIGNAL_TYPE_SET = keySet(...SIGNAL_TYPES);
const TIER_BILLING_TYPE_SET = keySet(...TIER_BILLING_TYPES);
const CREATION_STATE_SET = keySet(...CREATION_STATES);
const RECIPIENT_SET = keySet(...CREDIT_RECIPIENTS);
const DURATION_UNIT_SET = keySet(...ROLLOVER_DURATION_UNITS);
const CADENCE_SET = keySet(...ALLOCATION_CADENCES);
const GRANT_TIMING_SET = keySet(...CREDIT_GRANT_TIMINGS);

// ---- counters: 0 absent, 1 valid, NaN otherwise (see core's fastRead) ----

/** z.number(): finite (zod 4 refuses NaN and ±Infinity). */
function num(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isFinite(value) ? 1 : Number.NaN;
}

/** z.int() with `min` (and an optional `max`): a safe integer in range. */
function whole(value: unknown, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return 0;
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? 1 : Number.NaN;
}

/** z.string().min(1). */
function nonEmpty(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && value.length > 0 ? 1 : Number.NaN;
}

/** `.nullable()` of a counter: null is a valid value. */
function orNull(value: unknown, count: (value: unknown) => number): number {
  return value === null ? 1 : count(value);
}

/** A required field: absent is invalid. */
function need(count: number): number {
  return count === 0 ? Number.NaN : count;
}

/** Wire.ts's JsonObject (a z.custom): any non-array object, returned as it is. */
function jsonObject(value: unknown): number {
  if (value === undefined) return 0;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? 1 : Number.NaN;
}

/** Known keys present in a stripping object (unknown keys are allowed and dropped). */
function countPresent(input: Input, known: ReadonlySet<string>): number {
  let count = 0;
  for (const key in input) if (known.has(key)) count++;
  return count;
}

/** An optional array of `reader`'s items: undefined absent, the fresh array, or null when invalid. */
function list(value: unknown, reader: (item: unknown) => unknown): unknown[] | null | undefined {
  if (value === undefined) return undefined;
  return readList(value, reader) ?? null;
}

function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// ---- create request ----

export function readPaidTier(value: unknown): PaidTier | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { flatAmount, index, lowerBound, number, tierBillingType, unitAmount, upperBound } = input;
  const used =
    num(flatAmount) +
    whole(index) +
    num(lowerBound) +
    num(number) +
    oneOf(tierBillingType, TIER_BILLING_TYPE_SET) +
    num(unitAmount) +
    num(upperBound);
  if (used !== countPresent(input, TIER_KEYS)) return undefined;
  const out: Output = {};
  if (flatAmount !== undefined) out.flatAmount = flatAmount;
  if (index !== undefined) out.index = index;
  if (lowerBound !== undefined) out.lowerBound = lowerBound;
  if (number !== undefined) out.number = number;
  if (tierBillingType !== undefined) out.tierBillingType = tierBillingType;
  if (unitAmount !== undefined) out.unitAmount = unitAmount;
  if (upperBound !== undefined) out.upperBound = upperBound;
  return out as PaidTier;
}

function readPricePoints(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { currency, unitPrice, minQuantity, includedQuantity } = input;
  const tiers = list(input.tiers, readPaidTier);
  const used =
    str(currency) + need(num(unitPrice)) + num(minQuantity) + num(includedQuantity) + parsed(tiers);
  if (used !== countPresent(input, PRICE_POINTS_KEYS)) return undefined;
  const out: Output = {};
  if (currency !== undefined) out.currency = currency;
  out.unitPrice = unitPrice;
  if (minQuantity !== undefined) out.minQuantity = minQuantity;
  if (includedQuantity !== undefined) out.includedQuantity = includedQuantity;
  if (tiers !== undefined) out.tiers = tiers;
  return out;
}

function readCreditBenefit(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const {
    id,
    creditsCurrencyId,
    recipient,
    amount,
    rolloverAmount,
    rolloverDuration,
    rolloverDurationUnit,
    allocationCadence,
    creditGrantTiming,
  } = input;
  const used =
    need(str(id)) +
    str(creditsCurrencyId) +
    oneOf(recipient, RECIPIENT_SET) +
    need(num(amount)) +
    num(rolloverAmount) +
    num(rolloverDuration) +
    oneOf(rolloverDurationUnit, DURATION_UNIT_SET) +
    oneOf(allocationCadence, CADENCE_SET) +
    oneOf(creditGrantTiming, GRANT_TIMING_SET);
  if (used !== countPresent(input, CREDIT_BENEFIT_KEYS)) return undefined;
  const out: Output = { id };
  if (creditsCurrencyId !== undefined) out.creditsCurrencyId = creditsCurrencyId;
  if (recipient !== undefined) out.recipient = recipient;
  out.amount = amount;
  if (rolloverAmount !== undefined) out.rolloverAmount = rolloverAmount;
  if (rolloverDuration !== undefined) out.rolloverDuration = rolloverDuration;
  if (rolloverDurationUnit !== undefined) out.rolloverDurationUnit = rolloverDurationUnit;
  if (allocationCadence !== undefined) out.allocationCadence = allocationCadence;
  if (creditGrantTiming !== undefined) out.creditGrantTiming = creditGrantTiming;
  return out;
}

export function readPaidPricing(value: unknown): PaidPricing | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const {
    eventName,
    chargeType,
    pricingModel,
    billingFrequency,
    billingFrequencyCustomMonths,
    billingType,
    signalType,
    creditsCurrencyId,
    creditCost,
    overageUnitPrice,
    creditRolloverAmount,
  } = input;
  const pricePoints = nested(input.pricePoints, readPricePoints);
  const creditBenefits = list(input.creditBenefits, readCreditBenefit);
  const used =
    str(eventName) +
    need(oneOf(chargeType, CHARGE_TYPE_SET)) +
    need(parsed(pricePoints)) +
    oneOf(pricingModel, PRICING_MODEL_SET) +
    oneOf(billingFrequency, FREQUENCY_SET) +
    whole(billingFrequencyCustomMonths, 1) +
    oneOf(billingType, BILLING_TYPE_SET) +
    oneOf(signalType, SIGNAL_TYPE_SET) +
    str(creditsCurrencyId) +
    num(creditCost) +
    num(overageUnitPrice) +
    num(creditRolloverAmount) +
    parsed(creditBenefits);
  if (used !== countPresent(input, PRICING_KEYS)) return undefined;
  const out: Output = {};
  if (eventName !== undefined) out.eventName = eventName;
  out.chargeType = chargeType;
  out.pricePoints = pricePoints;
  if (pricingModel !== undefined) out.pricingModel = pricingModel;
  if (billingFrequency !== undefined) out.billingFrequency = billingFrequency;
  if (billingFrequencyCustomMonths !== undefined)
    out.billingFrequencyCustomMonths = billingFrequencyCustomMonths;
  if (billingType !== undefined) out.billingType = billingType;
  if (signalType !== undefined) out.signalType = signalType;
  if (creditsCurrencyId !== undefined) out.creditsCurrencyId = creditsCurrencyId;
  if (creditCost !== undefined) out.creditCost = creditCost;
  if (overageUnitPrice !== undefined) out.overageUnitPrice = overageUnitPrice;
  if (creditRolloverAmount !== undefined) out.creditRolloverAmount = creditRolloverAmount;
  if (creditBenefits !== undefined) out.creditBenefits = creditBenefits;
  return out as PaidPricing;
}

export function readPaidLineAttribute(value: unknown): PaidLineAttribute | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { name, quantity } = input;
  const pricing = nested(input.pricing, readPaidPricing);
  const used = need(str(name)) + num(quantity) + need(parsed(pricing));
  if (used !== countPresent(input, LINE_ATTRIBUTE_KEYS)) return undefined;
  const out: Output = { name };
  if (quantity !== undefined) out.quantity = quantity;
  out.pricing = pricing;
  return out as PaidLineAttribute;
}

export function readPaidCreateOrderLine(value: unknown): PaidCreateOrderLine | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { productId, name, description, startDate, endDate } = input;
  const attributes = list(input.attributes, readPaidLineAttribute);
  const used =
    need(nonEmpty(productId)) +
    str(name) +
    str(description) +
    str(startDate) +
    str(endDate) +
    parsed(attributes);
  if (used !== countPresent(input, CREATE_LINE_KEYS)) return undefined;
  const out: Output = { productId };
  if (name !== undefined) out.name = name;
  if (description !== undefined) out.description = description;
  if (startDate !== undefined) out.startDate = startDate;
  if (endDate !== undefined) out.endDate = endDate;
  if (attributes !== undefined) out.attributes = attributes;
  return out as PaidCreateOrderLine;
}

export function readPaidFrequencyOverride(value: unknown): PaidBillingFrequencyOverride | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { frequency, customMonths } = input;
  const used = need(oneOf(frequency, FREQUENCY_SET)) + orNull(customMonths, positiveInt);
  if (used !== countPresent(input, FREQUENCY_OVERRIDE_KEYS)) return undefined;
  const out: Output = { frequency };
  if (customMonths !== undefined) out.customMonths = customMonths;
  return out as PaidBillingFrequencyOverride;
}

function positiveInt(value: unknown): number {
  return whole(value, 1);
}

/** `POST /orders/` body (PaidCreateOrderRequest). */
export function readPaidCreateOrderRequest(value: unknown): PaidCreateOrderRequest | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const {
    customerId,
    billingCustomerId,
    name,
    startDate,
    endDate,
    subscriptionTerms,
    creationState,
    billingAnchor,
    paymentTerms,
    externalId,
    metadata,
    currency,
    autoPostInvoices,
    autoSendBillingEmails,
    autoSendPaymentEmails,
    purchaseOrderReference,
  } = input;
  const billingContactIds = list(input.billingContactIds, readString);
  const lines = list(input.lines, readPaidCreateOrderLine);
  const override = nested(input.billingFrequencyOverride, readPaidFrequencyOverride);
  const used =
    need(nonEmpty(customerId)) +
    str(billingCustomerId) +
    parsed(billingContactIds) +
    str(name) +
    str(startDate) +
    str(endDate) +
    whole(subscriptionTerms) +
    oneOf(creationState, CREATION_STATE_SET) +
    whole(billingAnchor, 1, 31) +
    str(paymentTerms) +
    str(externalId) +
    jsonObject(metadata) +
    str(currency) +
    bool(autoPostInvoices) +
    bool(autoSendBillingEmails) +
    bool(autoSendPaymentEmails) +
    parsed(lines) +
    parsed(override) +
    orNull(purchaseOrderReference, str);
  if (used !== countPresent(input, CREATE_REQUEST_KEYS)) return undefined;
  const out: Output = { customerId };
  if (billingCustomerId !== undefined) out.billingCustomerId = billingCustomerId;
  if (billingContactIds !== undefined) out.billingContactIds = billingContactIds;
  if (name !== undefined) out.name = name;
  if (startDate !== undefined) out.startDate = startDate;
  if (endDate !== undefined) out.endDate = endDate;
  if (subscriptionTerms !== undefined) out.subscriptionTerms = subscriptionTerms;
  if (creationState !== undefined) out.creationState = creationState;
  if (billingAnchor !== undefined) out.billingAnchor = billingAnchor;
  if (paymentTerms !== undefined) out.paymentTerms = paymentTerms;
  if (externalId !== undefined) out.externalId = externalId;
  if (metadata !== undefined) out.metadata = metadata;
  if (currency !== undefined) out.currency = currency;
  if (autoPostInvoices !== undefined) out.autoPostInvoices = autoPostInvoices;
  if (autoSendBillingEmails !== undefined) out.autoSendBillingEmails = autoSendBillingEmails;
  if (autoSendPaymentEmails !== undefined) out.autoSendPaymentEmails = autoSendPaymentEmails;
  if (lines !== undefined) out.lines = lines;
  if (override !== undefined) out.billingFrequencyOverride = override;
  if (purchaseOrderReference !== undefined) out.purchaseOrderReference = purchaseOrderReference;
  return out as PaidCreateOrderRequest;
}

// ---- Order (create/get answer), list pages, order records ----

/**
 * Reads the Order fields into `out`; answers whether every one was valid. The answer is read on every
 * create, so instead of counting keys (countPresent) it asks, by name, only what a count would catch:
 * an optional key present but undefined (the schema outputs it as `key: undefined`). Unknown keys are
 * stripped, and a required key can only be valid when read, so nothing else needs counting.
 */
function readOrderFields(input: Input, out: Output): boolean {
  const {
    id,
    customerId,
    billingCustomerId,
    createdAt,
    updatedAt,
    endDate,
    name,
    startDate,
    subscriptionTerms,
    billedAmountNoTax,
    billedTax,
    estimatedTax,
    orderAmount,
    pendingBillingAmount,
    totalAmount,
    totalBilledAmount,
    creationState,
    paymentTerms,
    number,
    metadata,
    showPaymentLink,
    showBankDetails,
    autoPostInvoices,
    autoSendBillingEmails,
    autoSendPaymentEmails,
    version,
    billingFrequencyOverridden,
    purchaseOrderReference,
  } = input;
  const billingContactIds = readList(input.billingContactIds, readString);
  const override = nested(input.billingFrequencyOverride, readPaidFrequencyOverride);
  const used =
    need(str(id)) +
    need(str(customerId)) +
    need(orNull(billingCustomerId, str)) +
    (billingContactIds === undefined ? Number.NaN : 1) +
    need(str(createdAt)) +
    need(str(updatedAt)) +
    need(orNull(endDate, str)) +
    need(str(name)) +
    need(str(startDate)) +
    need(orNull(subscriptionTerms, whole)) +
    need(num(billedAmountNoTax)) +
    need(num(billedTax)) +
    need(num(estimatedTax)) +
    need(num(orderAmount)) +
    need(num(pendingBillingAmount)) +
    need(num(totalAmount)) +
    need(num(totalBilledAmount)) +
    need(oneOf(creationState, CREATION_STATE_SET)) +
    need(orNull(paymentTerms, str)) +
    need(num(number)) +
    need(orNull(metadata, jsonObject)) +
    need(orNull(showPaymentLink, bool)) +
    need(orNull(showBankDetails, bool)) +
    need(orNull(autoPostInvoices, bool)) +
    need(orNull(autoSendBillingEmails, bool)) +
    need(orNull(autoSendPaymentEmails, bool)) +
    need(whole(version)) +
    need(bool(billingFrequencyOverridden)) +
    parsed(override) +
    orNull(purchaseOrderReference, str);
  if (Number.isNaN(used)) return false;
  if (override === undefined && 'billingFrequencyOverride' in input) return false;
  if (purchaseOrderReference === undefined && 'purchaseOrderReference' in input) return false;
  out.id = id;
  out.customerId = customerId;
  out.billingCustomerId = billingCustomerId;
  out.billingContactIds = billingContactIds;
  out.createdAt = createdAt;
  out.updatedAt = updatedAt;
  out.endDate = endDate;
  out.name = name;
  out.startDate = startDate;
  out.subscriptionTerms = subscriptionTerms;
  out.billedAmountNoTax = billedAmountNoTax;
  out.billedTax = billedTax;
  out.estimatedTax = estimatedTax;
  out.orderAmount = orderAmount;
  out.pendingBillingAmount = pendingBillingAmount;
  out.totalAmount = totalAmount;
  out.totalBilledAmount = totalBilledAmount;
  out.creationState = creationState;
  out.paymentTerms = paymentTerms;
  out.number = number;
  out.metadata = metadata;
  out.showPaymentLink = showPaymentLink;
  out.showBankDetails = showBankDetails;
  out.autoPostInvoices = autoPostInvoices;
  out.autoSendBillingEmails = autoSendBillingEmails;
  out.autoSendPaymentEmails = autoSendPaymentEmails;
  out.version = version;
  out.billingFrequencyOverridden = billingFrequencyOverridden;
  if (override !== undefined) out.billingFrequencyOverride = override;
  if (purchaseOrderReference !== undefined) out.purchaseOrderReference = purchaseOrderReference;
  return true;
}

/** `Paid.Order`, the answer of create and get (PaidOrder). */
export function readPaidOrder(value: unknown): PaidOrder | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const out: Output = {};
  return readOrderFields(input, out) ? (out as PaidOrder) : undefined;
}

/** `Paid.OrderLine`, the line read model (PaidOrderLine). */
export function readPaidOrderLine(value: unknown): PaidOrderLine | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { id, productId, name, description, startDate, endDate } = input;
  const used =
    need(str(id)) +
    need(str(productId)) +
    need(str(name)) +
    need(orNull(description, str)) +
    need(str(startDate)) +
    need(orNull(endDate, str));
  if (used !== countPresent(input, ORDER_LINE_KEYS)) return undefined;
  return { id, productId, name, description, startDate, endDate } as PaidOrderLine;
}

/**
 * One item of the record's `lines`, `z.union([PaidOrderLine, PaidCreateOrderLine])`: the union answers its
 * first option that parses. A line with an `id` is read as the read model only; if that reader is unsure,
 * the whole record goes to the schema (the item could still parse as either option).
 */
function readRecordLine(value: unknown): PaidOrderLine | PaidCreateOrderLine | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  if (input.id !== undefined) return readPaidOrderLine(input);
  // Without an id the first option fails for certain (`id` is a required string).
  return readPaidCreateOrderLine(input);
}

/** An Order joined with its lines and the request's currency/externalId (PaidOrderRecord). */
export function readPaidOrderRecord(value: unknown): PaidOrderRecord | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const out: Output = {};
  const { currency, externalId } = input;
  const lines = list(input.lines, readRecordLine);
  if (!readOrderFields(input, out)) return undefined;
  if (Number.isNaN(str(currency) + str(externalId) + parsed(lines))) return undefined;
  if (currency === undefined && 'currency' in input) return undefined;
  if (externalId === undefined && 'externalId' in input) return undefined;
  if (lines === undefined && 'lines' in input) return undefined;
  if (currency !== undefined) out.currency = currency;
  if (externalId !== undefined) out.externalId = externalId;
  if (lines !== undefined) out.lines = lines;
  return out as PaidOrderRecord;
}

function readPagination(value: unknown): PaidPagination | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { limit, offset, total, hasMore } = input;
  const used = need(whole(limit)) + need(whole(offset)) + need(whole(total)) + need(bool(hasMore));
  if (used !== countPresent(input, PAGINATION_KEYS)) return undefined;
  return { limit, offset, total, hasMore } as PaidPagination;
}

function readPage<T>(
  value: unknown,
  reader: (item: unknown) => T | undefined,
): { data: T[]; pagination: PaidPagination } | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const data = readList(input.data, reader) as T[] | undefined;
  const pagination = readPagination(input.pagination);
  if (data === undefined || pagination === undefined) return undefined;
  if (countPresent(input, PAGE_KEYS) !== 2) return undefined;
  return { data, pagination };
}

/** `GET /orders/` page (PaidOrderListResponse). */
export function readPaidOrderListResponse(value: unknown): PaidOrderListResponse | undefined {
  return readPage(value, readPaidOrder);
}

/** `GET /orders/{id}/lines` page (PaidOrderLinesResponse). */
export function readPaidOrderLinesResponse(value: unknown): PaidOrderLinesResponse | undefined {
  return readPage(value, readPaidOrderLine);
}
