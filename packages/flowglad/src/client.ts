/**
 * Flowglad over core's transport: `create` against the documented (and since withdrawn) create endpoint,
 * `get` and `list` against current Flowglad. Auth is the bare secret key in `Authorization`, as the
 * official SDK sends it.
 */
import {
  type BillbridgeError,
  type ClientOptions,
  ConflictError,
  createTransport,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  type Order,
  type OrderInput,
  ProviderError,
  parseWith,
  transportSettings,
} from '@billbridge/core';
import { isWithdrawnAnswer, mapError, withdrawnError } from './errors';
import { fromProvider } from './from-provider';
import type { FlowgladMappingOptions } from './options';
import { toCreateRequest } from './to-provider';
import {
  type FlowgladCreateRequest,
  type InvoiceListPage,
  InvoiceListPage as InvoiceListPageSchema,
  type InvoiceRecord,
  InvoiceWithLineItems,
} from './wire';

export const DEFAULT_BASE_URL = 'https://app.flowglad.com';
const INVOICES = '/api/v1/invoices';
const MAX_PAGE = 100;

/** Settings of {@link createFlowgladClient}: the credential, transport options (retries, timeouts, `verify`) and Flowglad's account-specific ids. */
export interface FlowgladClientConfig extends ClientOptions, Pick<FlowgladMappingOptions, 'customerIds'> {
  /** Secret key (`sk_test_…` / `sk_live_…`). */
  apiKey: string;
  /** Default `https://app.flowglad.com`; a self-hosted deployment's origin otherwise. */
  baseUrl?: string;
}

export interface FlowgladResult {
  value: Invoice;
  /** Flowglad's response body as received. */
  raw: unknown;
  warnings: MappingWarning[];
  /** create only: the warnings of mapping the document to the request (what the provider could not carry), without those of reading the answer back. */
  requestWarnings?: MappingWarning[];
}

export interface FlowgladCreateOptions {
  strict?: boolean;
  signal?: AbortSignal;
}

export interface FlowgladListParams {
  /** Page size, 1–100 (default 100). */
  limit?: number;
  /** Start from this cursor (a `nextCursor` from an earlier page). */
  cursor?: string;
  /**
   * List records carry no line items; by default each invoice is fetched to include them (one extra
   * request per invoice). `false` yields the records alone, with their subtotal as the total.
   */
  withLineItems?: boolean;
  signal?: AbortSignal;
}

export interface FlowgladClient {
  create(
    doc: Invoice | Order | InvoiceInput | OrderInput,
    options?: FlowgladCreateOptions,
  ): Promise<FlowgladResult>;
  get(id: string, options?: { signal?: AbortSignal }): Promise<FlowgladResult>;
  list(params?: FlowgladListParams): AsyncIterable<FlowgladResult>;
}

/**
 * Creates a Flowglad client: `create` maps a canonical document (Invoice or Order) to Flowglad's invoices, sends
 * it with retries that never duplicate a record, checks what Flowglad stored against what was sent, and
 * returns the stored record mapped back (`value`), the raw answer (`raw`) and every mapping `warnings`.
 * `get` and `list` read records back in the canonical model.
 *
 * Base URL: `https://app.flowglad.com`; for an offline fake, `startFake(flowgladFake)`'s `baseUrl` as it is.
 *
 * @example
 * ```ts
 * const flowglad = createFlowgladClient({ apiKey: process.env.FLOWGLAD_SECRET_KEY! });
 * const { value, warnings } = await flowglad.create(invoice);
 * ```
 */
