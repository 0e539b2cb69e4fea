/**
 * ChargeOver webhooks: the fake posts `invoice`/`insert` on create and `transaction`/`insert` +
 * `invoice`/`status` when paid, with the shared token in `X-ChargeOver-Key` and `security_token`.
 * No signature and no timestamp exist, so there is no stale check to make: the token decides.
 */
import {
  type BillingEvent,
  createNodeWebhookHandler,
  type InvoiceInput,
  WebhookVerificationError,
} from '@billbridge/core';
import { type RunningFake, startFake, startWebhookSink } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createChargeOverClient, parseWebhook, verifyWebhook } from '../src/index';
import { type ChargeOverFakeState, chargeoverFake, DEFAULT_CURRENCY_IDS } from '../src/testing';

const publicKey = 'pubKey7f3c9a1e5b2d8f4a6c0e1b3d5f7a9c2e';
const privateKey = 'privKey2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b';
const TOKEN = 'Ma4hWVUNLx0O5zfmJSjQ3AgwpRdY7qu1';
const options = { currencyIds: DEFAULT_CURRENCY_IDS, timeZone: 'America/New_York' };
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

const invoice: InvoiceInput = {
  currency: 'USD',
  customer: { id: '1' },
  issuedAt: '2026-03-08T05:00:00.000Z',
  lines: [{ description: 'Consulting', quantity: 3, unitAmount: 2995, product: { id: '4' } }],
};

async function setup(
  respond?: (event: BillingEvent) => void,
  script: Array<'duplicate' | 'out_of_order' | null> = [],
) {
  const events: BillingEvent[] = [];
  const sink = await startWebhookSink(
    createNodeWebhookHandler({
      parse: (body, headers) => parseWebhook(body, headers, TOKEN, options),
      onEvent: (event) => {
        respond?.(event);
        events.push(event);
      },
    }),
  );
  const fake: RunningFake<ChargeOverFakeState> = await startFake(chargeoverFake, {
    seed: { apiKeys: [`${publicKey}:${privateKey}`] },
    webhooks: { url: sink.url, secret: TOKEN, retryScale: 0.0001, faults: { script } },
  });
  opened.push(sink, fake);
  const client = createChargeOverClient({
    publicKey,
    privateKey,
    baseUrl: fake.url,
    maxRetries: 0,
    ...options,
  });
  return { events, sink, fake, client };
}

describe('ChargeOver fake → receiver', () => {
  it('normalises invoice insert, then the payment and the status change to paid', async () => {
    const { events, sink, fake, client } = await setup();
    const created = await client.create(invoice);
    await fake.webhooks!.idle();
    const id = created.value.id!;
    expect((await fetch(`${fake.url}/__billbridge/invoices/${id}/paid`, { method: 'POST' })).status).toBe(
      200,
    );
    await fake.webhooks!.idle();

    expect(sink.received[0]!.headers['x-chargeover-key']).toBe(TOKEN);
    expect(events.map((e) => e.type).sort()).toEqual([
      'invoice.created',
      'invoice.paid',
      'payment.succeeded',
    ]);
    const insert = events.find((e) => e.type === 'invoice.created')!;
    expect(insert).toMatchObject({ provider: 'chargeover', providerType: 'invoice.insert', invoiceId: id });
    expect(insert.invoice).toMatchObject({ id, currency: 'USD', status: 'open' });
    expect(insert.invoice!.lines[0]).toMatchObject({ quantity: 3, unitAmount: 2995 });
    const status = events.find((e) => e.type === 'invoice.paid')!;
    expect(status.invoice).toMatchObject({ id, status: 'paid', providerStatus: 'closed-paid' });
    expect(events.find((e) => e.type === 'payment.succeeded')!.invoiceId).toBe(id);
    // The token is the secret: it is not kept in raw.
    expect(JSON.stringify(events.map((e) => e.raw))).not.toContain(TOKEN);
  });

  it('retries anything but exactly 200 (a 204 is not delivered) and processes the event once', async () => {
    const sink = await startWebhookSink((_req, res) => res.writeHead(204).end());
    const fake = await startFake(chargeoverFake, {
      seed: { apiKeys: [`${publicKey}:${privateKey}`] },
      webhooks: { url: sink.url, secret: TOKEN, retryScale: 0.0001 },
    });
    opened.push(sink, fake);
    const client = createChargeOverClient({
      publicKey,
      privateKey,
      baseUrl: fake.url,
      maxRetries: 0,
      ...options,
    });
    await client.create(invoice);
    await fake.webhooks!.idle();
    expect(fake.webhooks!.attempts.map((a) => a.status)).toEqual([204, 204, 204, 204]);
  });

  it('processes a redelivery once and takes out-of-order deliveries as they come', async () => {
    const { events, sink, fake, client } = await setup(undefined, ['duplicate', 'out_of_order']);
    const created = await client.create(invoice);
    await fake.webhooks!.idle();
    fake.webhooks!.markPaid(created.value.id!);
    await fake.webhooks!.idle();
    expect(sink.received).toHaveLength(4);
    expect(events).toHaveLength(3);
    // The transaction was held back: the status change arrived before it.
    const order = events.map((e) => e.providerType);
    expect(order.indexOf('invoice.status')).toBeLessThan(order.indexOf('transaction.insert'));
  });
});

