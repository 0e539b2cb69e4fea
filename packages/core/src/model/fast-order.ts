/**
 * The Order schema, hand-written for documents that are plainly valid: the same output as
 * `Order.safeParse(input).data`, or undefined whenever anything is doubtful, so the caller falls back to
 * zod for the path-by-path issues. Internal: parse.ts uses it; it is not exported from the package.
 * How the readers walk and count fields: see fast-checks.ts ("Walking the keys").
 */

import { readInstant } from '../dates/instant';
import {
  asPlainObject,
  currency as currencyCount,
  decimal,
  hasNoHiddenKeys,
  type Input,
  int,
  type Output,
  oneOf,
  quantity as quantityCount,
  readCustomer,
  readList,
  metadata as readMetadata,
  readPaymentTerms,
  readProductReference,
  readProviderOptions,
  readRecurrence,
  roughProduct,
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

function readTier(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let upTo: unknown;
  let unitAmountDecimal: unknown;
  let flatAmount: unknown;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'upTo':
        // upTo is z.number().nonnegative(): finite (zod 4 numbers are) and ≥ 0.
        if (!(typeof field === 'number' && field >= 0 && field <= Number.MAX_SAFE_INTEGER)) return undefined;
        upTo = field;
        break;
      case 'unitAmountDecimal':
        if (decimal(field) !== 1) return undefined;
        unitAmountDecimal = field;
        break;
      case 'flatAmount':
        if (!Number.isSafeInteger(field)) return undefined;
        flatAmount = field;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  const out: Output = {};
  if (upTo !== undefined) out.upTo = upTo;
  if (unitAmountDecimal !== undefined) out.unitAmountDecimal = unitAmountDecimal;
  if (flatAmount !== undefined) out.flatAmount = flatAmount;
  return out;
}

const CHARGE_TYPE_SET: ReadonlySet<string> = new Set(CHARGE_TYPES);
const BILLING_TIMING_SET: ReadonlySet<string> = new Set(BILLING_TIMINGS);
const PRICING_MODEL_SET: ReadonlySet<string> = new Set(PRICING_MODELS);

function readCharge(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let name: unknown;
  let type: unknown;
  let quantity: unknown;
  let unitAmount: unknown;
  let unitAmountDecimal: unknown;
  let recurrence: Output | undefined;
  let billingTiming: unknown;
  let pricingModel: unknown;
  let tiers: unknown[] | undefined;
  let eventName: unknown;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'name':
        if (typeof field !== 'string') return undefined;
        name = field;
        break;
      case 'type':
        if (oneOf(field, CHARGE_TYPE_SET) !== 1) return undefined;
        type = field;
        break;
      case 'quantity':
        if (quantityCount(field) !== 1) return undefined;
        quantity = field;
        break;
      case 'unitAmount':
        if (!Number.isSafeInteger(field)) return undefined;
        unitAmount = field;
        break;
      case 'unitAmountDecimal':
        if (decimal(field) !== 1) return undefined;
        unitAmountDecimal = field;
        break;
      case 'recurrence':
        recurrence = readRecurrence(field);
        if (recurrence === undefined) return undefined;
        break;
      case 'billingTiming':
        if (oneOf(field, BILLING_TIMING_SET) !== 1) return undefined;
        billingTiming = field;
        break;
      case 'pricingModel':
        if (oneOf(field, PRICING_MODEL_SET) !== 1) return undefined;
        pricingModel = field;
        break;
      case 'tiers':
        tiers = readList(field, readTier);
        if (tiers === undefined) return undefined;
        break;
      case 'eventName':
        if (typeof field !== 'string') return undefined;
        eventName = field;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (name === undefined || type === undefined || !hasNoHiddenKeys(input, listed)) return undefined;
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
  let product: Output | undefined;
  let name: unknown;
  let description: unknown;
  let startAt: string | undefined;
  let endAt: string | undefined;
  let charges: unknown[] | undefined;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'product':
        product = readProductReference(field);
        if (product === undefined) return undefined;
        break;
      case 'charges':
        charges = readList(field, readCharge);
        if (charges === undefined) return undefined;
        break;
      case 'name':
        if (typeof field !== 'string') return undefined;
        name = field;
        break;
      case 'description':
        if (typeof field !== 'string') return undefined;
        description = field;
        break;
      case 'startAt':
        startAt = readInstant(field);
        if (startAt === undefined) return undefined;
        break;
      case 'endAt':
        endAt = readInstant(field);
        if (endAt === undefined) return undefined;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  // "An order line needs at least one charge."
  if (product === undefined || charges === undefined || charges.length === 0) return undefined;
  if (!hasNoHiddenKeys(input, listed)) return undefined;
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
  let id: unknown;
  let provider: unknown;
  let externalId: unknown;
  let number: unknown;
  let name: unknown;
  let status: unknown;
  let currency: unknown;
  let customer: Output | undefined;
  let billingCustomer: Output | undefined;
  let startAt: string | undefined;
  let endAt: string | undefined;
  let termCount: unknown;
  let billingAnchorDay: unknown;
  let billingFrequency: Output | undefined;
  let paymentTerms: Output | undefined;
  let purchaseOrder: unknown;
  let metadata: Output | undefined;
  let providerOptions: Output | undefined;
  let autoPostInvoices: unknown;
  let autoSendBillingEmails: unknown;
  let autoSendPaymentEmails: unknown;
  let total: unknown;
  let createdAt: string | undefined;
  let updatedAt: string | undefined;
  let lines: unknown[] | undefined;
  let listed = 0;
  // Cases are compared in order: the fields every document has come first, then the common ones.
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'currency':
        if (currencyCount(field) !== 1) return undefined;
        currency = field;
        break;
      case 'customer':
        customer = readCustomer(field);
        if (customer === undefined) return undefined;
        break;
      case 'lines':
        lines = readList(field, fastOrderLine);
        if (lines === undefined) return undefined;
        break;
      case 'externalId':
        if (typeof field !== 'string') return undefined;
        externalId = field;
        break;
      case 'name':
        if (typeof field !== 'string') return undefined;
        name = field;
        break;
      case 'number':
        if (typeof field !== 'string') return undefined;
        number = field;
        break;
      case 'startAt':
        startAt = readInstant(field);
        if (startAt === undefined) return undefined;
        break;
      case 'endAt':
        endAt = readInstant(field);
        if (endAt === undefined) return undefined;
        break;
      case 'id':
        if (typeof field !== 'string') return undefined;
        id = field;
        break;
      case 'provider':
        if (typeof field !== 'string') return undefined;
        provider = field;
        break;
      case 'status':
        if (oneOf(field, ORDER_STATUS_SET) !== 1) return undefined;
        status = field;
        break;
      case 'billingCustomer':
        billingCustomer = readCustomer(field);
        if (billingCustomer === undefined) return undefined;
        break;
      case 'termCount':
        if (int(field, 1, Number.MAX_SAFE_INTEGER) !== 1) return undefined;
        termCount = field;
        break;
      case 'billingAnchorDay':
        if (int(field, 1, 31) !== 1) return undefined;
        billingAnchorDay = field;
        break;
      case 'billingFrequency':
        billingFrequency = readRecurrence(field);
        if (billingFrequency === undefined) return undefined;
        break;
      case 'paymentTerms':
        paymentTerms = readPaymentTerms(field);
        if (paymentTerms === undefined) return undefined;
        break;
      case 'purchaseOrder':
        if (typeof field !== 'string') return undefined;
        purchaseOrder = field;
        break;
      case 'metadata':
        metadata = readMetadata(field) ?? undefined;
        if (metadata === undefined) return undefined;
        break;
      case 'providerOptions':
        providerOptions = readProviderOptions(field);
        if (providerOptions === undefined) return undefined;
        break;
      case 'autoPostInvoices':
        if (typeof field !== 'boolean') return undefined;
        autoPostInvoices = field;
        break;
      case 'autoSendBillingEmails':
        if (typeof field !== 'boolean') return undefined;
        autoSendBillingEmails = field;
        break;
      case 'autoSendPaymentEmails':
        if (typeof field !== 'boolean') return undefined;
        autoSendPaymentEmails = field;
        break;
      case 'total':
        if (!Number.isSafeInteger(field)) return undefined;
        total = field;
        break;
      case 'createdAt':
        createdAt = readInstant(field);
        if (createdAt === undefined) return undefined;
        break;
      case 'updatedAt':
        updatedAt = readInstant(field);
        if (updatedAt === undefined) return undefined;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (currency === undefined || customer === undefined || lines === undefined) return undefined;
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  if (!orderDatesInOrder({ startAt, endAt })) return undefined;
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