export function createFlowgladClient(config: FlowgladClientConfig): FlowgladClient {
  if (typeof config.apiKey !== 'string' || config.apiKey.trim() === '') {
    throw new TypeError(
      'createFlowgladClient: apiKey is required (a Flowglad secret key, sk_test_… or sk_live_…).',
    );
  }
  const transport = createTransport({
    provider: 'flowglad',
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
    headers: { authorization: config.apiKey },
    secrets: [config.apiKey],
    mapError,
    ...transportSettings(config),
  });
  const mapping = (strict: boolean | undefined): FlowgladMappingOptions => ({
    strict: strict ?? config.strict,
    ...(config.customerIds !== undefined && { customerIds: config.customerIds }),
  });

  async function get(id: string, options: { signal?: AbortSignal } = {}): Promise<FlowgladResult> {
    const response = await transport.request({
      method: 'GET',
      path: `${INVOICES}/${encodeURIComponent(id)}`,
      operation: 'read',
      ...(options.signal && { signal: options.signal }),
    });
    return readBack(response.body, [], config.strict);
  }

  async function create(
    doc: Invoice | Order | InvoiceInput | OrderInput,
    options: FlowgladCreateOptions = {},
  ): Promise<FlowgladResult> {
    const { request, warnings } = toCreateRequest(doc, mapping(options.strict));
    const number = request.invoice.invoiceNumber;
    let body: unknown;
    try {
      const response = await transport.request({
        method: 'POST',
        path: INVOICES,
        body: request,
        operation: 'create',
        // invoiceNumber is UNIQUE across Flowglad: a retried create cannot make a second invoice.
        deduplicated: true,
        externalId: number,
        ...(options.signal && { signal: options.signal }),
      });
      body = response.body;
    } catch (error) {
      if (!ProviderError.isInstance(error)) throw error;
      if (isWithdrawnAnswer(error)) throw withdrawnError(error);
      // mapError turns every duplicate-number answer (409, or the database's error) into a ConflictError.
      if (ConflictError.isInstance(error)) {
        return resolveDuplicate(request, warnings, error, options.signal);
      }
      throw error;
    }
    return readBack(body, warnings, options.strict ?? config.strict);
  }

  /**
   * The number is taken. After a retry that is usually our own first attempt ("created, then failed");
   * the invoice holding the number is returned when it is the one we asked for, never a second one.
   */
  async function resolveDuplicate(
    request: FlowgladCreateRequest,
    warnings: MappingWarning[],
    conflict: BillbridgeError,
    signal: AbortSignal | undefined,
  ): Promise<FlowgladResult> {
    const number = request.invoice.invoiceNumber;
    const record = await findByNumber(number, signal);
    if (!record) {
      // Numbers are unique across every Flowglad organisation, and the list shows only ours.
      throw new ConflictError(
        `flowglad: invoiceNumber ${JSON.stringify(number)} is already taken, and not by an invoice of this account (Flowglad invoice numbers are unique across all organisations); use another number.`,
        { provider: 'flowglad', status: conflict.status, raw: conflict.raw, cause: conflict },
      );
    }
    const existing = await get(record.id, signal ? { signal } : {});
    const mismatch = differences(request, existing.raw);
    if (mismatch.length > 0) {
      throw new ConflictError(
        `flowglad: invoiceNumber ${JSON.stringify(number)} already belongs to invoice ${record.id}, which differs from this one (${mismatch.join('; ')}). Invoice numbers are unique across Flowglad; use another number.`,
        { provider: 'flowglad', status: conflict.status, raw: conflict.raw, cause: conflict },
      );
    }
    return { ...existing, warnings: [...warnings, ...existing.warnings], requestWarnings: warnings };
  }

  /** Flowglad's list has no filter by number: the pages are walked until the number turns up. */
  async function findByNumber(
    number: string,
    signal: AbortSignal | undefined,
  ): Promise<InvoiceRecord | undefined> {
    for await (const page of pages({ limit: MAX_PAGE, ...(signal && { signal }) })) {
      const hit = page.data.find((record) => record.invoiceNumber === number);
      if (hit) return hit;
    }
    return undefined;
  }

  async function* pages(params: FlowgladListParams): AsyncGenerator<InvoiceListPage> {
    const limit = params.limit ?? MAX_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw new RangeError(`flowglad: list limit must be an integer from 1 to ${MAX_PAGE}, got ${limit}.`);
    }
    let cursor = params.cursor;
    const seen = new Set<string>();
    for (;;) {
      const response = await transport.request({
        method: 'GET',
        path: INVOICES,
        query: { limit: String(limit), cursor },
        operation: 'read',
        ...(params.signal && { signal: params.signal }),
      });
      const page = parseWith(InvoiceListPageSchema, response.body, 'Flowglad invoice list');
      yield page;
      if (!page.hasMore || !page.nextCursor) return;
      if (seen.has(page.nextCursor)) {
        throw new ProviderError(
          `flowglad: the invoice list returned cursor ${page.nextCursor} twice; stopping.`,
          {
            provider: 'flowglad',
            status: response.status,
          },
        );
      }
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  async function* list(params: FlowgladListParams = {}): AsyncGenerator<FlowgladResult> {
    const withLines = params.withLineItems ?? true;
    for await (const page of pages(params)) {
      for (const record of page.data) {
        if (withLines) {
          yield await get(record.id, params.signal ? { signal: params.signal } : {});
        } else {
          const { value, warnings } = fromProvider(record, mapping(undefined));
          yield { value, raw: record, warnings };
        }
      }
    }
  }

  return { create, get, list };
}

function readBack(body: unknown, sent: MappingWarning[], strict: boolean | undefined): FlowgladResult {
  const parsed = parseWith(InvoiceWithLineItems, body, 'Flowglad invoice response');
  const { value, warnings } = fromProvider(parsed, { strict });
  return { value, raw: body, warnings: [...sent, ...warnings], requestWarnings: sent };
}

/** What must agree for an existing invoice to count as the one this request would have created. */
function differences(request: FlowgladCreateRequest, raw: unknown): string[] {
  const existing = parseWith(InvoiceWithLineItems, raw, 'Flowglad invoice response');
  const out: string[] = [];
  const inv = existing.invoice;
  const want = request.invoice;
  if (inv.customerId !== want.customerId) out.push(`customer ${inv.customerId} ≠ ${want.customerId}`);
  if (inv.currency !== want.currency) out.push(`currency ${inv.currency} ≠ ${want.currency}`);
  if (inv.type !== want.type) out.push(`type ${inv.type} ≠ ${want.type}`);
  // Line order on read is not documented, so the lines are compared as a multiset.
  const have = existing.invoiceLineItems.map((l) => `${l.quantity} × ${l.price}`).sort();
  const sent = request.invoiceLineItems.map((l) => `${l.quantity} × ${l.price}`).sort();
  if (have.join('|') !== sent.join('|')) out.push(`line items [${have.join(', ')}] ≠ [${sent.join(', ')}]`);
  return out;
}
