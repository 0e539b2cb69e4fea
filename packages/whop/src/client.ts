/**
 * Whop invoices over HTTP, through core's transport: create, retrieve and list (every cursor page).
 * `Authorization: Bearer <key>` and `Api-Version-Date` pinned to the version the wire shapes belong to.
 * Creates carry an `Idempotency-Key` derived from the document (CONTRACT.md W20–W22), so a create that
 * may have arrived is sent again under the same key and Whop replays its first answer.
 */
import { hash, randomUUID } from 'node:crypto';
import {
  AmbiguousResultError,
  type ClientOptions,
  type CreateAnswerContext,
  createFacts,
  createTransport,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  type Order,
  type OrderInput,
  parseCreateAnswer,
  parseWith,
  type Transport,
  type TransportRequest,
  transportSettings,
  verifyCreate,
} from '@billbridge/core';
import { mapWhopError } from './errors';
import { fastReadInvoiceList } from './fast-list';
import { fastReadInvoice } from './fast-record';
import { fromWhopInvoice } from './from-provider';
import { WHOP_API_VERSION, WHOP_BASE_URL, type WhopMappingOptions } from './options';
import { mapToWhop, sentFacts } from './to-provider';
import {
  InvoiceListResponse,
  Invoice as InvoiceSchema,
  type WhopInvoice,
  type WhopInvoiceCreateRequest,
  type WhopInvoiceStatus,
} from './wire';

/** Settings of {@link createWhopClient}: the credential, transport options (retries, timeouts, `verify`) and Whop's account-specific ids. */
export interface WhopClientConfig extends ClientOptions {
  /** Company API key, company-scoped JWT, app API key or OAuth token; sent as `Bearer <apiKey>`. */
  apiKey: string;
  /** The company (`biz_…`) invoices are created for and listed from. */
  companyId: string;
  /** Default `https://api.whop.com/api/v1`; a fake: `${fake.url}/api/v1`. */
  baseUrl?: string;
  /** Sent as `X-Whop-App-Id` when set. */
  appId?: string;
}

export interface WhopResult {
  value: Invoice;
  raw: WhopInvoice;
  warnings: MappingWarning[];
  /** create only: the warnings of mapping the document to the request (what the provider could not carry), without those of reading the answer back. */
  requestWarnings?: MappingWarning[];
}

export interface WhopCallOptions {
  signal?: AbortSignal;
  strict?: boolean;
  /**
   * create only: the `Idempotency-Key` to send. Default: derived from the document (see
   * `whopIdempotencyKey`), so the same document gets the same key on every retry and resumed run.
   */
  idempotencyKey?: string;
}

/**
 * The default `Idempotency-Key` of a create for a document with a reference: a hash of the company, the
 * document's own reference (`externalId`, else `number`) and the request body. The same document maps to the same body, so a
 * retry or a resumed migration sends the same key and Whop replays the first answer; two documents with
 * different references never share a key, even when their contents are equal; a changed document gets a
 * new key (Whop refuses a key reused with another body). Within Whop's 24-hour replay window.
 */
export function whopIdempotencyKey(
  companyId: string,
  reference: string,
  request: WhopInvoiceCreateRequest,
): string {
  return idempotencyKeyOf(companyId, reference, JSON.stringify(request));
}

/**
 * whopIdempotencyKey from the request's JSON text, which the create then sends as it is (one
 * serialisation per create). `[a,b,<text>]` is exactly `JSON.stringify([a, b, request])`, so the key is
 * the same digest as ever (test/idempotency.test.ts pins one).
 */
function idempotencyKeyOf(companyId: string, reference: string, requestJson: string): string {
  // One-shot hash (no Hash object per create); the same digest as createHash('sha256').update(...).
  const text = `[${JSON.stringify(companyId)},${JSON.stringify(reference)},${requestJson}]`;
  return `billbridge-whop-${hash('sha256', text, 'hex')}`;
}

export interface WhopListParams {
  /** Invoices per page (`first`); the server default applies when absent. */
  pageSize?: number;
  statuses?: WhopInvoiceStatus[];
  collectionMethods?: Array<'send_invoice' | 'charge_automatically'>;
  productIds?: string[];
  /** ISO instants. */
  createdAfter?: string;
  createdBefore?: string;
  order?: 'id' | 'created_at' | 'due_date';
  direction?: 'asc' | 'desc';
  signal?: AbortSignal;
}

export interface WhopClient {
  readonly transport: Transport;
  create(doc: Invoice | Order | InvoiceInput | OrderInput, options?: WhopCallOptions): Promise<WhopResult>;
  get(id: string, options?: WhopCallOptions): Promise<WhopResult>;
  list(params?: WhopListParams): AsyncIterable<WhopResult>;
}

