export {
  constantTimeEqual,
  decodeBase64,
  hmacSha256,
  type RawBody,
  rawBodyBytes,
  requireSecret,
} from './crypto';
export { WebhookPayloadError, WebhookVerificationError, type WebhookVerificationReason } from './errors';
export {
  BILLING_EVENT_TYPES,
  type BillingEvent,
  type BillingEventType,
  isBillingEventType,
  normalizeHeaders,
  type WebhookHeaders,
} from './event';
export { type IdempotencyStore, type MemoryIdempotencyOptions, memoryIdempotencyStore } from './idempotency';
export { parseWebhookJson } from './json';
export {
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  createWebhookReceiver,
  type NodeRequest,
  type WebhookOutcome,
  type WebhookReceiverOptions,
} from './receiver';
export {
  type StandardHeaderPrefix,
  type StandardKeyEncoding,
  type StandardVerified,
  type StandardVerifyOptions,
  signStandardWebhook,
  standardWebhookKey,
  verifyStandardWebhook,
} from './standard-webhooks';
export { checkTimestamp, DEFAULT_TOLERANCE_SECONDS, type ToleranceOptions } from './timestamp';
