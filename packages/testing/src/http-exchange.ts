/**
 * Reading a request off node:http and writing an answer to it, shared by `startFake` and
 * `startCannedServer`. Node built-ins only: importing this never loads zod (the canned server's promise).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeRequest, FakeResponse } from './types';

/** Listens on 127.0.0.1 (`port` 0: a free one); resolves to the port, rejects if it cannot listen. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const TOO_LARGE = Symbol('too large');

/** The body, or TOO_LARGE as soon as it is known to pass `limit` (declared or counted). */
function readBody(incoming: IncomingMessage, limit: number): Promise<Buffer | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const declared = Number(incoming.headers['content-length']);
    if (declared > limit) return resolve(TOO_LARGE);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      incoming.off('data', onData);
      chunks.length = 0;
      resolve(TOO_LARGE);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks)));
    incoming.once('error', reject);
  });
}

export async function readRequest(
  incoming: IncomingMessage,
  limit: number,
): Promise<FakeRequest | typeof TOO_LARGE> {
  const body = await readBody(incoming, limit);
  if (body === TOO_LARGE) return TOO_LARGE;
  const text = body.toString('utf8');
  const url = new URL(incoming.url ?? '/', 'http://fake.invalid');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const rawPath = (incoming.url ?? '/').split('?')[0] ?? '/';
  return {
    method: (incoming.method ?? 'GET').toUpperCase(),
    path: rawPath,
    query: url.searchParams,
    headers,
    body: parseJson(text),
    text,
    params: {},
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function send(res: ServerResponse, answer: FakeResponse): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name.toLowerCase()] = value;
  let payload = '';
  if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (answer.text !== undefined) {
    payload = answer.text;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  }
  const bytes = Buffer.from(payload, 'utf8');
  if (answer.status !== 204 && answer.status !== 304) headers['content-length'] = String(bytes.length);
  res.writeHead(answer.status, headers);
  res.end(answer.status === 204 || answer.status === 304 ? undefined : bytes);
}
