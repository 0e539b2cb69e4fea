/**
 * Flowglad on localhost: the documented create endpoint (historical contract, or withdrawn on demand)
 * and the current read endpoints, with Flowglad's auth, plain-text 401/404, `{ error, code }` bodies and
 * the documented validation rules, including the global uniqueness of `invoiceNumber`.
 */
import type { FakeDefinition, FakeRequest, FakeResponse, FakeRoute } from '@billbridge/testing';
import {
  createFakeState,
  type FakeStoredInvoice,
  type FlowgladFakeSeed,
  type FlowgladFakeState,
  storeInvoice,
} from './fake-store';
import { flowgladFakeWebhooks } from './fake-webhooks';
import { InvoiceCreateBody } from './wire';

const TRPC_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
};
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** tRPC errors as Flowglad's REST wrapper sends them. */
function trpcError(status: number, error: unknown): FakeResponse {
  return { status, body: { error, code: TRPC_CODES[status] ?? 'INTERNAL_SERVER_ERROR' } };
}

function errorResponse(status: number, message: string): FakeResponse {
  // No REST route matched: Flowglad answers a plain-text 404.
  if (status === 404) return { status, text: 'Not Found' };
  if (status === 401) return { status, text: message };
  return trpcError(status, message);
}

/** `Authorization: <key>` or `Authorization: Bearer <key>`; anything else is a plain-text 401. */
function bearerKey(req: FakeRequest): string | undefined {
  const header = req.headers.authorization?.trim();
  if (!header) return undefined;
  const key = header.replace(/^Bearer\s+/i, '');
  return /^\S+$/.test(key) ? key : undefined;
}

function authenticate(req: FakeRequest, state: FlowgladFakeState): FakeResponse | undefined {
  const key = bearerKey(req);
  if (key === undefined)
    return { status: 401, text: 'Unauthorized: missing or malformed Authorization header' };
  if (state.apiKeys && !state.apiKeys.includes(key))
    return { status: 401, text: 'Unauthorized: invalid API key' };
  return undefined;
}

function create(req: FakeRequest, state: FlowgladFakeState): FakeResponse {
  if (state.createWithdrawn) {
    // Current Flowglad derives the REST route, but the procedure behind it was deleted (card §0).
    return trpcError(404, 'No "mutation"-procedure on path "invoices.create"');
  }
  if (req.body === undefined && req.text.trim() !== '') {
    return { status: 400, body: { error: 'Invalid JSON in request body' } };
  }
  const parsed = InvoiceCreateBody.safeParse(req.body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      code: issue.code,
      path: issue.path,
      message: issue.message,
    }));
    return trpcError(400, issues);
  }
  const body = parsed.data;
  if (body.invoiceLineItems.some((item) => item.type === 'usage')) {
    return trpcError(400, 'Usage line items cannot be created through the API; use static line items.');
  }
  if (!state.customers.has(body.invoice.customerId)) {
    return trpcError(404, `No customers found with id: ${body.invoice.customerId}`);
  }
  if (state.numbers.has(body.invoice.invoiceNumber)) {
    // The DB's UNIQUE(invoiceNumber) across every organisation fails the insert.
    return {
      status: 500,
      body: {
        error: 'duplicate key value violates unique constraint "invoices_invoice_number_unique"',
        code: 'INTERNAL_SERVER_ERROR',
      },
    };
  }
  const key = bearerKey(req) ?? '';
  const stored = storeInvoice(state, body, key.startsWith('sk_live_'));
  // The REST wrapper answers 200 for every success, not 201.
  return { status: 200, body: stored };
}

function retrieve(req: FakeRequest, state: FlowgladFakeState): FakeResponse {
  const stored = state.byId.get(req.params.id ?? '');
  if (!stored) return trpcError(404, `Invoice not found: ${req.params.id}`);
  return { status: 200, body: stored };
}

/** Opaque cursors; Flowglad's own are opaque strings too. */
function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
    return Number.isSafeInteger(value.offset) && (value.offset as number) >= 0
      ? (value.offset as number)
      : undefined;
  } catch {
    return undefined;
  }
}

function list(req: FakeRequest, state: FlowgladFakeState): FakeResponse {
  const limitText = req.query.get('limit');
  const limit = limitText === null || limitText === '' ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return { status: 400, body: { error: `limit must be an integer between 1 and ${MAX_LIMIT}` } };
  }
  const cursor = req.query.get('cursor');
  const offset = cursor ? decodeCursor(cursor) : 0;
  if (offset === undefined) return { status: 400, body: { error: 'Invalid cursor' } };
  const data = state.invoices.slice(offset, offset + limit).map((stored) => stored.invoice);
  const hasMore = offset + limit < state.invoices.length;
  const body: Record<string, unknown> = { data, hasMore, total: state.invoices.length };
  if (cursor) body.currentCursor = cursor;
  if (hasMore) body.nextCursor = encodeCursor(offset + limit);
  return { status: 200, body };
}

const routes: FakeRoute<FlowgladFakeState>[] = [
  { method: 'POST', path: '/api/v1/invoices', creates: true, handle: create },
  { method: 'GET', path: '/api/v1/invoices', handle: list },
  { method: 'GET', path: '/api/v1/invoices/:id', handle: retrieve },
];

export const flowgladFake: FakeDefinition<FlowgladFakeState, FlowgladFakeSeed> = {
  provider: 'flowglad',
  createState: createFakeState,
  authenticate,
  routes,
  webhooks: flowgladFakeWebhooks,
  records: (state): FakeStoredInvoice[] => state.invoices,
  errorResponse,
};
