import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningFake, startFake } from '../src';
import { AUTH, type TinyState, tinyFake } from './support/tiny-fake';

let fake: RunningFake<TinyState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function json(res: Response): Promise<unknown> {
  return JSON.parse(await res.text());
}

describe('startFake', () => {
  it('serves on 127.0.0.1 and routes a JSON create, storing the record', async () => {
    fake = await startFake(tinyFake);
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${fake.url}/v1/invoices`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ externalId: 'ext-1', amount: 1234 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-request-id')).toBe('req_inv_1');
    expect(await json(res)).toEqual({ id: 'inv_1', externalId: 'ext-1', amount: 1234 });
    expect(fake.records).toEqual([{ externalId: 'ext-1', amount: 1234 }]);
    expect(fake.state.invoices).toHaveLength(1);
  });

  it('baseUrl is the origin plus the declared basePath (the client base URL, as it is)', async () => {
    fake = await startFake(tinyFake);
    expect(fake.baseUrl).toBe(fake.url);
    const prefixed = await startFake({ ...tinyFake, basePath: '/v1/' });
    try {
      expect(prefixed.baseUrl).toBe(`${prefixed.url}/v1`);
      const res = await fetch(`${prefixed.baseUrl}/text`, { headers: AUTH });
      expect(await res.text()).toBe('plain words');
    } finally {
      await prefixed.close();
    }
  });

  it('captures :params (decoded) and ignores the query string when matching', async () => {
    fake = await startFake(tinyFake);
    const res = await fetch(`${fake.url}/v1/echo/a%20b/items/42?limit=5&cursor=x`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      params: { a: 'a b', b: '42' },
      query: { limit: '5', cursor: 'x' },
      path: '/v1/echo/a%20b/items/42',
    });
  });

  it('answers plain text routes as text', async () => {
    fake = await startFake(tinyFake);
    const res = await fetch(`${fake.url}/v1/text`, { headers: AUTH });
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toBe('plain words');
  });

  it('treats a trailing slash as significant', async () => {
    fake = await startFake(tinyFake);
    expect((await fetch(`${fake.url}/v1/slash/`, { headers: AUTH })).status).toBe(200);
    expect((await fetch(`${fake.url}/v1/slash`, { headers: AUTH })).status).toBe(404);
  });

  it('runs authenticate before routing, with the seeded key list', async () => {
    fake = await startFake(tinyFake, { seed: { apiKeys: ['sk_good_key_1'] } });
    const none = await fetch(`${fake.url}/v1/invoices/inv_1`);
    expect(none.status).toBe(401);
    expect(await none.text()).toBe('Unauthorized');
    const wrong = await fetch(`${fake.url}/nowhere`, { headers: { authorization: 'Bearer sk_bad_key_2' } });
    expect(wrong.status).toBe(403);
    const good = await fetch(`${fake.url}/v1/invoices/inv_9`, {
      headers: { authorization: 'Bearer sk_good_key_1' },
    });
    expect(good.status).toBe(404);
    expect(await json(good)).toEqual({ error: { message: 'No invoice inv_9' } });
  });

  it('answers unknown routes and wrong methods with the provider-shaped 404', async () => {
    fake = await startFake(tinyFake);
    const res = await fetch(`${fake.url}/v2/unknown`, { headers: AUTH });
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ error: { status: 404, message: 'No route for GET /v2/unknown.' } });
    expect((await fetch(`${fake.url}/v1/invoices`, { method: 'DELETE', headers: AUTH })).status).toBe(404);
  });

  it('passes a non-JSON body as text with body undefined', async () => {
    fake = await startFake(tinyFake);
    const res = await fetch(`${fake.url}/v1/invoices`, { method: 'POST', headers: AUTH, body: 'not json' });
    expect(res.status).toBe(400);
    expect(fake.records).toEqual([]);
  });

  it('turns a throwing handler into a provider-shaped 500', async () => {
    fake = await startFake(tinyFake);
    const res = await fetch(`${fake.url}/v1/boom`, { method: 'POST', headers: AUTH });
    expect(res.status).toBe(500);
    expect(await json(res)).toMatchObject({ error: { status: 500 } });
  });

  it('keeps each fake state separate', async () => {
    const a = await startFake(tinyFake);
    const b = await startFake(tinyFake);
    try {
      await fetch(`${a.url}/v1/invoices`, { method: 'POST', headers: AUTH, body: '{}' });
      expect(a.records).toHaveLength(1);
      expect(b.records).toHaveLength(0);
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('listens on a given port', async () => {
    const probe = await startFake(tinyFake);
    const port = Number(new URL(probe.url).port);
    await probe.close();
    fake = await startFake(tinyFake, { port });
    expect(fake.url).toBe(`http://127.0.0.1:${port}`);
  });

  it('closes promptly with an idle keep-alive connection and a request still waiting', async () => {
    const latencyMs = 60_000;
    fake = await startFake(tinyFake, { faults: { script: [null, 'latency'], latencyMs } });
    const { url } = fake;
    const agentFree = await fetch(`${url}/v1/text`, { headers: AUTH });
    expect(await agentFree.text()).toBe('plain words');
    // A second request stuck in a 60 s latency fault, on a raw keep-alive socket.
    const pending = new Promise<string>((resolve) => {
      const req = httpRequest(`${url}/v1/text`, { headers: { ...AUTH, connection: 'keep-alive' } });
      req.on('error', (e) => resolve(`error:${(e as NodeJS.ErrnoException).code}`));
      req.on('response', () => resolve('response'));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await fake.close();
    // Waiting for the stuck request would take the whole latency; a quarter of it is a wide margin.
    expect(Date.now() - started).toBeLessThan(latencyMs / 4);
    expect(await pending).toMatch(/^error:/);
    await expect(fetch(`${url}/v1/text`, { headers: AUTH })).rejects.toThrow();
    fake = undefined;
  });
});
