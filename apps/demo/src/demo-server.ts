import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderName } from '@billbridge/core';
import { createApi } from './api';
import { describeError } from './describe-error';
import { MigrationRuns } from './migration-runs';
import { startDemoProviders } from './providers';
import { serveStatic } from './static-files';
import { WebhookFeed } from './webhook-feed';

export interface DemoOptions {
  port?: number;
  host?: string;
}

export interface RunningDemo {
  url: string;
  fakes: Record<string, string>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

/** Starts the five provider fakes and the demo's web server; everything in this process, on loopback. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  const feed = new WebhookFeed();
  // The server listens first, so the fakes can be told where to deliver their webhooks.
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => sendJson(res, 500, { error: describeError(error) }));
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const providers = await startDemoProviders((name) => `http://127.0.0.1:${port}/webhooks/${name}`);
  const api = createApi(providers);
  const migrations = new MigrationRuns(providers);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://demo');
    if (req.method === 'GET') {
      if (pathname === '/api/samples') return sendJson(res, 200, api.samples());
      if (pathname === '/api/providers') return sendJson(res, 200, api.providers());
      if (pathname === '/api/capabilities') return sendJson(res, 200, api.capabilities());
      if (pathname === '/api/events') return feed.stream(res);
      const events = /^\/api\/migrations\/([\w-]+)\/events$/.exec(pathname);
      if (events?.[1]) return migrations.stream(events[1], res);
      if (await serveStatic(pathname, res)) return;
      return sendJson(res, 404, { error: { name: 'NotFound', message: `No page at ${pathname}` } });
    }
    if (req.method === 'POST') {
      const webhook = /^\/webhooks\/(paid|flowglad|whop|chargeover|pelcro)$/.exec(pathname);
      if (webhook?.[1]) return feed.receive(webhook[1] as ProviderName, req, res);
      const body = (await readJson(req)) as Record<string, unknown>;
      if (pathname === '/api/map') return sendJson(res, 200, api.map(body.document));
      if (pathname === '/api/send') return sendJson(res, 200, await api.send(body.provider, body.document));
      if (pathname === '/api/migrations') return sendJson(res, 200, migrations.start(body));
    }
    sendJson(res, 405, { error: { name: 'MethodNotAllowed', message: `${req.method} ${pathname}` } });
  }

  return {
    url: `http://${host}:${port}/`,
    fakes: Object.fromEntries(providers.list.map((p) => [p.name, p.url])),
    async close() {
      migrations.cancelAll();
      feed.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await providers.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}
