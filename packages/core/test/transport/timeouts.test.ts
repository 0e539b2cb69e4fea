import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AmbiguousResultError, ProviderServerError, TimeoutError } from '../../src/errors/provider-errors';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { baseConfig, fakeTime, json, startServer, type TestServer } from './helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

/** Hangs (never answers) on the listed request numbers (1-based), answers 200 otherwise. */
async function hanging(hangOn: (n: number) => boolean, onReceive?: () => void) {
  let n = 0;
  const server = await startServer((_req, res) => {
    n++;
    onReceive?.();
    if (hangOn(n)) return;
    json(res, 200, { n });
  });
  servers.push(server);
  return server;
}

/** Sends headers, then stalls the body forever. */
async function stallingBody() {
  const server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"partial":');
  });
  servers.push(server);
  return server;
}

describe('per-attempt timeout', () => {
  it('a slow read times out and is retried', async () => {
    const server = await hanging((n) => n === 1);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, timeoutMs: 400, random: () => 0.5 }));
    const response = await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(response.body).toEqual({ n: 2 });
    expect(server.received).toHaveLength(2);
    expect(time.delays).toEqual([100]);
  });

  // Without a body timer the read would stall forever: the test's own time limit is the upper bound.
  it('covers the body too, not only the headers', { timeout: 20 * 1_500 }, async () => {
    const server = await stallingBody();
    const transport = createTransport(
      baseConfig(server.url, { ...fakeTime(), timeoutMs: 1_500, maxRetries: 0 }),
    );
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).status).toBe(200);
    expect((error as TimeoutError).message).toMatch(/within 1500 ms/);
  });

  it('times out every attempt and throws a retryable TimeoutError', async () => {
    const server = await hanging(() => true);
    const transport = createTransport(baseConfig(server.url, { ...fakeTime(), timeoutMs: 400 }));
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).retryable).toBe(true);
    expect((error as TimeoutError).message).toMatch(/within 400 ms/);
    expect(server.received).toHaveLength(3);
  });

  it('a per-request timeoutMs overrides the config', async () => {
    const server = await hanging(() => true);
    const transport = createTransport(
      baseConfig(server.url, { ...fakeTime(), timeoutMs: 60_000, maxRetries: 0 }),
    );
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read', timeoutMs: 50 })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    // The message names the limit that fired: the request's 50 ms, not the config's 60 s (which would
    // also outlast the test's own time limit).
    expect((error as TimeoutError).message).toMatch(/within 50 ms/);
  });
});

describe('overall deadline', () => {
  it('cuts an attempt short at the deadline, and does not retry after it', async () => {
    const server = await hanging(() => true);
    const timeoutMs = 10_000;
    const transport = createTransport(baseConfig(server.url, { timeoutMs, deadlineMs: 800 }));
    const started = Date.now();
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).message).toMatch(/deadline of 800 ms/);
    expect((error as TimeoutError).retryable).toBe(true);
    // Not before the deadline; and well before the 10 s attempt limit it cut short (load only delays).
    expect(elapsed).toBeGreaterThanOrEqual(790);
    expect(elapsed).toBeLessThan(timeoutMs);
    expect(server.received).toHaveLength(1);
  });

  it('spans the retries: attempts plus backoff stop at the deadline, not after maxRetries', async () => {
    const server = await hanging(() => true);
    let attempts = 0;
    const transport = createTransport(
      baseConfig(server.url, {
        timeoutMs: 300,
        deadlineMs: 1_500,
        maxRetries: 50,
        retryBaseMs: 1,
        retryCapMs: 1,
        onEvent: (event) => {
          if (event.type === 'attempt') attempts++;
        },
      }),
    );
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).message).toMatch(/deadline of 1500 ms/);
    // The deadline, not maxRetries, ended it: 51 attempts would mean the retries ran out instead.
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThan(51);
  });

  it('skips a backoff that would end past the deadline and throws the last error at once', async () => {
    let n = 0;
    const server = await startServer((_req, res) => json(res, 503, { message: `down ${++n}` }));
    servers.push(server);
    const time = fakeTime();
    const transport = createTransport(
      baseConfig(server.url, { ...time, deadlineMs: 1_000, retryBaseMs: 5_000, random: () => 0.9 }),
    );
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(ProviderServerError.isInstance(error)).toBe(true);
    expect(server.received).toHaveLength(1);
    expect(time.delays).toEqual([]);
  });
});

describe('AbortSignal', () => {
  it('an already aborted signal sends nothing', async () => {
    const server = await hanging(() => false);
    const transport = createTransport(baseConfig(server.url));
    const reason = new Error('caller gave up');
    await expect(
      transport.request({ method: 'GET', path: '/x', operation: 'read', signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.received).toHaveLength(0);
  });

  it('aborting a read in flight rejects promptly with the abort reason, without retrying', async () => {
    const controller = new AbortController();
    const server = await hanging(
      () => true,
      () => controller.abort(),
    );
    const timeoutMs = 10_000;
    const transport = createTransport(baseConfig(server.url, { timeoutMs }));
    const started = Date.now();
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read', signal: controller.signal })
      .catch((e: unknown) => e);
    // An AbortError (a missed abort would end as a TimeoutError), before the attempt limit.
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.received).toHaveLength(1);
  });

  it('aborting during the backoff wait rejects promptly, with no further attempt', async () => {
    let n = 0;
    const server = await startServer((_req, res) => json(res, 503, { message: `down ${++n}` }));
    servers.push(server);
    const retryBaseMs = 20_000;
    const transport = createTransport(baseConfig(server.url, { retryBaseMs, random: () => 0.99 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const started = Date.now();
    await expect(
      transport.request({ method: 'GET', path: '/x', operation: 'read', signal: controller.signal }),
    ).rejects.toThrow('stop');
    // The backoff drawn is ~0.99 × 20 s; ending in under half of it means the wait was cut short.
    expect(Date.now() - started).toBeLessThan(retryBaseMs / 2);
    expect(server.received).toHaveLength(1);
  });

  it('aborting a non-deduplicated create in flight reports it as ambiguous', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const server = await hanging(
      () => true,
      () => controller.abort(reason),
    );
    const transport = createTransport(baseConfig(server.url));
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
    expect(server.received).toHaveLength(1);
  });
});
