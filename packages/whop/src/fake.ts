/**
 * Whop's invoice API on localhost, for `startFake(whopFake)` from @billbridge/testing. Same paths
 * (`/api/v1/invoices`), Bearer auth, `Api-Version-Date` check, error body `{ error: { code | type, message } }`,
 * the documented create rules (one of product/product_id, customer, line sum, collection method) and
 * the `Invoice` object and cursor pages of version 2026-07-20.
 */
import {
  decimalFromNumber,
  decimalToExactNumber,
  formatDecimal,
  isCurrencyCode,
  minorUnitExponent,
  multiplyDecimal,
  normalizeInstant,
  toDecimal,
} from '@billbridge/core';
import type { FakeDefinition, FakeRequest, FakeResponse } from '@billbridge/testing';
import { whopFakeWebhooks } from './fake-webhooks';
import { WHOP_API_VERSION } from './options';
import {
  createRequestIssues,
  createVariantFor,
  effectivePlanType,
  InvoiceStatus,
  type WhopInvoice,
  type WhopInvoiceCreateRequest,
} from './wire';

export interface WhopFakeMember {
  id: string;
  email: string;
  userId: string;
  name: string | null;
  username: string;
}

export interface WhopFakeSeed {
  /** When set, only these API keys are accepted (so tests can provoke a 401). */
  apiKeys?: string[];
  /** Companies (`biz_…`) that may issue invoices; default `biz_xxxxxxxxxxxxxx`. */
  companies?: string[];
  /** Members (`mber_…`); default one member, see WHOP_FAKE_DEFAULT_MEMBER. */
  members?: WhopFakeMember[];
  /** Answer 404 for a member_id the fake does not know (default: accept it as a new member). */
  strictMembers?: boolean;
  /** Clock for `created_at` (default: the real one). */
  now?: () => Date;
}

export interface WhopFakeStoredInvoice {
  invoice: WhopInvoice;
  request: WhopInvoiceCreateRequest;
  sequence: number;
  /** The `Idempotency-Key` of the request that created it, when it had one. */
  idempotencyKey?: string;
}

/** A stored answer to a keyed POST, replayed for 24 hours (CONTRACT.md W20–W22). */
export interface StoredAnswer {
  fingerprint: string;
  answer: FakeResponse;
}

export interface WhopFakeState {
  apiKeys?: string[];
  companies: Set<string>;
  members: Map<string, WhopFakeMember>;
  strictMembers: boolean;
  invoices: WhopFakeStoredInvoice[];
  byId: Map<string, WhopFakeStoredInvoice>;
  counter: number;
  now: () => Date;
  /** Keyed POST answers by caller (the bearer credential) and key. */
  idempotency: Map<string, StoredAnswer>;
  /** Requests served without `Api-Version-Date` (Whop serves them with its oldest shapes). */
  unversionedRequests: number;
}

/** The documented example company (and what the card's SDK example needs to run unchanged). */
export const WHOP_FAKE_DEFAULT_COMPANY = 'biz_xxxxxxxxxxxxxx';
export const WHOP_FAKE_DEFAULT_MEMBER: WhopFakeMember = {
  id: 'mber_xxxxxxxxxxxxx',
  email: 'customer@example.com',
  userId: 'user_xxxxxxxxxxxxx',
  name: 'Jane Doe',
  username: 'janedoe',
};
/** Versions that exist but whose (older) shapes the fake does not serve. */
const OLDER_VERSIONS = new Set(['2025-01-01']);
const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

const ERROR_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'unprocessable_entity',
};

function whopError(status: number, message: string): FakeResponse {
  // The docs' rate-limit example uses `type`; the others use `code`.
  if (status === 429) return { status, body: { error: { type: 'rate_limit_exceeded', message } } };
  return {
    status,
    body: {
      error: { code: ERROR_CODES[status] ?? (status >= 500 ? 'internal_server_error' : 'error'), message },
    },
  };
}

