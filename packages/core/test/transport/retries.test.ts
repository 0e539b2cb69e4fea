import { Agent } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ConnectionError,
  InvalidRequestError,
  NotFoundError,
  ProviderServerError,
  RateLimitError,
} from '../../src/errors/provider-errors';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import type { TransportEvent } from '../../src/transport/types';
import { baseConfig, fakeTime, freePort, json, startServer, type TestServer } from './helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

/** A server answering the scripted statuses in order (then 200), each with optional headers. */
async function scripted(script: Array<number | [number, Record<string, string>] | 'drop'>) {
  let i = 0;
  const server = await startServer((_req, res) => {
    const step = script[i++];
    if (step === 'drop') {
      res.socket?.destroy();
      return;
    }
    if (step === undefined) return json(res, 200, { ok: true, n: i });
    const [status, headers] = Array.isArray(step) ? step : [step, {}];
    json(res, status, { message: `scripted ${status}` }, headers);
  });
  servers.push(server);
  return server;
}

describe('the provider mapping decides what is final', () => {
  it('does not retry a 5xx that mapError classifies as not retryable (a duplicate key answered as 500)', async () => {
    const server = await scripted([500]);
    const time = fakeTime();
    const transport = createTransport(
      baseConfig(server.url, {
        ...time,
        maxRetries: 3,
        mapError: (response) =>
          new ConflictError(`duplicate: ${String(response.status)}`, {
            status: response.status,
            retryable: false,
          }),
      }),
    );
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', deduplicated: true, body: {} })
      .catch((e: unknown) => e);
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(server.received).toHaveLength(1);
    expect(time.delays).toEqual([]);
  });
});

describe('reads: retries with exponential backoff and full jitter', () => {
  it('retries 503, 502 and succeeds, waiting random() * base * 2^attempt', async () => {
    const server = await scripted([503, 502]);
    const time = fakeTime();
    const transport = createTransport(
      baseConfig(server.url, { ...time, random: () => 0.5, retryBaseMs: 200, maxRetries: 3 }),
    );
    const response = await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(response.body).toEqual({ ok: true, n: 3 });
    expect(server.received).toHaveLength(3);
    expect(time.delays).toEqual([100, 200]);
  });

  it('caps each backoff at retryCapMs', async () => {
    const server = await scripted([500, 500, 500, 500]);
    const time = fakeTime();
    const transport = createTransport(
      baseConfig(server.url, {
        ...time,
        random: () => 0.999,
        retryBaseMs: 1000,
        retryCapMs: 2500,
        maxRetries: 4,
      }),
    );
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(time.delays).toEqual([999, 1998, 2497, 2497]);
  });

  it('gives up after maxRetries with the mapped error of the last attempt', async () => {
    const server = await scripted([500, 504, 503, 500]);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, random: () => 0, maxRetries: 2 }));
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(ProviderServerError.isInstance(error)).toBe(true);
    expect((error as ProviderServerError).status).toBe(503);
    expect(server.received).toHaveLength(3);
    expect(time.delays).toEqual([0, 0]);
  });

  it('does not retry when maxRetries is 0', async () => {
    const server = await scripted([503]);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, maxRetries: 0 }));
    await expect(transport.request({ method: 'GET', path: '/x', operation: 'read' })).rejects.toSatisfy((e) =>
      ProviderServerError.isInstance(e),
    );
    expect(server.received).toHaveLength(1);
    expect(time.delays).toEqual([]);
  });

  it('retries 408, 425 and 429 reads', async () => {
    const server = await scripted([408, 425, 429]);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, random: () => 0, maxRetries: 3 }));
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(server.received).toHaveLength(4);
  });

  it('never retries other 4xx', async () => {
    for (const [status, errorClass] of [
      [400, InvalidRequestError],
      [404, NotFoundError],
      [422, InvalidRequestError],
    ] as const) {
      const server = await scripted([status]);
      const time = fakeTime();
      const transport = createTransport(baseConfig(server.url, { ...time }));
      const error = await transport
        .request({ method: 'GET', path: '/x', operation: 'read' })
        .catch((e: unknown) => e);
      expect(errorClass.isInstance(error)).toBe(true);
      expect(server.received).toHaveLength(1);
      expect(time.delays).toEqual([]);
    }
  });

  it('retries a read whose connection was dropped', async () => {
    const server = await scripted(['drop']);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, random: () => 0 }));
    const response = await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
  });

  it('retries connection refused and then throws a retryable ConnectionError', async () => {
    const port = await freePort();
    const time = fakeTime();
    const transport = createTransport(baseConfig(`http://127.0.0.1:${port}`, { ...time, random: () => 0.5 }));
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as ConnectionError).retryable).toBe(true);
    expect((error as ConnectionError).provider).toBe('paid');
    expect(time.delays).toEqual([100, 200]);
  });
});

