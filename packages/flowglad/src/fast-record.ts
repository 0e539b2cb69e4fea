/**
 * Hand-written readers of Flowglad's read records (wire.ts: InvoiceRecord, LineItemRecord,
 * InvoiceWithLineItems, the get and create answer): for a plainly valid record, exactly what the zod schema outputs
 * (known fields copied, unknown ones dropped, as Flowglad's strip objects do); undefined whenever in doubt,
 * and then the caller parses with the schema, which owns every error message.
 */
import { fastRead } from '@billbridge/core';
import {
  copyVariantIds,
  hasUndefinedOrHiddenKey,
  nullBool,
  nullDate,
  nullInt,
  nullStr,
  omitted,
  optNull,
  optNumber,
  optStr,
  reqBool,
  reqDate,
  reqInt,
  reqStr,
} from './fast-fields';
import type { InvoiceRecord, InvoiceWithLineItems, LineItemRecord } from './wire';

type Input = fastRead.Input;
type Output = fastRead.Output;

/** The fields every invoice variant has (`recordCommon`), checked; NaN when one is not valid. */
function checkCommon(input: Input): number {
  return (
    reqStr(input.id) +
    reqDate(input.createdAt) +
    nullDate(input.updatedAt) +
    reqBool(input.livemode) +
    reqStr(input.organizationId) +
    optStr(input.pricingModelId) +
    reqStr(input.customerId) +
    reqStr(input.invoiceNumber) +
    reqDate(input.invoiceDate) +
    nullDate(input.dueDate) +
    reqStr(input.status) +
    reqStr(input.currency) +
    nullStr(input.billingRunId) +
    nullStr(input.ownerMembershipId) +
    nullStr(input.pdfURL) +
    nullStr(input.receiptPdfURL) +
    nullStr(input.memo) +
    nullBool(input.bankPaymentOnly) +
    nullInt(input.subtotal) +
    nullInt(input.taxAmount) +
    nullStr(input.taxType) +
    nullStr(input.taxCountry) +
    nullStr(input.taxState) +
    nullStr(input.taxRatePercentage) +
    nullInt(input.applicationFee) +
    nullDate(input.billingPeriodStartDate) +
    nullDate(input.billingPeriodEndDate)
  );
}

/**
 * Copies the common fields, the variant's ids and the billing-period dates every variant has, in the
 * variant schema's order.
 */
function copyCommon(input: Input): Output {
  const out: Output = { id: input.id, createdAt: input.createdAt };
  if (input.updatedAt !== undefined) out.updatedAt = input.updatedAt;
  out.livemode = input.livemode;
  out.organizationId = input.organizationId;
  if (input.pricingModelId !== undefined) out.pricingModelId = input.pricingModelId;
  out.customerId = input.customerId;
  out.invoiceNumber = input.invoiceNumber;
  out.invoiceDate = input.invoiceDate;
  if (input.dueDate !== undefined) out.dueDate = input.dueDate;
  out.status = input.status;
  out.currency = input.currency;
  if (input.billingRunId !== undefined) out.billingRunId = input.billingRunId;
  if (input.ownerMembershipId !== undefined) out.ownerMembershipId = input.ownerMembershipId;
  if (input.pdfURL !== undefined) out.pdfURL = input.pdfURL;
  if (input.receiptPdfURL !== undefined) out.receiptPdfURL = input.receiptPdfURL;
  if (input.memo !== undefined) out.memo = input.memo;
  if (input.bankPaymentOnly !== undefined) out.bankPaymentOnly = input.bankPaymentOnly;
  if (input.subtotal !== undefined) out.subtotal = input.subtotal;
  if (input.taxAmount !== undefined) out.taxAmount = input.taxAmount;
  if (input.taxType !== undefined) out.taxType = input.taxType;
  if (input.taxCountry !== undefined) out.taxCountry = input.taxCountry;
  if (input.taxState !== undefined) out.taxState = input.taxState;
  if (input.taxRatePercentage !== undefined) out.taxRatePercentage = input.taxRatePercentage;
  if (input.applicationFee !== undefined) out.applicationFee = input.applicationFee;
  out.type = input.type;
  copyVariantIds(input, out, input.type as string);
  if (input.billingPeriodStartDate !== undefined) out.billingPeriodStartDate = input.billingPeriodStartDate;
  if (input.billingPeriodEndDate !== undefined) out.billingPeriodEndDate = input.billingPeriodEndDate;
  return out;
}