/** Array filters in the SDK's bracket form (`statuses[]=open&statuses[]=paid`), which the transport's query object cannot carry. */
function arrayQuery(params: WhopListParams): string {
  const parts: string[] = [];
  const add = (name: string, values: readonly string[] | undefined) => {
    for (const value of values ?? [])
      parts.push(`${encodeURIComponent(`${name}[]`)}=${encodeURIComponent(value)}`);
  };
  add('statuses', params.statuses);
  add('collection_methods', params.collectionMethods);
  add('product_ids', params.productIds);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** How many times an unreadable 2xx create answer is fetched again under the same key. */
const UNREADABLE_RESENDS = 3;

/**
 * Creates a Whop client: `create` maps a canonical document (Invoice or Order) to Whop's invoices (`/api/v1/invoices`), sends
 * it with retries that never duplicate a record, checks what Whop stored against what was sent, and
 * returns the stored record mapped back (`value`), the raw answer (`raw`) and every mapping `warnings`.
 * `get` and `list` read records back in the canonical model.
 *
 * Base URL: `https://api.whop.com/api/v1`; for an offline fake, `startFake(whopFake)`'s `baseUrl` as it is.
 *
 * @example
 * ```ts
 * const whop = createWhopClient({ apiKey: process.env.WHOP_API_KEY!, companyId: 'biz_…' });
 * const { value, warnings } = await whop.create(invoice);
 * ```
 */
export function createWhopClient(config: WhopClientConfig): WhopClient {
  if (!config.apiKey) throw new TypeError('createWhopClient: apiKey is required.');
  if (!config.companyId)
    throw new TypeError('createWhopClient: companyId is required (the biz_… issuing invoices).');
  const headers: Record<string, string> = {
    authorization: `Bearer ${config.apiKey}`,
    'api-version-date': WHOP_API_VERSION,
  };
  if (config.appId) headers['x-whop-app-id'] = config.appId;
  const transport = createTransport({
    provider: 'whop',
    baseUrl: config.baseUrl ?? WHOP_BASE_URL,
    headers,
    secrets: [config.apiKey],
    mapError: mapWhopError,
    requestIdHeaders: ['x-request-id'],
    ...transportSettings(config),
  });
  // Built once per client: the mapping options of every create that passes no `strict` of its own.
  const mapping: WhopMappingOptions = { companyId: config.companyId };
  if (config.strict !== undefined) mapping.strict = config.strict;

  function read(raw: WhopInvoice, strict: boolean | undefined): WhopResult {
    const { value, warnings } = fromWhopInvoice(raw, { strict: strict ?? config.strict });
    return { value, raw, warnings };
  }

  const createUrl = `${transport.baseUrl}/invoices`;

  return {
    transport,

    async create(doc, options = {}) {
      // Validation and mapping first: bad input throws before anything is sent.
      const mapped = mapToWhop(
        doc,
        options.strict === undefined ? mapping : { companyId: config.companyId, strict: options.strict },
      );
      const { request, warnings } = mapped;
      const ref = doc as { externalId?: unknown; number?: unknown };
      const externalId = typeof ref.externalId === 'string' ? ref.externalId : undefined;
      const reference = externalId ?? (typeof ref.number === 'string' ? ref.number : undefined);
      // Without a reference two equal documents are indistinguishable: each call then gets a fresh key
      // (its own retries still share it), so equal documents are never merged into one invoice.
      const json = JSON.stringify(request);
      const key =
        options.idempotencyKey ??
        (reference !== undefined
          ? idempotencyKeyOf(config.companyId, reference, json)
          : `billbridge-whop-${randomUUID()}`);
      // Built once, by assignment (no closure or spread per create: this is the hot path).
      const post: TransportRequest = {
        method: 'POST',
        path: '/invoices',
        body: request,
        json,
        headers: { 'idempotency-key': key },
        operation: 'create',
        // Whop replays a keyed POST's first answer: a resend cannot make a second invoice.
        deduplicated: true,
      };
      if (externalId !== undefined) post.externalId = externalId;
      if (options.signal) post.signal = options.signal;
      const context: CreateAnswerContext = {
        provider: 'whop',
        subject: 'Whop create-invoice response',
        method: 'POST',
        url: createUrl,
        body: request,
      };
      if (externalId !== undefined) context.externalId = externalId;
      // An unreadable 2xx means the invoice may exist: the same key fetches Whop's stored answer instead
      // of creating another, a few times; after that the caller reconciles (AmbiguousResultError).
      let raw: WhopInvoice | undefined;
      for (let attempt = 0; raw === undefined; attempt++) {
        try {
          raw = parseCreateAnswer(InvoiceSchema, await transport.request(post), context, fastReadInvoice);
        } catch (error) {
          if (!AmbiguousResultError.isInstance(error) || attempt >= UNREADABLE_RESENDS) throw error;
        }
      }
      // The invoice exists now: the read-back reports its warnings rather than throwing in strict mode.
      const answered = fromWhopInvoice(raw);
      verifyCreate({
        provider: 'whop',
        createdId: raw.id,
        sent: sentFacts(mapped),
        stored: createFacts(answered.value),
        raw,
      });
      return {
        value: answered.value,
        raw,
        warnings: warnings.concat(answered.warnings),
        requestWarnings: warnings,
      };
    },

    async get(id, options = {}) {
      const response = await transport.request({
        method: 'GET',
        path: `/invoices/${encodeURIComponent(id)}`,
        operation: 'read',
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const body = response.body;
      return read(
        fastReadInvoice(body) ?? parseWith(InvoiceSchema, body, 'Whop invoice response'),
        options.strict,
      );
    },

    list(params = {}) {
      return {
        async *[Symbol.asyncIterator]() {
          let after: string | undefined;
          for (;;) {
            const response = await transport.request({
              method: 'GET',
              path: `/invoices${arrayQuery(params)}`,
              query: {
                company_id: config.companyId,
                first: params.pageSize,
                after,
                created_after: params.createdAfter,
                created_before: params.createdBefore,
                order: params.order,
                direction: params.direction,
              },
              operation: 'read',
              ...(params.signal ? { signal: params.signal } : {}),
            });
            const page =
              fastReadInvoiceList(response.body) ??
              parseWith(InvoiceListResponse, response.body, 'Whop invoice list');
            for (const raw of page.data) yield read(raw, undefined);
            const cursor = page.page_info.end_cursor;
            // The SDK follows end_cursor until there is none; has_next_page=false (or an empty page) also ends it.
            if (
              !cursor ||
              page.page_info.has_next_page === false ||
              page.data.length === 0 ||
              cursor === after
            )
              return;
            after = cursor;
          }
        },
      };
    },
  };
}
