/**
 * Whop webhooks end to end: the fake sends Standard Webhooks deliveries, our verifier and the official
 * SDK's `webhooks.unwrap` both accept them, forgeries and replays are refused, redeliveries run once.
 */
import {
  type BillingEvent,
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  signStandardWebhook,
  standardWebhookKey,
  WebhookVerificationError,
} from '@billbridge/core';
import { type RunningFake, startFake, startWebhookSink, type WebhookSink } from '@billbridge/testing';
import Whop from '@whop/sdk';
import type { InvoiceCreateParams } from '@whop/sdk/resources/invoices';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWebhook, verifyWebhook, WHOP_API_VERSION } from '../src/index';
import { type WhopFakeState, whopFake } from '../src/testing';
import cardExample from './fixtures/create-request.json';

const SECRET = 'ws_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

async function setup(webhookOptions: Record<string, unknown> = {}) {
  const events: BillingEvent[] = [];
  const sink: WebhookSink = await startWebhookSink(
    createNodeWebhookHandler({
      parse: (body, headers) => parseWebhook(body, headers, SECRET),
      onEvent: (event) => {
        events.push(event);
      },
    }),
  );
  const fake: RunningFake<WhopFakeState> = await startFake(whopFake, {
    webhooks: { url: sink.url, secret: SECRET, retryScale: 0.001, ...webhookOptions },
  });
  opened.push(sink, fake);
  const sdk = new Whop({
    apiKey: 'whop_sdk_test_key_5b7c',
    baseURL: `${fake.url}/api/v1`,
    version: WHOP_API_VERSION,
    maxRetries: 0,
    webhookKey: btoa(SECRET),
  });
  return { events, sink, fake, sdk };
}

async function createInvoice(sdk: Whop) {
  return sdk.invoices.create(cardExample as InvoiceCreateParams, { maxRetries: 0 });
}

describe('Whop fake → receiver', () => {
  it('delivers invoice.created on create and invoice.paid on the paid route, both normalised', async () => {
    const { events, sink, fake, sdk } = await setup();
    const created = await createInvoice(sdk);
    await fake.webhooks!.idle();
    const paid = await fetch(`${fake.url}/__billbridge/invoices/${created.id}/paid`, { method: 'POST' });
    expect(paid.status).toBe(200);
    await fake.webhooks!.idle();

    expect(events.map((e) => e.type)).toEqual(['invoice.created', 'invoice.paid']);
    const [first, second] = events as [BillingEvent, BillingEvent];
    expect(first).toMatchObject({ provider: 'whop', providerType: 'invoice.created', invoiceId: created.id });
    expect(first.id).toBe(sink.received[0]!.headers['webhook-id']);
    expect(first.invoice).toMatchObject({ id: created.id, currency: 'USD', status: 'open' });
    expect(first.invoice!.lines[0]!.unitAmount).toBe(1043);
    expect(second.invoice).toMatchObject({ id: created.id, status: 'paid' });
    expect(second.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(first.id).not.toBe(second.id);
  });

  it("is accepted by the official SDK's webhooks.unwrap with the documented btoa(secret) key", async () => {
    const { sink, fake, sdk } = await setup();
    const created = await createInvoice(sdk);
    await fake.webhooks!.idle();
    const delivery = sink.received[0]!;
    const unwrapped = sdk.webhooks.unwrap(delivery.body, { headers: delivery.headers });
    expect(unwrapped).toMatchObject({ type: 'invoice.created', data: { id: created.id }, api_version: 'v1' });
    // The SDK itself refuses the same delivery under another key, so the acceptance above means something.
    expect(() =>
      sdk.webhooks.unwrap(delivery.body, { headers: delivery.headers, key: btoa('ws_other_secret') }),
    ).toThrow();
    expect(() =>
      sdk.webhooks.unwrap(delivery.body.replace('invoice.created', 'invoice.paid'), {
        headers: delivery.headers,
      }),
    ).toThrow();
  });

  it("core's whsec_ key handling (Flowglad's) matches the standardwebhooks library the SDK wraps", () => {
    // The same verifier serves Flowglad's svix-* deliveries; here the SDK's library is the oracle for its key.
    const whsec = `whsec_${Buffer.from('flowglad-style-endpoint-key-0001').toString('base64')}`;
    const body = '{"id":"pay_1","object":"payment"}';
    const ts = Math.floor(Date.now() / 1000);
    const signature = signStandardWebhook(standardWebhookKey('flowglad', whsec, 'whsec'), 'msg_f1', ts, body);
    const sdk = new Whop({ apiKey: 'k_1234567', webhookKey: whsec });
    const headers = {
      'webhook-id': 'msg_f1',
      'webhook-timestamp': String(ts),
      'webhook-signature': signature,
    };
    expect(sdk.webhooks.unwrap(body, { headers })).toEqual({ id: 'pay_1', object: 'payment' });
    expect(() => sdk.webhooks.unwrap(body, { headers: { ...headers, 'webhook-id': 'msg_f2' } })).toThrow();
  });

  it('processes a redelivered event once', async () => {
    const { events, sink, fake, sdk } = await setup({ faults: { script: ['duplicate'] } });
    await createInvoice(sdk);
    await fake.webhooks!.idle();
    expect(sink.received).toHaveLength(2);
    expect(sink.received[0]!.headers['webhook-id']).toBe(sink.received[1]!.headers['webhook-id']);
    expect(events).toHaveLength(1);
  });

  it('refuses a bad signature with 401, then the retry (10/20/40 s, scaled) is processed', async () => {
    const { events, fake, sdk } = await setup({ faults: { script: ['bad_signature'] } });
    await createInvoice(sdk);
    await fake.webhooks!.idle();
    expect(fake.webhooks!.attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 401],
      [2, 200],
    ]);
    expect(events).toHaveLength(1);
  });

  it('refuses deliveries signed by a clock ten minutes behind (stale), on every attempt', async () => {
    const { events, fake, sdk } = await setup({ now: () => new Date(Date.now() - 600_000) });
    await createInvoice(sdk);
    await fake.webhooks!.idle();
    expect(fake.webhooks!.attempts.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(events).toHaveLength(0);
  });

  it('stops after the initial attempt and 3 retries when the receiver keeps failing', async () => {
    const sink = await startWebhookSink((_req, res) => res.writeHead(500).end());
    const fake = await startFake(whopFake, {
      webhooks: { url: sink.url, secret: SECRET, retryScale: 0.0005 },
    });
    opened.push(sink, fake);
    const sdk = new Whop({ apiKey: 'k_1234567', baseURL: `${fake.url}/api/v1`, maxRetries: 0 });
    await createInvoice(sdk);
    await fake.webhooks!.idle();
    expect(fake.webhooks!.attempts).toHaveLength(4);
  });
});

