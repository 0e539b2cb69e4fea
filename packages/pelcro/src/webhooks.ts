/**
 * Pelcro webhooks (WEBHOOKS.md): a Stripe-like envelope `{ type, id: "evt_…", created, triggered_from,
 * data: { object } }` with the invoice in `data.object` (Core API attribute names), signed in
 * `X-Pelcro-Hmac-SHA256` (reading in webhook-signature.ts). Deduplicated on the envelope `id`. No signed
 * timestamp exists; `toleranceSeconds` opts in to refusing envelopes whose `created` is too old.
 */
import {
  type BillingEvent,
  type BillingEventType,
  checkTimestamp,
  constantTimeEqual,
  decodeBase64,
  hmacSha256,
  normalizeHeaders,
  parseWebhookJson,
  type RawBody,
  rawBodyBytes,
  type ToleranceOptions,
  type WebhookHeaders,
  WebhookPayloadError,
  WebhookVerificationError,
} from '@billbridge/core';
import { fromProvider } from './from-provider';
import type { PelcroMappingOptions } from './options';
import {
  PELCRO_SIGNATURE_HEADER,
  PELCRO_SIGNATURE_READING,
  type PelcroSignatureReading,
  pelcroSigningKey,
} from './webhook-signature';

export interface PelcroWebhookOptions extends ToleranceOptions, Omit<PelcroMappingOptions, 'strict'> {
  signatureReading?: PelcroSignatureReading;
}

export interface PelcroVerifiedWebhook {
  payload: Record<string, unknown>;
}

/** Both documented names of "paid" map to one canonical type (the docs conflict, PeW2). */
const TYPES: Record<string, BillingEventType> = {
  'invoice.created': 'invoice.created',
  'invoice.updated': 'invoice.updated',
  'invoice.upcoming': 'invoice.upcoming',
  'invoice.payment_succeeded': 'invoice.paid',
  'invoice.paid': 'invoice.paid',
  'invoice.payment_failed': 'invoice.payment_failed',
  'invoice.payment_action_required': 'invoice.payment_action_required',
};

export function verifyWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: PelcroWebhookOptions = {},
): PelcroVerifiedWebhook {
  const body = rawBodyBytes(rawBody, 'pelcro');
  const key = pelcroSigningKey(secret, options.signatureReading ?? PELCRO_SIGNATURE_READING);
  const header = normalizeHeaders(headers)[PELCRO_SIGNATURE_HEADER];
  if (!header)
    throw new WebhookVerificationError('pelcro', 'missing_header', 'no X-Pelcro-Hmac-SHA256 header');
  const received = decodeBase64(header);
  if (!received) {
    throw new WebhookVerificationError('pelcro', 'malformed_header', 'X-Pelcro-Hmac-SHA256 is not base64');
  }
  if (!constantTimeEqual(received, hmacSha256(key, body))) {
    throw new WebhookVerificationError(
      'pelcro',
      'bad_signature',
      'X-Pelcro-Hmac-SHA256 does not match the body (wrong secret, or the body was changed; verify the raw bytes)',
    );
  }
  const payload = parseWebhookJson('pelcro', body);
  if (options.toleranceSeconds !== undefined) {
    if (typeof payload.created !== 'number') {
      throw new WebhookPayloadError('pelcro', 'created', 'expected Unix seconds to check the age against');
    }
    checkTimestamp('pelcro', payload.created * 1000, options);
  }
  return { payload };
}

export async function parseWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: PelcroWebhookOptions = {},
): Promise<BillingEvent[]> {
  const { payload } = verifyWebhook(rawBody, headers, secret, options);
  const providerType = payload.type;
  if (typeof providerType !== 'string' || typeof payload.id !== 'string') {
    throw new WebhookPayloadError(
      'pelcro',
      'type',
      'expected { type, id, created, data: { object } }',
      payload,
    );
  }
  // Older docs show `data` and `object` as one-element arrays (PeW3); both are read.
  const data = Array.isArray(payload.data) ? payload.data[0] : payload.data;
  const rawObject = (data as { object?: unknown } | undefined)?.object;
  const object = (Array.isArray(rawObject) ? rawObject[0] : rawObject) as Record<string, unknown> | undefined;
  const event: BillingEvent = {
    type: TYPES[providerType] ?? 'other',
    providerType,
    provider: 'pelcro',
    id: payload.id,
    warnings: [],
    raw: payload,
  };
  if (typeof payload.created === 'number') event.occurredAt = new Date(payload.created * 1000).toISOString();
  if (object?.object === 'invoice') {
    if (object.id !== undefined && object.id !== null) event.invoiceId = String(object.id);
    const {
      toleranceSeconds: _t,
      futureToleranceSeconds: _f,
      now: _n,
      signatureReading: _s,
      ...mapping
    } = options;
    const mapped = fromProvider(object, { ...mapping, strict: false });
    event.invoice = mapped.value;
    event.warnings = mapped.warnings;
    if (object.charge_id != null) event.paymentId = String(object.charge_id);
  }
  return [event];
}
