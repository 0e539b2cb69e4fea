/**
 * @billbridge/paid: Paid (paid.ai) orders for billbridge. Paid creates orders; a canonical Invoice is
 * sent as the Order core's invoiceToOrder makes of it.
 */
import type { ProviderAdapter } from '@billbridge/core';
import { capabilities } from './capabilities';
import { fromProvider } from './from-provider';
import type { PaidOptions } from './options';
import { toCreateRequest } from './to-provider';
import type { PaidCreateOrderRequest } from './wire';

export const paid: ProviderAdapter<PaidCreateOrderRequest, PaidOptions> = {
  provider: 'paid',
  specificationVersion: 'v1',
  capabilities,
  toCreateRequest,
  fromProvider,
};

export { PAID_AMOUNTS } from './amounts';
export type { FindCandidatesOptions, PaidCandidate, PaidCandidates } from './candidates';
export { capabilities } from './capabilities';
export {
  createPaidClient,
  type JoinedField,
  type PaidClient,
  type PaidClientConfig,
  type PaidCreateOptions,
  type PaidListParams,
  type PaidReadOptions,
  type PaidResult,
} from './client';
export { mapPaidError } from './errors';
export { fromProvider } from './from-provider';
export {
  type CustomerIdResolver,
  DEFAULT_BASE_URL,
  type PaidOptions,
  type ProductIdResolver,
  TOTAL_AMOUNT_COVERS,
  type TotalAmountCovers,
} from './options';
export type { PaidProviderOptions } from './provider-options';
export type { SentOrder } from './sent-orders';
export { toCreateRequest } from './to-provider';
export { fromPaidInvoice, type PaidApiInvoice } from './webhook-invoice';
export {
  formatPaidSignature,
  PAID_SIGNATURE_GRAMMAR,
  PAID_SIGNATURE_HEADER,
  type PaidSignatureGrammar,
  parsePaidSignature,
} from './webhook-signature';
export { type PaidVerifiedWebhook, type PaidWebhookOptions, parseWebhook, verifyWebhook } from './webhooks';
export {
  PaidCreateOrderRequest,
  PaidErrorResponse,
  PaidOrder,
  PaidOrderLine,
  PaidOrderLinesResponse,
  PaidOrderListResponse,
  PaidOrderRecord,
} from './wire';
