/**
 * Paid orders over HTTP, through core's transport. Paid has no idempotency key and no natural key on
 * orders, so a create that may have reached Paid is never retried: the caller gets AmbiguousResultError,
 * which says how to look for the order (`findCandidates`), since it cannot be found by externalId.
 * Every create is verified (core's verifyCreate) against what Paid answered, or read back.
 */
import {
  AmbiguousResultError,
  type ClientOptions,
  type CreateAnswerContext,
  createTransport,
  type Invoice,
  type InvoiceInput,
  isInstant,
  type MappingWarning,
  type Order,
  type OrderInput,
  parseCreateAnswer,
  parseWith,
  type TransportRequest,
  transportSettings,
  ValidationError,
  type VerifyCreateInput,
  type VerifyMode,
  verifyCreate,
} from '@billbridge/core';
import {
  compareCandidate,
  type FindCandidatesOptions,
  inWindow,
  NOT_COMPARED,
  type PaidCandidate,
  type PaidCandidates,
  rankCandidates,
} from './candidates';
import { mapPaidError } from './errors';
import { readPaidOrderLinesResponse, readPaidOrderListResponse } from './fast-list';
import { readPaidOrder } from './fast-record';
import { fromCheckedRecord } from './from-provider';
import {
  DEFAULT_BASE_URL,
  LIST_PAGE_SIZE,
  ORDERS_PATH,
  type PaidOptions,
  PROVIDER,
  TOTAL_AMOUNT_COVERS,
  type TotalAmountCovers,
} from './options';
import { pickSent, type SentOrder, SentOrders } from './sent-orders';
import { mapDocument, toCreateRequest } from './to-provider';
import { sentFacts, storedFacts } from './verify';
import {
  type PaidCreateOrderRequest,
  type PaidOrder,
  type PaidOrderLine,
  PaidOrderLinesResponse,
  PaidOrderListResponse,
  type PaidOrderRecord,
  PaidOrder as PaidOrderSchema,
} from './wire';

/** Settings of {@link createPaidClient}: the credential, transport options (retries, timeouts, `verify`) and Paid's account-specific ids. */
export interface PaidClientConfig
  extends ClientOptions,
    Pick<PaidOptions, 'productIds' | 'resolveProductId' | 'customerIds' | 'resolveCustomerId' | 'currency'> {
  /** Paid API key (sent as `Authorization: Bearer <key>`; redacted from every error and log). */
  apiKey: string;
  /** Default `https://api.agentpaid.io/api/v2`. */
  baseUrl?: string;
  /**
   * How many created orders the client remembers (default 1000, 0 to disable). Paid's Order answer has
   * no currency, externalId or lines; get/list complete remembered orders with what was sent.
   */
  rememberCreated?: number;
  /**
   * What Paid's `totalAmount` covers, an unconfirmed reading (CONTRACT.md U1): one billing period
   * (default) or every `subscriptionTerms` term. Used to verify creates and compare candidates.
   */
  totalAmountCovers?: TotalAmountCovers;
}

/** Fields of a result that came from the request this client sent, because Paid's Order lacks them. */
export type JoinedField = keyof SentOrder;

export interface PaidResult<T> {
  value: T;
  /** The Paid order as received, joined with its lines (and with currency/externalId from our request). */
  raw: PaidOrderRecord;
  warnings: MappingWarning[];
  /** create only: the warnings of mapping the document to the request (what the provider could not carry), without those of reading the answer back. */
  requestWarnings?: MappingWarning[];
  /**
   * Which fields of `raw` (and so of `value`) are what this client sent rather than what Paid returned:
   * Paid's Order has no currency, externalId or lines (CONTRACT.md P14). Empty for orders it did not create.
   */
  joinedFromRequest: JoinedField[];
}

export interface PaidCreateOptions extends Omit<PaidOptions, 'as' | 'currency'> {
  signal?: AbortSignal;
  /** Overrides the client's `verify` for this create (default `'response'`). */
  verify?: VerifyMode;
}

export interface PaidReadOptions {
  /**
   * Fetch `GET /orders/{id}/lines` (Paid's line read model, which has no pricing) for orders this client
   * did not create itself (default false). Orders it created are read with the priced lines it sent.
   */
  includeLines?: boolean;
  /** Return the canonical Invoice view instead of the Order. */
  as?: 'order' | 'invoice';
  signal?: AbortSignal;
}

export interface PaidListParams extends PaidReadOptions {
  /** Page size asked of Paid (default 100). */
  limit?: number;
  /** Where to start (default 0). */
  offset?: number;
}