/** `InvoiceRecord` (discriminated by `type`). */
export function readInvoiceRecord(value: unknown): InvoiceRecord | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || hasUndefinedOrHiddenKey(input)) return undefined;
  const { type, purchaseId, subscriptionId, billingPeriodId } = input;
  let valid = checkCommon(input);
  if (type === 'purchase') {
    valid += reqStr(purchaseId) + omitted(subscriptionId) + omitted(billingPeriodId);
  } else if (type === 'subscription') {
    valid += reqStr(subscriptionId) + reqStr(billingPeriodId) + omitted(purchaseId);
  } else if (type === 'standalone') {
    valid +=
      omitted(purchaseId) +
      omitted(subscriptionId) +
      omitted(billingPeriodId) +
      nullStr(input.stripePaymentIntentId) +
      nullStr(input.stripeTaxCalculationId) +
      nullStr(input.stripeTaxTransactionId);
  } else {
    return undefined;
  }
  if (valid !== 0) return undefined;
  const out = copyCommon(input);
  if (type === 'standalone') {
    if (input.stripePaymentIntentId !== undefined) out.stripePaymentIntentId = input.stripePaymentIntentId;
    if (input.stripeTaxCalculationId !== undefined) out.stripeTaxCalculationId = input.stripeTaxCalculationId;
    if (input.stripeTaxTransactionId !== undefined) out.stripeTaxTransactionId = input.stripeTaxTransactionId;
  }
  return out as InvoiceRecord;
}

/** `LineItemRecord` (discriminated by `type`: static or usage). */
export function readLineItemRecord(value: unknown): LineItemRecord | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || hasUndefinedOrHiddenKey(input)) return undefined;
  const { type, billingRunId, ledgerAccountId, ledgerAccountCredit } = input;
  let valid =
    reqStr(input.id) +
    reqDate(input.createdAt) +
    nullDate(input.updatedAt) +
    reqBool(input.livemode) +
    reqStr(input.invoiceId) +
    reqInt(input.quantity) +
    reqInt(input.price) +
    nullStr(input.priceId) +
    nullStr(input.description) +
    optStr(input.pricingModelId);
  if (type === 'static') valid += optNull(ledgerAccountId) + optNull(ledgerAccountCredit);
  else if (type === 'usage')
    valid += optStr(billingRunId) + optStr(ledgerAccountId) + optNumber(ledgerAccountCredit);
  else return undefined;
  if (valid !== 0) return undefined;
  const out: Output = { id: input.id, createdAt: input.createdAt };
  if (input.updatedAt !== undefined) out.updatedAt = input.updatedAt;
  out.livemode = input.livemode;
  out.invoiceId = input.invoiceId;
  out.quantity = input.quantity;
  out.price = input.price;
  if (input.priceId !== undefined) out.priceId = input.priceId;
  if (input.description !== undefined) out.description = input.description;
  if (input.pricingModelId !== undefined) out.pricingModelId = input.pricingModelId;
  out.type = type;
  if (type === 'usage' && billingRunId !== undefined) out.billingRunId = billingRunId;
  if (ledgerAccountId !== undefined) out.ledgerAccountId = ledgerAccountId;
  if (ledgerAccountCredit !== undefined) out.ledgerAccountCredit = ledgerAccountCredit;
  return out as LineItemRecord;
}

/** `InvoiceWithLineItems`: what `GET /api/v1/invoices/{id}` and the create-era create answer. */
export function readInvoiceWithLineItems(value: unknown): InvoiceWithLineItems | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || hasUndefinedOrHiddenKey(input)) return undefined;
  const { autoSend } = input;
  if (autoSend !== undefined && typeof autoSend !== 'boolean') return undefined;
  const invoice = readInvoiceRecord(input.invoice);
  if (invoice === undefined) return undefined;
  const invoiceLineItems = fastRead.readList(input.invoiceLineItems, readLineItemRecord);
  if (invoiceLineItems === undefined) return undefined;
  const out: Output = { invoice, invoiceLineItems };
  if (autoSend !== undefined) out.autoSend = autoSend;
  return out as InvoiceWithLineItems;
}
