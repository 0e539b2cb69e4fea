/**
 * The Order schema, hand-written for documents that are plainly valid: the same output as
 * `Order.safeParse(input).data`, or undefined whenever anything is doubtful, so the caller falls back to
 * zod for the path-by-path issues. Internal: parse.ts uses it; it is not exported from the package.
 * How the readers count fields: see fast-checks.ts.
 */

import {
  asPlainObject,
  bool,
  countKnownKeys,
  currency as currencyCount,
  decimal,
  type Input,
  instant,
  int,
  minor,
  nested,
  type Output,
  oneOf,
  parsed,
  quantity as quantityCount,
  readCustomer,
  readList,
  metadata as readMetadata,
  readPaymentTerms,
  readProductReference,
  readProviderOptions,
  readRecurrence,
  roughProduct,
  str,
  surelySafe,
} from './fast-checks';
import {
  BILLING_TIMINGS,
  CHARGE_TYPES,
  hasAtMostOneUnitPrice,
  ORDER_STATUSES,
  type Order,
  orderDatesInOrder,
  PRICING_MODELS,
} from './order';
import { CHARGE_KEYS, ORDER_KEYS, ORDER_LINE_KEYS, TIER_KEYS } from './schema-keys';

function readTier(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { upTo, unitAmountDecimal, flatAmount } = input;
  // upTo is z.number().nonnegative(): finite (zod 4 numbers are) and ≥ 0.
  const upToCount =
    upTo === undefined
      ? 0
      : typeof upTo === 'number' && upTo >= 0 && upTo <= Number.MAX_SAFE_INTEGER
        ? 1
        : Number.NaN;
  const used = upToCount + decimal(unitAmountDecimal) + minor(flatAmount);
  if (used !== countKnownKeys(input, TIER_KEYS)) return undefined;
  const out: Output = {};
  if (upTo !== undefined) out.upTo = upTo;
  if (unitAmountDecimal !== undefined) out.unitAmountDecimal = unitAmountDecimal;
  if (flatAmount !== undefined) out.flatAmount = flatAmount;
  return out;
}

const readTiers = (value: unknown) => readList(value, readTier);

const CHARGE_TYPE_SET: ReadonlySet<string> = new Set(CHARGE_TYPES);
const BILLING_TIMING_SET: ReadonlySet<string> = new Set(BILLING_TIMINGS);
const PRICING_MODEL_SET: ReadonlySet<string> = new Set(PRICING_MODELS);

function readCharge(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { name, type, quantity, unitAmount, unitAmountDecimal, billingTiming, pricingModel, eventName } =
    input;
  if (name === undefined || type === undefined) return undefined;
  const recurrence = nested(input.recurrence, readRecurrence);
  const tiers = nested(input.tiers, readTiers);
  const used =
    str(name) +
    oneOf(type, CHARGE_TYPE_SET) +
    quantityCount(quantity) +
    minor(unitAmount) +
    decimal(unitAmountDecimal) +
    parsed(recurrence) +
    oneOf(billingTiming, BILLING_TIMING_SET) +
    oneOf(pricingModel, PRICING_MODEL_SET) +
    parsed(tiers) +
    str(eventName);
  if (used !== countKnownKeys(input, CHARGE_KEYS)) return undefined;
  if (!hasAtMostOneUnitPrice({ unitAmount, unitAmountDecimal })) return undefined;
  if (quantity !== undefined && !surelySafe(roughProduct(quantity, unitAmount, unitAmountDecimal))) {
    return undefined;
  }
  const out: Output = { name, type };
  if (quantity !== undefined) out.quantity = quantity;
  if (unitAmount !== undefined) out.unitAmount = unitAmount;
  if (unitAmountDecimal !== undefined) out.unitAmountDecimal = unitAmountDecimal;
  if (recurrence !== undefined) out.recurrence = recurrence;
  if (billingTiming !== undefined) out.billingTiming = billingTiming;
  if (pricingModel !== undefined) out.pricingModel = pricingModel;
  if (tiers !== undefined) out.tiers = tiers;
  if (eventName !== undefined) out.eventName = eventName;
  return out;
}

