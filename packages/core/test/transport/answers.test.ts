import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { baseConfig, startServer, type TestServer } from './helpers';

/*
 * How an answer is read (exchange.ts): the transport takes undici's chunks itself rather than through
 * `request`'s stream, so what that stream and `body.text()` did for us is held here against a real server.
 */
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

async function answering(write: Parameters<typeof startServer>[0]) {
  const server = await startServer(write);
  servers.push(server);
  return createTransport(baseConfig(server.url, { maxRetries: 0 }));
}

describe('reading an answer', () => {
  it('joins a body sent in pieces, a multi-byte character split between two of them', async () => {
    const text = JSON.stringify({ name: 'Zoë – 東京 🧾', pad: 'x'.repeat(3000) });
    const bytes = Buffer.from(text, 'utf8');
    // Split inside the 4-byte emoji: decoding piece by piece would garble it.
    const cut = bytes.indexOf(Buffer.from('🧾', 'utf8')) + 2;
    const transport = await answering((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(bytes.subarray(0, cut));
      setTimeout(() => res.end(bytes.subarray(cut)), 20);
    });
    const response = await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(response.text).toBe(text);
    expect(response.body).toEqual(JSON.parse(text));
  });

  it('drops a leading byte-order mark, as a UTF-8 decoder of a whole body does', async () => {
    const transport = await answering((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"inv_1"}')]));
    });
    const response = await transport.request({ method: 'GET', path: '/x', operation: 'read' });
    expect(response.text).toBe('{"id":"inv_1"}');
    expect(response.body).toEqual({ id: 'inv_1' });
  });

  it('skips an informational answer and reads the final one', async () => {
    const transport = await answering((_req, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload' });
      res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_final' });
      res.end('{"id":"inv_2"}');
    });
    const response = await transport.request({ method: 'POST', path: '/x', operation: 'create', body: {} });
    expect(response.status).toBe(201);
    expect(response.requestId).toBe('req_final');
    expect(response.body).toEqual({ id: 'inv_2' });
  });

  it('gives headers lower-cased, a repeated one as a list, and an empty body as undefined', async () => {
    const transport = await answering((_req, res) => {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('X-Request-Id', 'req_empty');
      res.writeHead(204);
      res.end();
    });
    const response = await transport.request({ method: 'DELETE', path: '/x', operation: 'read' });
    expect(response.status).toBe(204);
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(response.requestId).toBe('req_empty');
    expect(response.text).toBe('');
    expect(response.body).toBeUndefined();
  });
});
