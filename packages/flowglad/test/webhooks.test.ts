/**
 * Flowglad webhooks: the fake sends Svix-signed `payment.succeeded` references when an invoice is paid;
 * parseWebhook verifies them and, through `resolve`, reaches the payment and its invoice.
 */
import {
  type BillingEvent,
  createNodeWebhookHandler,
  signStandardWebhook,
  standardWebhookKey,
  WebhookVerificationError,
} from '@billbridge/core';
import { type RunningFake, startFake, startWebhookSink, type WebhookSink } from '@billbridge/testing';
import Flowglad029 from 'flowglad-node-0-29';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlowgladClient, createFlowgladResolver, parseWebhook, verifyWebhook } from '../src/index';
import { type FlowgladFakeState, flowgladFake } from '../src/testing';
import { invoice, TEST_KEY } from './helpers';

const SECRET = `whsec_${Buffer.from('flowglad-endpoint-signing-key-01').toString('base64')}`;
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

async function setup(
  options: { resolve?: boolean; script?: Array<'duplicate' | 'bad_signature' | null> } = {},
) {
  const events: BillingEvent[] = [];
  let fakeUrl = '';
  const sink: WebhookSink = await startWebhookSink(
    createNodeWebhookHandler({
      parse: (body, headers) =>
        parseWebhook(body, headers, SECRET, {
          ...(options.resolve !== false && {
            resolve: createFlowgladResolver({ apiKey: TEST_KEY, baseUrl: fakeUrl, maxRetries: 0 }),
          }),
        }),
      onEvent: (event) => {
        events.push(event);
      },
    }),
  );
  const fake: RunningFake<FlowgladFakeState> = await startFake(flowgladFake, {
    seed: { apiKeys: [TEST_KEY] },
    webhooks: { url: sink.url, secret: SECRET, retryScale: 0.0001, faults: { script: options.script ?? [] } },
  });
  fakeUrl = fake.url;
  opened.push(sink, fake);
  const client = createFlowgladClient({ apiKey: TEST_KEY, baseUrl: fake.url, maxRetries: 0 });
  return { events, sink, fake, client };
}

describe('Flowglad fake → receiver', () => {
  it('sends nothing on create (no invoice events), and payment.succeeded when paid, resolved to its invoice', async () => {
    const { events, sink, fake, client } = await setup();
    const created = await client.create(invoice({ number: 'WH-1' }));
    await fake.webhooks!.idle();
    expect(sink.received).toHaveLength(0);

    const paid = await fetch(`${fake.url}/__billbridge/invoices/${created.value.id}/paid`, {
      method: 'POST',
    });
    expect(await paid.json()).toEqual({ messages: ['payment.succeeded'] });
    await fake.webhooks!.idle();

    const body = JSON.parse(sink.received[0]!.body);
    expect(Object.keys(body).sort()).toEqual(['customer', 'id', 'object', 'pricingModelId']);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event).toMatchObject({
      type: 'payment.succeeded',
      provider: 'flowglad',
      paymentId: body.id,
      invoiceId: created.value.id,
      livemode: false,
    });
    expect(event.id).toBe(sink.received[0]!.headers['svix-id']);
    expect(event.invoice).toMatchObject({
      id: created.value.id,
      number: 'WH-1',
      status: 'paid',
      currency: 'USD',
    });
    expect(event.invoice!.lines.map((l) => l.unitAmount)).toEqual([1999, 5000]);
  });

  it('serves the payment the way @flowglad/node 0.29.0 reads it', async () => {
    const { fake, client } = await setup();
    const created = await client.create(invoice({ number: 'WH-2' }));
    fake.webhooks!.markPaid(created.value.id!);
    await fake.webhooks!.idle();
    const sdk = new Flowglad029({ apiKey: TEST_KEY, baseURL: fake.url, maxRetries: 0 });
    const [paymentId] = [...(await import('../src/testing')).fakePayments(fake.state).keys()];
    const { payment } = await sdk.payments.retrieve(paymentId!);
    expect(payment).toMatchObject({
      invoiceId: created.value.id,
      status: 'succeeded',
      amount: 2 * 1999 + 5000,
    });
  });

  it('without resolve, an endpoint bound to payment.succeeded still gets a typed event with its reference', async () => {
    const { fake, client, sink } = await setup({ resolve: false });
    const created = await client.create(invoice({ number: 'WH-3' }));
    fake.webhooks!.markPaid(created.value.id!);
    await fake.webhooks!.idle();
    const d = sink.received[0]!;
    const [bound] = await parseWebhook(d.body, d.headers, SECRET, { eventType: 'payment.succeeded' });
    expect(bound).toMatchObject({ type: 'payment.succeeded', paymentId: JSON.parse(d.body).id });
    expect(bound!.invoice).toBeUndefined();
    const [unbound] = await parseWebhook(d.body, d.headers, SECRET);
    expect(unbound).toMatchObject({ type: 'other', providerType: 'payment' });
  });

  it('processes a redelivered message once, and a bad first signature is retried', async () => {
    const { events, fake, client } = await setup({ script: ['duplicate', 'bad_signature'] });
    const a = await client.create(invoice({ number: 'WH-4' }));
    const b = await client.create(invoice({ number: 'WH-5' }));
    fake.webhooks!.markPaid(a.value.id!);
    fake.webhooks!.markPaid(b.value.id!);
    await fake.webhooks!.idle();
    const byMessage = new Map<string, Array<number | undefined>>();
    for (const x of fake.webhooks!.attempts)
      byMessage.set(x.messageId, [...(byMessage.get(x.messageId) ?? []), x.status]);
    // Deliveries run concurrently: compare per message, not in global order.
    expect([...byMessage.values()]).toEqual([
      [200, 200],
      [401, 200],
    ]);
    expect(events.map((e) => e.invoiceId).sort()).toEqual([a.value.id, b.value.id].sort());
  });
});

describe('Flowglad verification', () => {
  const body =
    '{"id":"pay_1","object":"payment","customer":{"id":"cust_1","externalId":"u1"},"pricingModelId":"pm_1"}';
  const key = standardWebhookKey('flowglad', SECRET, 'whsec');
  const signed = (ts: number, text = body) => ({
    'svix-id': 'msg_1',
    'svix-timestamp': String(ts),
    'svix-signature': signStandardWebhook(key, 'msg_1', ts, text),
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses tampered, wrong-secret, stale and too-future deliveries with typed reasons', () => {
    const other = `whsec_${Buffer.from('another-endpoint-key-000000000').toString('base64')}`;
    const cases: Array<[() => unknown, string]> = [
      [() => verifyWebhook(body.replace('pay_1', 'pay_2'), signed(now()), SECRET), 'bad_signature'],
      [() => verifyWebhook(body, signed(now()), other), 'bad_signature'],
      [() => verifyWebhook(body, signed(now() - 301), SECRET), 'stale_timestamp'],
      [() => verifyWebhook(body, signed(now() + 61), SECRET), 'future_timestamp'],
      [() => verifyWebhook(body, signed(now()), 'not-a-whsec-secret'), 'bad_secret'],
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
      expect((caught as Error).message).not.toContain(SECRET.slice(6));
    }
    expect(verifyWebhook(body, signed(now() + 59), SECRET).id).toBe('msg_1');
  });

  it('does not accept Whop-style webhook-* headers for Flowglad', () => {
    const h = signed(now());
    const renamed = {
      'webhook-id': h['svix-id'],
      'webhook-timestamp': h['svix-timestamp'],
      'webhook-signature': h['svix-signature'],
    };
    expect(() => verifyWebhook(body, renamed, SECRET)).toThrow(/no svix-id header/);
  });
});
