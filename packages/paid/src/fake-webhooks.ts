/**
 * The Paid fake's webhooks (WEBHOOKS.md): an order create bills its invoice and sends
 * `billing-invoice-created`; marking it paid (invoice or order id) sends `billing-payment-succeeded` and
 * `billing-invoice-paid`. Envelope `{ event, timestamp, isTest, data }`, signed in `x-webhook-signature`.
 * Paid publishes no retry schedule, only that deliveries are retriable: the fake retries three times,
 * doubling from 30 s (an assumption, WEBHOOKS.md PW9).
 */
import { randomUUID } from 'node:crypto';
import { hmacSha256 } from '@billbridge/core';
import type { FakeWebhookMessage, FakeWebhooks } from '@billbridge/testing';
import type { PaidFakeState } from './fake';
import type { PaidApiInvoice } from './webhook-invoice';
import {
  formatPaidSignature,
  PAID_SIGNATURE_GRAMMAR,
  PAID_SIGNATURE_HEADER,
  type PaidSignatureGrammar,
} from './webhook-signature';
import type { PaidOrder } from './wire';

export const PAID_WEBHOOK_RETRY_DELAYS_MS = [30_000, 60_000, 120_000] as const;

const invoices = new WeakMap<PaidFakeState, Map<string, PaidApiInvoice>>();

/** Invoices the Paid fake billed, by id (the order fake itself knows nothing of them). */
export function fakePaidInvoices(state: PaidFakeState): Map<string, PaidApiInvoice> {
  let map = invoices.get(state);
  if (!map) {
    map = new Map();
    invoices.set(state, map);
  }
  return map;
}

function message(event: string, key: string, subject: unknown): FakeWebhookMessage {
  return {
    id: randomUUID(),
    type: event,
    payload: { event, timestamp: new Date().toISOString(), isTest: false, data: { [key]: subject } },
  };
}

function invoiceFor(order: PaidOrder, currency: string | undefined, number: number): PaidApiInvoice {
  const now = new Date().toISOString();
  return {
    id: `inv_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    displayNumber: `INV-${String(number).padStart(4, '0')}`,
    orderId: order.id,
    customerId: order.customerId,
    status: 'posted',
    paymentStatus: 'pending',
    source: 'order_based',
    startDate: order.startDate,
    endDate: order.endDate,
    issueDate: now,
    postedDate: now,
    dueDate: null,
    currency: (currency ?? 'USD').toUpperCase(),
    taxAmount: 0,
    taxRate: 0,
    taxStatus: 'not_applicable',
    invoiceTotalExcludingTax: order.totalAmount,
    invoiceTotal: order.totalAmount,
    amountDue: order.totalAmount,
    amountPaid: 0,
    amountRemaining: order.totalAmount,
    creditNotesTotal: 0,
    metadata: null,
    createdAt: now,
    updatedAt: now,
    taxExempt: false,
  };
}

export const paidFakeWebhooks: FakeWebhooks<PaidFakeState> = {
  retryDelaysMs: PAID_WEBHOOK_RETRY_DELAYS_MS,
  signatureHeader: PAID_SIGNATURE_HEADER,
  onCreate(answer, state) {
    const order = answer.body as PaidOrder;
    const currency = state.byId.get(order.id)?.request.currency;
    const store = fakePaidInvoices(state);
    const invoice = invoiceFor(order, currency, store.size + 1);
    store.set(invoice.id, invoice);
    return [message('billing-invoice-created', 'invoice', invoice)];
  },
  markPaid(id, state) {
    const store = fakePaidInvoices(state);
    const found = store.get(id) ?? [...store.values()].find((invoice) => invoice.orderId === id);
    if (!found) return undefined;
    const now = new Date().toISOString();
    const invoice: PaidApiInvoice = {
      ...found,
      paymentStatus: 'paid',
      amountPaid: found.invoiceTotal,
      amountDue: 0,
      amountRemaining: 0,
      updatedAt: now,
    };
    store.set(invoice.id, invoice);
    const payment = {
      id: `pay_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
      invoiceId: invoice.id,
      invoiceNumber: invoice.displayNumber,
      customerId: invoice.customerId,
      amount: invoice.invoiceTotal,
      currency: invoice.currency,
      status: 'posted',
      paymentDate: now,
      externalPaymentId: null,
    };
    return [
      message('billing-payment-succeeded', 'payment', payment),
      message('billing-invoice-paid', 'invoice', invoice),
    ];
  },
  sign({ body, secret, now, reading }) {
    const t = now.getTime();
    const s = hmacSha256(secret, `${t}.`, body).toString('base64');
    const grammar = (reading as PaidSignatureGrammar | undefined) ?? PAID_SIGNATURE_GRAMMAR;
    return {
      'content-type': 'application/json',
      [PAID_SIGNATURE_HEADER]: formatPaidSignature(t, s, grammar),
    };
  },
};
