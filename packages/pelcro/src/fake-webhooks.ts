/**
 * The Pelcro fake's webhooks (WEBHOOKS.md): `invoice.created` on create and `invoice.payment_succeeded`
 * when paid, in the documented envelope, signed in `X-Pelcro-Hmac-SHA256` under the chosen reading (or
 * the one `FakeWebhookOptions.reading` names). Pelcro retries "with exponential backoff" and publishes no
 * schedule: the fake retries four times from 1 minute, doubling (PeW9, assumed).
 */
import { randomBytes } from 'node:crypto';
import type { FakeWebhookMessage, FakeWebhooks } from '@billbridge/testing';
import type { PelcroFakeState } from './fake';
import {
  PELCRO_SIGNATURE_HEADER,
  PELCRO_SIGNATURE_READING,
  type PelcroSignatureReading,
  signPelcroBody,
} from './webhook-signature';

export const PELCRO_WEBHOOK_RETRY_DELAYS_MS = [60_000, 120_000, 240_000, 480_000] as const;

function eventMessage(type: string, invoice: Record<string, unknown>): FakeWebhookMessage {
  const id = `evt_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x').slice(0, 24)}`;
  return {
    id,
    type,
    payload: {
      type,
      id,
      created: Math.floor(Date.now() / 1000),
      triggered_from: 'open_api',
      data: { object: { object: 'invoice', ...invoice } },
    },
  };
}

function stored(state: PelcroFakeState, id: unknown): Record<string, unknown> | undefined {
  return state.invoices.find((invoice) => String(invoice.id) === String(id));
}

export const pelcroFakeWebhooks: FakeWebhooks<PelcroFakeState> = {
  retryDelaysMs: PELCRO_WEBHOOK_RETRY_DELAYS_MS,
  signatureHeader: PELCRO_SIGNATURE_HEADER,
  onCreate(answer, state) {
    const body = answer.body as { data?: { id?: unknown }; id?: unknown };
    const invoice = stored(state, body.data?.id ?? body.id);
    return invoice ? [eventMessage('invoice.created', { ...invoice })] : [];
  },
  markPaid(id, state) {
    const invoice = stored(state, id);
    if (!invoice) return undefined;
    const chargeId = 1_700_000 + Number(invoice.id);
    Object.assign(invoice, {
      status: 'paid',
      amount_paid: invoice.amount_due,
      amount_remaining: 0,
      charge_id: chargeId,
      charge: { id: chargeId, offline: true, payment_category: 'Wire', reference: 'billbridge-fake' },
    });
    return [eventMessage('invoice.payment_succeeded', { ...invoice })];
  },
  sign({ body, secret, reading }) {
    const chosen = (reading as PelcroSignatureReading | undefined) ?? PELCRO_SIGNATURE_READING;
    return {
      'content-type': 'application/json',
      [PELCRO_SIGNATURE_HEADER]: signPelcroBody(secret, body, chosen),
    };
  },
};
