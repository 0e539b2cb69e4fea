/**
 * Issue #14 item 6: a fake holds under abuse. Oversized bodies get the provider's 413, stalled clients are
 * cut off by the header/request timeouts, and a valid request followed by garbage on the same connection
 * still gets its valid answer. Raw sockets, since a well-behaved HTTP client cannot send any of this.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningFake, startFake } from '../src';
import { AUTH, type TinyState, tinyFake } from './support/tiny-fake';

const fakes: Array<RunningFake<TinyState>> = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fake(options: Parameters<typeof startFake<TinyState>>[1] = {}) {
  const running = await startFake(tinyFake, options);
  fakes.push(running);
  return running;
}

/** Opens a socket, writes `chunks`, and resolves with everything the server sent until it closed. */
function exchange(
  url: string,
  chunks: Array<string | Buffer>,
  opts: { end?: boolean } = {},
): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer arrived still leaves the answer to check.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      reject(error);
    });
    socket.on('close', () => resolve(Buffer.concat(received).toString('latin1')));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (opts.end) socket.end();
    });
  });
}

function post(body: string, extra = ''): string {
  return (
    `POST /v1/invoices HTTP/1.1\r\nhost: x\r\nauthorization: ${AUTH.authorization}\r\n` +
    `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`
  );
}

describe('a fake under abuse', () => {
  it('answers a body over the limit with 413 in the provider shape, and creates nothing', async () => {
    const running = await fake({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ externalId: 'big', pad: 'x'.repeat(4096) });
    const response = await fetch(`${running.url}/v1/invoices`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(tinyFake.errorResponse(413, expect.any(String) as never).body);
    expect(running.records).toEqual([]);

    // At the limit it is accepted.
    const fits = JSON.stringify({ externalId: 'fits', pad: 'x'.repeat(900) });
    const ok = await fetch(`${running.url}/v1/invoices`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: fits,
    });
    expect(ok.status).toBe(201);
    expect(running.records).toHaveLength(1);
  });

  it('a client streaming 8 MiB past the default 1 MiB limit still reads the 413', async () => {
    const running = await fake();
    const response = await fetch(`${running.url}/v1/invoices`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'z'.repeat(8 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(running.records).toEqual([]);
  });

  it('counts a chunked body (no content-length) against the limit too', async () => {
    const running = await fake({ maxBodyBytes: 1024 });
    const head =
      `POST /v1/invoices HTTP/1.1\r\nhost: x\r\nauthorization: ${AUTH.authorization}\r\n` +
      'content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n';
    const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
    const body = [chunk(`{"pad":"${'y'.repeat(800)}`), chunk(`${'y'.repeat(800)}"}`), '0\r\n\r\n'];
    const answer = await exchange(running.url, [head, ...body]);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"status":413');
    expect(running.records).toEqual([]);
  });

  it('closes a connection whose headers never finish (headers timeout)', async () => {
    const running = await fake({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    // Waits for the server to close the socket: it only ends because of the configured timeout.
    const answer = await exchange(running.url, ['POST /v1/invoices HTTP/1.1\r\nhost: x\r\n']);
    expect(answer === '' || /^HTTP\/1\.1 408 /.test(answer)).toBe(true);
    expect(running.records).toEqual([]);
  });

  it('closes a connection whose body never finishes (request timeout)', async () => {
    const running = await fake({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const head = post('{"externalId":"slow"}').replace(/\{.*$/, '');
    const answer = await exchange(running.url, [`${head}{"exte`]);
    expect(answer === '' || /^HTTP\/1\.1 408 /.test(answer)).toBe(true);
    expect(running.records).toEqual([]);
  });

  it('answers a valid request followed by garbage with the valid answer', async () => {
    const running = await fake();
    const answer = await exchange(running.url, [
      `${post(JSON.stringify({ externalId: 'piped' }))}\u0000\u0001GARBAGE / NOT-HTTP\r\n\r\n`,
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer).toContain('"externalId":"piped"');
    expect(running.records).toEqual([{ externalId: 'piped' }]);
  });

  it('answers garbage on its own with a 400 and closes', async () => {
    const running = await fake();
    const answer = await exchange(running.url, ['\u0016\u0003\u0001 not http at all\r\n\r\n']);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('still serves normally after all that', async () => {
    const running = await fake({ maxBodyBytes: 1024 });
    await exchange(running.url, [`${post('{}')}garbage\r\n\r\n`]);
    const response = await fetch(`${running.url}/v1/invoices`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ externalId: 'after' }),
    });
    expect(response.status).toBe(201);
  });
});
