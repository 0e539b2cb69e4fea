/**
 * Hand-written reader of `providerOptions.flowglad` (options.ts: FlowgladProviderOptions, a strict object):
 * for plainly valid options, exactly what the schema outputs; undefined whenever in doubt (a URL given in
 * pdfURL/receiptPdfURL included: zod's URL rule is left to zod).
 */
import { fastRead } from '@billbridge/core';
import { FLOWGLAD_STATUSES, INVOICE_TYPES } from './enums';
import type { FlowgladProviderOptions } from './options';

/** The keys FlowgladProviderOptions knows (a test compares them with the schema's shape). */
export const PROVIDER_OPTION_KEYS = [
  'type',
  'purchaseId',
  'subscriptionId',
  'billingPeriodId',
  'status',
  'bankPaymentOnly',
  'billingRunId',
  'ownerMembershipId',
  'pdfURL',
  'receiptPdfURL',
  'livemode',
] as const;

const KNOWN: ReadonlySet<string> = new Set(PROVIDER_OPTION_KEYS);
const TYPES: ReadonlySet<string> = new Set(INVOICE_TYPES);
const STATUSES: ReadonlySet<string> = new Set(FLOWGLAD_STATUSES);

/** `z.string().min(1).optional()`, counted as fastRead counts: 0 absent, 1 valid, NaN otherwise. */
function id(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && value.length >= 1 ? 1 : Number.NaN;
}

export function readProviderOptions(value: unknown): FlowgladProviderOptions | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  const { type, purchaseId, subscriptionId, billingPeriodId, status, bankPaymentOnly } = input;
  const { billingRunId, ownerMembershipId, pdfURL, receiptPdfURL, livemode } = input;
  // The URLs are left to zod: only their absence is read here.
  if (pdfURL !== undefined || receiptPdfURL !== undefined) return undefined;
  const used =
    fastRead.oneOf(type, TYPES) +
    id(purchaseId) +
    id(subscriptionId) +
    id(billingPeriodId) +
    fastRead.oneOf(status, STATUSES) +
    fastRead.bool(bankPaymentOnly) +
    id(billingRunId) +
    id(ownerMembershipId) +
    fastRead.bool(livemode);
  if (used !== fastRead.countKnownKeys(input, KNOWN)) return undefined;
  const out: FlowgladProviderOptions = {};
  if (type !== undefined) out.type = type as FlowgladProviderOptions['type'];
  if (purchaseId !== undefined) out.purchaseId = purchaseId as string;
  if (subscriptionId !== undefined) out.subscriptionId = subscriptionId as string;
  if (billingPeriodId !== undefined) out.billingPeriodId = billingPeriodId as string;
  if (status !== undefined) out.status = status as FlowgladProviderOptions['status'];
  if (bankPaymentOnly !== undefined) out.bankPaymentOnly = bankPaymentOnly as boolean;
  if (billingRunId !== undefined) out.billingRunId = billingRunId as string;
  if (ownerMembershipId !== undefined) out.ownerMembershipId = ownerMembershipId as string;
  if (livemode !== undefined) out.livemode = livemode as boolean;
  return out;
}