function authenticate(req: FakeRequest, state: WhopFakeState): FakeResponse | undefined {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const token = match?.[1];
  if (!token || token === 'Bearer') {
    return whopError(401, 'Missing or malformed Authorization header: expected "Bearer <api key>".');
  }
  if (state.apiKeys && !state.apiKeys.includes(token)) return whopError(401, 'Invalid API key.');
  const version = req.headers['api-version-date'];
  if (version === undefined) {
    // Whop serves it (with the 2025-01-01 shapes, CONTRACT.md W4); this fake serves its one shape set and
    // counts the request so a test can see it arrived unversioned.
    state.unversionedRequests += 1;
    return undefined;
  }
  if (version === WHOP_API_VERSION) return undefined;
  if (OLDER_VERSIONS.has(version)) {
    return whopError(
      400,
      `Api-Version-Date ${version} is not served by this fake; send ${WHOP_API_VERSION}.`,
    );
  }
  return whopError(400, `Unknown Api-Version-Date: ${version}.`);
}

function nextId(state: WhopFakeState, prefix: string): string {
  state.counter += 1;
  return `${prefix}${state.counter.toString(36).padStart(14, '0')}`;
}

/** A display price like Whop's `formatted_price` ("$10.43"): the currency's digits, comma thousands. */
function formatPrice(price: number, currency: string): string {
  const upper = currency.toUpperCase();
  const digits = isCurrencyCode(upper) ? minorUnitExponent(upper) : undefined;
  const text = formatDecimal(decimalFromNumber(price), digits ?? 0);
  const [whole = '0', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const amount = fraction !== undefined ? `${grouped}.${fraction}` : grouped;
  return currency === 'usd' ? `$${amount}` : `${amount} ${upper}`;
}

function lineTotal(quantity: number, unitPrice: number): number {
  const exact = multiplyDecimal(toDecimal(quantity), toDecimal(unitPrice));
  try {
    return decimalToExactNumber(exact);
  } catch {
    return quantity * unitPrice;
  }
}

function describeZodIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

const MAX_KEY_BYTES = 255;

/**
 * Whop's idempotency on authenticated POSTs (docs.whop.com/developer/api/idempotency): a keyed request's
 * answer is stored and replayed, byte for byte with `Idempotent-Replayed: true`, to the same caller
 * sending the same key with the same method, path, query, body and Api-Version-Date; the same key with a
 * different request is a 400. Successes and 4xx answers are stored; a 5xx is not, so it runs again.
 */
function idempotent(
  handle: (req: FakeRequest, state: WhopFakeState, key: string | undefined) => FakeResponse,
): (req: FakeRequest, state: WhopFakeState) => FakeResponse {
  return (req, state) => {
    const key = req.headers['idempotency-key'];
    if (key === undefined) return handle(req, state, undefined);
    if (key === '' || Buffer.byteLength(key) > MAX_KEY_BYTES)
      return whopError(400, `Idempotency-Key must be 1 to ${MAX_KEY_BYTES} bytes.`);
    const caller = req.headers.authorization ?? '';
    const slot = `${caller}\n${key}`;
    const fingerprint = [
      req.method,
      req.path,
      req.query.toString(),
      req.text,
      req.headers['api-version-date'] ?? '',
    ].join('\n');
    const stored = state.idempotency.get(slot);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return {
          status: 400,
          body: {
            error: {
              code: 'idempotency_key_mismatch',
              message: 'This Idempotency-Key was used with a different request; use a new key.',
            },
          },
        };
      }
      return { ...stored.answer, headers: { ...stored.answer.headers, 'idempotent-replayed': 'true' } };
    }
    const answer = handle(req, state, key);
    if (answer.status < 500) state.idempotency.set(slot, { fingerprint, answer });
    return answer;
  };
}