describe('ChargeOver verification', () => {
  const body = (token: string) =>
    JSON.stringify({
      context_str: 'invoice',
      context_id: 98165,
      event: 'status',
      data: { invoice: { invoice_id: 98165 } },
      security_token: token,
    });

  it('refuses a wrong token in the header or in the body, and a delivery without either', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => verifyWebhook(body(TOKEN), { 'x-chargeover-key': 'wrong-token-0000' }, TOKEN), 'bad_signature'],
      [() => verifyWebhook(body('tampered-token-00'), { 'x-chargeover-key': TOKEN }, TOKEN), 'bad_signature'],
      [() => verifyWebhook(JSON.stringify({ context_str: 'invoice' }), {}, TOKEN), 'missing_header'],
    ];
    for (const [run, reason] of cases) {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(WebhookVerificationError.isInstance(caught)).toBe(true);
      expect((caught as WebhookVerificationError).reason).toBe(reason);
      expect((caught as Error).message).not.toContain(TOKEN);
    }
  });

  it('maps a failed transaction to payment.failed', async () => {
    const raw = JSON.stringify({
      context_str: 'transaction',
      context_id: 77,
      event: 'insert',
      data: { transaction: { transaction_id: 77, gateway_status: 0, applied_to: [{ invoice_id: 5 }] } },
      security_token: TOKEN,
    });
    const [event] = await parseWebhook(raw, { 'x-chargeover-key': TOKEN }, TOKEN, options);
    expect(event).toMatchObject({ type: 'payment.failed', paymentId: '77', invoiceId: '5' });
  });

  it.each([
    ['"0"', '0', 'payment.failed'],
    ['""', '', 'payment.failed'],
    ['"1"', '1', 'payment.succeeded'],
  ])('reads gateway_status %s as PHP does', async (_, status, type) => {
    const raw = JSON.stringify({
      context_str: 'transaction',
      context_id: 78,
      event: 'insert',
      data: { transaction: { transaction_id: 78, gateway_status: status, applied_to: [{ invoice_id: 5 }] } },
      security_token: TOKEN,
    });
    const [event] = await parseWebhook(raw, { 'x-chargeover-key': TOKEN }, TOKEN, options);
    expect(event?.type).toBe(type);
  });

  it('tells events of one record apart without a state, and a redelivery from a new event', async () => {
    const delivery = (status: number) =>
      JSON.stringify({
        context_str: 'transaction',
        context_id: 79,
        event: 'insert',
        data: {
          transaction: { transaction_id: 79, gateway_status: status, applied_to: [{ invoice_id: 5 }] },
        },
        security_token: TOKEN,
      });
    const id = async (raw: string) =>
      (await parseWebhook(raw, { 'x-chargeover-key': TOKEN }, TOKEN, options))[0]?.id;
    expect(await id(delivery(1))).toBe(await id(delivery(1)));
    expect(await id(delivery(1))).not.toBe(await id(delivery(0)));
    expect(await id(delivery(1))).not.toContain(TOKEN);
  });
});
