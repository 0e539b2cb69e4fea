/**
 * Paid webhooks (WEBHOOKS.md): `{ event, timestamp, isTest, data: { invoice | payment | … } }`, signed in
 * `x-webhook-signature` (t in ms, s = base64 HMAC-SHA256 over `${t}.${rawBody}`, one org-wide secret
 * used as its UTF-8 bytes), older than five minutes refused. No delivery id: the docs say to deduplicate
 * on business identifiers, so the id is `${event}:${data.<key>.id}`.
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
  requireSecret,
  type ToleranceOptions,
  type WebhookHeaders,
  WebhookPayloadError,
  WebhookVerificationError,
} from '@billbridge/core';
import { fromPaidInvoice } from './webhook-invoice';
import {
  PAID_SIGNATURE_GRAMMAR,
  PAID_SIGNATURE_HEADER,
  type PaidSignatureGrammar,
  parsePaidSignature,
} from './webhook-signature';

export interface PaidWebhookOptions extends ToleranceOptions {
  /** The header grammar reading (default `PAID_SIGNATURE_GRAMMAR`, `comma`). */
  signatureGrammar?: PaidSignatureGrammar;
}

export interface PaidVerifiedWebhook {
  timestamp: number;
  payload: Record<string, unknown>;
}

const TYPES: Record<string, BillingEventType> = {
  'billing-invoice-created': 'invoice.created',
  'billing-invoice-paid': 'invoice.paid',
  'billing-payment-succeeded': 'payment.succeeded',
  'billing-payment-failed': 'payment.failed',
};

export function verifyWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: PaidWebhookOptions = {},
): PaidVerifiedWebhook {
  const body = rawBodyBytes(rawBody, 'paid');
  requireSecret('paid', secret, 'the webhook signing secret');
  const header = normalizeHeaders(headers)[PAID_SIGNATURE_HEADER];
  if (!header)
    throw new WebhookVerificationError('paid', 'missing_header', `no ${PAID_SIGNATURE_HEADER} header`);
  const { t, signatures } = parsePaidSignature(header, options.signatureGrammar ?? PAID_SIGNATURE_GRAMMAR);
  checkTimestamp('paid', t, options);
  const expected = hmacSha256(secret, `${t}.`, body);
  const match = signatures.some((s) => {
    const received = decodeBase64(s);
    return received !== undefined && constantTimeEqual(received, expected);
  });
  if (!match) {
    throw new WebhookVerificationError(
      'paid',
      'bad_signature',
      `the ${PAID_SIGNATURE_HEADER} signature does not match the body (wrong secret, or the body was changed; verify the raw bytes)`,
    );
  }
  return { timestamp: t, payload: parseWebhookJson('paid', body) };
}

export async function parseWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: PaidWebhookOptions = {},
): Promise<BillingEvent[]> {
  const { payload } = verifyWebhook(rawBody, headers, secret, options);
  const name = payload.event;
  const data = payload.data as Record<string, Record<string, unknown> | undefined> | undefined;
  if (typeof name !== 'string' || !data || typeof data !== 'object') {
    throw new WebhookPayloadError('paid', 'event', 'expected { event, timestamp, isTest, data }', payload);
  }
  // The primary payload key is the noun of the event name (billing-invoice-… → invoice).
  const key = name.split('-')[1] ?? '';
  const subject = data[key];
  const subjectId = typeof subject?.id === 'string' ? subject.id : undefined;
  if (!subjectId) {
    throw new WebhookPayloadError('paid', `data.${key}.id`, 'missing: nothing to deduplicate on', payload);
  }
  const event: BillingEvent = {
    type: TYPES[name] ?? 'other',
    providerType: name,
    provider: 'paid',
    id: `${name}:${subjectId}`,
    warnings: [],
    raw: payload,
  };
  if (typeof payload.timestamp === 'string') event.occurredAt = payload.timestamp;
  if (typeof payload.isTest === 'boolean') event.livemode = !payload.isTest;
  if (key === 'invoice') {
    event.invoiceId = subjectId;
    const mapped = fromPaidInvoice(subject);
    event.invoice = mapped.value;
    event.warnings = mapped.warnings;
  } else if (key === 'payment') {
    event.paymentId = subjectId;
    if (typeof subject?.invoiceId === 'string') event.invoiceId = subject.invoiceId;
  }
  return [event];
}