function createInvoice(req: FakeRequest, state: WhopFakeState, key: string | undefined): FakeResponse {
  const raw = req.body;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return whopError(422, 'The request body must be a JSON object.');
  const products = Number('product' in raw) + Number('product_id' in raw);
  if (products !== 1) return whopError(422, 'Provide exactly one of product or product_id.');
  if (!('company_id' in raw)) return whopError(422, 'Missing required parameter: company_id');
  const parsed = createVariantFor(raw).safeParse(raw);
  if (!parsed.success) return whopError(422, `Invalid parameters: ${describeZodIssues(parsed.error.issues)}`);
  const body = parsed.data;
  const issues = createRequestIssues(body);
  if (issues.length > 0) return whopError(422, issues.map((i) => i.message).join(' '));
  if (!state.companies.has(body.company_id))
    return whopError(404, `Company ${body.company_id} was not found.`);

  let member: WhopFakeMember | undefined;
  if (body.member_id) {
    if (body.member_id.startsWith('mem_')) {
      return whopError(422, 'member_id must be a member id (mber_…), not a membership id (mem_…).');
    }
    member = state.members.get(body.member_id);
    if (!member && state.strictMembers) return whopError(404, `Member ${body.member_id} was not found.`);
  }

  const plan = body.plan;
  const currency = plan.currency ?? 'usd';
  const price = (effectivePlanType(plan) === 'renewal' ? plan.renewal_price : plan.initial_price) ?? 0;
  const email = body.email_address ?? member?.email ?? null;
  const userName = member?.name ?? body.customer_name ?? null;
  const userId = member?.userId ?? (email || body.member_id ? nextId(state, 'user_') : undefined);
  const id = nextId(state, 'inv_');
  const sequence = state.invoices.length + 1;
  // Keys in the order Whop's retrieve-invoice example lists them (W24 in CONTRACT.md).
  const invoice: WhopInvoice = {
    id,
    created_at: state.now().toISOString(),
    status: body.save_as_draft ? 'draft' : 'open',
    number: `#${String(sequence).padStart(4, '0')}`,
    due_date: body.due_date ? normalizeInstant(body.due_date) : null,
    email_address: email,
    fetch_invoice_token: `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ invoice: id })).toString('base64url')}.fake`,
    current_plan: { id: nextId(state, 'plan_'), formatted_price: formatPrice(price, currency), currency },
    line_items: (body.line_items ?? []).map((item, position) => ({
      label: item.label,
      position,
      quantity: item.quantity ?? 1,
      total: lineTotal(item.quantity ?? 1, item.unit_price),
      unit_price: item.unit_price,
    })),
    user: userId
      ? { id: userId, name: userName, username: member?.username ?? (email ? email.split('@')[0]! : userId) }
      : null,
  };
  const stored: WhopFakeStoredInvoice = { invoice, request: body, sequence };
  if (key !== undefined) stored.idempotencyKey = key;
  state.invoices.push(stored);
  state.byId.set(id, stored);
  return { status: 200, body: invoice };
}

function retrieveInvoice(req: FakeRequest, state: WhopFakeState): FakeResponse {
  const stored = state.byId.get(req.params.id ?? '');
  return stored
    ? { status: 200, body: stored.invoice }
    : whopError(404, `Invoice ${req.params.id} was not found.`);
}

/** `statuses[]=a&statuses[]=b` (the SDK's bracket form) or `statuses=a`. */
function many(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(`${name}[]`), ...query.getAll(name)];
}

const encodeCursor = (id: string) => Buffer.from(`cursor:${id}`).toString('base64url');
const decodeCursor = (cursor: string) => {
  const text = Buffer.from(cursor, 'base64url').toString();
  return text.startsWith('cursor:') ? text.slice('cursor:'.length) : undefined;
};

