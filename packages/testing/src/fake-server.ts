import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FaultPlan } from './faults';
import { DEFAULT_MAX_BODY_BYTES, listenOnLoopback, readRequest, send, TOO_LARGE } from './http-exchange';
import { Router } from './router';
import type { FakeDefinition, RunningFake, StartFakeOptions } from './types';
import { WebhookDispatcher } from './webhook-dispatcher';

/**
 * Starts a real HTTP server on 127.0.0.1 serving one provider's fake. Each request: body read and
 * parsed, fault drawn, `authenticate`, route matched (`errorResponse(404)` when none), handler run.
 */
export async function startFake<S, Seed = unknown>(
  definition: FakeDefinition<S, Seed>,
  options: StartFakeOptions<Seed> = {},
): Promise<RunningFake<S>> {
  const state = definition.createState(options.seed);
  const router = new Router([...definition.routes, ...(definition.webhooks?.routes ?? [])]);
  const webhooks =
    definition.webhooks && options.webhooks
      ? new WebhookDispatcher(definition.webhooks, options.webhooks, state)
      : undefined;
  const faults = new FaultPlan(options.faults);
  const sockets = new Set<Socket>();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const headersTimeoutMs = options.headersTimeoutMs ?? 10_000;
  // Node requires the request timeout to be at least the headers timeout.
  const requestTimeoutMs = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeoutMs);
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
    const req = await readRequest(incoming, maxBodyBytes);
    if (req === TOO_LARGE) return refuseTooLarge(incoming, res);
    const control = CONTROL_PAID.exec(req.path);
    if (control && req.method === 'POST') {
      // A testing route (no auth, no faults): the provider's "invoice paid" moment, with its webhooks.
      if (!definition.webhooks?.markPaid) return send(res, { status: 404, body: { error: 'no webhooks' } });
      const messages = definition.webhooks.markPaid(decodeURIComponent(control[1]!), state);
      if (!messages) return send(res, { status: 404, body: { error: 'unknown invoice' } });
      webhooks?.emit(messages);
      return send(res, { status: 200, body: { messages: messages.map((m) => m.type) } });
    }
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
    if (webhooks && match.route.creates && answer.status < 300) {
      // The provider sends its events for what it stored, whatever the client is told below.
      webhooks.emit(definition.webhooks?.onCreate?.(answer, state, req) ?? []);
    }
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

  /** 413 in the provider's shape, then the connection is closed once the client has read it. */
  function refuseTooLarge(incoming: IncomingMessage, res: ServerResponse): void {
    const answer = definition.errorResponse(
      413,
      `Request body larger than ${maxBodyBytes} bytes (the fake's limit).`,
    );
    send(res, { ...answer, headers: { ...answer.headers, connection: 'close' } });
    // Keep reading (and dropping) what the client is still sending: closing a socket with unread data
    // resets it, and the client could lose the 413. The request timeout bounds how long this can last.
    incoming.resume();
  }

  /** Responses being produced per connection (a pipelining client may have several). */
  const inFlight = new WeakMap<Socket, number>();
  /** Connections whose client sent garbage: closed with a 400 once their pending answers are written. */
  const garbled = new WeakSet<Socket>();

  function settle(socket: Socket): void {
    const left = (inFlight.get(socket) ?? 1) - 1;
    inFlight.set(socket, left);
    if (left === 0 && garbled.has(socket)) refuseGarbage(socket);
  }

  function refuseGarbage(socket: Socket): void {
    if (socket.destroyed) return;
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  }

  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Node checks both timeouts on this interval (30 s by default, longer than the timeouts themselves).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    },
    (incoming, res) => {
      const socket = incoming.socket;
      inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
      res.once('close', () => settle(socket));
      serve(incoming, res).catch((error: unknown) => {
        if (res.headersSent || res.destroyed) return;
        const message = error instanceof Error ? error.message : String(error);
        send(res, definition.errorResponse(500, `The fake's handler failed: ${message}`));
      });
    },
  );
  server.keepAliveTimeout = 10_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Garbage after a valid request on the same connection (pipelining): the valid request still gets its
  // answer, then the connection is closed with a 400. Node's default would destroy the socket at once.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (socket.destroyed) return;
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_HEADERS_TIMEOUT') {
      if (socket.writable && (inFlight.get(socket) ?? 0) === 0) {
        socket.end('HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      } else socket.destroy();
      return;
    }
    if ((inFlight.get(socket) ?? 0) > 0) garbled.add(socket);
    else refuseGarbage(socket);
  });

  const port = await listenOnLoopback(server, options.port ?? 0);

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}${(definition.basePath ?? '').replace(/\/+$/, '')}`,
    get records() {
      return definition.records(state);
    },
    state,
    faults,
    ...(webhooks && { webhooks }),
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        webhooks?.close();
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}

const CONTROL_PAID = /^\/__billbridge\/invoices\/([^/]+)\/paid$/;
