import { afterAll, describe, it } from 'vitest';
import { AmbiguousResultError, TimeoutError } from '../../src/errors/provider-errors';
import { COARSE_TIMEOUT_MIN_MS } from '../../src/transport/attempt';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { baseConfig, json, startServer, type TestServer } from './helpers';

/*
 * Limits of 5 s and more are enforced by undici's own headersTimeout plus a body timer, not by an
 * AbortController (attempt.ts). These tests wait that long, so they run concurrently.
 * No upper bound on wall-clock time: a loaded machine delays timers. A limit that is not enforced
 * hangs (or trickles) forever, which the per-test limit below (derived from timeoutMs) catches; a
 * missed abort ends as a TimeoutError, not an AbortError.
 */
const timeoutMs = COARSE_TIMEOUT_MIN_MS;
const testLimit = { timeout: 6 * timeoutMs };
const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await closeSharedDispatcher();
});

async function server(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

describe.concurrent(`per-attempt timeout of ${timeoutMs} ms and more (undici's timers)`, () => {
  it(
    'a server that never answers: a retryable TimeoutError naming the limit',
    testLimit,
    async ({ expect }) => {
      const s = await server(() => {});
      const transport = createTransport(baseConfig(s.url, { timeoutMs, maxRetries: 0 }));
      const started = Date.now();
      const error = await transport
        .request({ method: 'GET', path: '/x', operation: 'read' })
        .catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect((error as TimeoutError).retryable).toBe(true);
      expect((error as TimeoutError).message).toMatch(new RegExp(`within ${timeoutMs} ms \\(attempt 1\\)`));
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 600);
      expect(s.received).toHaveLength(1);
    },
  );

  it(
    'a create that times out after sending is ambiguous, with the TimeoutError as cause',
    testLimit,
    async ({ expect }) => {
      const s = await server(() => {});
      const transport = createTransport(baseConfig(s.url, { timeoutMs }));
      const error = await transport
        .request({ method: 'POST', path: '/invoices', operation: 'create', body: { a: 1 } })
        .catch((e: unknown) => e);
      expect(AmbiguousResultError.isInstance(error)).toBe(true);
      expect(TimeoutError.isInstance((error as AmbiguousResultError).cause)).toBe(true);
      expect(s.received).toHaveLength(1);
    },
  );

  it(
    'a body trickling in faster than any idle timeout still ends at the attempt limit',
    testLimit,
    async ({ expect }) => {
      const timers: NodeJS.Timeout[] = [];
      const s = await server((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        timers.push(setInterval(() => res.write('1,'), 200));
      });
      const transport = createTransport(baseConfig(s.url, { timeoutMs, maxRetries: 0 }));
      const started = Date.now();
      const error = await transport
        .request({ method: 'GET', path: '/x', operation: 'read' })
        .catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      for (const t of timers) clearInterval(t);
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect((error as TimeoutError).status).toBe(200);
      expect((error as TimeoutError).message).toMatch(new RegExp(`within ${timeoutMs} ms`));
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 100);
    },
  );

  it('a body arriving in pieces within the limit is read whole', async ({ expect }) => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      setTimeout(() => res.end('1}'), 150);
    });
    const transport = createTransport(baseConfig(s.url, { timeoutMs }));
    const response = await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(response.body).toEqual({ a: 1 });
  });

  it('the caller’s signal aborts a read promptly with its reason', async ({ expect }) => {
    const controller = new AbortController();
    const s = await server(() => controller.abort());
    const transport = createTransport(baseConfig(s.url, { timeoutMs }));
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read', signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(s.received).toHaveLength(1);
  });

  it('a caller abort of a create in flight is ambiguous, with the abort reason as cause', async ({
    expect,
  }) => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const s = await server(() => controller.abort(reason));
    const transport = createTransport(baseConfig(s.url, { timeoutMs }));
    const error = await transport
      .request({
        method: 'POST',
        path: '/invoices',
        operation: 'create',
        body: { a: 1 },
        signal: controller.signal,
      })
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect((error as AmbiguousResultError).cause).toBe(reason);
  });

  it('a signal that is never aborted changes nothing', async ({ expect }) => {
    const s = await server((_req, res) => json(res, 201, { id: 'inv_1' }));
    const transport = createTransport(baseConfig(s.url, { timeoutMs }));
    const { signal } = new AbortController();
    const response = await transport.request({
      method: 'POST',
      path: '/invoices',
      operation: 'create',
      body: { a: 1 },
      signal,
    });
    expect(response.body).toEqual({ id: 'inv_1' });
  });
});
