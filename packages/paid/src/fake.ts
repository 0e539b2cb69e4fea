/**
 * Paid's API on localhost, for @billbridge/testing's startFake: Bearer auth, the documented request rules
 * of POST /api/v2/orders/, in-memory orders, and Paid's response and `Paid.ErrorResponse` shapes. Every
 * amount is in ISO minor units, as Paid's are (CONTRACT.md P20); each rule is in CONTRACT.md with its source.
 */
import { randomUUID } from 'node:crypto';
import {
  addDecimal,
  decimalToExactNumber,
  type ExactDecimal,
  formatPath,
  isCurrencyCode,
  isInstant,
  multiplyDecimal,
  roundDecimal,
  toDecimal,
} from '@billbridge/core';
import type { FakeDefinition, FakeRequest, FakeResponse } from '@billbridge/testing';
import { paidFakeWebhooks } from './fake-webhooks';
import { FAKE_DEFAULT_PAGE_SIZE, FAKE_MAX_PAGE_SIZE } from './options';
import {
  PaidCreateOrderRequest as CreateOrderSchema,
  type PaidCreateOrderRequest,
  type PaidOrder,
  type PaidOrderLine,
  type PaidOrderRecord,
} from './wire';

/** The fake's default data set: the ids the card's and the docs' examples use. */
export const PAID_FAKE_DEFAULTS = {
  customers: ['cus_abc123', 'string', 'customerId'],
  products: ['prod-id'],
} as const;

export interface PaidFakeSeed {
  /** When set, only these Bearer tokens are accepted (others get 401). */
  apiKeys?: string[];
  /** Tokens that may read but not create (creates get 403). */
  readOnlyApiKeys?: string[];
  /** Customer ids that exist, replacing the defaults. */
  customers?: string[];
  /** Product ids that exist, replacing the defaults. */
  products?: string[];
  /**
   * Which reading of `totalAmount` this fake serves (CONTRACT.md U1): one billing period (default), or
   * every `subscriptionTerms` term. Tests run the client against both.
   */
  totalAmountCovers?: 'one-period' | 'all-terms';
}

interface StoredOrder {
  order: PaidOrder;
  request: PaidCreateOrderRequest;
  lines: PaidOrderLine[];
}

export interface PaidFakeState {
  apiKeys?: string[];
  readOnlyApiKeys: string[];
  customers: Set<string>;
  products: Set<string>;
  totalAmountCovers: 'one-period' | 'all-terms';
  orders: StoredOrder[];
  byId: Map<string, StoredOrder>;
}

const BASE = '/api/v2/orders';

function error(status: number, message: string, code?: string, details?: string): FakeResponse {
  const body: Record<string, string> = { error: message };
  if (code !== undefined) body.code = code;
  if (details !== undefined) body.details = details;
  return { status, body };
}

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_SERVER_ERROR',
};

