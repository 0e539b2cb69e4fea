/**
 * Pelcro Core invoices over HTTP, on core's transport: `Authorization: Bearer`, `site_id` on every call.
 * Pelcro has no idempotency key and no natural key on create, so a create that may have reached Pelcro
 * is never retried (AmbiguousResultError instead), while reads retry freely. A create's answer (or, with
 * `verify: 'read-back'`, the invoice read afterwards) is compared with what was sent; the value returned
 * is what Pelcro stored, never the request echoed.
 */
import {
  type ClientOptions,
  type CreateAnswerContext,
  createTransport,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  type Order,
  type OrderInput,
  ProviderError,
  parseCreateAnswer,
  type TransportRequest,
  type TransportResponse,
  transportSettings,
  ValidationError,
} from '@billbridge/core';
import type { z } from 'zod';
import { mapPelcroError } from './errors';
import { fastReadInvoiceList } from './fast-list';
import { fastReadInvoiceResponse } from './fast-record';
import { fromCheckedInvoice, unwrap } from './from-provider';
import { INVOICES_PATH, LIST_MAX_LIMIT, PELCRO_BASE_URL } from './options';
import { isLastPage, pageItems } from './paging';
import { readSiteId, toCreateRequest } from './to-provider';
import { verifyStored } from './verify';
import { type PelcroInvoice, PelcroInvoiceList, PelcroInvoiceResponse } from './wire';

/** Settings of {@link createPelcroClient}: the credential, transport options (retries, timeouts, `verify`) and Pelcro's account-specific ids. */
export interface PelcroClientConfig extends ClientOptions {
  /** A Pelcro API key (a JWT-like bearer token). Registered for redaction. */
  apiKey: string;
  /** The Pelcro site (account) id. */
  siteId: number | string;
  /** Default `https://www.pelcro.com`; paths `/api/v1/core/...` are appended. */
  baseUrl?: string;
  /** Pelcro customer ids for documents that refer to customers by another id (see PelcroMappingOptions). */
  customerIds?: Record<string, number | string>;
}

export interface PelcroResult {
  value: Invoice;
  raw: PelcroInvoice;
  warnings: MappingWarning[];
  /** create only: the warnings of mapping the document to the request (what the provider could not carry), without those of reading the answer back. */
  requestWarnings?: MappingWarning[];
}

export interface PelcroListParams {
  /** Page size sent as `limit` (default and maximum 100, Pelcro's documented maximum). */
  limit?: number;
  /** Extra query filters passed through as given, e.g. `{ status: 'open' }` (Pelcro may ignore them). */
  filters?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
}

export interface PelcroClient {
  create(
    doc: Invoice | Order | InvoiceInput | OrderInput,
    opts?: { strict?: boolean; signal?: AbortSignal },
  ): Promise<PelcroResult>;
  get(id: string | number, opts?: { signal?: AbortSignal }): Promise<PelcroResult>;
  list(params?: PelcroListParams): AsyncIterable<PelcroResult>;
}

/**
 * Creates a Pelcro client: `create` maps a canonical document (Invoice or Order) to Pelcro's invoices (`/api/v1/core/invoices`), sends
 * it with retries that never duplicate a record, checks what Pelcro stored against what was sent, and
 * returns the stored record mapped back (`value`), the raw answer (`raw`) and every mapping `warnings`.
 * `get` and `list` read records back in the canonical model.
 *
 * Base URL: `https://www.pelcro.com`; for an offline fake, `startFake(pelcroFake)`'s `baseUrl` as it is.
 *
 * @example
 * ```ts
 * const pelcro = createPelcroClient({ apiKey: process.env.PELCRO_API_KEY!, siteId: 1234 });
 * const { value, warnings } = await pelcro.create(invoice);
 * ```
 */
