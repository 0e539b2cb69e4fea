import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillbridgeError } from '../../src/errors/billbridge-error';
import {
  AuthenticationError,
  InvalidRequestError,
  NotFoundError,
  ProviderError,
} from '../../src/errors/provider-errors';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { baseConfig, json, type ReceivedRequest, startServer, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url.startsWith('/text')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('plain words');
      return;
    }
    if (req.url.startsWith('/empty')) {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.url.startsWith('/untyped-json')) {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-request-id': 'req_untyped' });
      res.end('{"ok":true}');
      return;
    }
    if (req.url.startsWith('/bad-json')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{not json');
      return;
    }
    if (req.url.startsWith('/chunked')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"parts":');
      res.end('[1,2,3]}');
      return;
    }
    if (req.url.startsWith('/status/')) {
      const status = Number(req.url.split('/')[2]);
      json(res, status, { message: `status ${status} here` }, { 'request-id': `req_${status}` });
      return;
    }
    json(res, 200, { echo: req.text, url: req.url, method: req.method }, { 'x-request-id': 'req_123' });
  });
});

afterAll(async () => {
  await server.close();
  await closeSharedDispatcher();
});

function last(): ReceivedRequest {
  return server.received.at(-1)!;
}

describe('request building', () => {
  it('joins a base URL with a path prefix and a path, with or without slashes', async () => {
    for (const [baseUrl, path] of [
      [`${server.url}/api/v2`, '/orders'],
      [`${server.url}/api/v2/`, '/orders'],
      [`${server.url}/api/v2/`, 'orders'],
    ] as const) {
      const transport = createTransport(baseConfig(baseUrl));
      const response = await transport.request({ method: 'GET', path, operation: 'read' });
      expect((response.body as { url: string }).url).toBe('/api/v2/orders');
    }
    const bare = createTransport(baseConfig(server.url));
    await bare.request({ method: 'GET', path: '/orders', operation: 'read' });
    expect(last().url).toBe('/orders');
  });

  it('builds the query string, encoding values and skipping undefined', async () => {
    const transport = createTransport(baseConfig(server.url));
    await transport.request({
      method: 'GET',
      path: '/list',
      operation: 'read',
      query: { limit: 10, active: true, q: 'a b&c=d/é', skip: undefined },
    });
    expect(last().url).toBe('/list?limit=10&active=true&q=a%20b%26c%3Dd%2F%C3%A9');
    await transport.request({ method: 'GET', path: '/list?page=2', operation: 'read', query: { limit: 5 } });
    expect(last().url).toBe('/list?page=2&limit=5');
  });

  it('sends JSON bodies with content-type and accept, plus configured and per-request headers', async () => {
    const transport = createTransport(
      baseConfig(server.url, { headers: { Authorization: 'Bearer abc', 'X-Version': '2024-01-01' } }),
    );
    const response = await transport.request({
      method: 'POST',
      path: '/orders',
      operation: 'create',
      body: { name: 'Ünïcode ✓', amount: '12.34' },
      headers: { 'Idempotency-Key': 'k-1' },
    });
    const sent = last();
    expect(sent.method).toBe('POST');
    expect(JSON.parse(sent.text)).toEqual({ name: 'Ünïcode ✓', amount: '12.34' });
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers.accept).toBe('application/json');
    expect(sent.headers.authorization).toBe('Bearer abc');
    expect(sent.headers['x-version']).toBe('2024-01-01');
    expect(sent.headers['idempotency-key']).toBe('k-1');
    expect(response.status).toBe(200);
    expect(response.requestId).toBe('req_123');
  });

  it('sends a pre-serialised body (json) as it is, with the JSON content-type', async () => {
    const transport = createTransport(baseConfig(server.url));
    const body = { b: 1, a: [2, 3] };
    const text = '{"b":1,"a":[2,3]}';
    await transport.request({ method: 'POST', path: '/json', operation: 'read', body, json: text });
    expect(last().text).toBe(text);
    expect(last().headers['content-type']).toBe('application/json');
  });

  it('sends no content-type without a body', async () => {
    const transport = createTransport(baseConfig(server.url));
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(last().headers['content-type']).toBeUndefined();
    expect(last().text).toBe('');
  });

  it('accepts a full URL on the same origin (pagination links) and refuses any other origin', async () => {
    const transport = createTransport(
      baseConfig(`${server.url}/api`, { headers: { authorization: 'Bearer x' } }),
    );
    await transport.request({
      method: 'GET',
      path: `${server.url}/api/orders?cursor=abc`,
      operation: 'read',
    });
    expect(last().url).toBe('/api/orders?cursor=abc');
    const before = server.received.length;
    await expect(
      transport.request({ method: 'GET', path: 'http://evil.example/steal', operation: 'read' }),
    ).rejects.toThrow(/not the configured origin/);
    expect(server.received.length).toBe(before);
  });

  it('refuses a body that is not JSON-serialisable before sending anything', async () => {
    const transport = createTransport(baseConfig(server.url));
    const before = server.received.length;
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const body of [circular, { n: 10n }]) {
      await expect(
        transport.request({ method: 'POST', path: '/x', operation: 'create', body }),
      ).rejects.toSatisfy((e) => BillbridgeError.isInstance(e));
    }
    expect(server.received.length).toBe(before);
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => createTransport(baseConfig('ftp://example.com'))).toThrow(BillbridgeError);
    expect(() => createTransport(baseConfig('not a url'))).toThrow(BillbridgeError);
  });
});

