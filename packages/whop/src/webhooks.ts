/**
 * Whop webhooks (WEBHOOKS.md): Standard Webhooks with `webhook-*` headers, HMAC key = the secret's own
 * UTF-8 bytes (Whop's docs pass `btoa(secret)` to a library that base64-decodes it), ±300 s, dedup on
 * `webhook-id`. The invoice sits in `data`, in the REST read shape of the pinned API version.
 */
import {
  type BillingEvent,
  type BillingEventType,
  type MappingWarning,
  parseWebhookJson,
  type RawBody,
  type StandardKeyEncoding,
  standardWebhookKey,
  type ToleranceOptions,
  verifyStandardWebhook,
  type WebhookHeaders,
  WebhookPayloadError,
} from '@billbridge/core';
import { fromWhop } from './from-provider';
import type { WhopMappingOptions } from './options';

/** Mapping options apply to the invoice an event carries; `strict` does not (the invoice exists already). */
export interface WhopWebhookOptions extends ToleranceOptions, Omit<WhopMappingOptions, 'strict'> {
  /**
   * How the secret becomes the key (default `raw`: the dashboard secret as given). `whsec` for a
   * `whsec_<base64>` secret. The one place this reading lives (WEBHOOKS.md WW4).
   */
  keyEncoding?: StandardKeyEncoding;
}

export interface WhopVerifiedWebhook {
  id: string;
  timestamp: number;
  payload: Record<string, unknown>;
}

const TYPES: Record<string, BillingEventType> = {
  'invoice.created': 'invoice.created',
  'invoice.paid': 'invoice.paid',
  'invoice.past_due': 'invoice.past_due',
  'invoice.voided': 'invoice.voided',
  'invoice.marked_uncollectible': 'invoice.uncollectible',
  'payment.created': 'payment.created',
  'payment.pending': 'payment.pending',
  'payment.succeeded': 'payment.succeeded',
  'payment.failed': 'payment.failed',
};

export function verifyWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: WhopWebhookOptions = {},
): WhopVerifiedWebhook {
  const key = standardWebhookKey('whop', secret, options.keyEncoding ?? 'raw');
  const verified = verifyStandardWebhook('whop', rawBody, headers, { ...options, prefix: 'webhook', key });
  return { id: verified.id, timestamp: verified.timestamp, payload: parseWebhookJson('whop', verified.body) };
}

export async function parseWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: WhopWebhookOptions = {},
): Promise<BillingEvent[]> {
  const { id, payload } = verifyWebhook(rawBody, headers, secret, options);
  const providerType = payload.type;
  if (typeof providerType !== 'string') {
    throw new WebhookPayloadError('whop', 'type', 'missing event type', payload);
  }
  const type = TYPES[providerType] ?? 'other';
  const data = payload.data as Record<string, unknown> | undefined;
  const event: BillingEvent = { type, providerType, provider: 'whop', id, warnings: [], raw: payload };
  if (typeof payload.timestamp === 'string') event.occurredAt = payload.timestamp;
  if (providerType.startsWith('invoice.') && data && typeof data === 'object') {
    const mapped = fromWhop(data, { ...options, strict: false });
    event.invoice = mapped.value;
    event.warnings = mapped.warnings as MappingWarning[];
    if (typeof data.id === 'string') event.invoiceId = data.id;
  } else if (providerType.startsWith('payment.') && data && typeof data.id === 'string') {
    event.paymentId = data.id;
  }
  return [event];
}
