import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AmbiguousResultError, ProviderError } from '../../src/errors/provider-errors';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { ResponseTooLargeError } from '../../src/transport/read-body';
import { baseConfig, fakeTime, startServer, type TestServer } from './helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

/** Answers `size` bytes of JSON, with or without a content-length (chunked, in 256-byte pieces). */
async function sized(size: number, declareLength: boolean) {
  const payload = `"${'x'.repeat(size - 2)}"`;
  const server = await startServer((_req, res) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'x-request-id': 'req_big',
    };
    if (declareLength) headers['content-length'] = size;
    res.writeHead(200, headers);
    for (let i = 0; i < payload.length; i += 256) res.write(payload.slice(i, i + 256));
    res.end();
  });
  servers.push(server);
  return server;
}

describe('maxResponseBytes', () => {
  for (const declareLength of [true, false]) {
    const how = declareLength ? 'with content-length' : 'chunked';

    it(`accepts a body of exactly the limit (${how})`, async () => {
      const server = await sized(4096, declareLength);
      const transport = createTransport(baseConfig(server.url, { maxResponseBytes: 4096 }));
      const response = await transport.request({ method: 'GET', path: '/x', operation: 'read' });
      expect((response.body as string).length).toBe(4094);
    });

    it(`rejects one byte over the limit, without retrying (${how})`, async () => {
      const server = await sized(4097, declareLength);
      const time = fakeTime();
      const transport = createTransport(baseConfig(server.url, { ...time, maxResponseBytes: 4096 }));
      const error = await transport
        .request({ method: 'GET', path: '/x', operation: 'read' })
        .catch((e: unknown) => e);
      expect(ResponseTooLargeError.isInstance(error)).toBe(true);
      expect(ProviderError.isInstance(error)).toBe(true);
      const e = error as ResponseTooLargeError;
      expect(e.limitBytes).toBe(4096);
      expect(e.status).toBe(200);
      expect(e.requestId).toBe('req_big');
      expect(e.retryable).toBe(false);
      expect(server.received).toHaveLength(1);
    });
  }

  it('stops reading a huge streamed body early', async () => {
    let written = 0;
    let closed = false;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!closed && written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        closed = true;
      });
      pump();
    });
    servers.push(server);
    const transport = createTransport(baseConfig(server.url, { maxResponseBytes: 1024 * 1024 }));
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read' })
      .catch((e: unknown) => e);
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('an oversized answer to a non-deduplicated create is ambiguous (it was probably created)', async () => {
    const server = await sized(5000, true);
    const transport = createTransport(baseConfig(server.url, { maxResponseBytes: 4096 }));
    const error = await transport
      .request({ method: 'POST', path: '/invoices', operation: 'create', body: { a: 1 }, externalId: 'e-1' })
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect(ResponseTooLargeError.isInstance((error as AmbiguousResultError).cause)).toBe(true);
    expect((error as AmbiguousResultError).requestId).toBe('req_big');
    expect(server.received).toHaveLength(1);
  });
});
