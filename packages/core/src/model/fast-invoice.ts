/**
 * The Invoice schema, hand-written for documents that are plainly valid: the same output as
 * `Invoice.safeParse(input).data`, or undefined whenever anything is doubtful, so the caller falls back to
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
  readPeriod,
  readProductReference,
  readProviderOptions,
  readRecurrence,
  readTax,
  roughProduct,
  str,
  surelySafe,
} from './fast-checks';
import {
  BILLING_REASONS,
  COLLECTION_METHODS,
  hasLinesOrTotal,
  INVOICE_STATUSES,
  type Invoice,
} from './invoice';
import { expectedLineAmount, LINE_KINDS, unitPriceCount } from './line';
import { COLLECTION_KEYS, INVOICE_KEYS, LINE_KEYS, SUBSCRIPTION_REFERENCE_KEYS } from './schema-keys';

const LINE_KIND_SET: ReadonlySet<string> = new Set(LINE_KINDS);

export function fastLine(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { description, quantity, unitAmount, unitAmountDecimal, amount, kind, priceId } = input;
  if (quantity === undefined) return undefined;
  const product = nested(input.product, readProductReference);
  const period = nested(input.period, readPeriod);
  const recurrence = nested(input.recurrence, readRecurrence);
  const tax = nested(input.tax, readTax);
  const metadata = readMetadata(input.metadata);
  const used =
    str(description) +
    quantityCount(quantity) +
    minor(unitAmount) +
    decimal(unitAmountDecimal) +
    minor(amount) +
    oneOf(kind, LINE_KIND_SET) +
    parsed(product) +
    str(priceId) +
    parsed(period) +
    parsed(recurrence) +
    parsed(tax) +
    parsed(metadata);
  if (used !== countKnownKeys(input, LINE_KEYS)) return undefined;
  const priced = { quantity: quantity as string | number, unitAmount, unitAmountDecimal } as {
    quantity: string | number;
    unitAmount?: number;
    unitAmountDecimal?: string;
  };
  // The Line schema's own rules (line.ts): exactly one unit price; a given amount must be the computed one.
  if (unitPriceCount(priced) !== 1) return undefined;
  if (!surelySafe(roughProduct(quantity, unitAmount, unitAmountDecimal))) return undefined;
  if (amount !== undefined && expectedLineAmount(priced) !== amount) return undefined;
  const out: Output = {};
  if (description !== undefined) out.description = description;
  out.quantity = quantity;
  if (unitAmount !== undefined) out.unitAmount = unitAmount;
  if (unitAmountDecimal !== undefined) out.unitAmountDecimal = unitAmountDecimal;
  if (amount !== undefined) out.amount = amount;
  if (kind !== undefined) out.kind = kind;
  if (product !== undefined) out.product = product;
  if (priceId !== undefined) out.priceId = priceId;
  if (period !== undefined) out.period = period;
  if (recurrence !== undefined) out.recurrence = recurrence;
  if (tax !== undefined) out.tax = tax;
  if (metadata !== undefined) out.metadata = metadata;
  return out;
}

const COLLECTION_METHOD_SET: ReadonlySet<string> = new Set(COLLECTION_METHODS);

function readCollection(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { method, paymentMethodId, autoSend } = input;
  if (method === undefined) return undefined;
  const finalizeAt = instant(input.finalizeAt);
  const used =
    oneOf(method, COLLECTION_METHOD_SET) + str(paymentMethodId) + bool(autoSend) + parsed(finalizeAt);
  if (used !== countKnownKeys(input, COLLECTION_KEYS)) return undefined;
  const out: Output = { method };
  if (paymentMethodId !== undefined) out.paymentMethodId = paymentMethodId;
  if (autoSend !== undefined) out.autoSend = autoSend;
  if (finalizeAt !== undefined) out.finalizeAt = finalizeAt;
  return out;
}

const SUBSCRIPTION_KEYS: ReadonlySet<string> = SUBSCRIPTION_REFERENCE_KEYS;

function readSubscription(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { id, externalId } = input;
  if (str(id) + str(externalId) !== countKnownKeys(input, SUBSCRIPTION_KEYS)) return undefined;
  const out: Output = {};
  if (id !== undefined) out.id = id;
  if (externalId !== undefined) out.externalId = externalId;
  return out;
}

/** A rough upper bound of |subtotal| + |taxes| (see roughProduct): each line is already surely safe. */
function roughTotal(lines: Output[], tax: Output | undefined): number {
  let sum = Math.abs(Number((tax?.amount as number | undefined) ?? 0));
  for (const line of lines) {
    sum += roughProduct(line.quantity, line.unitAmount, line.unitAmountDecimal) + 1;
    sum += Math.abs(Number(((line.tax as Output | undefined)?.amount as number | undefined) ?? 0));
  }
  return sum;
}