export function createPelcroClient(config: PelcroClientConfig): PelcroClient {
  // A wrong site id is a configuration error: say so now, not on the first call.
  const siteId = readSiteId(config.siteId);
  const verifyMode = config.verify ?? 'response';
  const transport = createTransport({
    provider: 'pelcro',
    baseUrl: config.baseUrl ?? PELCRO_BASE_URL,
    headers: { authorization: `Bearer ${config.apiKey}`, accept: 'application/json' },
    secrets: [config.apiKey],
    mapError: mapPelcroError,
    ...transportSettings(config),
  });

  // What every create sends and names the same way: built once per client, not per create.
  const siteQuery = Object.freeze({ site_id: siteId });
  const createUrl = `${transport.baseUrl}${INVOICES_PATH}?site_id=${siteId}`;

  // The mapping options of a create, one object per strict setting (not a spread per create).
  const mappings = new Map<boolean | undefined, Parameters<typeof toCreateRequest>[1]>();
  function mappingFor(strict: boolean | undefined) {
    let options = mappings.get(strict);
    if (!options) {
      options = { siteId, strict, ...(config.customerIds && { customerIds: config.customerIds }) };
      mappings.set(strict, options);
    }
    return options;
  }

  function read(raw: PelcroInvoice, warnings: MappingWarning[] = []): PelcroResult {
    // Reading back never applies `strict`: the record exists whatever the mapping says. Every caller
    // passes an invoice its schema already checked (invoiceOf, parseCreateAnswer).
    const back = fromCheckedInvoice(raw);
    const all = warnings.length === 0 ? back.warnings : warnings.concat(back.warnings);
    return { value: back.value, raw, warnings: all, requestWarnings: warnings };
  }

  function invoiceOf(response: Pick<TransportResponse, 'status' | 'body' | 'requestId'>, what: string) {
    const fast = fastReadInvoiceResponse(response.body);
    if (fast !== undefined) return unwrap(fast);
    const parsed = PelcroInvoiceResponse.safeParse(response.body);
    if (!parsed.success) {
      throw new ProviderError(
        `pelcro answered ${response.status} to ${what} with a body that is not an invoice.`,
        {
          provider: 'pelcro',
          status: response.status,
          requestId: response.requestId,
          raw: response.body,
        },
      );
    }
    return unwrap(parsed.data);
  }

  async function getRaw(id: string | number, signal?: AbortSignal): Promise<PelcroInvoice> {
    const response = await transport.request({
      method: 'GET',
      path: `${INVOICES_PATH}/${encodeURIComponent(String(id))}`,
      query: { site_id: siteId },
      operation: 'read',
      ...(signal && { signal }),
    });
    return invoiceOf(response, 'get invoice');
  }

  return {
    async create(doc, opts = {}) {
      const { request, warnings } = toCreateRequest(doc, mappingFor(opts.strict ?? config.strict));
      const rawExternalId = (doc as { externalId?: unknown }).externalId;
      const externalId = typeof rawExternalId === 'string' ? rawExternalId : undefined;
      const post: TransportRequest = {
        method: 'POST',
        path: INVOICES_PATH,
        query: siteQuery,
        body: request.body,
        operation: 'create',
        deduplicated: false,
      };
      if (externalId !== undefined) post.externalId = externalId;
      if (opts.signal) post.signal = opts.signal;
      const response = await transport.request(post);
      // A 2xx that cannot be read may still have created the invoice: ambiguous, never "not created".
      const context: CreateAnswerContext = {
        provider: 'pelcro',
        subject: 'Pelcro create-invoice response',
        method: 'POST',
        url: createUrl,
        body: request.body,
      };
      if (externalId !== undefined) context.externalId = externalId;
      const answer = unwrap(
        parseCreateAnswer(PelcroInvoiceResponse, response, context, fastReadInvoiceResponse),
      );
      const stored = verifyMode === 'read-back' ? await getRaw(answer.id, opts.signal) : answer;
      verifyStored(request.body, stored, response.requestId);
      return read(stored, warnings);
    },

    async get(id, opts = {}) {
      return read(await getRaw(id, opts.signal));
    },

    list(params = {}) {
      return listPages(params);
    },
  };

  async function* listPages(params: PelcroListParams): AsyncGenerator<PelcroResult> {
    const limit = listLimit(params.limit);
    let previousFirst: unknown;
    for (let page = 1; ; page++) {
      const response = await transport.request({
        method: 'GET',
        path: INVOICES_PATH,
        query: { ...params.filters, site_id: siteId, page, limit },
        operation: 'read',
        ...(params.signal && { signal: params.signal }),
      });
      const list = parseList(response);
      const items = pageItems(list);
      // A server that ignores `page` would answer page 1 forever: stop with an error, not a loop.
      const first = (items[0] as { id?: unknown } | undefined)?.id;
      if (page > 1 && first !== undefined && first === previousFirst) {
        throw new ProviderError(
          `pelcro answered page ${page} of list invoices with the invoices of page ${page - 1}; the listing is not paging.`,
          { provider: 'pelcro', status: response.status, requestId: response.requestId },
        );
      }
      previousFirst = first;
      for (const item of items) yield read(invoiceOf({ ...response, body: item }, 'list invoices'));
      if (isLastPage(list, limit)) return;
    }
  }
}

/** The page size: a whole number from 1 to Pelcro's maximum of 100. */
function listLimit(limit: number | undefined): number {
  if (limit === undefined) return LIST_MAX_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_MAX_LIMIT) {
    throw new ValidationError('Pelcro list options', [
      {
        path: 'limit',
        code: 'pelcro_list_limit',
        message: `limit must be a whole number from 1 to ${LIST_MAX_LIMIT} (Pelcro's maximum page size), got ${String(limit)}.`,
      },
    ]);
  }
  return limit;
}

function parseList(response: TransportResponse): z.output<typeof PelcroInvoiceList> {
  const fast = fastReadInvoiceList(response.body);
  if (fast !== undefined) return fast;
  const parsed = PelcroInvoiceList.safeParse(response.body);
  if (!parsed.success) {
    throw new ProviderError(
      `pelcro answered ${response.status} to list invoices with a body that is not a page.`,
      {
        provider: 'pelcro',
        status: response.status,
        requestId: response.requestId,
        raw: response.body,
      },
    );
  }
  return parsed.data;
}
