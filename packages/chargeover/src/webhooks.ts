/**
 * ChargeOver webhooks (WEBHOOKS.md): no signature and no timestamp, a shared token in `X-ChargeOver-Key`
 * and in the body's `security_token`, compared in constant time. Events are `context_str`/`event` pairs;
 * "paid" is `invoice`/`status` with `is_paid`. No event id: the key is the instance, the pair, the id and
 * the record's state (`invoice_status_str` or `mod_datetime`, else a hash of the payload). Answer exactly
 * 200 (receivers do).
 */
import { createHash } from 'node:crypto';
import {
  type BillingEvent,
  type BillingEventType,
  constantTimeEqual,
  normalizeHeaders,
  parseWebhookJson,
  type RawBody,
  rawBodyBytes,
  requireSecret,
  type WebhookHeaders,
  WebhookPayloadError,
  WebhookVerificationError,
} from '@billbridge/core';
import { fromProvider } from './from-provider';
import type { ChargeOverOptions } from './options';

export type ChargeOverWebhookOptions = Omit<ChargeOverOptions, 'strict'>;

export interface ChargeOverVerifiedWebhook {
  /** `X-ChargeOver-Source`: the instance that sent it. */
  source?: string;
  payload: Record<string, unknown>;
}

export function verifyWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  _options: ChargeOverWebhookOptions = {},
): ChargeOverVerifiedWebhook {
  const body = rawBodyBytes(rawBody, 'chargeover');
  requireSecret('chargeover', secret, 'the shared secret token');
  const bag = normalizeHeaders(headers);
  const headerToken = bag['x-chargeover-key'];
  const payload = parseWebhookJson('chargeover', body);
  const bodyToken = payload.security_token;
  if (headerToken === undefined && bodyToken === undefined) {
    throw new WebhookVerificationError(
      'chargeover',
      'missing_header',
      'no X-ChargeOver-Key header and no security_token in the body',
    );
  }
  // Both places carry the same token; every one present must match.
  for (const [where, token] of [
    ['X-ChargeOver-Key', headerToken],
    ['security_token', bodyToken],
  ] as const) {
    if (token === undefined) continue;
    if (typeof token !== 'string' || !constantTimeEqual(token, secret)) {
      throw new WebhookVerificationError(
        'chargeover',
        'bad_signature',
        `${where} does not match the shared secret token`,
      );
    }
  }
  const source = bag['x-chargeover-source'];
  return { ...(source !== undefined && { source }), payload };
}

function invoiceStatusType(invoice: Record<string, unknown>): BillingEventType {
  if (invoice.is_void === true) return 'invoice.voided';
  if (invoice.is_paid === true) return 'invoice.paid';
  if (invoice.is_overdue === true) return 'invoice.past_due';
  return 'invoice.updated';
}

function typeOf(
  context: string,
  name: string,
  data: Record<string, Record<string, unknown> | undefined>,
): BillingEventType {
  if (context === 'invoice') {
    if (name === 'insert') return 'invoice.created';
    if (name === 'update') return 'invoice.updated';
    if (name === 'status' && data.invoice) return invoiceStatusType(data.invoice);
  }
  if (context === 'transaction') {
    // "fires for failed payments too": gateway_status says which.
    if (name === 'insert')
      return gatewaySucceeded(data.transaction?.gateway_status) ? 'payment.succeeded' : 'payment.failed';
    if (name === 'apply') return 'payment.applied';
  }
  return 'other';
}

/**
 * ChargeOver's own code reads `gateway_status` as PHP's `(bool)`, and its payloads carry values as
 * strings: `"0"` and `""` are false there, as are 0, false and null.
 */
function gatewaySucceeded(status: unknown): boolean {
  if (typeof status === 'string') return status !== '' && status !== '0';
  return Boolean(status);
}

export async function parseWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: ChargeOverWebhookOptions = {},
): Promise<BillingEvent[]> {
  const { source, payload } = verifyWebhook(rawBody, headers, secret, options);
  const context = payload.context_str;
  const name = payload.event;
  const data = (payload.data ?? {}) as Record<string, Record<string, unknown> | undefined>;
  if (typeof context !== 'string' || typeof name !== 'string' || payload.context_id === undefined) {
    throw new WebhookPayloadError(
      'chargeover',
      'context_str',
      'expected { context_str, context_id, event, data }',
      {
        ...payload,
        security_token: undefined,
      },
    );
  }
  // The token is the secret: it never travels on in `raw`.
  const { security_token: _token, ...raw } = payload;
  const contextId = String(payload.context_id);
  const record = data[context];
  // ChargeOver sends no delivery id: the record's state tells one event from the next; without one, the
  // payload itself does (a redelivery carries the same payload, another event does not).
  const state = (record?.invoice_status_str ??
    record?.mod_datetime ??
    createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 16)) as string;
  const event: BillingEvent = {
    type: typeOf(context, name, data),
    providerType: `${context}.${name}`,
    provider: 'chargeover',
    id: [source ?? '', `${context}.${name}`, contextId, state].join(':'),
    warnings: [],
    raw,
  };
  if (context === 'invoice') {
    event.invoiceId = contextId;
    if (record) {
      const mapped = fromProvider(record, { ...options, strict: false });
      event.invoice = mapped.value;
      event.warnings = mapped.warnings;
    }
  } else if (context === 'transaction') {
    event.paymentId = contextId;
    const applied = record?.applied_to as Array<{ invoice_id?: unknown }> | undefined;
    if (applied?.length === 1 && applied[0]?.invoice_id !== undefined)
      event.invoiceId = String(applied[0].invoice_id);
  }
  return [event];
}