function bearerToken(req: FakeRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** `limit`/`offset` query parameters, or a 400 answer. */
function paging(req: FakeRequest): { limit: number; offset: number } | FakeResponse {
  const limitText = req.query.get('limit');
  const offsetText = req.query.get('offset');
  const limit = limitText === null ? FAKE_DEFAULT_PAGE_SIZE : Number(limitText);
  const offset = offsetText === null ? 0 : Number(offsetText);
  if (!Number.isInteger(limit) || limit < 1 || limit > FAKE_MAX_PAGE_SIZE) {
    return error(400, 'Bad Request', CODES[400], `limit must be an integer from 1 to ${FAKE_MAX_PAGE_SIZE}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    return error(400, 'Bad Request', CODES[400], 'offset must be a non-negative integer');
  }
  return { limit, offset };
}

function page<T>(items: T[], limit: number, offset: number) {
  return {
    data: items.slice(offset, offset + limit),
    pagination: { limit, offset, total: items.length, hasMore: offset + limit < items.length },
  };
}

/** The documented rules beyond the schema (dates, references); each failure as `path: message`. */
function ruleViolations(request: PaidCreateOrderRequest, state: PaidFakeState): string[] {
  const problems: string[] = [];
  const dates: Array<[string, string | undefined]> = [
    ['startDate', request.startDate],
    ['endDate', request.endDate],
  ];
  request.lines?.forEach((line, i) => {
    dates.push([`lines[${i}].startDate`, line.startDate], [`lines[${i}].endDate`, line.endDate]);
    if (!state.products.has(line.productId))
      problems.push(`lines[${i}].productId: product ${line.productId} not found`);
  });
  for (const [path, value] of dates) {
    if (value !== undefined && !isInstant(value)) problems.push(`${path}: expected an ISO 8601 date-time`);
  }
  if (!state.customers.has(request.customerId))
    problems.push(`customerId: customer ${request.customerId} not found`);
  if (request.billingCustomerId !== undefined && !state.customers.has(request.billingCustomerId)) {
    problems.push(`billingCustomerId: customer ${request.billingCustomerId} not found`);
  }
  if (request.currency !== undefined && !isCurrencyCode(request.currency)) {
    problems.push(`currency: ${request.currency} is not an ISO 4217 code`);
  }
  return problems;
}

/**
 * The order amount as this fake computes it (Paid's own rule is not documented: CONTRACT.md U2). Amounts
 * are ISO minor units (P20): quantity × unitPrice per line attribute, exact, each rounded half away from
 * zero to a whole minor unit, then summed; a missing quantity counts as 1. Tiers are not priced (0).
 */
function periodAmounts(request: PaidCreateOrderRequest): Array<{ amount: ExactDecimal; oneTime: boolean }> {
  const out: Array<{ amount: ExactDecimal; oneTime: boolean }> = [];
  for (const line of request.lines ?? []) {
    for (const attribute of line.attributes ?? []) {
      const quantity = toDecimal(attribute.quantity ?? 1);
      const amount = multiplyDecimal(quantity, toDecimal(attribute.pricing.pricePoints.unitPrice));
      out.push({ amount: roundDecimal(amount, 0), oneTime: attribute.pricing.chargeType === 'oneTime' });
    }
  }
  return out;
}

/**
 * `orderAmount` is one period; `totalAmount` follows the seeded reading (CONTRACT.md U1): the same as
 * `orderAmount`, or every charge but one-time ones repeated for each of `subscriptionTerms`.
 */
function orderAmounts(request: PaidCreateOrderRequest, covers: PaidFakeState['totalAmountCovers']) {
  const terms = BigInt(Math.max(1, request.subscriptionTerms ?? 1));
  let period: ExactDecimal = { coefficient: 0n, scale: 0 };
  let total: ExactDecimal = { coefficient: 0n, scale: 0 };
  for (const { amount, oneTime } of periodAmounts(request)) {
    period = addDecimal(period, amount);
    const times = covers === 'all-terms' && !oneTime ? terms : 1n;
    total = addDecimal(total, { coefficient: amount.coefficient * times, scale: amount.scale });
  }
  return { orderAmount: decimalToExactNumber(period), totalAmount: decimalToExactNumber(total) };
}

function createOrder(req: FakeRequest, state: PaidFakeState): FakeResponse {
  const parsed = CreateOrderSchema.safeParse(req.body);
  if (!parsed.success) {
    const details = parsed.error.issues.map(
      (issue) => `${formatPath(issue.path) || 'body'}: ${issue.message}`,
    );
    return error(400, 'Bad Request', 'VALIDATION_ERROR', details.join('; '));
  }
  const request = parsed.data;
  const problems = ruleViolations(request, state);
  if (problems.length > 0) return error(400, 'Bad Request', 'VALIDATION_ERROR', problems.join('; '));

  const now = new Date().toISOString();
  const amounts = orderAmounts(request, state.totalAmountCovers);
  const order: PaidOrder = {
    id: randomUUID(),
    customerId: request.customerId,
    billingCustomerId: request.billingCustomerId ?? null,
    billingContactIds: request.billingContactIds ?? [],
    createdAt: now,
    updatedAt: now,
    endDate: request.endDate ?? null,
    name: request.name ?? '',
    startDate: request.startDate ?? now,
    subscriptionTerms: request.subscriptionTerms ?? null,
    billedAmountNoTax: 0,
    billedTax: 0,
    estimatedTax: 0,
    orderAmount: amounts.orderAmount,
    pendingBillingAmount: amounts.totalAmount,
    totalAmount: amounts.totalAmount,
    totalBilledAmount: 0,
    creationState: request.creationState ?? 'draft',
    paymentTerms: request.paymentTerms ?? null,
    number: state.orders.length + 1,
    metadata: request.metadata ?? null,
    showPaymentLink: null,
    showBankDetails: null,
    autoPostInvoices: request.autoPostInvoices ?? null,
    autoSendBillingEmails: request.autoSendBillingEmails ?? null,
    autoSendPaymentEmails: request.autoSendPaymentEmails ?? null,
    version: 1,
    billingFrequencyOverridden: request.billingFrequencyOverride !== undefined,
    purchaseOrderReference: request.purchaseOrderReference ?? null,
  };
  if (request.billingFrequencyOverride) order.billingFrequencyOverride = request.billingFrequencyOverride;
  const lines: PaidOrderLine[] = (request.lines ?? []).map((line) => ({
    id: randomUUID(),
    productId: line.productId,
    name: line.name ?? '',
    description: line.description ?? null,
    startDate: line.startDate ?? order.startDate,
    endDate: line.endDate ?? null,
  }));
  const stored: StoredOrder = { order, request, lines };
  state.orders.push(stored);
  state.byId.set(order.id, stored);
  return { status: 201, body: order };
}

function notFound(id: string): FakeResponse {
  return error(404, 'Order not found', CODES[404], `No order with id ${id}`);
}

export const paidFake: FakeDefinition<PaidFakeState, PaidFakeSeed> = {
  provider: 'paid',
  basePath: '/api/v2',

  createState(seed = {}) {
    const state: PaidFakeState = {
      readOnlyApiKeys: seed.readOnlyApiKeys ?? [],
      customers: new Set(seed.customers ?? PAID_FAKE_DEFAULTS.customers),
      products: new Set(seed.products ?? PAID_FAKE_DEFAULTS.products),
      totalAmountCovers: seed.totalAmountCovers ?? 'one-period',
      orders: [],
      byId: new Map(),
    };
    if (seed.apiKeys) state.apiKeys = seed.apiKeys;
    return state;
  },

  authenticate(req, state) {
    const token = bearerToken(req);
    if (token === undefined) {
      return error(401, 'Unauthorized', CODES[401], 'Expected an Authorization: Bearer <API key> header');
    }
    if (state.apiKeys && !state.apiKeys.includes(token))
      return error(401, 'Unauthorized', CODES[401], 'Invalid API key');
    if (req.method !== 'GET' && state.readOnlyApiKeys.includes(token)) {
      return error(403, 'Forbidden', CODES[403], 'This API key may not modify orders');
    }
    return undefined;
  },

  webhooks: paidFakeWebhooks,
  routes: [
    { method: 'POST', path: `${BASE}/`, creates: true, handle: createOrder },
    {
      method: 'GET',
      path: `${BASE}/`,
      handle(req, state) {
        const paged = paging(req);
        if ('status' in paged) return paged;
        return {
          status: 200,
          body: page(
            state.orders.map((stored) => stored.order),
            paged.limit,
            paged.offset,
          ),
        };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:id`,
      handle(req, state) {
        const id = req.params.id ?? '';
        const stored = state.byId.get(id);
        return stored ? { status: 200, body: stored.order } : notFound(id);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/:id/lines`,
      handle(req, state) {
        const id = req.params.id ?? '';
        const stored = state.byId.get(id);
        if (!stored) return notFound(id);
        const paged = paging(req);
        if ('status' in paged) return paged;
        return { status: 200, body: page(stored.lines, paged.limit, paged.offset) };
      },
    },
  ],

  /** Created orders as `fromProvider` reads them best: the Order joined with what the request carried. */
  records(state) {
    return state.orders.map(({ order, request }): PaidOrderRecord => {
      const record: PaidOrderRecord = { ...order };
      if (request.currency !== undefined) record.currency = request.currency;
      if (request.externalId !== undefined) record.externalId = request.externalId;
      if (request.lines !== undefined) record.lines = request.lines;
      return record;
    });
  },

  errorResponse(status, message) {
    return error(status, message, CODES[status]);
  },
};
