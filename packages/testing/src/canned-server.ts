/**
 * A real HTTP server on 127.0.0.1 answering canned responses by method and path, and recording what it
 * received. For the tests that run a client and must not load zod (issue #23's "zod stays unloaded"): the
 * fakes validate with zod, so this module imports node built-ins and zod-free files of this package only
 * (`test/canned-server.test.ts` walks its imports to keep it so).
 */
import { createServer, type ServerResponse } from 'node:http';
import { DEFAULT_MAX_BODY_BYTES, listenOnLoopback, readRequest, send, TOO_LARGE } from './http-exchange';
import { Router } from './router';
import type { FakeMethod, FakeRequest, FakeResponse, FakeRoute } from './types';

export type { FakeRequest, FakeResponse } from './types';

/** A fixed answer, or one computed from the request (a create answered with what was sent). */
export type CannedAnswer = FakeResponse | ((req: FakeRequest) => FakeResponse);

/**
 * Answers keyed `'METHOD /path'`, e.g. `'GET /api/v2/orders/:id'`: a `:name` segment matches any one
 * segment (its value in `req.params`), the rest matches exactly; the first matching key wins, so put
 * the specific paths before the `:name` ones. A request no key matches is answered 404.
 */
export type CannedRoutes = Record<string, CannedAnswer>;

export interface CannedServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request received, in arrival order, unmatched ones included (one refused with 413 for its size is not). */
  received: FakeRequest[];
  /** The same, each as `'METHOD /path'` (the query left out): what a test usually asserts. */
  calls(): string[];
  /** Stops listening and drops open connections (keep-alive ones too); safe to call twice. */
  close(): Promise<void>;
}

/** What a proxy or firewall in front of a provider answers: a 403 HTML page, not the provider's JSON. */
export const HTML_FORBIDDEN: FakeResponse = {
  status: 403,
  text: '<html><body>Forbidden</body></html>',
  headers: { 'content-type': 'text/html' },
};

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies FakeMethod[];

function toRoute([key, answer]: [string, CannedAnswer]): FakeRoute<undefined> {
  const [method = '', path = '', extra] = key.split(' ');
  if (!METHODS.includes(method) || !path.startsWith('/') || extra !== undefined) {
    throw new TypeError(
      `Canned route "${key}": write it as "METHOD /path", METHOD one of ${METHODS.join(', ')}.`,
    );
  }
  return {
    method: method as FakeMethod,
    path,
    handle: (req) => (typeof answer === 'function' ? answer(req) : answer),
  };
}

/** Starts the server on a free port; resolves once it listens. */
export async function startCannedServer(routes: CannedRoutes): Promise<CannedServer> {
  const router = new Router(Object.entries(routes).map(toRoute));
  const received: FakeRequest[] = [];

  async function serve(req: FakeRequest, res: ServerResponse): Promise<void> {
    received.push(req);
    const match = router.match(req.method, req.path);
    if (!match) return send(res, { status: 404, text: `No canned answer for ${req.method} ${req.path}.` });
    req.params = match.params;
    send(res, await match.route.handle(req, undefined));
  }

  const server = createServer((incoming, res) => {
    readRequest(incoming, DEFAULT_MAX_BODY_BYTES)
      .then((req) => {
        if (req !== TOO_LARGE) return serve(req, res);
        send(res, { status: 413, text: `Body larger than ${DEFAULT_MAX_BODY_BYTES} bytes.` });
        incoming.resume(); // drain the rest: closing on unread data would reset the 413 away
      })
      .catch((error: unknown) => {
        // A throwing answer function is a broken test: say so in the answer the client reports.
        if (res.headersSent || res.destroyed) return;
        const message = error instanceof Error ? error.message : String(error);
        send(res, { status: 500, text: `The canned answer failed: ${message}` });
      });
  });
  const port = await listenOnLoopback(server, 0);

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    calls: () => received.map((req) => `${req.method} ${req.path}`),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
