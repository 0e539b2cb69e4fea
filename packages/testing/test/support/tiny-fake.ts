import type { FakeDefinition } from '../../src';

export interface TinyState {
  apiKeys?: string[];
  invoices: Array<{ id: string; externalId?: string; body: unknown }>;
  nextId: number;
}

export interface TinySeed {
  apiKeys?: string[];
}

/** A minimal provider-shaped fake used by this package's own tests. */
export const tinyFake: FakeDefinition<TinyState, TinySeed> = {
  provider: 'paid',
  createState: (seed) => ({ ...(seed?.apiKeys ? { apiKeys: seed.apiKeys } : {}), invoices: [], nextId: 1 }),
  authenticate(req, state) {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!match) return { status: 401, text: 'Unauthorized' };
    if (state.apiKeys && !state.apiKeys.includes(match[1]!)) {
      return { status: 403, body: { error: { message: 'Key not allowed' } } };
    }
    return undefined;
  },
  routes: [
    {
      method: 'POST',
      path: '/v1/invoices',
      creates: true,
      handle(req, state) {
        if (req.body === null || typeof req.body !== 'object') {
          return { status: 400, body: { error: { message: 'JSON body required' } } };
        }
        const body = req.body as { externalId?: string };
        const id = `inv_${state.nextId++}`;
        state.invoices.push({ id, ...(body.externalId ? { externalId: body.externalId } : {}), body });
        return { status: 201, body: { id, ...body }, headers: { 'x-request-id': `req_${id}` } };
      },
    },
    {
      method: 'GET',
      path: '/v1/invoices/:id',
      handle(req, state) {
        const found = state.invoices.find((i) => i.id === req.params.id);
        return found
          ? { status: 200, body: { id: found.id, ...(found.body as object) } }
          : { status: 404, body: { error: { message: `No invoice ${req.params.id}` } } };
      },
    },
    {
      method: 'GET',
      path: '/v1/echo/:a/items/:b',
      handle: (req) => ({
        status: 200,
        body: { params: req.params, query: Object.fromEntries(req.query), path: req.path },
      }),
    },
    { method: 'GET', path: '/v1/text', handle: () => ({ status: 200, text: 'plain words' }) },
    { method: 'GET', path: '/v1/slash/', handle: () => ({ status: 200, body: { slash: true } }) },
    {
      method: 'POST',
      path: '/v1/boom',
      handle() {
        throw new Error('handler exploded');
      },
    },
  ],
  records: (state) => state.invoices.map((i) => i.body),
  errorResponse: (status, message) => ({ status, body: { error: { status, message } } }),
};

export const AUTH = { authorization: 'Bearer sk_test_tiny_key_123' };
