/**
 * Pelcro Core invoices over HTTP, on core's transport: `Authorization: Bearer`, `site_id` on every call.
 * Pelcro has no idempotency key and no natural key on create, so a create that may have reached Pelcro
 * is never retried (AmbiguousResultError instead), while reads retry freely.
 */
import {
  type ClientOptions,
  createTransport,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  type Order,
  type OrderInput,
  ProviderError,
  type TransportResponse,
  transportSettings,
} from '@billbridge/core';
import type { z } from 'zod';
import { mapPelcroError } from './errors';
import { fromProvider, unwrap } from './from-provider';
import { INVOICES_PATH, PELCRO_BASE_URL, READINGS } from './options';
import { hasNextPage } from './paging';
import { readSiteId, toCreateRequest } from './to-provider';
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
  /** Page size (default 50). */
  perPage?: number;
  /** Extra query filters passed through as given, e.g. `{ status: 'open' }`. */
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
  const transport = createTransport({
    provider: 'pelcro',
    baseUrl: config.baseUrl ?? PELCRO_BASE_URL,
    headers: { authorization: `Bearer ${config.apiKey}`, accept: 'application/json' },
    secrets: [config.apiKey],
    mapError: mapPelcroError,
    ...transportSettings(config),
  });

  function read(raw: PelcroInvoice, warnings: MappingWarning[] = []): PelcroResult {
    // Reading back never applies `strict`: the record exists whatever the mapping says.
    const back = fromProvider(raw);
    return { value: back.value, raw, warnings: [...warnings, ...back.warnings], requestWarnings: warnings };
  }

  function invoiceOf(response: TransportResponse, what: string): PelcroInvoice {
    const parsed = PelcroInvoiceResponse.safeParse(response.body);
    if (!parsed.success) {
      const note =
        what === 'create invoice' ? ' The invoice may have been created: check before sending it again.' : '';
      throw new ProviderError(
        `pelcro answered ${response.status} to ${what} with a body that is not an invoice.${note}`,
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

  return {
    async create(doc, opts = {}) {
      const { request, warnings } = toCreateRequest(doc, {
        siteId,
        strict: opts.strict ?? config.strict,
        ...(config.customerIds && { customerIds: config.customerIds }),
      });
      const externalId = (doc as { externalId?: unknown }).externalId;
      const response = await transport.request({
        method: 'POST',
        path: INVOICES_PATH,
        query: { site_id: request.query.site_id },
        body: request.body,
        operation: 'create',
        deduplicated: false,
        ...(typeof externalId === 'string' && { externalId }),
        ...(opts.signal && { signal: opts.signal }),
      });
      return read(invoiceOf(response, 'create invoice'), warnings);
    },

    async get(id, opts = {}) {
      const response = await transport.request({
        method: 'GET',
        path: `${INVOICES_PATH}/${encodeURIComponent(String(id))}`,
        query: { site_id: siteId },
        operation: 'read',
        ...(opts.signal && { signal: opts.signal }),
      });
      return read(invoiceOf(response, 'get invoice'));
    },

    list(params = {}) {
      return listPages(params);
    },
  };

  async function* listPages(params: PelcroListParams): AsyncGenerator<PelcroResult> {
    const perPage = params.perPage ?? READINGS.listPageSize;
    for (let page = 1; ; page++) {
      const response = await transport.request({
        method: 'GET',
        path: INVOICES_PATH,
        query: { ...params.filters, site_id: siteId, page, per_page: perPage },
        operation: 'read',
        ...(params.signal && { signal: params.signal }),
      });
      const list = parseList(response);
      const items = Array.isArray(list) ? list : list.data;
      for (const item of items) yield read(invoiceOf({ ...response, body: item }, 'list invoices'));
      if (!hasNextPage(list, page, items.length, perPage)) return;
    }
  }
}

function parseList(response: TransportResponse): z.output<typeof PelcroInvoiceList> {
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
