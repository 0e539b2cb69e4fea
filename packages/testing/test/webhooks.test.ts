/**
 * Fake webhook delivery, provider-neutral: created records and the paid route send messages; a receiver
 * that fails is retried on the declared schedule and no further; faults delay, duplicate, reorder and
 * spoil signatures; "created, then failed" still sends the webhook (the record exists).
 */
import { describe, expect, it } from 'vitest';
import { type FakeDefinition, type FakeWebhooks, startFake, startWebhookSink } from '../src';
import { AUTH, type TinySeed, type TinyState, tinyFake } from './support/tiny-fake';

const tinyWebhooks: FakeWebhooks<TinyState> = {
  retryDelaysMs: [1_000, 2_000],
  signatureHeader: 'x-tiny-signature',
  onCreate: (answer) => {
    const id = (answer.body as { id: string }).id;
    return [{ id: `evt_created_${id}`, type: 'invoice.created', payload: { type: 'invoice.created', id } }];
  },
  markPaid: (id, state) =>
    state.invoices.some((i) => i.id === id)
      ? [{ id: `evt_paid_${id}`, type: 'invoice.paid', payload: { type: 'invoice.paid', id } }]
      : undefined,
  sign: ({ message, secret, attempt, reading }) => ({
    'x-tiny-signature': `sig_${secret}_${message.id}_AAAAAAAAAA`,
    'x-tiny-attempt': String(attempt),
    ...(reading && { 'x-tiny-reading': reading }),
  }),
};
const withWebhooks: FakeDefinition<TinyState, TinySeed> = { ...tinyFake, webhooks: tinyWebhooks };

async function create(url: string, body: object = { currency: 'USD' }) {
  return fetch(`${url}/v1/invoices`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('fake webhook delivery', () => {
  it('sends a message per created record and per paid invoice, with the same body bytes on every attempt', async () => {
    const sink = await startWebhookSink();
    const fake = await startFake(withWebhooks, { webhooks: { url: sink.url, secret: 's3', reading: 'alt' } });
    try {
      await create(fake.url);
      const paid = await fetch(`${fake.url}/__billbridge/invoices/inv_1/paid`, { method: 'POST' });
      expect(await paid.json()).toEqual({ messages: ['invoice.paid'] });
      const unknown = await fetch(`${fake.url}/__billbridge/invoices/inv_9/paid`, { method: 'POST' });
      expect(unknown.status).toBe(404);
      await fake.webhooks!.idle();
      expect(sink.received.map((d) => JSON.parse(d.body))).toEqual([
        { type: 'invoice.created', id: 'inv_1' },
        { type: 'invoice.paid', id: 'inv_1' },
      ]);
      expect(sink.received[0]!.headers).toMatchObject({ 'x-tiny-attempt': '1', 'x-tiny-reading': 'alt' });
    } finally {
      await Promise.all([fake.close(), sink.close()]);
    }
  });

  it('retries a failing receiver on the schedule, then stops (attempts = delays + 1)', async () => {
    const sink = await startWebhookSink((_req, res) => res.writeHead(503).end());
    const fake = await startFake(withWebhooks, {
      webhooks: { url: sink.url, secret: 's', retryScale: 0.001 },
    });
    try {
      await create(fake.url);
      await fake.webhooks!.idle();
      expect(fake.webhooks!.attempts.map((a) => [a.attempt, a.status, a.delivered])).toEqual([
        [1, 503, false],
        [2, 503, false],
        [3, 503, false],
      ]);
      expect(sink.received.map((d) => d.headers['x-tiny-attempt'])).toEqual(['1', '2', '3']);
    } finally {
      await Promise.all([fake.close(), sink.close()]);
    }
  });

  it('records a connection failure as an attempt and retries it', async () => {
    const sink = await startWebhookSink();
    const url = sink.url;
    await sink.close();
    const fake = await startFake(withWebhooks, {
      webhooks: { url, secret: 's', retryScale: 0.001, timeoutMs: 2_000 },
    });
    try {
      await create(fake.url);
      await fake.webhooks!.idle();
      expect(fake.webhooks!.attempts).toHaveLength(3);
      expect(fake.webhooks!.attempts.every((a) => a.error !== undefined && !a.delivered)).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('faults: duplicate, bad signature (first attempt only), out of order and delay', async () => {
    const order: string[] = [];
    const sink = await startWebhookSink((req, res) => {
      const signature = req.headers['x-tiny-signature'] as string;
      const good = /^sig_s_evt_\w+_AAAAAAAAAA$/.test(signature);
      order.push(`${req.headers['x-tiny-attempt']}:${good ? 'ok' : 'bad'}`);
      res.writeHead(good ? 200 : 401).end();
    });
    const fake = await startFake(withWebhooks, {
      webhooks: {
        url: sink.url,
        secret: 's',
        retryScale: 0.001,
        faults: { script: ['duplicate', 'bad_signature', 'out_of_order', 'delay'], delayMs: 5 },
      },
    });
    try {
      for (let i = 0; i < 4; i++) {
        await create(fake.url);
        if (i < 2) await fake.webhooks!.idle();
      }
      await fake.webhooks!.idle();
      const bodies = sink.received.map((d) => (JSON.parse(d.body) as { id: string }).id);
      // inv_1 twice (duplicate), inv_2 refused then retried, inv_3 held back behind inv_4.
      expect(bodies.slice(0, 4)).toEqual(['inv_1', 'inv_1', 'inv_2', 'inv_2']);
      expect(order.slice(0, 4)).toEqual(['1:ok', '2:ok', '1:bad', '2:ok']);
      expect(bodies.indexOf('inv_3')).toBeGreaterThan(-1);
      const kinds = fake.webhooks!.attempts.map((a) => a.fault ?? null);
      expect(kinds).toContain('out_of_order');
      expect(kinds).toContain('delay');
    } finally {
      await Promise.all([fake.close(), sink.close()]);
    }
  });

  it('sends the webhook of a record stored under the created_then_failed fault', async () => {
    const sink = await startWebhookSink();
    const fake = await startFake(withWebhooks, {
      webhooks: { url: sink.url, secret: 's' },
      faults: { script: ['created_then_failed'] },
    });
    try {
      expect((await create(fake.url)).status).toBe(500);
      await fake.webhooks!.idle();
      expect(sink.received).toHaveLength(1);
    } finally {
      await Promise.all([fake.close(), sink.close()]);
    }
  });

  it('without webhook options a fake sends nothing, and a definition without webhooks ignores them', async () => {
    const fake = await startFake(withWebhooks);
    const plain = await startFake(tinyFake, { webhooks: { url: 'http://127.0.0.1:9/', secret: 's' } });
    try {
      expect(fake.webhooks).toBeUndefined();
      expect(plain.webhooks).toBeUndefined();
      expect((await fetch(`${plain.url}/__billbridge/invoices/inv_1/paid`, { method: 'POST' })).status).toBe(
        404,
      );
    } finally {
      await Promise.all([fake.close(), plain.close()]);
    }
  });
});
