import type { Invoice } from '../model/invoice';
import type { ProviderName } from '../spec/capabilities';
import type { MappingWarning } from '../spec/mapping-warning';

/**
 * Every canonical event type, defined once. Providers name the same moments differently (Whop
 * `invoice.paid`, Pelcro `invoice.payment_succeeded`, Paid `billing-invoice-paid`, ChargeOver
 * `invoice`/`status` with `is_paid`); each provider's `webhooks.ts` maps its names onto these.
 * `other` is an event the provider sends that billbridge does not normalise (customers, refunds, …);
 * its own name stays in `providerType`.
 */
export const BILLING_EVENT_TYPES = [
  'invoice.created',
  'invoice.updated',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.payment_action_required',
  'invoice.past_due',
  'invoice.upcoming',
  'invoice.voided',
  'invoice.uncollectible',
  'payment.created',
  'payment.pending',
  'payment.succeeded',
  'payment.failed',
  'payment.applied',
  'other',
] as const;

export type BillingEventType = (typeof BILLING_EVENT_TYPES)[number];

export function isBillingEventType(value: unknown): value is BillingEventType {
  return typeof value === 'string' && (BILLING_EVENT_TYPES as readonly string[]).includes(value);
}

/** One normalised webhook event, whatever provider sent it. */
export interface BillingEvent {
  type: BillingEventType;
  /** The provider's own name for the event (`invoice.paid`, `billing-invoice-paid`, `invoice.status`, …). */
  providerType: string;
  provider: ProviderName;
  /**
   * Deduplication key: the same for every redelivery of one event. The provider's delivery id where it
   * sends one (Whop `webhook-id`, Flowglad `svix-id`, Pelcro `evt_…`), else derived from the payload's
   * business identifiers (Paid, ChargeOver), as each provider's CONTRACT says.
   */
  id: string;
  /** ISO 8601 instant the provider says the event happened (or was sent), when it says. */
  occurredAt?: string;
  /** Live or test, where the delivery says (Paid `isTest`); absent when the provider does not say. */
  livemode?: boolean;
  /** The canonical invoice, when the payload carries one (or `resolve` fetched it). */
  invoice?: Invoice;
  /** Warnings of mapping `invoice` (the adapter's `fromProvider` warnings). */
  warnings: MappingWarning[];
  /** The provider's invoice id this event concerns, when known. */
  invoiceId?: string;
  /** The provider's payment/charge/transaction id this event concerns, when known. */
  paymentId?: string;
  /** The parsed payload as received. */
  raw: unknown;
}

/** Header bag as received: node's `IncomingHttpHeaders`, a Fetch `Headers`, or a plain record. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

/** Lower-cased header names, repeated values joined with ", " (as node does). */
export function normalizeHeaders(headers: WebhookHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof (headers as { get?: unknown }).get === 'function' && 'forEach' in headers) {
    (headers as unknown as Headers).forEach((value, name) => {
      out[name.toLowerCase()] = value;
    });
    return out;
  }
  for (const [name, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
