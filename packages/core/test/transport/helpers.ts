import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorFromStatus } from '../../src/errors/provider-errors';
import type { TransportConfig, TransportResponse } from '../../src/transport/types';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  text: string;
}

export type Handler = (
  req: ReceivedRequest,
  res: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

export interface TestServer {
  url: string;
  port: number;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records every request (after reading its body) and runs `handler`. */
export async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const req = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        text: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(req);
      Promise.resolve(handler(req, res, raw)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with JSON. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server = await startServer(() => {});
  await server.close();
  return server.port;
}

/** The mapper a provider's errors.ts would supply, reduced to the status and a `message` field. */
export function testMapError(response: TransportResponse) {
  const body = response.body as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : response.text.slice(0, 200);
  return errorFromStatus({
    provider: 'paid',
    status: response.status,
    message,
    requestId: response.requestId,
    raw: response.body,
  });
}

/** Injected clock and sleep: sleeping advances the clock instantly and records each delay. */
export function fakeTime(start = 1_700_000_000_000) {
  const delays: number[] = [];
  let clock = start;
  return {
    delays,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    sleep: async (ms: number) => {
      delays.push(ms);
      clock += ms;
    },
  };
}

export function baseConfig(url: string, overrides: Partial<TransportConfig> = {}): TransportConfig {
  return {
    provider: 'paid',
    baseUrl: url,
    headers: {},
    secrets: [],
    mapError: testMapError,
    ...overrides,
  };
}