export interface PaidClient {
  /**
   * Creates the order, then verifies it: the expected order amount against Paid's `totalAmount` (and, with
   * `verify: 'read-back'`, the number of lines read back); a difference is an IntegrityError naming the
   * created order. A create whose outcome is unknown is an AmbiguousResultError: see `findCandidates`.
   */
  create(doc: OrderInput | Order, options?: PaidCreateOptions): Promise<PaidResult<Order>>;
  create(doc: InvoiceInput | Invoice, options?: PaidCreateOptions): Promise<PaidResult<Invoice>>;
  get(id: string, options?: PaidReadOptions): Promise<PaidResult<Order | Invoice>>;
  list(params?: PaidListParams): AsyncIterable<PaidResult<Order | Invoice>>;
  /**
   * After an ambiguous create: the orders of the document's customer created in the window, each compared
   * with what the document sends (order amount, name, dates, terms, lines by product and name). Paid can
   * be asked for none of this directly (no idempotency, no list filter, no externalId on read), so every
   * order is listed; a person or a migration decides from the comparison.
   */
  findCandidates(
    doc: OrderInput | Order | InvoiceInput | Invoice,
    options: FindCandidatesOptions,
  ): Promise<PaidCandidates>;
}

/** Appended to every ambiguous create: why the order cannot be looked up, and what can be done. */
function recoveryHint(createdAfter: string): string {
  return (
    'Paid has no idempotency key, its order list has no filter, and its orders do not return externalId, so this order cannot be found by externalId and sending again may create a second one. ' +
    `To decide, call client.findCandidates(doc, { createdAfter: '${createdAfter}' }): it lists the orders of the same customer created since then and compares their lines and amounts with the document.`
  );
}

function withRecoveryHint(error: AmbiguousResultError, createdAfter: string): AmbiguousResultError {
  return new AmbiguousResultError(`${error.message} ${recoveryHint(createdAfter)}`, error.request, {
    provider: PROVIDER,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    ...(error.raw !== undefined ? { raw: error.raw } : {}),
    ...(error.externalId !== undefined ? { externalId: error.externalId } : {}),
    // Keep the provider's own error (a 500, a timeout) as the cause, as the transport reported it.
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  });
}

const NO_CREATE_OPTIONS: PaidCreateOptions = {};

/** The window start suggested for findCandidates: a few minutes before the create, for clock skew. */
const CLOCK_SKEW_MS = 5 * 60_000;

function checkInstant(value: string | Date | undefined, path: string): void {
  if (value === undefined) return;
  const ok = value instanceof Date ? !Number.isNaN(value.getTime()) : isInstant(value);
  if (!ok)
    throw new ValidationError('Paid findCandidates options', [
      { path, code: 'invalid_instant', message: 'Expected an ISO 8601 instant or a valid Date.' },
    ]);
}

/**
 * Creates a Paid client: `create` maps a canonical document (Invoice or Order) to Paid's orders (`POST /api/v2/orders/`); an invoice is sent as an order, sends
 * it with retries that never duplicate a record, checks what Paid stored against what was sent, and
 * returns the stored record mapped back (`value`), the raw answer (`raw`) and every mapping `warnings`.
 * `get` and `list` read records back in the canonical model.
 *
 * Base URL: `https://api.agentpaid.io/api/v2`; for an offline fake, `startFake(paidFake)`'s `baseUrl` as it is.
 *
 * @example
 * ```ts
 * const paid = createPaidClient({ apiKey: process.env.PAID_API_KEY!, customerIds: { 'cust-42': 'cus_abc123' } });
 * const { value, warnings } = await paid.create(invoice);
 * ```
 */
