/**
 * The shared webhook pieces: the Standard Webhooks verifier (both header families, both key handlings),
 * the timestamp window, raw-body handling, redaction, and the receivers' status codes and idempotency.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillingEvent,
  checkTimestamp,
  constantTimeEqual,
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  createWebhookReceiver,
  type IdempotencyStore,
  memoryIdempotencyStore,
  normalizeHeaders,
  signStandardWebhook,
  standardWebhookKey,
  ValidationError,
  verifyStandardWebhook,
  WebhookPayloadError,
  WebhookVerificationError,
} from '../src/index';

const WHSEC = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const now = () => Math.floor(Date.now() / 1000);

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (WebhookVerificationError.isInstance(error)) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('Standard Webhooks verifier', () => {
  it('verifies what it signs for any body, id and key, under either header family', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.stringMatching(/^msg_[A-Za-z0-9]{1,20}$/),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('webhook' as const, 'svix' as const),
        (body, id, key, prefix) => {
          const ts = now();
          const headers = {
            [`${prefix}-id`]: id,
            [`${prefix}-timestamp`]: String(ts),
            [`${prefix}-signature`]: signStandardWebhook(key, id, ts, body),
          };
          expect(verifyStandardWebhook('x', body, headers, { prefix, key }).id).toBe(id);
          // One changed byte is refused.
          expect(reasonOf(() => verifyStandardWebhook('x', `${body}!`, headers, { prefix, key }))).toBe(
            'bad_signature',
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('signs over id.timestamp.body: the same body under another id or timestamp is refused', () => {
    const key = standardWebhookKey('flowglad', WHSEC, 'whsec');
    const ts = now();
    const signature = signStandardWebhook(key, 'msg_a', ts, '{}');
    const base = { 'svix-id': 'msg_a', 'svix-timestamp': String(ts), 'svix-signature': signature };
    expect(reasonOf(() => verifyStandardWebhook('f', '{}', base, { prefix: 'svix', key }))).toBe('accepted');
    expect(
      reasonOf(() =>
        verifyStandardWebhook('f', '{}', { ...base, 'svix-id': 'msg_b' }, { prefix: 'svix', key }),
      ),
    ).toBe('bad_signature');
    expect(
      reasonOf(() =>
        verifyStandardWebhook(
          'f',
          '{}',
          { ...base, 'svix-timestamp': String(ts - 1) },
          { prefix: 'svix', key },
        ),
      ),
    ).toBe('bad_signature');
    expect(
      reasonOf(() =>
        verifyStandardWebhook(
          'f',
          '{}',
          { ...base, 'svix-signature': `v2,${signature.slice(3)}` },
          { prefix: 'svix', key },
        ),
      ),
    ).toBe('malformed_header');
  });

  it('keys: whsec_ is base64-decoded, raw is the UTF-8 bytes, and the two differ', () => {
    expect(standardWebhookKey('f', WHSEC, 'whsec').toString()).toBe('0123456789abcdef0123456789abcdef');
    expect(standardWebhookKey('w', 'ws_secret', 'raw').toString()).toBe('ws_secret');
    expect(reasonOf(() => standardWebhookKey('f', 'ws_secret', 'whsec'))).toBe('bad_secret');
    expect(reasonOf(() => standardWebhookKey('f', 'whsec_***', 'whsec'))).toBe('bad_secret');
    expect(reasonOf(() => standardWebhookKey('w', '', 'raw'))).toBe('bad_secret');
  });

  it('reads Fetch Headers, node header objects and arrays alike', () => {
    const fetchHeaders = new Headers({ 'Webhook-Id': 'msg_1' });
    expect(normalizeHeaders(fetchHeaders)).toEqual({ 'webhook-id': 'msg_1' });
    expect(normalizeHeaders({ 'X-A': ['1', '2'], 'x-b': undefined })).toEqual({ 'x-a': '1, 2' });
  });

  it('refuses a parsed body: its bytes are gone', () => {
    const key = Buffer.from('k');
    expect(
      reasonOf(() => verifyStandardWebhook('x', { a: 1 } as never, {}, { prefix: 'webhook', key })),
    ).toBe('parsed_body');
  });
});

describe('timestamp window and comparison', () => {
  it('accepts inside the window, refuses stale and future ones (defaults 300 s both ways)', () => {
    const t = 1_800_000_000_000;
    const at = (offsetMs: number) => () => checkTimestamp('p', t, { now: () => t + offsetMs });
    expect(reasonOf(at(300_000))).toBe('accepted');
    expect(reasonOf(at(300_001))).toBe('stale_timestamp');
    expect(reasonOf(at(-300_000))).toBe('accepted');
    expect(reasonOf(at(-300_001))).toBe('future_timestamp');
    expect(
      reasonOf(() => checkTimestamp('p', t, { now: () => t - 61_000, futureToleranceSeconds: 60 })),
    ).toBe('future_timestamp');
  });

  it('compares in constant time and never equates different lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual(Buffer.from([1, 2]), new Uint8Array([1, 2]))).toBe(true);
  });

  it('never shows the secret in an error, even when it is registered nowhere', () => {
    const secret = 'whsec_c2VjcmV0LXRoYXQtbXVzdC1ub3QtbGVhaw==';
    const key = standardWebhookKey('f', secret, 'whsec');
    const ts = now();
    const headers = { 'svix-id': 'm', 'svix-timestamp': String(ts), 'svix-signature': 'v1,AAAA' };
    try {
      verifyStandardWebhook('flowglad', '{}', headers, { prefix: 'svix', key });
      throw new Error('accepted');
    } catch (error) {
      const text = `${(error as Error).message} ${JSON.stringify((error as WebhookVerificationError).toJSON())}`;
      expect(text).not.toContain(secret);
      expect(text).not.toContain(key.toString('base64'));
      expect(text).not.toContain(signStandardWebhook(key, 'm', ts, '{}'));
    }
  });
});

function event(id: string): BillingEvent {
  return { type: 'invoice.paid', providerType: 'invoice.paid', provider: 'whop', id, warnings: [], raw: {} };
}

describe('receivers', () => {
  it('answers 200, 401, 400 and 500 as the outcome requires, and retries a failed handler', async () => {
    let fail = true;
    const handled: string[] = [];
    const receiver = createWebhookReceiver({
      parse: (body) => {
        const text = typeof body === 'string' ? body : Buffer.from(body as Uint8Array).toString();
        if (text === 'forged') throw new WebhookVerificationError('whop', 'bad_signature', 'no match');
        if (text === 'garbled') throw new WebhookPayloadError('whop', '(body)', 'not JSON');
        if (text === 'unmappable')
          throw new ValidationError('Whop invoice', [{ path: 'total', message: 'x', code: 'x' }]);
        return [event(text)];
      },
      onEvent: (e) => {
        if (fail) throw new Error('database down');
        handled.push(e.id);
      },
    });
    expect((await receiver.handle('forged', {})).status).toBe(401);
    expect((await receiver.handle('garbled', {})).status).toBe(400);
    // A verified event whose invoice cannot be mapped fails the same way on every retry: not a 500.
    expect((await receiver.handle('unmappable', {})).status).toBe(400);
    expect((await receiver.handle('evt_1', {})).status).toBe(500);
    fail = false;
    // The provider's retry of the failed delivery is processed (the claim was released).
    expect((await receiver.handle('evt_1', {})).body).toEqual({ received: 1, processed: 1, duplicates: 0 });
    expect((await receiver.handle('evt_1', {})).body).toEqual({ received: 1, processed: 0, duplicates: 1 });
    expect(handled).toEqual(['evt_1']);
  });

  it('takes a durable store through the idempotency hook', async () => {
    const claimed = new Set<string>();
    const calls: string[] = [];
    const durable: IdempotencyStore = {
      async claim(key) {
        calls.push(`claim ${key}`);
        if (claimed.has(key)) return false;
        claimed.add(key);
        return true;
      },
      async release(key) {
        calls.push(`release ${key}`);
        claimed.delete(key);
      },
    };
    // Two receivers (two instances of an app) share the store: one of them processes the event.
    const seen: string[] = [];
    const make = () =>
      createWebhookReceiver({
        parse: () => [event('evt_9')],
        onEvent: (e) => void seen.push(e.id),
        idempotency: durable,
      });
    await make().handle('x', {});
    await make().handle('x', {});
    expect(seen).toEqual(['evt_9']);
    expect(calls).toEqual(['claim whop:evt_9', 'claim whop:evt_9']);
  });

  it('the in-memory store forgets the oldest keys past its bound', () => {
    const store = memoryIdempotencyStore({ maxKeys: 2 });
    expect([store.claim('a'), store.claim('b'), store.claim('a')]).toEqual([true, true, false]);
    store.claim('c');
    expect(store.size).toBe(2);
    expect(store.claim('a')).toBe(true);
  });

  it('node handler reads the raw stream, or an Express raw Buffer, and refuses a parsed body with 500', async () => {
    const bodies: string[] = [];
    const handler = createNodeWebhookHandler({
      parse: (body) => {
        if (typeof body === 'object' && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) {
          throw new WebhookVerificationError('whop', 'parsed_body', 'raw bytes needed');
        }
        const text = Buffer.from(body as Uint8Array).toString();
        bodies.push(text);
        return [event(text)];
      },
      onEvent: () => undefined,
    });
    const server = createServer((req, res) => {
      if (req.url === '/parsed') {
        // What express.json() leaves behind.
        Object.assign(req, { body: { already: 'parsed' } });
        req.resume();
        req.on('end', () => void handler(req, res));
        return;
      }
      void handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${base}/`, { method: 'POST', body: 'evt_stream' });
      expect(ok.status).toBe(200);
      const parsed = await fetch(`${base}/parsed`, { method: 'POST', body: '{"already":"parsed"}' });
      expect(parsed.status).toBe(500);
      expect(await parsed.text()).toContain('raw bytes needed');
      expect(bodies).toEqual(['evt_stream']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('fetch handler answers 405 to anything but POST', async () => {
    const handler = createFetchWebhookHandler({ parse: () => [], onEvent: () => undefined });
    const answer = await handler(new Request('https://x.example/wh', { method: 'GET' }));
    expect(answer.status).toBe(405);
  });
});
