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
  const customerId = body.invoice.customerId;
  if (!state.customers.has(customerId)) {
    // selectCustomerById throws inside the procedure: tRPC's INTERNAL_SERVER_ERROR, a 500 (CONTRACT.md F7).
    return trpcError(500, notFoundById('customers', customerId));
  }
  if (insertFails(body, state)) return trpcError(500, insertFailure(body));
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

/** selectById's message when the row is missing (tableUtils.ts, CONTRACT.md F7). */
function notFoundById(table: string, id: string): string {
  return `Failed to select ${table} by id ${id}: No ${table.replace(/_/g, ' ')} found with id: ${id}`;
}

/** The constraint that would fail the insert: UNIQUE(invoice_number) or one of the foreign keys. */
function insertFails(body: InvoiceCreateBody, state: FlowgladFakeState): boolean {
  if (state.transientInsertFailures > 0) {
    state.transientInsertFailures -= 1;
    return true;
  }
  const inv = body.invoice as Record<string, unknown>;
  const known = (value: unknown, set: Set<string>) => value == null || set.has(String(value));
  return (
    state.numbers.has(body.invoice.invoiceNumber) ||
    !known(inv.purchaseId, state.purchases) ||
    !known(inv.subscriptionId, state.subscriptions) ||
    !known(inv.billingPeriodId, state.billingPeriods) ||
    !known(inv.ownerMembershipId, state.memberships)
  );
}

/** The columns drizzle lists in the insert, in the schema's order (schema/invoices.ts at c45e7cb). */
const INSERT_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'created_by_commit',
  'updated_by_commit',
  'livemode',
  'position',
  'purchase_id',
  'invoice_number',
  'invoice_date',
  'billing_period_id',
  'due_date',
  'stripe_payment_intent_id',
  'customer_id',
  'organization_id',
  'status',
  'subscription_id',
  'billing_run_id',
  'billing_period_start_date',
  'billing_period_end_date',
  'owner_membership_id',
  'pdf_url',
  'receipt_pdf_url',
  'memo',
  'bank_payment_only',
  'type',
  'currency',
  'tax_amount',
  'subtotal',
  'stripe_tax_calculation_id',
  'stripe_tax_transaction_id',
  'tax_type',
  'tax_country',
  'tax_state',
  'tax_rate_percentage',
  'application_fee',
];

/**
 * Every failed insert answers this, whatever the cause: createInsertFunction wraps createInsertManyFunction's
 * error, which wraps drizzle's `Failed query: <sql>\nparams: <values>` (CONTRACT.md F5). The database's own
 * reason is only in the error's `cause`, which never reaches the answer.
 */
function insertFailure(body: InvoiceCreateBody): string {
  const columns = INSERT_COLUMNS.map((c) => `"${c}"`).join(', ');
  const values = INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const inv = body.invoice as Record<string, unknown>;
  const params = [inv.purchaseId ?? null, inv.invoiceNumber, inv.customerId, inv.subscriptionId ?? null]
    .map(String)
    .join(',');
  const query = `insert into "invoices" (${columns}) values (${values}) returning ${columns}`;
  return `Failed to insert item into invoices: Failed to insert items into invoices: Failed query: ${query}\nparams: ${params}`;
}

/** A create-era read by id whose procedure only looks the row up (purchases.get, subscriptions.get). */
function byIdRoute(table: string, set: (state: FlowgladFakeState) => Set<string>, key: string) {
  return (req: FakeRequest, state: FlowgladFakeState): FakeResponse => {
    const id = req.params.id ?? '';
    if (!set(state).has(id)) return trpcError(500, notFoundById(table, id));
    return { status: 200, body: { [key]: { id, livemode: false, organizationId: state.organizationId } } };
  };
}

/**
 * Flowglad's cursor (tableUtils.ts `encodeCursor`): base64 of `{ parameters, createdAt, direction }`.
 * With parameters, the page holds rows equal to them and created after (forward) or before `createdAt`;
 * with none, the list starts over from the oldest row. The fake also pages the unfiltered list by
 * position (`{ offset }`), where Flowglad's own code repeats the first page (F9).
 */
interface DecodedCursor {
  parameters: Record<string, unknown>;
  createdAt: number;
  direction: 'forward' | 'backward';
  offset: number;
}

function encodeCursor(cursor: DecodedCursor): string {
  const { parameters, createdAt, direction, offset } = cursor;
  return Buffer.from(
    JSON.stringify({ parameters, createdAt: new Date(createdAt).toISOString(), direction, offset }),
    'utf8',
  ).toString('base64');
}

function decodeCursor(cursor: string): DecodedCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as Record<string, unknown>;
    const parameters =
      value.parameters !== null && typeof value.parameters === 'object'
        ? (value.parameters as Record<string, unknown>)
        : {};
    const createdAt = typeof value.createdAt === 'string' ? Date.parse(value.createdAt) : 0;
    const offset = Number.isSafeInteger(value.offset) ? (value.offset as number) : 0;
    if (Number.isNaN(createdAt) || offset < 0) return undefined;
    return {
      parameters,
      createdAt,
      direction: value.direction === 'backward' ? 'backward' : 'forward',
      offset,
    };
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
  const decoded: DecodedCursor | undefined = cursor
    ? decodeCursor(cursor)
    : { parameters: {}, createdAt: 0, direction: 'forward', offset: 0 };
  if (decoded === undefined) return trpcError(500, 'Unexpected token in JSON at position 0');
  const filters = Object.entries(decoded.parameters).filter(([, v]) => v !== undefined && v !== '');
  let rows = state.invoices;
  let start = decoded.offset;
  if (filters.length > 0) {
    rows = rows.filter(
      ({ invoice }) =>
        filters.every(([k, v]) => (invoice as unknown as Record<string, unknown>)[k] === v) &&
        (decoded.direction === 'forward'
          ? invoice.createdAt > decoded.createdAt
          : invoice.createdAt < decoded.createdAt),
    );
    start = 0;
  }
  const page = rows.slice(start, start + limit);
  const data = page.map((stored) => stored.invoice);
  const hasMore = start + limit < rows.length;
  const body: Record<string, unknown> = { data, hasMore, total: rows.length };
  if (cursor) body.currentCursor = cursor;
  if (hasMore) {
    const last = page[page.length - 1]!.invoice;
    body.nextCursor = encodeCursor({
      parameters: decoded.parameters,
      createdAt: filters.length > 0 ? last.createdAt : 0,
      direction: decoded.direction,
      offset: filters.length > 0 ? 0 : start + limit,
    });
  }
  return { status: 200, body };
}

const routes: FakeRoute<FlowgladFakeState>[] = [
  { method: 'POST', path: '/api/v1/invoices', creates: true, handle: create },
  { method: 'GET', path: '/api/v1/invoices', handle: list },
  { method: 'GET', path: '/api/v1/invoices/:id', handle: retrieve },
  {
    method: 'GET',
    path: '/api/v1/purchases/:id',
    handle: byIdRoute('purchases', (s) => s.purchases, 'purchase'),
  },
  {
    method: 'GET',
    path: '/api/v1/subscriptions/:id',
    handle: byIdRoute('subscriptions', (s) => s.subscriptions, 'subscription'),
  },
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
