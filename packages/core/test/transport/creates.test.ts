import { createServer } from 'node:http';
import { Agent, buildConnector, errors } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BillbridgeError } from '../../src/errors/billbridge-error';
import {
  AmbiguousResultError,
  ConnectionError,
  InvalidRequestError,
  ProviderError,
  ProviderServerError,
  RateLimitError,
  TimeoutError,
} from '../../src/errors/provider-errors';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { baseConfig, fakeTime, freePort, json, startServer, type TestServer } from './helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

type Step = number | 'drop' | 'hang' | [number, Record<string, string>];

/** Stores every create it receives (like a provider would), then answers per the script. */
async function provider(script: Step[]) {
  let i = 0;
  const server = await startServer((_req, res) => {
    const step = script[i++];
    if (step === 'drop') return void res.socket?.destroy();
    if (step === 'hang') return;
    if (step === undefined) return json(res, 201, { id: `inv_${i}` }, { 'x-request-id': `req_${i}` });
    const [status, headers] = Array.isArray(step) ? step : [step, {}];
    json(res, status, { message: `scripted ${status}` }, { 'x-request-id': `req_${i}`, ...headers });
  });
  servers.push(server);
  return server;
}

const invoice = { customer: 'cus_abc123', amount: '12.34', currency: 'USD' };

describe('creates without deduplication are never sent twice when they may have arrived', () => {
  it('a 500 → AmbiguousResultError carrying everything needed to reconcile; exactly one request', async () => {
    const server = await provider([500]);
    const time = fakeTime();
    const transport = createTransport(baseConfig(`${server.url}/v1`, { ...time }));
    const error = await transport
      .request({
        method: 'POST',
        path: '/invoices',
        operation: 'create',
        body: invoice,
        externalId: 'ext-42',
      })
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect(BillbridgeError.isInstance(error)).toBe(true);
    const e = error as AmbiguousResultError;
    expect(e.request).toEqual({ method: 'POST', url: `${server.url}/v1/invoices`, body: invoice });
    expect(e.externalId).toBe('ext-42');
    expect(e.provider).toBe('paid');
    expect(e.status).toBe(500);
    expect(e.requestId).toBe('req_1');
    expect(e.retryable).toBe(false);
    expect(ProviderServerError.isInstance(e.cause)).toBe(true);
    expect(server.received).toHaveLength(1);
    expect(time.delays).toEqual([]);
  });

  it('the server drops the connection mid-request → AmbiguousResultError, exactly one request', async () => {
    const server = await provider(['drop']);
    const transport = createTransport(baseConfig(server.url, { ...fakeTime() }));
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', body: invoice, externalId: 'ext-1' })
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect(ConnectionError.isInstance((error as AmbiguousResultError).cause)).toBe(true);
    expect((error as AmbiguousResultError).status).toBeUndefined();
    expect(server.received).toHaveLength(1);
  });

  it('a timeout after sending → AmbiguousResultError with a TimeoutError cause, exactly one request', async () => {
    const server = await provider(['hang']);
    const transport = createTransport(baseConfig(server.url, { ...fakeTime(), timeoutMs: 300 }));
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', body: invoice })
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect(TimeoutError.isInstance((error as AmbiguousResultError).cause)).toBe(true);
    expect(server.received).toHaveLength(1);
  });

  it('a 4xx is the provider’s final word: the mapped error, not ambiguous, not retried', async () => {
    for (const status of [400, 408, 409, 422]) {
      const server = await provider([status]);
      const transport = createTransport(baseConfig(server.url, { ...fakeTime() }));
      const error = await transport
        .request({ method: 'POST', path: '/invoices', operation: 'create', body: invoice })
        .catch((e: unknown) => e);
      expect(AmbiguousResultError.isInstance(error)).toBe(false);
      expect(ProviderError.isInstance(error)).toBe(true);
      expect((error as ProviderError).status).toBe(status);
      expect(server.received).toHaveLength(1);
    }
  });
});

