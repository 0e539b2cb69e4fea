import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  AmbiguousResultError,
  AuthenticationError,
  ConnectionError,
  ProviderServerError,
} from '../../src/errors/provider-errors';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import type { TransportEvent } from '../../src/transport/types';
import { baseConfig, fakeTime, freePort, json, startServer, type TestServer } from './helpers';

const API_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const PRIVATE_KEY = 'priv_9f8e7d6c5b4a3210';
const BASIC = Buffer.from(`pub_key_123456:${PRIVATE_KEY}`).toString('base64');

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

/** A provider that echoes the credentials it received back in its error body (some do). */
async function echoingProvider(status: number) {
  const server = await startServer((req, res) => {
    json(
      res,
      status,
      {
        message: `bad credentials: ${req.headers.authorization} / ${req.headers['x-api-key']}`,
        received: { headers: req.headers, body: req.text, url: req.url },
      },
      { 'x-request-id': 'req_echo' },
    );
  });
  servers.push(server);
  return server;
}

/** Every way an error might be printed or logged. */
function renderings(error: unknown, events: TransportEvent[]): string[] {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? '',
    JSON.stringify(e),
    inspect(e),
    inspect(e, { depth: 10, showHidden: true }),
    JSON.stringify(events),
    inspect(events, { depth: 10 }),
  ];
}

function expectNoSecret(texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(PRIVATE_KEY);
    expect(text).not.toContain(BASIC);
  }
}

function transportFor(url: string, events: TransportEvent[], secrets = [API_KEY]) {
  return createTransport(
    baseConfig(url, {
      ...fakeTime(),
      headers: { Authorization: `Bearer ${API_KEY}`, 'X-Api-Key': API_KEY },
      secrets,
      onEvent: (event) => events.push(event),
    }),
  );
}

describe('secrets never leave the transport', () => {
  it('a 401 whose body echoes the key', async () => {
    const server = await echoingProvider(401);
    const events: TransportEvent[] = [];
    const error = await transportFor(server.url, events)
      .request({ method: 'GET', path: '/me', operation: 'read' })
      .catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as AuthenticationError).message).toContain('[REDACTED]');
    // The key really was sent and echoed: the redaction, not its absence, is what keeps it out.
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expectNoSecret(renderings(error, events));
    expect(events.some((e) => e.type === 'error')).toBe(true);
  });

  it('a retried read that ends in a 5xx echoing the key', async () => {
    const server = await echoingProvider(503);
    const events: TransportEvent[] = [];
    const error = await transportFor(server.url, events)
      .request({ method: 'GET', path: '/orders', operation: 'read' })
      .catch((e: unknown) => e);
    expect(ProviderServerError.isInstance(error)).toBe(true);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
    expectNoSecret(renderings(error, events));
  });

  it('an ambiguous create whose request body and answer both carry the key', async () => {
    const server = await echoingProvider(500);
    const events: TransportEvent[] = [];
    const error = await transportFor(server.url, events)
      .request({
        method: 'POST',
        path: '/invoices',
        operation: 'create',
        body: { note: `paid with ${API_KEY}`, api_key: API_KEY },
        externalId: 'ext-9',
      })
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    const e = error as AmbiguousResultError;
    expectNoSecret([...renderings(error, events), inspect(e.request), JSON.stringify(e.request)]);
    expectNoSecret(renderings(e.cause, []));
    expect(e.request.body).toEqual({ note: 'paid with [REDACTED]', api_key: '[REDACTED]' });
  });

  it('a key in the query string is redacted from connection errors and event urls', async () => {
    const port = await freePort();
    const events: TransportEvent[] = [];
    const error = await transportFor(`http://127.0.0.1:${port}`, events)
      .request({ method: 'GET', path: '/orders', operation: 'read', query: { api_key: API_KEY } })
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(events.filter((e) => e.type === 'attempt')).toHaveLength(3);
    expect((events[0] as { url: string }).url).toContain('api_key=[REDACTED]');
    expectNoSecret(renderings(error, events));
  });

  it('credentials in configured auth headers are redacted even when not listed in secrets', async () => {
    const server = await startServer((req, res) =>
      json(res, 401, { message: `rejected ${req.headers.authorization}` }),
    );
    servers.push(server);
    const events: TransportEvent[] = [];
    const transport = createTransport(
      baseConfig(server.url, {
        headers: { Authorization: `Basic ${BASIC}` },
        secrets: [],
        onEvent: (event) => events.push(event),
      }),
    );
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expectNoSecret(renderings(error, events));
  });

  it('events never carry headers', async () => {
    const server = await echoingProvider(200);
    const events: TransportEvent[] = [];
    await transportFor(server.url, events).request({ method: 'GET', path: '/x', operation: 'read' });
    for (const event of events) {
      expect(Object.keys(event)).not.toContain('headers');
    }
    expectNoSecret([JSON.stringify(events)]);
  });
});
