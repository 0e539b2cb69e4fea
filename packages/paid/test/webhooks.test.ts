/**
 * Paid webhooks: the fake bills each created order and sends `billing-invoice-created`, then
 * `billing-payment-succeeded` + `billing-invoice-paid` when paid, signed in `x-webhook-signature`. The
 * header grammar is unconfirmed: both readings are exercised, each against its own fake.
 */
import {
  type BillingEvent,
  createNodeWebhookHandler,
  hmacSha256,
  type OrderInput,
  WebhookVerificationError,
} from '@billbridge/core';
import { type RunningFake, startFake, startWebhookSink } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPaidClient,
  formatPaidSignature,
  type PaidSignatureGrammar,
  parseWebhook,
  verifyWebhook,
} from '../src/index';
import { type PaidFakeState, paidFake } from '../src/testing';

const KEY = 'pk_test_paid_webhooks_0001';
const SECRET = 'paid_whsk_7c1d2e3f4a5b6c7d8e9f';
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

const order: OrderInput = {
  externalId: 'ext-wh-1',
  name: 'Starter',
  currency: 'USD',
  customer: { id: 'cus_abc123' },
  startAt: '2026-01-05T00:00:00Z',
  lines: [
    {
      product: { id: 'prod-id' },
      name: 'Platform',
      charges: [
        { name: 'Fee', type: 'recurring', unitAmount: 9900, recurrence: { interval: 'month', count: 1 } },
      ],
    },
  ],
};

async function setup(grammar: PaidSignatureGrammar, script: Array<'duplicate' | null> = []) {
  const events: BillingEvent[] = [];
  const sink = await startWebhookSink(
    createNodeWebhookHandler({
      parse: (body, headers) => parseWebhook(body, headers, SECRET, { signatureGrammar: grammar }),
      onEvent: (event) => {
        events.push(event);
      },
    }),
  );
  const fake: RunningFake<PaidFakeState> = await startFake(paidFake, {
    seed: { apiKeys: [KEY] },
    webhooks: { url: sink.url, secret: SECRET, reading: grammar, retryScale: 0.001, faults: { script } },
  });
  opened.push(sink, fake);
  const client = createPaidClient({
    apiKey: KEY,
    baseUrl: `${fake.url}/api/v2`,
    currency: 'USD',
    maxRetries: 0,
  });
  return { events, sink, fake, client };
}

describe.each(['comma', 'semicolon'] as const)('Paid fake → receiver (header grammar: %s)', (grammar) => {
  it('normalises billing-invoice-created, then the payment and billing-invoice-paid', async () => {
    const { events, sink, fake, client } = await setup(grammar);
    const created = await client.create(order);
    await fake.webhooks!.idle();
    const orderId = (created.raw as { id: string }).id;
    const paid = await fetch(`${fake.url}/__billbridge/invoices/${orderId}/paid`, { method: 'POST' });
    expect(paid.status).toBe(200);
    await fake.webhooks!.idle();

    const separator = grammar === 'comma' ? ',' : ';';
    expect(sink.received[0]!.headers['x-webhook-signature']).toMatch(new RegExp(`^t=\\d{13}${separator}s=`));
    expect(events.map((e) => e.type).sort()).toEqual([
      'invoice.created',
      'invoice.paid',
      'payment.succeeded',
    ]);
    const createdEvent = events.find((e) => e.type === 'invoice.created')!;
    const total = (created.raw as { totalAmount: number }).totalAmount;
    expect(createdEvent).toMatchObject({
      provider: 'paid',
      livemode: true,
      providerType: 'billing-invoice-created',
    });
    expect(createdEvent.id).toBe(`billing-invoice-created:${createdEvent.invoiceId}`);
    expect(createdEvent.invoice).toMatchObject({
      currency: 'USD',
      status: 'open',
      total,
      customer: { id: 'cus_abc123' },
    });
    const paidEvent = events.find((e) => e.type === 'invoice.paid')!;
    expect(paidEvent.invoice).toMatchObject({ id: createdEvent.invoiceId, status: 'paid' });
    const payment = events.find((e) => e.type === 'payment.succeeded')!;
    expect(payment.invoiceId).toBe(createdEvent.invoiceId);
  });

  it('refuses the other grammar with a typed malformed_header error', async () => {
    const { sink, fake, client } = await setup(grammar);
    await client.create(order);
    await fake.webhooks!.idle();
    const d = sink.received[0]!;
    const other = grammar === 'comma' ? 'semicolon' : 'comma';
    expect(verifyWebhook(d.body, d.headers, SECRET, { signatureGrammar: grammar }).payload.event).toBe(
      'billing-invoice-created',
    );
    expect(() => verifyWebhook(d.body, d.headers, SECRET, { signatureGrammar: other })).toThrow(
      /malformed_header/,
    );
  });
});

describe('Paid verification', () => {
  const body =
    '{"event":"billing-payment-succeeded","timestamp":"2026-04-16T14:05:00.000Z","isTest":true,"data":{"payment":{"id":"pay_123","invoiceId":"inv_123","customerId":"cus_123"}}}';
  const sign = (t: number, secret = SECRET, text = body) => ({
    'x-webhook-signature': formatPaidSignature(
      t,
      hmacSha256(secret, `${t}.`, text).toString('base64'),
      'comma',
    ),
  });

  it('normalises the documented payment example (deduplicated on event + payment id)', async () => {
    const [event] = await parseWebhook(body, sign(Date.now()), SECRET);
    expect(event).toMatchObject({
      type: 'payment.succeeded',
      id: 'billing-payment-succeeded:pay_123',
      paymentId: 'pay_123',
      invoiceId: 'inv_123',
      livemode: false,
      occurredAt: '2026-04-16T14:05:00.000Z',
    });
  });

  it('refuses a tampered body, a wrong secret and a delivery older than five minutes', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => verifyWebhook(body.replace('pay_123', 'pay_999'), sign(Date.now()), SECRET), 'bad_signature'],
      [() => verifyWebhook(body, sign(Date.now(), 'another_secret_value'), SECRET), 'bad_signature'],
      [() => verifyWebhook(body, sign(Date.now() - 301_000), SECRET), 'stale_timestamp'],
      [() => verifyWebhook(body, {}, SECRET), 'missing_header'],
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
      expect((caught as Error).message).not.toContain(SECRET);
    }
  });

  it('keeps base64 padding in s and accepts a second s= during rotation', () => {
    const t = Date.now();
    const good = hmacSha256(SECRET, `${t}.`, body).toString('base64');
    expect(good.endsWith('=')).toBe(true);
    const header = `t=${t},s=${hmacSha256('old_secret_12345', `${t}.`, body).toString('base64')},s=${good}`;
    expect(verifyWebhook(body, { 'x-webhook-signature': header }, SECRET).timestamp).toBe(t);
  });

  it('processes a redelivered event once (no delivery id: the business identifiers decide)', async () => {
    const { events, sink, fake, client } = await setup('comma', ['duplicate']);
    await client.create(order);
    await fake.webhooks!.idle();
    expect(sink.received).toHaveLength(2);
    expect(sink.received[0]!.headers['x-webhook-signature']).not.toBe(undefined);
    expect(events).toHaveLength(1);
  });
});