describe('Retry-After', () => {
  it('honours delta-seconds instead of the backoff', async () => {
    const server = await scripted([
      [429, { 'retry-after': '3' }],
      [503, { 'retry-after': '1' }],
    ]);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, random: () => 0.5 }));
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(time.delays).toEqual([3_000, 1_000]);
    expect(server.received).toHaveLength(3);
  });

  it('honours an HTTP-date relative to the injected clock', async () => {
    const time = fakeTime(Date.parse('2026-03-01T12:00:00Z'));
    const server = await scripted([[429, { 'retry-after': 'Sun, 01 Mar 2026 12:00:05 GMT' }]]);
    const transport = createTransport(baseConfig(server.url, { ...time }));
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(time.delays).toEqual([5_000]);
  });

  it('clamps a long Retry-After to maxRetryAfterMs (60 s by default)', async () => {
    const server = await scripted([[503, { 'retry-after': '3600' }]]);
    const time = fakeTime();
    const transport = createTransport(baseConfig(server.url, { ...time, deadlineMs: 600_000 }));
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(time.delays).toEqual([60_000]);

    const other = await scripted([[503, { 'retry-after': '30' }]]);
    const time2 = fakeTime();
    const capped = createTransport(baseConfig(other.url, { ...time2, maxRetryAfterMs: 5_000 }));
    await capped.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(time2.delays).toEqual([5_000]);
  });

  it('never waits beyond the deadline: throws the RateLimitError with retryAfterMs instead', async () => {
    const server = await scripted([[429, { 'retry-after': '50' }]]);
    const time = fakeTime();
    const transport = createTransport(
      baseConfig(server.url, {
        ...time,
        deadlineMs: 10_000,
        mapError: (r) =>
          new RateLimitError('slow down', Number(r.headers['retry-after']) * 1000, {
            provider: 'paid',
            status: r.status,
          }),
      }),
    );
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(50_000);
    expect(server.received).toHaveLength(1);
    expect(time.delays).toEqual([]);
  });
});

describe('events and dispatcher', () => {
  it('reports attempts, responses and retries through onEvent', async () => {
    const server = await scripted([503]);
    const time = fakeTime();
    const events: TransportEvent[] = [];
    const transport = createTransport(
      baseConfig(server.url, { ...time, random: () => 0.5, onEvent: (e) => events.push(e) }),
    );
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(events.map((e) => e.type)).toEqual([
      'attempt',
      'response',
      'error',
      'retry',
      'attempt',
      'response',
    ]);
    expect(events[3]).toMatchObject({ type: 'retry', attempt: 0, delayMs: 100, status: 503, method: 'GET' });
    expect(events[5]).toMatchObject({ type: 'response', attempt: 1, status: 200, url: `${server.url}/x` });
  });

  it('a throwing onEvent does not change the outcome', async () => {
    const server = await scripted([]);
    const transport = createTransport(
      baseConfig(server.url, {
        onEvent: () => {
          throw new Error('logger down');
        },
      }),
    );
    await expect(transport.request({ method: 'GET', path: '/x', operation: 'read' })).resolves.toMatchObject({
      status: 200,
    });
  });

  it('sends through the given dispatcher instead of the shared pool', async () => {
    const server = await scripted([]);
    let dispatched = 0;
    const agent = new Agent().compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    const transport = createTransport(baseConfig(server.url, { dispatcher: agent }));
    await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    await transport.request({ method: 'GET', path: '/y', operation: 'read' });
    expect(dispatched).toBe(2);
    await agent.close();
  });
});