export function fastOrderLine(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { name, description } = input;
  const product = readProductReference(input.product);
  const charges = readList(input.charges, readCharge);
  // "An order line needs at least one charge."
  if (product === undefined || charges === undefined || charges.length === 0) return undefined;
  const startAt = instant(input.startAt);
  const endAt = instant(input.endAt);
  const used = 2 + str(name) + str(description) + parsed(startAt) + parsed(endAt);
  if (used !== countKnownKeys(input, ORDER_LINE_KEYS)) return undefined;
  const out: Output = { product };
  if (name !== undefined) out.name = name;
  if (description !== undefined) out.description = description;
  if (startAt !== undefined) out.startAt = startAt;
  if (endAt !== undefined) out.endAt = endAt;
  out.charges = charges;
  return out;
}

const ORDER_STATUS_SET: ReadonlySet<string> = new Set(ORDER_STATUSES);

function readOrder(input: Input): Output | undefined {
  const { id, provider, externalId, number, name, status, currency, termCount, billingAnchorDay } = input;
  const { purchaseOrder, autoPostInvoices, autoSendBillingEmails, autoSendPaymentEmails, total } = input;
  const customer = readCustomer(input.customer);
  const lines = readList(input.lines, fastOrderLine);
  if (customer === undefined || lines === undefined) return undefined;
  const billingCustomer = nested(input.billingCustomer, readCustomer);
  const startAt = instant(input.startAt);
  const endAt = instant(input.endAt);
  const billingFrequency = nested(input.billingFrequency, readRecurrence);
  const paymentTerms = nested(input.paymentTerms, readPaymentTerms);
  const metadata = readMetadata(input.metadata);
  const providerOptions = nested(input.providerOptions, readProviderOptions);
  const createdAt = instant(input.createdAt);
  const updatedAt = instant(input.updatedAt);
  const used =
    str(id) +
    str(provider) +
    str(externalId) +
    str(number) +
    str(name) +
    oneOf(status, ORDER_STATUS_SET) +
    currencyCount(currency) +
    2 + // customer and lines, read above
    parsed(billingCustomer) +
    parsed(startAt) +
    parsed(endAt) +
    int(termCount, 1, Number.MAX_SAFE_INTEGER) +
    int(billingAnchorDay, 1, 31) +
    parsed(billingFrequency) +
    parsed(paymentTerms) +
    str(purchaseOrder) +
    parsed(metadata) +
    parsed(providerOptions) +
    bool(autoPostInvoices) +
    bool(autoSendBillingEmails) +
    bool(autoSendPaymentEmails) +
    minor(total) +
    parsed(createdAt) +
    parsed(updatedAt);
  if (used !== countKnownKeys(input, ORDER_KEYS)) return undefined;
  if (!orderDatesInOrder({ startAt: startAt ?? undefined, endAt: endAt ?? undefined })) return undefined;
  const out: Output = {};
  if (id !== undefined) out.id = id;
  if (provider !== undefined) out.provider = provider;
  if (externalId !== undefined) out.externalId = externalId;
  if (number !== undefined) out.number = number;
  if (name !== undefined) out.name = name;
  if (status !== undefined) out.status = status;
  out.currency = currency;
  out.customer = customer;
  if (billingCustomer !== undefined) out.billingCustomer = billingCustomer;
  if (startAt !== undefined) out.startAt = startAt;
  if (endAt !== undefined) out.endAt = endAt;
  if (termCount !== undefined) out.termCount = termCount;
  if (billingAnchorDay !== undefined) out.billingAnchorDay = billingAnchorDay;
  if (billingFrequency !== undefined) out.billingFrequency = billingFrequency;
  if (paymentTerms !== undefined) out.paymentTerms = paymentTerms;
  if (purchaseOrder !== undefined) out.purchaseOrder = purchaseOrder;
  if (metadata !== undefined) out.metadata = metadata;
  if (providerOptions !== undefined) out.providerOptions = providerOptions;
  if (autoPostInvoices !== undefined) out.autoPostInvoices = autoPostInvoices;
  if (autoSendBillingEmails !== undefined) out.autoSendBillingEmails = autoSendBillingEmails;
  if (autoSendPaymentEmails !== undefined) out.autoSendPaymentEmails = autoSendPaymentEmails;
  if (total !== undefined) out.total = total;
  if (createdAt !== undefined) out.createdAt = createdAt;
  if (updatedAt !== undefined) out.updatedAt = updatedAt;
  out.lines = lines;
  return out;
}

/** The parsed Order when `value` is plainly valid, else undefined (never a partial or looser result). */
export function fastParseOrder(value: unknown): Order | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  try {
    return readOrder(input) as Order | undefined;
  } catch {
    return undefined;
  }
}
