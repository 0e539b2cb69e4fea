/**
 * The ChargeOver fake's webhooks (WEBHOOKS.md): `{ context_str, context_id, event, data: { <context>: … },
 * security_token }` with the shared token also in `X-ChargeOver-Key` and the instance in
 * `X-ChargeOver-Source`. A create sends `invoice`/`insert`; marking paid sends `transaction`/`insert`
 * (gateway_status 1) and `invoice`/`status` (closed-paid). Anything but 200 is retried; ChargeOver
 * publishes no schedule, so the fake retries three times, 1, 5 and 15 minutes apart (CW9, assumed).
 */
import { randomUUID } from 'node:crypto';
import { instantToNaive } from '@billbridge/core';
import type { FakeWebhookMessage, FakeWebhooks } from '@billbridge/testing';
import type { ChargeOverFakeState } from './fake';

export const CHARGEOVER_WEBHOOK_RETRY_DELAYS_MS = [60_000, 300_000, 900_000] as const;
export const CHARGEOVER_FAKE_SOURCE = 'fake.chargeover.test';

type Row = Record<string, unknown>;

function message(context: string, id: unknown, event: string, data: Row): FakeWebhookMessage {
  return {
    id: randomUUID(),
    type: `${context}.${event}`,
    payload: { context_str: context, context_id: id, event, data },
  };
}

export const chargeoverFakeWebhooks: FakeWebhooks<ChargeOverFakeState> = {
  retryDelaysMs: CHARGEOVER_WEBHOOK_RETRY_DELAYS_MS,
  // "DO return a 200 OK … a non-200 OK header if you … need ChargeOver to retry"
  delivered: (status) => status === 200,
  signatureHeader: 'x-chargeover-key',
  onCreate(answer, state) {
    const id = (answer.body as { response?: { id?: number } }).response?.id;
    const record = id === undefined ? undefined : state.byId.get(id);
    if (!record) return [];
    return [message('invoice', id, 'insert', { invoice: { ...record } })];
  },
  markPaid(id, state) {
    const record = state.byId.get(Number(id));
    if (!record) return undefined;
    const nowMs = state.now();
    const naive = instantToNaive(new Date(nowMs).toISOString(), state.timeZone);
    const total = record.total as number;
    Object.assign(record, {
      invoice_status_name: 'Paid',
      invoice_status_str: 'closed-paid',
      invoice_status_state: 'c',
      is_paid: true,
      payments: total,
      applied: total,
      balance: 0,
      paid_date: naive.slice(0, 10),
      mod_datetime: naive,
    });
    const transactionId = 9000 + Number(id);
    const transaction = {
      transaction_id: transactionId,
      customer_id: record.customer_id,
      gateway_status: 1,
      gateway_msg: 'Approved',
      transaction_type: 'pay',
      amount: total,
      transaction_datetime: naive,
      applied_to: [{ invoice_id: record.invoice_id, applied: total }],
    };
    return [
      message('transaction', transactionId, 'insert', { transaction }),
      message('invoice', record.invoice_id, 'status', { invoice: { ...record } }),
    ];
  },
  encode(msg, secret) {
    return JSON.stringify({ ...(msg.payload as Row), security_token: secret });
  },
  sign({ secret }) {
    return {
      'content-type': 'application/json',
      'x-chargeover-key': secret,
      'x-chargeover-source': CHARGEOVER_FAKE_SOURCE,
    };
  },
};
