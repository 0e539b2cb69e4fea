import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultPlan } from './faults';
import { Router } from './router';
import type { FakeDefinition, FakeRequest, FakeResponse, RunningFake, StartFakeOptions } from './types';

/**
 * Starts a real HTTP server on 127.0.0.1 serving one provider's fake. Each request: body read and
 * parsed, fault drawn, `authenticate`, route matched (`errorResponse(404)` when none), handler run.
 */
export async function startFake<S, Seed = unknown>(
  definition: FakeDefinition<S, Seed>,
  options: StartFakeOptions<Seed> = {},
): Promise<RunningFake<S>> {
  const state = definition.createState(options.seed);
  const router = new Router(definition.routes);
  const faults = new FaultPlan(options.faults);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function serve(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const req = await readRequest(incoming);
    const match = router.match(req.method, req.path);
    const fault = faults.next(req.method, req.path, match?.route.creates === true);

    if (fault === 'drop') {
      incoming.socket.destroy();
      return;
    }
    if (fault === 'rate_limit') {
      const answer = definition.errorResponse(429, 'Too many requests (injected fault).');
      const retryAfter = String(faults.retryAfterSeconds);
      return send(res, { ...answer, headers: { ...answer.headers, 'retry-after': retryAfter } });
    }
    if (fault === 'server_error' || fault === 'bad_gateway' || fault === 'unavailable') {
      const status = fault === 'server_error' ? 500 : fault === 'bad_gateway' ? 502 : 503;
      return send(res, definition.errorResponse(status, `Injected ${fault.replace('_', ' ')} fault.`));
    }
    if (fault === 'latency') {
      await delay(faults.latencyMs);
      if (closed) return;
    }

    const denied = definition.authenticate(req, state);
    if (denied) return send(res, denied);
    if (!match) return send(res, definition.errorResponse(404, `No route for ${req.method} ${req.path}.`));

    req.params = match.params;
    const answer = await match.route.handle(req, state);
    if (fault === 'created_then_failed') {
      // The handler ran (the record is stored); the client is told it failed.
      return send(
        res,
        definition.errorResponse(500, 'Injected fault: the record was stored, then the request failed.'),
      );
    }
    if (fault === 'created_then_garbled' && answer.status < 300) {
      // The handler ran (the record is stored); the client gets a 2xx it cannot read.
      return send(res, {
        status: answer.status,
        text: '<html><body><h1>502 Bad Gateway</h1></body></html>',
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
    return send(res, answer);
  }

  const server = createServer((incoming, res) => {
    serve(incoming, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const message = error instanceof Error ? error.message : String(error);
      send(res, definition.errorResponse(500, `The fake's handler failed: ${message}`));
    });
  });
  server.keepAliveTimeout = 10_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}${(definition.basePath ?? '').replace(/\/+$/, '')}`,
    get records() {
      return definition.records(state);
    },
    state,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}

async function readRequest(incoming: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
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

function send(res: ServerResponse, answer: FakeResponse): void {
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