export function createPaidClient(config: PaidClientConfig): PaidClient {
  const baseUrl = config.baseUrl ?? DEFAULT_BASE_URL;
  const transport = createTransport({
    provider: PROVIDER,
    baseUrl,
    headers: { authorization: `Bearer ${config.apiKey}` },
    secrets: [config.apiKey],
    mapError: mapPaidError,
    ...transportSettings(config),
  });
  const mapping: PaidOptions = {
    ...(config.productIds !== undefined ? { productIds: config.productIds } : {}),
    ...(config.resolveProductId !== undefined ? { resolveProductId: config.resolveProductId } : {}),
    ...(config.customerIds !== undefined ? { customerIds: config.customerIds } : {}),
    ...(config.resolveCustomerId !== undefined ? { resolveCustomerId: config.resolveCustomerId } : {}),
    ...(config.currency !== undefined ? { currency: config.currency } : {}),
  };
  // The option objects every create uses, built once (a spread per create was measurable).
  const readAsOrder: PaidOptions = { ...mapping, as: 'order' };
  const readAsInvoice: PaidOptions = { ...mapping, as: 'invoice' };
  const byStrict = new Map<boolean | undefined, PaidOptions>();
  /**
   * The mapping options of one create: the client's, with the create's own mapping options on top. Built
   * once per `strict` value when the create brings none (the common case), without an object rest.
   */
  function createMapping(options: PaidCreateOptions): PaidOptions {
    const strict = options.strict ?? config.strict;
    let overridden = false;
    for (const key in options) {
      if (key !== 'signal' && key !== 'verify' && key !== 'strict') {
        overridden = true;
        break;
      }
    }
    if (overridden) {
      const merged: Record<string, unknown> = { ...mapping };
      for (const key in options) {
        if (key !== 'signal' && key !== 'verify') merged[key] = options[key as keyof PaidCreateOptions];
      }
      if (strict !== undefined) merged.strict = strict;
      return merged as PaidOptions;
    }
    let merged = byStrict.get(strict);
    if (!merged) {
      merged = strict !== undefined ? { ...mapping, strict } : mapping;
      byStrict.set(strict, merged);
    }
    return merged;
  }
  const ordersUrl = `${baseUrl}${ORDERS_PATH}`;
  const covers = config.totalAmountCovers ?? TOTAL_AMOUNT_COVERS;
  const sentOrders = new SentOrders(config.rememberCreated ?? 1000);

  async function getOrder(id: string, signal: AbortSignal | undefined): Promise<PaidOrder> {
    const response = await transport.request({
      method: 'GET',
      path: `${ORDERS_PATH}${encodeURIComponent(id)}`,
      operation: 'read',
      ...(signal ? { signal } : {}),
    });
    return readPaidOrder(response.body) ?? parseWith(PaidOrderSchema, response.body, 'Paid order response');
  }

  async function fetchLines(id: string, signal: AbortSignal | undefined): Promise<PaidOrderLine[]> {
    const lines: PaidOrderLine[] = [];
    for (let offset = 0; ; ) {
      const response = await transport.request({
        method: 'GET',
        path: `${ORDERS_PATH}${encodeURIComponent(id)}/lines`,
        query: { limit: LIST_PAGE_SIZE, offset },
        operation: 'read',
        ...(signal ? { signal } : {}),
      });
      const page =
        readPaidOrderLinesResponse(response.body) ??
        parseWith(PaidOrderLinesResponse, response.body, 'Paid order lines response');
      lines.push(...page.data);
      if (!page.pagination.hasMore || page.data.length === 0) return lines;
      offset += page.data.length;
    }
  }

  /** Every order, page by page, as Paid returns them (its list takes only limit and offset). */
  async function* listOrders(limit: number, start: number, signal: AbortSignal | undefined) {
    for (let offset = start; ; ) {
      const response = await transport.request({
        method: 'GET',
        path: ORDERS_PATH,
        query: { limit, offset },
        operation: 'read',
        ...(signal ? { signal } : {}),
      });
      const page =
        readPaidOrderListResponse(response.body) ??
        parseWith(PaidOrderListResponse, response.body, 'Paid order list response');
      yield* page.data;
      if (!page.pagination.hasMore || page.data.length === 0) return;
      offset += page.data.length;
    }
  }

  async function read(order: PaidOrder, options: PaidReadOptions): Promise<PaidResult<Order | Invoice>> {
    const sent = sentOrders.recall(order.id);
    const raw: PaidOrderRecord = { ...order, ...sent };
    if (raw.lines === undefined && options.includeLines)
      raw.lines = await fetchLines(order.id, options.signal);
    // Every part of `raw` is already checked: Paid's answer by its reader or schema, the rest our own request.
    const { value, warnings } = fromCheckedRecord(
      raw,
      options.as === 'invoice' ? readAsInvoice : readAsOrder,
    );
    return { value, raw, warnings, joinedFromRequest: joinedFields(sent) };
  }

  /** With `verify: 'read-back'`: the order and its lines as Paid stored them. */
  async function readBack(order: PaidOrder, request: PaidCreateOrderRequest, signal?: AbortSignal) {
    try {
      return { order: await getOrder(order.id, signal), lines: await fetchLines(order.id, signal) };
    } catch (error) {
      throw new AmbiguousResultError(
        `Paid created order ${order.id}, but reading it back to verify it failed (${(error as Error).message}). The order exists: check it before sending the document again.`,
        { method: 'POST', url: `${baseUrl}${ORDERS_PATH}`, body: request },
        {
          provider: PROVIDER,
          cause: error,
          ...(request.externalId !== undefined ? { externalId: request.externalId } : {}),
        },
      );
    }
  }

  async function create(
    doc: Order | OrderInput | Invoice | InvoiceInput,
    options: PaidCreateOptions = NO_CREATE_OPTIONS,
  ): Promise<PaidResult<Order | Invoice>> {
    const startedAt = Date.now();
    const signal = options.signal;
    // Validation and mapping happen before anything is sent.
    const sent = mapDocument(doc, createMapping(options));
    const request = sent.request;
    const externalId = request.externalId;
    let order: PaidOrder;
    let requestId: string | undefined;
    try {
      const post: TransportRequest = {
        method: 'POST',
        path: ORDERS_PATH,
        body: request,
        operation: 'create',
        deduplicated: false,
      };
      if (externalId !== undefined) post.externalId = externalId;
      if (signal) post.signal = signal;
      const response = await transport.request(post);
      requestId = response.requestId;
      const context: CreateAnswerContext = {
        provider: PROVIDER,
        subject: 'Paid create-order response',
        method: 'POST',
        url: ordersUrl,
        body: request,
      };
      if (externalId !== undefined) context.externalId = externalId;
      // A 2xx that cannot be read (HTML, empty, wrong shape) may still have created the order.
      order = parseCreateAnswer(PaidOrderSchema, response, context, readPaidOrder);
    } catch (error) {
      if (AmbiguousResultError.isInstance(error))
        throw withRecoveryHint(error, new Date(startedAt - CLOCK_SKEW_MS).toISOString());
      throw error;
    }
    // Paid's Order has no currency, externalId or lines (documented absent): those, and only those, are
    // joined from the request; every field Paid did return is Paid's.
    const joined = pickSent(request);
    sentOrders.remember(order.id, joined);

    // Verify on what Paid answered (or stored, read back), never on the request echoed back.
    let stored = order;
    let lineCount: number | undefined;
    if ((options.verify ?? config.verify ?? 'response') === 'read-back') {
      const back = await readBack(order, request, signal);
      stored = back.order;
      lineCount = back.lines.length;
    }
    const verified: VerifyCreateInput = {
      provider: PROVIDER,
      createdId: order.id,
      sent: sentFacts(request, covers),
      stored: storedFacts(stored, request.currency, lineCount),
      raw: stored,
    };
    if (requestId !== undefined) verified.requestId = requestId;
    verifyCreate(verified);

    // `stored` is this create's own parse of Paid's answer (a fresh object): the joined fields are added
    // to it in place rather than to a copy.
    const raw = stored as PaidOrderRecord;
    if (joined.currency !== undefined) raw.currency = joined.currency;
    if (joined.externalId !== undefined) raw.externalId = joined.externalId;
    if (joined.lines !== undefined) raw.lines = joined.lines;
    // The order exists now: strict applies to what is sent, not to reading the answer back.
    const back = fromCheckedRecord(raw, sent.kind === 'order' ? readAsOrder : readAsInvoice);
    const warnings = sent.warnings.length === 0 ? back.warnings : sent.warnings.concat(back.warnings);
    return {
      value: back.value,
      raw,
      warnings,
      requestWarnings: sent.warnings,
      joinedFromRequest: joinedFields(joined),
    };
  }

  async function findCandidates(
    doc: Order | OrderInput | Invoice | InvoiceInput,
    options: FindCandidatesOptions,
  ): Promise<PaidCandidates> {
    checkInstant(options.createdAfter, 'createdAfter');
    checkInstant(options.createdBefore, 'createdBefore');
    const { request } = toCreateRequest(doc, mapping);
    const found: PaidCandidate[] = [];
    let scanned = 0;
    for await (const order of listOrders(LIST_PAGE_SIZE, 0, options.signal)) {
      scanned++;
      if (!inWindow(order, request, options)) continue;
      const lines = options.includeLines === false ? undefined : await fetchLines(order.id, options.signal);
      const differences = compareCandidate(order, lines, request, covers);
      found.push({
        id: order.id,
        createdAt: order.createdAt,
        order,
        ...(lines !== undefined ? { lines } : {}),
        differences,
        matches: differences.length === 0,
      });
    }
    return { candidates: rankCandidates(found), scanned, notCompared: NOT_COMPARED };
  }

  return {
    create: create as PaidClient['create'],

    async get(id, options = {}) {
      return read(await getOrder(id, options.signal), options);
    },

    async *list(params = {}) {
      const orders = listOrders(params.limit ?? LIST_PAGE_SIZE, params.offset ?? 0, params.signal);
      for await (const order of orders) yield await read(order, params);
    },

    findCandidates,
  };
}

function joinedFields(sent: SentOrder | undefined): JoinedField[] {
  return sent ? (Object.keys(sent) as JoinedField[]) : [];
}