function listInvoices(req: FakeRequest, state: WhopFakeState): FakeResponse {
  const q = req.query;
  const companyId = q.get('company_id');
  if (!companyId) return whopError(422, 'Missing required parameter: company_id');
  if (!state.companies.has(companyId)) return whopError(404, `Company ${companyId} was not found.`);
  const statuses = many(q, 'statuses');
  const unknownStatus = statuses.find((s) => !InvoiceStatus.safeParse(s).success);
  if (unknownStatus) return whopError(422, `Invalid value for statuses: ${unknownStatus}`);
  const methods = many(q, 'collection_methods');
  const productIds = many(q, 'product_ids');
  const after = q.get('created_after');
  const before = q.get('created_before');
  const order = q.get('order') ?? 'created_at';
  const direction = q.get('direction') ?? 'desc';
  if (!['id', 'created_at', 'due_date'].includes(order))
    return whopError(422, `Invalid value for order: ${order}`);
  if (!['asc', 'desc'].includes(direction))
    return whopError(422, `Invalid value for direction: ${direction}`);

  const rows = state.invoices.filter(({ invoice, request }) => {
    if (request.company_id !== companyId) return false;
    if (statuses.length && !statuses.includes(invoice.status)) return false;
    if (methods.length && !methods.includes(request.collection_method)) return false;
    if (productIds.length && !('product_id' in request && productIds.includes(request.product_id)))
      return false;
    if (after && Date.parse(invoice.created_at) <= Date.parse(after)) return false;
    if (before && Date.parse(invoice.created_at) >= Date.parse(before)) return false;
    return true;
  });
  const key = (row: WhopFakeStoredInvoice) =>
    order === 'due_date'
      ? (row.invoice.due_date ?? '')
      : order === 'id'
        ? row.invoice.id
        : row.invoice.created_at;
  rows.sort((a, b) => {
    const k = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.sequence - b.sequence;
    return direction === 'asc' ? k : -k;
  });

  const page = pageOf(rows, q);
  if ('error' in page) return whopError(422, page.error);
  const { items, start } = page;
  const first = items[0];
  const last = items[items.length - 1];
  return {
    status: 200,
    body: {
      data: items.map((row) => row.invoice),
      page_info: {
        end_cursor: last ? encodeCursor(last.invoice.id) : null,
        start_cursor: first ? encodeCursor(first.invoice.id) : null,
        has_next_page: start + items.length < rows.length,
        has_previous_page: start > 0,
      },
    },
  };
}

/** Relay-style slicing: `after`/`first` forwards, `before`/`last` backwards. */
function pageOf(
  rows: WhopFakeStoredInvoice[],
  q: URLSearchParams,
): { items: WhopFakeStoredInvoice[]; start: number } | { error: string } {
  const size = (name: string): number | string | undefined => {
    const text = q.get(name);
    if (text === null) return undefined;
    const n = Number(text);
    return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE
      ? n
      : `${name} must be an integer from 1 to ${MAX_PAGE_SIZE}.`;
  };
  const first = size('first');
  const last = size('last');
  if (typeof first === 'string') return { error: first };
  if (typeof last === 'string') return { error: last };
  const indexOf = (cursor: string | null): number | undefined | string => {
    if (cursor === null) return undefined;
    const id = decodeCursor(cursor);
    const index = rows.findIndex((row) => row.invoice.id === id);
    return index >= 0 ? index : `Invalid cursor: ${cursor}`;
  };
  const afterIndex = indexOf(q.get('after'));
  const beforeIndex = indexOf(q.get('before'));
  if (typeof afterIndex === 'string') return { error: afterIndex };
  if (typeof beforeIndex === 'string') return { error: beforeIndex };
  let start = afterIndex === undefined ? 0 : afterIndex + 1;
  let end = beforeIndex === undefined ? rows.length : beforeIndex;
  if (last !== undefined && first === undefined) start = Math.max(start, end - last);
  else end = Math.min(end, start + (first ?? DEFAULT_PAGE_SIZE));
  return { items: rows.slice(start, Math.max(start, end)), start };
}

export const whopFake: FakeDefinition<WhopFakeState, WhopFakeSeed> = {
  provider: 'whop',
  basePath: '/api/v1',
  createState(seed = {}) {
    const members = seed.members ?? [WHOP_FAKE_DEFAULT_MEMBER];
    const state: WhopFakeState = {
      companies: new Set(seed.companies ?? [WHOP_FAKE_DEFAULT_COMPANY]),
      members: new Map(members.map((m) => [m.id, m])),
      strictMembers: seed.strictMembers ?? false,
      invoices: [],
      byId: new Map(),
      counter: 0,
      now: seed.now ?? (() => new Date()),
      idempotency: new Map(),
      unversionedRequests: 0,
    };
    if (seed.apiKeys) state.apiKeys = seed.apiKeys;
    return state;
  },
  authenticate,
  webhooks: whopFakeWebhooks,
  routes: [
    { method: 'POST', path: '/api/v1/invoices', creates: true, handle: idempotent(createInvoice) },
    { method: 'GET', path: '/api/v1/invoices', handle: listInvoices },
    { method: 'GET', path: '/api/v1/invoices/:id', handle: retrieveInvoice },
  ],
  records: (state) => state.invoices.map((row) => row.invoice),
  errorResponse: whopError,
};
