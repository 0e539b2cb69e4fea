/**
 * The Whop fake's webhooks (WEBHOOKS.md): Standard Webhooks envelope `{ id: "msg_…", api_version: "v1",
 * api_version_date, timestamp, type, data: <Invoice>, company_id }`, `webhook-id`/`-timestamp`/
 * `-signature` headers keyed with the secret's own bytes, retried after 10, 20 and 40 s.
 */
import { randomBytes } from 'node:crypto';
import { signStandardWebhook } from '@billbridge/core';
import type { FakeWebhookMessage, FakeWebhooks } from '@billbridge/testing';
import type { WhopFakeState } from './fake';
import { WHOP_API_VERSION } from './options';
import type { WhopInvoice } from './wire';

/** W-retry: "retries up to 3 times after 10 seconds, 20 seconds, and 40 seconds". */
export const WHOP_WEBHOOK_RETRY_DELAYS_MS = [10_000, 20_000, 40_000] as const;

function messageId(): string {
  return `msg_${randomBytes(12).toString('hex')}`;
}

export function whopWebhookMessage(
  type: string,
  invoice: WhopInvoice,
  now: Date,
  companyId: string | null,
): FakeWebhookMessage {
  const id = messageId();
  return {
    id,
    type,
    payload: {
      id,
      api_version: 'v1',
      api_version_date: WHOP_API_VERSION,
      timestamp: now.toISOString(),
      type,
      data: invoice,
      company_id: companyId,
    },
  };
}

function companyOf(state: WhopFakeState, invoiceId: string): string | null {
  return state.byId.get(invoiceId)?.request.company_id ?? null;
}

export const whopFakeWebhooks: FakeWebhooks<WhopFakeState> = {
  retryDelaysMs: WHOP_WEBHOOK_RETRY_DELAYS_MS,
  signatureHeader: 'webhook-signature',
  onCreate(answer, state) {
    const invoice = answer.body as WhopInvoice;
    return [whopWebhookMessage('invoice.created', invoice, state.now(), companyOf(state, invoice.id))];
  },
  markPaid(id, state) {
    const stored = state.byId.get(id);
    if (!stored) return undefined;
    stored.invoice = { ...stored.invoice, status: 'paid' };
    return [whopWebhookMessage('invoice.paid', stored.invoice, state.now(), companyOf(state, id))];
  },
  sign({ message, body, secret, now }) {
    const timestamp = Math.floor(now.getTime() / 1000);
    return {
      'content-type': 'application/json',
      'webhook-id': message.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(Buffer.from(secret, 'utf8'), message.id, timestamp, body),
    };
  },
};
