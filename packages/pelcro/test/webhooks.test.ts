/**
 * Pelcro webhooks: the fake sends `invoice.created` and `invoice.payment_succeeded` in the documented
 * envelope, signed in `X-Pelcro-Hmac-SHA256`. The key is an unconfirmed reading: both readings run,
 * each against a fake switched to it.
 */
import { type BillingEvent, createNodeWebhookHandler, WebhookVerificationError } from '@billbridge/core';
import { startFake, startWebhookSink } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type PelcroSignatureReading, parseWebhook, signPelcroBody, verifyWebhook } from '../src/index';
import { pelcroFake } from '../src/testing';
import { clientFor, sampleInvoice } from './helpers';

const SECRET = Buffer.from('pelcro-webhook-signing-secret-01').toString('base64');
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

async function setup(
  reading: PelcroSignatureReading,
  script: Array<'duplicate' | 'bad_signature' | null> = [],
) {
  const events: BillingEvent[] = [];
  const sink = await startWebhookSink(
    createNodeWebhookHandler({
      parse: (body, headers) => parseWebhook(body, headers, SECRET, { signatureReading: reading }),
      onEvent: (event) => {
        events.push(event);
      },
    }),
  );
  const fake = await startFake(pelcroFake, {
    webhooks: { url: sink.url, secret: SECRET, reading, retryScale: 0.0001, faults: { script } },
  });
  opened.push(sink, fake);
  return { events, sink, fake, client: clientFor(fake) };
}

describe.each(['utf8-key', 'base64-key'] as const)('Pelcro fake → receiver (key reading: %s)', (reading) => {
  it('normalises invoice.created and invoice.payment_succeeded (as invoice.paid)', async () => {
    const { events, sink, fake, client } = await setup(reading);
    const created = await client.create(sampleInvoice());
    await fake.webhooks!.idle();
    const id = created.value.id!;
    expect((await fetch(`${fake.url}/__billbridge/invoices/${id}/paid`, { method: 'POST' })).status).toBe(
      200,
    );
    await fake.webhooks!.idle();

    expect(events.map((e) => [e.type, e.providerType])).toEqual([
      ['invoice.created', 'invoice.created'],
      ['invoice.paid', 'invoice.payment_succeeded'],
    ]);
    const [first, second] = events as [BillingEvent, BillingEvent];
    expect(first.id).toMatch(/^evt_/);
    expect(first.id).toBe(JSON.parse(sink.received[0]!.body).id);
    expect(first.invoice).toMatchObject({ id, currency: 'USD', status: 'open', total: created.value.total });
    expect(second.invoice).toMatchObject({ id, status: 'paid' });
    expect(second.paymentId).toBeDefined();
  });

  it('refuses the other reading with bad_signature', async () => {
    const { sink, fake, client } = await setup(reading);
    await client.create(sampleInvoice());
    await fake.webhooks!.idle();
    const d = sink.received[0]!;
    const other = reading === 'utf8-key' ? 'base64-key' : 'utf8-key';
    expect(verifyWebhook(d.body, d.headers, SECRET, { signatureReading: reading }).payload.type).toBe(
      'invoice.created',
    );
    expect(() => verifyWebhook(d.body, d.headers, SECRET, { signatureReading: other })).toThrow(
      /bad_signature/,
    );
  });
});

describe('Pelcro verification', () => {
  const envelope = (created: number) =>
    JSON.stringify({
      type: 'invoice.updated',
      id: 'evt_1',
      created,
      triggered_from: 'open_api',
      data: { object: { object: 'invoice', id: 1, currency: 'cad' } },
    });

  it('refuses a tampered body, a wrong secret, and (opted in) an envelope older than the tolerance', () => {
    const now = Math.floor(Date.now() / 1000);
    const body = envelope(now);
    const header = { 'x-pelcro-hmac-sha256': signPelcroBody(SECRET, body, 'utf8-key') };
    const old = envelope(now - 600);
    const oldHeader = { 'x-pelcro-hmac-sha256': signPelcroBody(SECRET, old, 'utf8-key') };
    const cases: Array<[() => unknown, string]> = [
      [() => verifyWebhook(body.replace('cad', 'usd'), header, SECRET), 'bad_signature'],
      [() => verifyWebhook(body, header, 'another-secret-value'), 'bad_signature'],
      [() => verifyWebhook(old, oldHeader, SECRET, { toleranceSeconds: 300 }), 'stale_timestamp'],
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
    // Without the opt-in, an old (retried) event is accepted: retries arrive late by design.
    expect(verifyWebhook(old, oldHeader, SECRET).payload.id).toBe('evt_1');
  });

  it('processes a redelivery once; a bad first signature is retried and then accepted', async () => {
    const { events, sink, fake, client } = await setup('utf8-key', ['duplicate', 'bad_signature']);
    const a = await client.create(sampleInvoice());
    await fake.webhooks!.idle();
    const b = await client.create(sampleInvoice());
    await fake.webhooks!.idle();
    expect(fake.webhooks!.attempts.map((x) => x.status)).toEqual([200, 200, 401, 200]);
    expect(sink.received).toHaveLength(4);
    expect(events.map((e) => e.invoiceId)).toEqual([a.value.id, b.value.id]);
  });
});
