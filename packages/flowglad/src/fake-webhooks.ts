/**
 * The Flowglad fake's webhooks (WEBHOOKS.md): Flowglad sends no invoice events, so creating an invoice
 * sends nothing; marking it paid stores a payment and sends `payment.succeeded` with the thin body
 * `{ id, object: "payment", customer, pricingModelId }`, signed by Svix (`svix-*` headers, key = the
 * decoded `whsec_` secret) and retried on Svix's schedule. `GET /api/v1/payments/:id` serves the payment.
 */
import { randomBytes } from 'node:crypto';
import { signStandardWebhook, standardWebhookKey } from '@billbridge/core';
import type { FakeResponse, FakeWebhookMessage, FakeWebhooks } from '@billbridge/testing';
import { type FlowgladFakeState, flowgladId } from './fake-store';

/** Svix's documented schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const FLOWGLAD_WEBHOOK_RETRY_DELAYS_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
] as const;

/** `PaymentClientSelectSchema` of @flowglad/node 0.29.0, the fields the fake fills. */
export interface FakePaymentRecord {
  id: string;
  amount: number;
  applicationFee: null;
  billingPeriodId: string | null;
  chargeDate: number;
  createdAt: number;
  updatedAt: number;
  currency: string;
  customerId: string;
  description: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  invoiceId: string;
  livemode: boolean;
  organizationId: string;
  paymentMethod: 'card';
  paymentMethodId: string | null;
  pricingModelId: string;
  purchaseId: string | null;
  refunded: boolean;
  refundedAmount: number | null;
  status: 'succeeded' | 'failed';
  subscriptionId: string | null;
  subtotal: number | null;
  taxAmount: number | null;
  taxRatePercentage: string | null;
  taxState: string | null;
}

/** Payments live beside the fake's own state (the invoice fake knows nothing of them). */
const payments = new WeakMap<FlowgladFakeState, Map<string, FakePaymentRecord>>();

export function fakePayments(state: FlowgladFakeState): Map<string, FakePaymentRecord> {
  let map = payments.get(state);
  if (!map) {
    map = new Map();
    payments.set(state, map);
  }
  return map;
}

function svixMessageId(): string {
  return `msg_${randomBytes(14).toString('base64url')}`;
}

function paymentMessage(payment: FakePaymentRecord, type: string): FakeWebhookMessage {
  return {
    id: svixMessageId(),
    type,
    // The fake has no external customer ids; it sends the customer id in both places.
    payload: {
      id: payment.id,
      object: 'payment',
      customer: { id: payment.customerId, externalId: payment.customerId },
      pricingModelId: payment.pricingModelId,
    },
  };
}

function retrievePayment(id: string, state: FlowgladFakeState): FakeResponse {
  const payment = fakePayments(state).get(id);
  if (!payment) return { status: 404, body: { error: `Payment not found: ${id}`, code: 'NOT_FOUND' } };
  return { status: 200, body: { payment } };
}

export const flowgladFakeWebhooks: FakeWebhooks<FlowgladFakeState> = {
  retryDelaysMs: FLOWGLAD_WEBHOOK_RETRY_DELAYS_MS,
  signatureHeader: 'svix-signature',
  markPaid(id, state) {
    const stored = state.byId.get(id);
    if (!stored) return undefined;
    const now = state.now();
    const invoice = stored.invoice;
    const total = stored.invoiceLineItems.reduce((sum, line) => sum + line.price * line.quantity, 0);
    stored.invoice = { ...invoice, status: 'paid', updatedAt: now } as typeof invoice;
    const payment: FakePaymentRecord = {
      id: flowgladId('pay'),
      amount: total,
      applicationFee: null,
      billingPeriodId: invoice.billingPeriodId,
      chargeDate: now,
      createdAt: now,
      updatedAt: now,
      currency: invoice.currency,
      customerId: invoice.customerId,
      description: null,
      failureCode: null,
      failureMessage: null,
      invoiceId: invoice.id,
      livemode: invoice.livemode,
      organizationId: invoice.organizationId,
      paymentMethod: 'card',
      paymentMethodId: null,
      pricingModelId: invoice.pricingModelId,
      purchaseId: invoice.purchaseId,
      refunded: false,
      refundedAmount: null,
      status: 'succeeded',
      subscriptionId: invoice.subscriptionId,
      subtotal: total,
      taxAmount: null,
      taxRatePercentage: null,
      taxState: null,
    };
    fakePayments(state).set(payment.id, payment);
    return [paymentMessage(payment, 'payment.succeeded')];
  },
  sign({ message, body, secret, now }) {
    const timestamp = Math.floor(now.getTime() / 1000);
    const key = standardWebhookKey('flowglad', secret, 'whsec');
    return {
      'content-type': 'application/json',
      'svix-id': message.id,
      'svix-timestamp': String(timestamp),
      'svix-signature': signStandardWebhook(key, message.id, timestamp, body),
    };
  },
  routes: [
    {
      method: 'GET',
      path: '/api/v1/payments/:id',
      handle: (req, state) => retrievePayment(req.params.id ?? '', state),
    },
  ],
};