describe('creates are retried when that cannot duplicate', () => {
  it('a 429 was rejected before processing: retried, honouring Retry-After', async () => {
    const server = await provider([[429, { 'retry-after': '2' }]]);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time }));
    const response = await transport.request({
      method: 'POST',
      path: '/invoices',
      operation: 'create',
      body: invoice,
    });
    expect(response.status).toBe(201);
    expect(server.received).toHaveLength(2);
    expect(time.delays).toEqual([2_000]);
  });

  it('429 on every attempt ends in RateLimitError, not AmbiguousResultError', async () => {
    const server = await provider([429, 429, 429]);
    const transport = createTransport(baseConfig(server.url, { ...fakeTime() }));
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', body: invoice })
      .catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(server.received).toHaveLength(3);
  });

  it('a deduplicated create is retried after a 500 and after a dropped connection', async () => {
    const server = await provider([500, 'drop']);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, random: () => 0.5 }));
    const response = await transport.request({
      method: 'POST',
      path: '/invoices',
      operation: 'create',
      body: invoice,
      deduplicated: true,
      headers: { 'idempotency-key': 'key-1' },
    });
    expect(response.body).toEqual({ id: 'inv_3' });
    expect(server.received).toHaveLength(3);
    expect(server.received.every((r) => r.headers['idempotency-key'] === 'key-1')).toBe(true);
    expect(time.delays).toEqual([100, 200]);
  });

  it('a deduplicated create that keeps failing ends in the provider error, not AmbiguousResultError', async () => {
    const server = await provider([503, 503, 503]);
    const transport = createTransport(baseConfig(server.url, { ...fakeTime() }));
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', body: invoice, deduplicated: true })
      .catch((e: unknown) => e);
    expect(ProviderServerError.isInstance(error)).toBe(true);
    expect(server.received).toHaveLength(3);
  });

  it('connection refused (the request never left) is retried, and lands once the server is up', async () => {
    const port = await freePort();
    const received: string[] = [];
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => {
        text += c.toString();
      });
      req.on('end', () => {
        received.push(text);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{"id":"inv_1"}');
      });
    });
    const delays: number[] = [];
    const transport = createTransport(
      baseConfig(`http://127.0.0.1:${port}`, {
        random: () => 0.5,
        // The provider comes up while we back off from the refused attempt.
        sleep: async (ms) => {
          delays.push(ms);
          await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
        },
      }),
    );
    try {
      const response = await transport.request({
        method: 'POST',
        path: '/invoices',
        operation: 'create',
        body: invoice,
      });
      expect(response.body).toEqual({ id: 'inv_1' });
      expect(received).toEqual([JSON.stringify(invoice)]);
      expect(delays).toEqual([100]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a connect timeout (nothing was written) is retried, through a custom dispatcher', async () => {
    const server = await provider([]);
    const connect = buildConnector({});
    let connects = 0;
    const agent = new Agent({
      connect: (options, callback) => {
        if (connects++ === 0) return callback(new errors.ConnectTimeoutError(), null);
        return connect(options, callback);
      },
    });
    try {
      const time = fakeTime();
      const transport = createTransport(baseConfig(server.url, { ...time, dispatcher: agent }));
      const response = await transport.request({
        method: 'POST',
        path: '/invoices',
        operation: 'create',
        body: invoice,
      });
      expect(response.status).toBe(201);
      expect(connects).toBe(2);
      expect(server.received).toHaveLength(1);
      expect(time.delays).toHaveLength(1);
    } finally {
      await agent.close();
    }
  });

  it('connection refused on every attempt ends in a ConnectionError, not AmbiguousResultError', async () => {
    const port = await freePort();
    const time = fakeTime();
    const transport = createTransport(baseConfig(`http://127.0.0.1:${port}`, { ...time }));
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', body: invoice })
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(AmbiguousResultError.isInstance(error)).toBe(false);
    expect(time.delays).toHaveLength(2);
  });

  it('a 400 is not retried even for a deduplicated create', async () => {
    const server = await provider([400]);
    const transport = createTransport(baseConfig(server.url, { ...fakeTime() }));
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', body: invoice, deduplicated: true })
      .catch((e: unknown) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(server.received).toHaveLength(1);
  });
});
