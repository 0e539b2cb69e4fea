/**
 * Hand-written reader of Flowglad's create body (wire.ts: InvoiceCreateBody), which `fromProvider` reads
 * when given a request: for a plainly valid body, exactly what the zod schema outputs; undefined whenever
 * in doubt (a URL given in pdfURL/receiptPdfURL included: zod's URL rule is left to zod).
 */
import { fastRead } from '@billbridge/core';
import {
  CURRENT_COUNTRIES,
  FLOWGLAD_CURRENCIES,
  FLOWGLAD_STATUSES,
  FLOWGLAD_TAX_TYPES,
  LINE_ITEM_TYPES,
} from './enums';
import {
  copyVariantIds,
  hasUndefinedOrHiddenKey,
  nullBool,
  nullDate,
  nullInt32,
  nullOneOf,
  nullStr,
  omitted,
  optBool,
  optNull,
  reqDate,
  reqId,
  reqInt32,
  reqOneOf,
} from './fast-fields';
import type { InvoiceCreateBody } from './wire';

type Input = fastRead.Input;
type Output = fastRead.Output;

const STATUSES: ReadonlySet<string> = new Set(FLOWGLAD_STATUSES);
const CURRENCIES: ReadonlySet<string> = new Set(FLOWGLAD_CURRENCIES);
const TAX_TYPES: ReadonlySet<string> = new Set(FLOWGLAD_TAX_TYPES);
const COUNTRIES: ReadonlySet<string> = new Set(CURRENT_COUNTRIES);
const LINE_TYPES: ReadonlySet<string> = new Set(LINE_ITEM_TYPES);

/** `insertCommon` of wire.ts; the two URLs are read here only when absent or null. */
function checkCommon(input: Input): number {
  return (
    reqId(input.customerId) +
    reqId(input.invoiceNumber) +
    reqDate(input.invoiceDate) +
    reqOneOf(input.status, STATUSES) +
    reqOneOf(input.currency, CURRENCIES) +
    nullDate(input.dueDate) +
    nullStr(input.billingRunId) +
    nullStr(input.ownerMembershipId) +
    optNull(input.pdfURL) +
    optNull(input.receiptPdfURL) +
    nullStr(input.memo) +
    nullBool(input.bankPaymentOnly) +
    nullInt32(input.subtotal) +
    nullOneOf(input.taxType, TAX_TYPES) +
    nullOneOf(input.taxCountry, COUNTRIES) +
    nullStr(input.taxState)
  );
}

const STANDALONE_ONLY = [
  'taxAmount',
  'taxRatePercentage',
  'applicationFee',
  'stripePaymentIntentId',
  'stripeTaxCalculationId',
  'stripeTaxTransactionId',
] as const;

function readInsert(value: unknown): Output | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || hasUndefinedOrHiddenKey(input)) return undefined;
  const { type, purchaseId, subscriptionId, billingPeriodId, billingPeriodStartDate, billingPeriodEndDate } =
    input;
  let valid = checkCommon(input);
  if (type === 'purchase') {
    valid +=
      reqId(purchaseId) +
      omitted(subscriptionId) +
      omitted(billingPeriodId) +
      omitted(billingPeriodStartDate) +
      omitted(billingPeriodEndDate);
  } else if (type === 'subscription') {
    valid +=
      reqId(subscriptionId) +
      reqId(billingPeriodId) +
      omitted(purchaseId) +
      nullDate(billingPeriodStartDate) +
      nullDate(billingPeriodEndDate);
  } else if (type === 'standalone') {
    valid +=
      omitted(purchaseId) +
      omitted(subscriptionId) +
      omitted(billingPeriodId) +
      omitted(billingPeriodStartDate) +
      omitted(billingPeriodEndDate) +
      nullInt32(input.taxAmount) +
      nullStr(input.taxRatePercentage) +
      nullInt32(input.applicationFee) +
      nullStr(input.stripePaymentIntentId) +
      nullStr(input.stripeTaxCalculationId) +
      nullStr(input.stripeTaxTransactionId);
  } else {
    return undefined;
  }
  if (valid !== 0) return undefined;
  const out: Output = { customerId: input.customerId, invoiceNumber: input.invoiceNumber };
  out.invoiceDate = input.invoiceDate;
  out.status = input.status;
  out.currency = input.currency;
  if (input.dueDate !== undefined) out.dueDate = input.dueDate;
  if (input.billingRunId !== undefined) out.billingRunId = input.billingRunId;
  if (input.ownerMembershipId !== undefined) out.ownerMembershipId = input.ownerMembershipId;
  if (input.pdfURL !== undefined) out.pdfURL = input.pdfURL;
  if (input.receiptPdfURL !== undefined) out.receiptPdfURL = input.receiptPdfURL;
  if (input.memo !== undefined) out.memo = input.memo;
  if (input.bankPaymentOnly !== undefined) out.bankPaymentOnly = input.bankPaymentOnly;
  if (input.subtotal !== undefined) out.subtotal = input.subtotal;
  if (input.taxType !== undefined) out.taxType = input.taxType;
  if (input.taxCountry !== undefined) out.taxCountry = input.taxCountry;
  if (input.taxState !== undefined) out.taxState = input.taxState;
  out.type = type;
  copyVariantIds(input, out, type);
  if (billingPeriodStartDate !== undefined) out.billingPeriodStartDate = billingPeriodStartDate;
  if (billingPeriodEndDate !== undefined) out.billingPeriodEndDate = billingPeriodEndDate;
  if (type === 'standalone') {
    for (const key of STANDALONE_ONLY) if (input[key] !== undefined) out[key] = input[key];
  }
  return out;
}

function readLineInsert(value: unknown): Output | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || hasUndefinedOrHiddenKey(input)) return undefined;
  const { type, quantity, price, priceId, description } = input;
  const valid =
    reqOneOf(type, LINE_TYPES) +
    reqInt32(quantity) +
    reqInt32(price) +
    nullStr(priceId) +
    nullStr(description);
  if (valid !== 0) return undefined;
  const out: Output = { type, quantity, price };
  if (priceId !== undefined) out.priceId = priceId;
  if (description !== undefined) out.description = description;
  return out;
}

/** `InvoiceCreateBody`: `{ invoice, invoiceLineItems, autoSend? }`. */
export function readInvoiceCreateBody(value: unknown): InvoiceCreateBody | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || hasUndefinedOrHiddenKey(input)) return undefined;
  const { autoSend } = input;
  if (optBool(autoSend) !== 0) return undefined;
  const invoice = readInsert(input.invoice);
  if (invoice === undefined) return undefined;
  const invoiceLineItems = fastRead.readList(input.invoiceLineItems, readLineInsert);
  if (invoiceLineItems === undefined) return undefined;
  const out: Output = { invoice, invoiceLineItems };
  if (autoSend !== undefined) out.autoSend = autoSend;
  return out as InvoiceCreateBody;
}
