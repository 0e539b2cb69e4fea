import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedServer {
  url: string;
  /** Requests received so far. */
  readonly hits: number;
  close(): Promise<void>;
}

/** A server that answers every request with the same status, headers and body (JSON or text). */
export async function startCannedServer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<CannedServer> {
  const isText = typeof body === 'string';
  const payload = Buffer.from(isText ? body : JSON.stringify(body ?? null), 'utf8');
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => {
      res.writeHead(status, {
        'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        'content-length': String(payload.length),
        ...headers,
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The body with the secret appended to every string in it: a provider that echoes the credential. */
export function echoSecret(body: unknown, secret: string): unknown {
  if (typeof body === 'string') return `${body} (${secret})`;
  if (Array.isArray(body)) return body.map((item) => echoSecret(item, secret));
  if (body && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      Object.defineProperty(out, key, { value: echoSecret(value, secret), enumerable: true, writable: true });
    }
    return out;
  }
  return body;
}

/**
 * The body with the secret echoed the ways a provider might: appended to every string (as is), and, in an
 * object body, an `echo` field holding it 40 levels deep, base64-encoded, inside `user:key` base64 and
 * URL-encoded. A text body gets the encoded forms appended.
 */
export function echoSecretDeeply(body: unknown, secret: string): unknown {
  const forms = [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(`user:${secret}`).toString('base64'),
    encodeURIComponent(secret),
  ];
  const echoed = echoSecret(body, secret);
  if (typeof echoed === 'string') return `${echoed} ${forms.join(' ')}`;
  if (echoed === null || typeof echoed !== 'object' || Array.isArray(echoed)) return echoed;
  let deep: unknown = { forms };
  for (let i = 0; i < 40; i++) deep = i % 2 === 0 ? { detail: deep } : [deep];
  return { ...echoed, echo: deep };
}
