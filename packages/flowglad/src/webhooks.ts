/**
 * Flowglad webhooks (WEBHOOKS.md): Svix signs them (`svix-id`/`-timestamp`/`-signature`, key = the
 * base64 part of `whsec_…`, 300 s past and 60 s future as `@flowglad/server`'s `verifyWebhook`), and the
 * body is only `{ id, object, customer, pricingModelId }`: no event type, time or livemode. There are no
 * invoice events; a payment reaches its invoice through `resolve` (payment → invoiceId → invoice).
 */
import {
  type BillingEvent,
  type BillingEventType,
  parseWebhookJson,
  type RawBody,
  standardWebhookKey,
  type ToleranceOptions,
  verifyStandardWebhook,
  type WebhookHeaders,
  WebhookPayloadError,
} from '@billbridge/core';
import type { FlowgladWebhookResolver } from './webhook-resolve';

/** The subscribable types (docs: customer.*, purchase.completed, payment.*, subscription.*). */
export const FLOWGLAD_WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'purchase.completed',
  'payment.failed',
  'payment.succeeded',
  'subscription.created',
  'subscription.updated',
  'subscription.canceled',
] as const;
export type FlowgladWebhookEventType = (typeof FLOWGLAD_WEBHOOK_EVENT_TYPES)[number];

export interface FlowgladWebhookOptions extends ToleranceOptions {
  /**
   * The event type this endpoint is subscribed to. The body does not say; subscribe one endpoint per
   * type and pass it here, or pass `resolve` and the payment's status decides.
   */
  eventType?: FlowgladWebhookEventType;
  /** Reads the payment and its invoice (`createFlowgladResolver({ apiKey, baseUrl })`). */
  resolve?: FlowgladWebhookResolver;
}

export interface FlowgladVerifiedWebhook {
  id: string;
  timestamp: number;
  payload: Record<string, unknown>;
}

/** @flowglad/server: DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300, MAX_FUTURE_TIMESTAMP_OFFSET_SECONDS = 60. */
const FLOWGLAD_TOLERANCE = { toleranceSeconds: 300, futureToleranceSeconds: 60 };

export function verifyWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: FlowgladWebhookOptions = {},
): FlowgladVerifiedWebhook {
  const key = standardWebhookKey('flowglad', secret, 'whsec');
  const verified = verifyStandardWebhook('flowglad', rawBody, headers, {
    ...FLOWGLAD_TOLERANCE,
    ...options,
    prefix: 'svix',
    key,
  });
  return {
    id: verified.id,
    timestamp: verified.timestamp,
    payload: parseWebhookJson('flowglad', verified.body),
  };
}

function typeOfPaymentStatus(status: string): BillingEventType {
  if (status === 'succeeded') return 'payment.succeeded';
  // Flowglad fires payment.failed when the PaymentIntent is canceled (provider code).
  if (status === 'failed' || status === 'canceled') return 'payment.failed';
  if (status === 'processing' || status.startsWith('requires_')) return 'payment.pending';
  return 'other';
}

export async function parseWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: FlowgladWebhookOptions = {},
): Promise<BillingEvent[]> {
  const { id, payload } = verifyWebhook(rawBody, headers, secret, options);
  if (typeof payload.id !== 'string' || typeof payload.object !== 'string') {
    throw new WebhookPayloadError(
      'flowglad',
      'id',
      'expected { id, object } (the Flowglad payload)',
      payload,
    );
  }
  const given = options.eventType;
  const event: BillingEvent = {
    type: given === 'payment.succeeded' || given === 'payment.failed' ? given : 'other',
    providerType: given ?? payload.object,
    provider: 'flowglad',
    id,
    warnings: [],
    raw: payload,
  };
  if (payload.object !== 'payment') return [event];
  event.paymentId = payload.id;
  if (!options.resolve) return [event];

  const payment = await options.resolve.payment(payload.id);
  if (!given) event.type = typeOfPaymentStatus(payment.status);
  if (typeof payment.livemode === 'boolean') event.livemode = payment.livemode;
  if (typeof payment.chargeDate === 'number') event.occurredAt = new Date(payment.chargeDate).toISOString();
  if (typeof payment.invoiceId === 'string' && payment.invoiceId !== '') {
    event.invoiceId = payment.invoiceId;
    const invoice = await options.resolve.invoice(payment.invoiceId);
    event.invoice = invoice.value;
    event.warnings = invoice.warnings;
  }
  return [event];
}
