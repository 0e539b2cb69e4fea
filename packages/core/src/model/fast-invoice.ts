/**
 * The Invoice schema, hand-written for documents that are plainly valid: the same output as
 * `Invoice.safeParse(input).data`, or undefined whenever anything is doubtful, so the caller falls back to
 * zod for the path-by-path issues. Internal: parse.ts uses it; it is not exported from the package.
 * How the readers count fields: see fast-checks.ts.
 */

import { readInstant } from '../dates/instant';
import {
  asPlainObject,
  currency as currencyCount,
  decimal,
  hasNoHiddenKeys,
  type Input,
  type Output,
  oneOf,
  quantity as quantityCount,
  readCustomer,
  readList,
  metadata as readMetadata,
  readPaymentTerms,
  readPeriod,
  readProductReference,
  readProviderOptions,
  readRecurrence,
  readSubscriptionReference,
  readTax,
  roughProduct,
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

const LINE_KIND_SET: ReadonlySet<string> = new Set(LINE_KINDS);

export function fastLine(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let description: unknown;
  let quantity: unknown;
  let unitAmount: unknown;
  let unitAmountDecimal: unknown;
  let amount: unknown;
  let kind: unknown;
  let product: Output | undefined;
  let priceId: unknown;
  let period: Output | undefined;
  let recurrence: Output | undefined;
  let tax: Output | undefined;
  let metadata: Output | undefined;
  let listed = 0;
  // Cases are compared in order: the usual fields of a line first.
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'quantity':
        if (quantityCount(field) !== 1) return undefined;
        quantity = field;
        break;
      case 'unitAmount':
        if (!Number.isSafeInteger(field)) return undefined;
        unitAmount = field;
        break;
      case 'description':
        if (typeof field !== 'string') return undefined;
        description = field;
        break;
      case 'product':
        product = readProductReference(field);
        if (product === undefined) return undefined;
        break;
      case 'amount':
        if (!Number.isSafeInteger(field)) return undefined;
        amount = field;
        break;
      case 'unitAmountDecimal':
        if (decimal(field) !== 1) return undefined;
        unitAmountDecimal = field;
        break;
      case 'kind':
        if (oneOf(field, LINE_KIND_SET) !== 1) return undefined;
        kind = field;
        break;
      case 'tax':
        tax = readTax(field);
        if (tax === undefined) return undefined;
        break;
      case 'period':
        period = readPeriod(field);
        if (period === undefined) return undefined;
        break;
      case 'recurrence':
        recurrence = readRecurrence(field);
        if (recurrence === undefined) return undefined;
        break;
      case 'metadata':
        metadata = readMetadata(field) ?? undefined;
        if (metadata === undefined) return undefined;
        break;
      case 'priceId':
        if (typeof field !== 'string') return undefined;
        priceId = field;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (quantity === undefined || !hasNoHiddenKeys(input, listed)) return undefined;
  const priced = { quantity, unitAmount, unitAmountDecimal } as {
    quantity: string | number;
    unitAmount?: number;
    unitAmountDecimal?: string;
  };
  // The Line schema's own rules (line.ts): exactly one unit price; a given amount must be the computed one.
  if (unitPriceCount(priced) !== 1) return undefined;
  const magnitude = roughProduct(quantity, unitAmount, unitAmountDecimal);
  if (!surelySafe(magnitude)) return undefined;
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
  linesMagnitude += magnitude + 1 + Math.abs(Number(tax?.amount ?? 0));
  return out;
}

/**
 * A rough upper bound of |subtotal| + |line taxes| of the lines fastLine has read since readInvoice set it
 * to 0 (see roughProduct): summed as each line is read, so the lines are not walked a second time.
 */
let linesMagnitude = 0;

const COLLECTION_METHOD_SET: ReadonlySet<string> = new Set(COLLECTION_METHODS);

function readCollection(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  let method: unknown;
  let paymentMethodId: unknown;
  let autoSend: unknown;
  let finalizeAt: string | undefined;
  let listed = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'method':
        if (oneOf(field, COLLECTION_METHOD_SET) !== 1) return undefined;
        method = field;
        break;
      case 'paymentMethodId':
        if (typeof field !== 'string') return undefined;
        paymentMethodId = field;
        break;
      case 'autoSend':
        if (typeof field !== 'boolean') return undefined;
        autoSend = field;
        break;
      case 'finalizeAt':
        finalizeAt = readInstant(field);
        if (finalizeAt === undefined) return undefined;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (method === undefined || !hasNoHiddenKeys(input, listed)) return undefined;
  const out: Output = { method };
  if (paymentMethodId !== undefined) out.paymentMethodId = paymentMethodId;
  if (autoSend !== undefined) out.autoSend = autoSend;
  if (finalizeAt !== undefined) out.finalizeAt = finalizeAt;
  return out;
}

const STATUS_SET: ReadonlySet<string> = new Set(INVOICE_STATUSES);
const BILLING_REASON_SET: ReadonlySet<string> = new Set(BILLING_REASONS);

function readInvoice(input: Input): Output | undefined {
  let id: unknown;
  let provider: unknown;
  let externalId: unknown;
  let number: unknown;
  let status: unknown;
  let providerStatus: unknown;
  let currency: unknown;
  let customer: Output | undefined;
  let issuedAt: string | undefined;
  let dueAt: string | undefined;
  let period: Output | undefined;
  let collection: Output | undefined;
  let lines: unknown[] | undefined;
  let total: unknown;
  let tax: Output | undefined;
  let subscription: Output | undefined;
  let billingReason: unknown;
  let recurrence: Output | undefined;
  let paymentTerms: Output | undefined;
  let purchaseOrder: unknown;
  let memo: unknown;
  let footer: unknown;
  let metadata: Output | undefined;
  let imported: unknown;
  let createdAt: string | undefined;
  let updatedAt: string | undefined;
  let providerOptions: Output | undefined;
  let listed = 0;
  linesMagnitude = 0;
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
        lines = readList(field, fastLine);
        if (lines === undefined) return undefined;
        break;
      case 'externalId':
        if (typeof field !== 'string') return undefined;
        externalId = field;
        break;
      case 'number':
        if (typeof field !== 'string') return undefined;
        number = field;
        break;
      case 'issuedAt':
        issuedAt = readInstant(field);
        if (issuedAt === undefined) return undefined;
        break;
      case 'dueAt':
        dueAt = readInstant(field);
        if (dueAt === undefined) return undefined;
        break;
      case 'total':
        if (!Number.isSafeInteger(field)) return undefined;
        total = field;
        break;
      case 'memo':
        if (typeof field !== 'string') return undefined;
        memo = field;
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
        if (oneOf(field, STATUS_SET) !== 1) return undefined;
        status = field;
        break;
      case 'providerStatus':
        if (typeof field !== 'string') return undefined;
        providerStatus = field;
        break;
      case 'period':
        period = readPeriod(field);
        if (period === undefined) return undefined;
        break;
      case 'metadata':
        metadata = readMetadata(field) ?? undefined;
        if (metadata === undefined) return undefined;
        break;
      case 'createdAt':
        createdAt = readInstant(field);
        if (createdAt === undefined) return undefined;
        break;
      case 'updatedAt':
        updatedAt = readInstant(field);
        if (updatedAt === undefined) return undefined;
        break;
      case 'tax':
        tax = readTax(field);
        if (tax === undefined) return undefined;
        break;
      case 'collection':
        collection = readCollection(field);
        if (collection === undefined) return undefined;
        break;
      case 'subscription':
        subscription = readSubscriptionReference(field);
        if (subscription === undefined) return undefined;
        break;
      case 'billingReason':
        if (oneOf(field, BILLING_REASON_SET) !== 1) return undefined;
        billingReason = field;
        break;
      case 'recurrence':
        recurrence = readRecurrence(field);
        if (recurrence === undefined) return undefined;
        break;
      case 'paymentTerms':
        paymentTerms = readPaymentTerms(field);
        if (paymentTerms === undefined) return undefined;
        break;
      case 'purchaseOrder':
        if (typeof field !== 'string') return undefined;
        purchaseOrder = field;
        break;
      case 'footer':
        if (typeof field !== 'string') return undefined;
        footer = field;
        break;
      case 'imported':
        if (typeof field !== 'boolean') return undefined;
        imported = field;
        break;
      case 'providerOptions':
        providerOptions = readProviderOptions(field);
        if (providerOptions === undefined) return undefined;
        break;
      default:
        return undefined;
    }
    listed++;
  }
  if (currency === undefined || customer === undefined || lines === undefined) return undefined;
  if (!hasNoHiddenKeys(input, listed)) return undefined;
  if (!hasLinesOrTotal({ lines, total })) return undefined;
  // Each line is already surely safe; so must be the lines and taxes together.
  if (!surelySafe(linesMagnitude + Math.abs(Number(tax?.amount ?? 0)))) return undefined;
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
