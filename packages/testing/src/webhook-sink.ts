/**
 * A local receiver for tests and the demo: records every delivery (raw body and headers) and answers
 * with `handler` (e.g. core's `createNodeWebhookHandler`) or a plain 200.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: Record<string, string>;
  body: string;
}

export interface WebhookSink {
  url: string;
  readonly received: readonly ReceivedDelivery[];
  close(): Promise<void>;
}

/** A receiver of the sink's deliveries: `(req, res)` as `node:http` calls it. */
export type NodeHandler = (req: IncomingMessage & { rawBody?: unknown }, res: ServerResponse) => unknown;

export async function startWebhookSink(handler?: NodeHandler): Promise<WebhookSink> {
  const received: ReceivedDelivery[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    received.push({ headers, body: raw.toString('utf8') });
    if (!handler) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    try {
      await handler(Object.assign(req, { rawBody: raw }), res);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
