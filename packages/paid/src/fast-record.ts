/**
 * Hand-written readers of Paid's order (wire.ts: PaidOrder, the create and get answer; PaidOrderLine;
 * PaidOrderRecord, what `fromProvider` reads) for the plainly valid case: each answers exactly what its zod
 * schema outputs, or undefined whenever unsure, and the caller then falls back to the schema, which owns
 * every error message.
 */
import { fastRead } from '@billbridge/core';
import {
  CREATION_STATE_SET,
  countPresent,
  jsonObject,
  list,
  need,
  num,
  ORDER_LINE_KEYS,
  orNull,
  readString,
  whole,
} from './fast-fields';
import { readPaidCreateOrderLine, readPaidFrequencyOverride } from './fast-request';
import type { PaidCreateOrderLine, PaidOrder, PaidOrderLine, PaidOrderRecord } from './wire';

const { asPlainObject, bool, nested, oneOf, parsed, readList, str } = fastRead;
type Input = fastRead.Input;
type Output = fastRead.Output;

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
