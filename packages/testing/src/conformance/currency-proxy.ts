import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CurrencyProxy {
  url: string;
  /** The 2xx JSON answers as the fake wrote them, before the currency was swapped. */
  readonly originals: readonly string[];
  close(): Promise<void>;
}

/**
 * A provider that stores the record and answers in another currency: every request is passed to
 * `target` (the provider's fake) unchanged, and from the first write on (the create) in every 2xx JSON
 * answer each string equal to `from` (in upper or lower case, as providers spell codes either way)
 * becomes `to` in the same case. Creates and read-backs alike then tell the client the record is in
 * `to`, while reference data read before the create (ChargeOver's currency table) stays as it is.
 */
export async function startCurrencyProxy(target: string, from: string, to: string): Promise<CurrencyProxy> {
  const originals: string[] = [];
  let stored = false;
  const swaps = new Map([
    [from.toUpperCase(), to.toUpperCase()],
    [from.toLowerCase(), to.toLowerCase()],
  ]);
  const server = createServer((incoming, res) => {
    if (incoming.method !== 'GET') stored = true;
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const forward = request(
        `${target}${incoming.url ?? '/'}`,
        { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            let text = Buffer.concat(parts).toString('utf8');
            const status = answer.statusCode ?? 502;
            const isJson = /json/i.test(String(answer.headers['content-type'] ?? ''));
            if (stored && status >= 200 && status < 300 && isJson) {
              originals.push(text);
              try {
                text = JSON.stringify(swapStrings(JSON.parse(text), swaps));
              } catch {
                // Not JSON after all: passed on as it is.
              }
            }
            const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) };
            delete headers['transfer-encoding'];
            res.writeHead(status, headers);
            res.end(text);
          });
        },
      );
      forward.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${error.message}`);
      });
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    originals,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A copy with every string found in `swaps` replaced (iterative: any depth). */
function swapStrings(value: unknown, swaps: ReadonlyMap<string, string>): unknown {
  const swap = (item: unknown) => (typeof item === 'string' ? (swaps.get(item) ?? item) : item);
  if (value === null || typeof value !== 'object') return swap(value);
  const root = JSON.parse(JSON.stringify(value)) as object;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const item = node[key];
      if (item !== null && typeof item === 'object') stack.push(item);
      else node[key] = swap(item);
    }
  }
  return root;
}