describe('verifyWebhook refusals', () => {
  async function oneDelivery() {
    const { sink, fake, sdk } = await setup();
    await createInvoice(sdk);
    await fake.webhooks!.idle();
    return sink.received[0]!;
  }

  it('refuses a tampered body, a wrong secret and a stale timestamp, each with a typed reason', async () => {
    const delivery = await oneDelivery();
    const reasons: string[] = [];
    const attempts: Array<() => unknown> = [
      () => verifyWebhook(delivery.body.replace('"open"', '"paid"'), delivery.headers, SECRET),
      () => verifyWebhook(delivery.body, delivery.headers, 'ws_wrong_secret_0000'),
      () => verifyWebhook(delivery.body, delivery.headers, SECRET, { now: () => Date.now() + 301_000 }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
        throw new Error('accepted');
      } catch (error) {
        expect(WebhookVerificationError.isInstance(error)).toBe(true);
        const e = error as WebhookVerificationError;
        expect(e.message).not.toContain(SECRET);
        expect(JSON.stringify(e.toJSON())).not.toContain(SECRET);
        reasons.push(e.reason);
      }
    }
    expect(reasons).toEqual(['bad_signature', 'bad_signature', 'stale_timestamp']);
  });

  it('refuses a parsed body, missing headers and a future timestamp', () => {
    const body = JSON.stringify({ type: 'invoice.created', data: {} });
    const key = Buffer.from(SECRET);
    const ts = Math.floor(Date.now() / 1000) + 600;
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(ts) };
    expect(() => verifyWebhook(JSON.parse(body), headers, SECRET)).toThrow(/raw request bytes/);
    expect(() => verifyWebhook(body, headers, SECRET)).toThrow(/no webhook-signature header/);
    const signed = { ...headers, 'webhook-signature': signStandardWebhook(key, 'msg_1', ts, body) };
    expect(() => verifyWebhook(body, signed, SECRET)).toThrow(/future_timestamp/);
  });

  it('accepts any one of several space-separated signatures (secret rotation)', () => {
    const body = '{"id":"msg_2","type":"invoice.voided","data":{"id":"inv_1"}}';
    const ts = Math.floor(Date.now() / 1000);
    const old = signStandardWebhook(Buffer.from('ws_old_secret_1234'), 'msg_2', ts, body);
    const current = signStandardWebhook(Buffer.from(SECRET), 'msg_2', ts, body);
    const headers = {
      'webhook-id': 'msg_2',
      'webhook-timestamp': String(ts),
      'webhook-signature': `${old} ${current}`,
    };
    expect(verifyWebhook(body, headers, SECRET).id).toBe('msg_2');
  });

  it('answers through a Fetch handler (edge runtimes) with 200, then 200 as a duplicate, and 401 forged', async () => {
    const delivery = await oneDelivery();
    const seen: BillingEvent[] = [];
    const handler = createFetchWebhookHandler({
      parse: (body, headers) => parseWebhook(body, headers, SECRET),
      onEvent: (event) => {
        seen.push(event);
      },
    });
    const request = (body: string) =>
      new Request('https://app.example/webhooks/whop', { method: 'POST', headers: delivery.headers, body });
    const first = await handler(request(delivery.body));
    expect(first.status).toBe(200);
    expect(await (await handler(request(delivery.body))).json()).toEqual({
      received: 1,
      processed: 0,
      duplicates: 1,
    });
    expect((await handler(request(`${delivery.body} `))).status).toBe(401);
    expect(seen).toHaveLength(1);
  });
});
