/**
 * Paid orders over HTTP, through core's transport. Paid has no idempotency key and no natural key on
 * orders, so a create that may have reached Paid is never retried: the caller gets AmbiguousResultError.
 */
import {
  type ClientOptions,
  createTransport,
  documentKind,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  type Order,
  type OrderInput,
  parseWith,
  transportSettings,
} from '@billbridge/core';
import { mapPaidError } from './errors';
import { fromProvider } from './from-provider';
import { DEFAULT_BASE_URL, LIST_PAGE_SIZE, ORDERS_PATH, type PaidOptions, PROVIDER } from './options';
import { pickSent, SentOrders } from './sent-orders';
import { toCreateRequest } from './to-provider';
import {
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
}

export interface PaidResult<T> {
  value: T;
  /** The Paid order as received, joined with its lines (and with currency/externalId from our request). */
  raw: PaidOrderRecord;
  warnings: MappingWarning[];
  /** create only: the warnings of mapping the document to the request (what the provider could not carry), without those of reading the answer back. */
  requestWarnings?: MappingWarning[];
}

export interface PaidCreateOptions extends Omit<PaidOptions, 'as' | 'currency'> {
  signal?: AbortSignal;
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
  create(doc: OrderInput | Order, options?: PaidCreateOptions): Promise<PaidResult<Order>>;
  create(doc: InvoiceInput | Invoice, options?: PaidCreateOptions): Promise<PaidResult<Invoice>>;
  get(id: string, options?: PaidReadOptions): Promise<PaidResult<Order | Invoice>>;
  list(params?: PaidListParams): AsyncIterable<PaidResult<Order | Invoice>>;
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
  const transport = createTransport({
    provider: PROVIDER,
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
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

  const sentOrders = new SentOrders(config.rememberCreated ?? 1000);

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
      const page = parseWith(PaidOrderLinesResponse, response.body, 'Paid order lines response');
      lines.push(...page.data);
      if (!page.pagination.hasMore || page.data.length === 0) return lines;
      offset += page.data.length;
    }
  }

  async function read(order: PaidOrder, options: PaidReadOptions) {
    const raw: PaidOrderRecord = { ...order, ...sentOrders.recall(order.id) };
    if (raw.lines === undefined && options.includeLines)
      raw.lines = await fetchLines(order.id, options.signal);
    const { value, warnings } = fromProvider(raw, { ...mapping, as: options.as ?? 'order' });
    return { value, raw, warnings };
  }

  async function create(
    doc: Order | OrderInput | Invoice | InvoiceInput,
    options: PaidCreateOptions = {},
  ): Promise<PaidResult<Order | Invoice>> {
    const { signal, ...overrides } = options;
    const strict = overrides.strict ?? config.strict;
    // Validation and mapping happen before anything is sent.
    const sent = toCreateRequest(doc, {
      ...mapping,
      ...overrides,
      ...(strict !== undefined ? { strict } : {}),
    });
    const response = await transport.request({
      method: 'POST',
      path: ORDERS_PATH,
      body: sent.request,
      operation: 'create',
      deduplicated: false,
      ...(sent.request.externalId !== undefined ? { externalId: sent.request.externalId } : {}),
      ...(signal ? { signal } : {}),
    });
    const order = parseWith(PaidOrderSchema, response.body, 'Paid create-order response');
    // Paid does not echo currency, externalId or lines: they are joined from the request we sent.
    const raw: PaidOrderRecord = { ...order, ...pickSent(sent.request) };
    sentOrders.remember(order.id, sent.request);
    // The order exists now: strict applies to what is sent, not to reading the answer back.
    const back = fromProvider(raw, { ...mapping, as: documentKind(doc) });
    return {
      value: back.value,
      raw,
      warnings: [...sent.warnings, ...back.warnings],
      requestWarnings: sent.warnings,
    };
  }

  return {
    create: create as PaidClient['create'],

    async get(id, options = {}) {
      const response = await transport.request({
        method: 'GET',
        path: `${ORDERS_PATH}${encodeURIComponent(id)}`,
        operation: 'read',
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const order = parseWith(PaidOrderSchema, response.body, 'Paid order response');
      return read(order, options);
    },

    async *list(params = {}) {
      const limit = params.limit ?? LIST_PAGE_SIZE;
      for (let offset = params.offset ?? 0; ; ) {
        const response = await transport.request({
          method: 'GET',
          path: ORDERS_PATH,
          query: { limit, offset },
          operation: 'read',
          ...(params.signal ? { signal: params.signal } : {}),
        });
        const page = parseWith(PaidOrderListResponse, response.body, 'Paid order list response');
        for (const order of page.data) yield await read(order, params);
        if (!page.pagination.hasMore || page.data.length === 0) return;
        offset += page.data.length;
      }
    },
  };
}