describe('connection reuse', () => {
  it('keeps connections alive in the shared pool', async () => {
    const sockets = new Set<unknown>();
    const counting = await startServer((_req, res, raw) => {
      sockets.add(raw.socket);
      json(res, 200, {});
    });
    try {
      const transport = createTransport(baseConfig(counting.url));
      for (let i = 0; i < 20; i++) await transport.request({ method: 'GET', path: '/x', operation: 'read' });
      // undici may open a second socket while the first is finishing a response; never one per request.
      expect(sockets.size).toBeLessThanOrEqual(2);
      const warm = sockets.size;
      // A second transport to the same origin shares the pool's warm connections.
      const other = createTransport(baseConfig(`${counting.url}/v2`));
      for (let i = 0; i < 5; i++)
        await other.request({ method: 'POST', path: '/y', operation: 'create', body: {} });
      expect(sockets.size).toBeLessThanOrEqual(warm + 1);
      await Promise.all(
        Array.from({ length: 300 }, () =>
          transport.request({ method: 'GET', path: '/x', operation: 'read' }),
        ),
      );
      expect(sockets.size).toBeLessThanOrEqual(128);
    } finally {
      await counting.close();
    }
  });
});

describe('response handling', () => {
  const transport = () => createTransport(baseConfig(server.url));

  it('parses JSON bodies and keeps the raw text', async () => {
    const response = await transport().request({ method: 'GET', path: '/chunked', operation: 'read' });
    expect(response.body).toEqual({ parts: [1, 2, 3] });
    expect(response.text).toBe('{"parts":[1,2,3]}');
  });

  it('parses JSON even when the content-type does not say so', async () => {
    const response = await transport().request({ method: 'GET', path: '/untyped-json', operation: 'read' });
    expect(response.body).toEqual({ ok: true });
    expect(response.requestId).toBe('req_untyped');
  });

  it('keeps non-JSON bodies as text, and an empty body as undefined', async () => {
    const text = await transport().request({ method: 'GET', path: '/text', operation: 'read' });
    expect(text.body).toBe('plain words');
    const bad = await transport().request({ method: 'GET', path: '/bad-json', operation: 'read' });
    expect(bad.body).toBe('{not json');
    const empty = await transport().request({ method: 'DELETE', path: '/empty', operation: 'read' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeUndefined();
    expect(empty.text).toBe('');
  });

  it('throws mapError(response) for non-2xx, with provider, status and request id', async () => {
    const cases = [
      [400, InvalidRequestError],
      [401, AuthenticationError],
      [404, NotFoundError],
    ] as const;
    for (const [status, errorClass] of cases) {
      const error = await transport()
        .request({ method: 'GET', path: `/status/${status}`, operation: 'read' })
        .catch((e: unknown) => e);
      expect(errorClass.isInstance(error)).toBe(true);
      expect(ProviderError.isInstance(error)).toBe(true);
      const e = error as InstanceType<typeof errorClass>;
      expect(e.status).toBe(status);
      expect(e.provider).toBe('paid');
      expect(e.requestId).toBe(`req_${status}`);
      expect(e.raw).toEqual({ message: `status ${status} here` });
    }
  });

  it('fills in the request id when the provider mapper leaves it out', async () => {
    const t = createTransport(
      baseConfig(server.url, { mapError: (r) => new ProviderError(`bare ${r.status}`) }),
    );
    const error = await t
      .request({ method: 'GET', path: '/status/404', operation: 'read' })
      .catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect((error as ProviderError).requestId).toBe('req_404');
    expect((error as ProviderError).status).toBe(404);
    expect((error as ProviderError).provider).toBe('paid');
  });

  it('a mapper that throws on an odd body still yields the error class for the status', async () => {
    const t = createTransport(
      baseConfig(server.url, {
        mapError: () => {
          throw new TypeError('unexpected shape');
        },
      }),
    );
    const error = await t
      .request({ method: 'GET', path: '/status/404', operation: 'read' })
      .catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as NotFoundError).requestId).toBe('req_404');
    expect((error as NotFoundError).message).toMatch(/unexpected shape/);
  });

  it('reads the request id from configured headers, first match wins', async () => {
    const t = createTransport(baseConfig(server.url, { requestIdHeaders: ['X-Nope', 'Request-Id'] }));
    const error = await t
      .request({ method: 'GET', path: '/status/409', operation: 'read' })
      .catch((e: unknown) => e);
    expect((error as ProviderError).requestId).toBe('req_409');
  });

  it('exposes provider and baseUrl', () => {
    const t = transport();
    expect(t.provider).toBe('paid');
    expect(t.baseUrl).toBe(server.url);
  });
});