const STATUS_SET: ReadonlySet<string> = new Set(INVOICE_STATUSES);
const BILLING_REASON_SET: ReadonlySet<string> = new Set(BILLING_REASONS);

function readInvoice(input: Input): Output | undefined {
  const { id, provider, externalId, number, status, providerStatus, currency, total, billingReason } = input;
  const { purchaseOrder, memo, footer, imported } = input;
  const customer = readCustomer(input.customer);
  const lines = readList(input.lines, fastLine);
  if (customer === undefined || lines === undefined) return undefined;
  const issuedAt = instant(input.issuedAt);
  const dueAt = instant(input.dueAt);
  const period = nested(input.period, readPeriod);
  const collection = nested(input.collection, readCollection);
  const tax = nested(input.tax, readTax);
  const subscription = nested(input.subscription, readSubscription);
  const recurrence = nested(input.recurrence, readRecurrence);
  const paymentTerms = nested(input.paymentTerms, readPaymentTerms);
  const metadata = readMetadata(input.metadata);
  const createdAt = instant(input.createdAt);
  const updatedAt = instant(input.updatedAt);
  const providerOptions = nested(input.providerOptions, readProviderOptions);
  const used =
    str(id) +
    str(provider) +
    str(externalId) +
    str(number) +
    oneOf(status, STATUS_SET) +
    str(providerStatus) +
    currencyCount(currency) +
    2 + // customer and lines, read above
    parsed(issuedAt) +
    parsed(dueAt) +
    parsed(period) +
    parsed(collection) +
    minor(total) +
    parsed(tax) +
    parsed(subscription) +
    oneOf(billingReason, BILLING_REASON_SET) +
    parsed(recurrence) +
    parsed(paymentTerms) +
    str(purchaseOrder) +
    str(memo) +
    str(footer) +
    parsed(metadata) +
    bool(imported) +
    parsed(createdAt) +
    parsed(updatedAt) +
    parsed(providerOptions);
  if (used !== countKnownKeys(input, INVOICE_KEYS)) return undefined;
  if (!hasLinesOrTotal({ lines, total })) return undefined;
  if (!surelySafe(roughTotal(lines as Output[], tax as Output | undefined))) return undefined;
  const out: Output = {};
  if (id !== undefined) out.id = id;
  if (provider !== undefined) out.provider = provider;
  if (externalId !== undefined) out.externalId = externalId;
  if (number !== undefined) out.number = number;
  if (status !== undefined) out.status = status;
  if (providerStatus !== undefined) out.providerStatus = providerStatus;
  out.currency = currency;
  out.customer = customer;
  if (issuedAt !== undefined) out.issuedAt = issuedAt;
  if (dueAt !== undefined) out.dueAt = dueAt;
  if (period !== undefined) out.period = period;
  if (collection !== undefined) out.collection = collection;
  out.lines = lines;
  if (total !== undefined) out.total = total;
  if (tax !== undefined) out.tax = tax;
  if (subscription !== undefined) out.subscription = subscription;
  if (billingReason !== undefined) out.billingReason = billingReason;
  if (recurrence !== undefined) out.recurrence = recurrence;
  if (paymentTerms !== undefined) out.paymentTerms = paymentTerms;
  if (purchaseOrder !== undefined) out.purchaseOrder = purchaseOrder;
  if (memo !== undefined) out.memo = memo;
  if (footer !== undefined) out.footer = footer;
  if (metadata !== undefined) out.metadata = metadata;
  if (imported !== undefined) out.imported = imported;
  if (createdAt !== undefined) out.createdAt = createdAt;
  if (updatedAt !== undefined) out.updatedAt = updatedAt;
  if (providerOptions !== undefined) out.providerOptions = providerOptions;
  return out;
}

/** The parsed Invoice when `value` is plainly valid, else undefined (never a partial or looser result). */
export function fastParseInvoice(value: unknown): Invoice | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  try {
    return readInvoice(input) as Invoice | undefined;
  } catch {
    // A rule threw (e.g. a line amount beyond safe integers): zod reports that its own way.
    return undefined;
  }
}
