/**
 * @billbridge/whop — Whop invoices (REST API, Api-Version-Date 2026-07-20) for billbridge.
 */
import type { ProviderAdapter } from '@billbridge/core';
import { whopCapabilities } from './capabilities';
import { fromWhop } from './from-provider';
import type { WhopMappingOptions } from './options';
import { toWhopCreateRequest } from './to-provider';
import type { WhopInvoiceCreateRequest } from './wire';

export const whop: ProviderAdapter<WhopInvoiceCreateRequest, WhopMappingOptions> = {
  provider: 'whop',
  specificationVersion: 'v1',
  capabilities: whopCapabilities,
  toCreateRequest: toWhopCreateRequest,
  fromProvider: fromWhop,
};

export { WHOP_AMOUNTS } from './amounts';
export { whopCapabilities } from './capabilities';
export {
  createWhopClient,
  type WhopCallOptions,
  type WhopClient,
  type WhopClientConfig,
  type WhopListParams,
  type WhopResult,
  whopIdempotencyKey,
} from './client';
export { mapWhopError, readWhopError, WhopPlanPriceError, WhopUnsupportedCurrencyError } from './errors';
export { fromWhop, fromWhopCreateRequest, fromWhopInvoice, mergeCreated } from './from-provider';
export {
  UNCONFIRMED_READINGS,
  WHOP_API_VERSION,
  WHOP_BASE_URL,
  type WhopMappingOptions,
  WhopProviderOptions,
} from './options';
export { toWhopCreateRequest } from './to-provider';
export {
  parseWebhook,
  verifyWebhook,
  type WhopVerifiedWebhook,
  type WhopWebhookOptions,
} from './webhooks';
export type {
  WhopInvoice,
  WhopInvoiceCreateRequest,
  WhopInvoiceListResponse,
  WhopInvoiceStatus,
} from './wire';
