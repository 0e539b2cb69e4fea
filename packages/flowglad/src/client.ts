/**
 * Flowglad over core's transport: `create` against the documented (and since withdrawn) create endpoint,
 * `get` and `list` against current Flowglad. Auth is the bare secret key in `Authorization`, as the
 * official SDK sends it.
 */
import {
  type BillbridgeError,
  type ClientOptions,
  ConflictError,
  type CreateFacts,
  createFacts,
  createTransport,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  NotFoundError,
  type Order,
  type OrderInput,
  ProviderError,
  parseCreateAnswer,
  parseWith,
  type Transport,
  type TransportResponse,
  transportSettings,
  verifyCreate,
} from '@billbridge/core';
import {
  InvoiceInsertFailedError,
  isWithdrawnAnswer,
  mapError,
  UnknownRecordError,
  UnknownReferenceError,
  withdrawnError,
} from './errors';
import { readInvoiceListPage } from './fast-list';
import { readInvoiceWithLineItems } from './fast-record';
import { fromCheckedRecord, fromProvider } from './from-provider';
import type { FlowgladMappingOptions } from './options';
import { requestFacts } from './request-facts';
import { toCreateRequest } from './to-provider';
import {
  type FlowgladCreateRequest,
  type InvoiceListPage,
  InvoiceListPage as InvoiceListPageSchema,
  type InvoiceRecord,
  InvoiceWithLineItems,
} from './wire';

/** Flowglad's own cursor form, filtering the list to one invoice number (see findByNumber). */
export function numberCursor(number: string): string {
  const cursor = {
    parameters: { invoiceNumber: number },
    createdAt: new Date(0).toISOString(),
    direction: 'forward',
  };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64');
}

/** The request's references Flowglad has a read route for: [field, id, route]. */
function probes(request: FlowgladCreateRequest): Array<[string, string, string]> {
  const inv = request.invoice as { purchaseId?: string | null; subscriptionId?: string | null };
  const out: Array<[string, string, string]> = [];
  if (typeof inv.purchaseId === 'string' && inv.purchaseId !== '')
    out.push(['invoice.purchaseId', inv.purchaseId, '/api/v1/purchases']);
  if (typeof inv.subscriptionId === 'string' && inv.subscriptionId !== '')
    out.push(['invoice.subscriptionId', inv.subscriptionId, '/api/v1/subscriptions']);
  return out;
}

/** References the request carries that no read route can confirm. */
function uncheckable(request: FlowgladCreateRequest): string[] {
  const inv = request.invoice as unknown as Record<string, unknown>;
  return ['billingPeriodId', 'ownerMembershipId', 'billingRunId']
    .filter((key) => typeof inv[key] === 'string' && inv[key] !== '')
    .map((key) => `invoice.${key} (${String(inv[key])})`);
}

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
  /** create only: the invoice number was already taken by this very invoice (a resend), which is returned. */
  existing?: boolean;
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

/** The transport every Flowglad call goes through: the client's and the webhook resolver's reads alike. */
export function flowgladTransport(config: FlowgladClientConfig): Transport {
  return createTransport({
    provider: 'flowglad',
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
    headers: { authorization: config.apiKey },
    secrets: [config.apiKey],
    mapError,
    ...transportSettings(config),
  });
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
  const transport = flowgladTransport(config);
  // The mapping options for each `strict` a call can ask for, built once rather than per call.
  const mappingFor = (strict: boolean | undefined): FlowgladMappingOptions => {
    const options: FlowgladMappingOptions = { strict: strict ?? config.strict };
    if (config.customerIds !== undefined) options.customerIds = config.customerIds;
    return options;
  };
  const byStrict = { true: mappingFor(true), false: mappingFor(false), default: mappingFor(undefined) };
  const mapping = (strict: boolean | undefined): FlowgladMappingOptions =>
    strict === undefined ? byStrict.default : strict ? byStrict.true : byStrict.false;
  const createUrl = `${transport.baseUrl}${INVOICES}`;

  async function get(id: string, options: { signal?: AbortSignal } = {}): Promise<FlowgladResult> {
    const response = await transport.request({
      method: 'GET',
      path: `${INVOICES}/${encodeURIComponent(id)}`,
      operation: 'read',
      ...(options.signal && { signal: options.signal }),
    });
    return readBack(response.body, config.strict);
  }

  async function create(
    doc: Invoice | Order | InvoiceInput | OrderInput,
    options: FlowgladCreateOptions = {},
  ): Promise<FlowgladResult> {
    const { request, warnings } = toCreateRequest(doc, mapping(options.strict));
    const number = request.invoice.invoiceNumber;
    let response: TransportResponse;
    try {
      response = await transport.request({
        method: 'POST',
        path: INVOICES,
        body: request,
        operation: 'create',
        // invoiceNumber is UNIQUE across Flowglad: a retried create cannot make a second invoice.
        deduplicated: true,
        externalId: number,
        signal: options.signal,
      });
    } catch (error) {
      if (!ProviderError.isInstance(error)) throw error;
      if (isWithdrawnAnswer(error)) throw withdrawnError(error);
      if (UnknownRecordError.isInstance(error) && error.table === 'customers') {
        throw new UnknownReferenceError(
          'invoice.customerId',
          error.id,
          `flowglad: customer ${error.id} does not exist on this account; create the customer in Flowglad first, or map the document to an existing customer id.`,
          { provider: 'flowglad', status: error.status, raw: error.raw, cause: error },
        );
      }
      if (ConflictError.isInstance(error) || InvoiceInsertFailedError.isInstance(error)) {
        return classifyInsertFailure(request, warnings, error, options.signal);
      }
      throw error;
    }
    const body = parseCreateAnswer(
      InvoiceWithLineItems,
      response,
      answerContext(request),
      readInvoiceWithLineItems,
    );
    return verified(
      request,
      body,
      response.body,
      warnings,
      options.strict ?? config.strict,
      response.requestId,
    );
  }

  function answerContext(request: FlowgladCreateRequest) {
    return {
      provider: 'flowglad',
      subject: 'Flowglad create-invoice response',
      method: 'POST',
      url: createUrl,
      body: request,
      externalId: request.invoice.invoiceNumber,
    };
  }

  /**
   * The insert failed and the answer cannot say why (CONTRACT.md F5, F6). In order: the number is looked up
   * with one filtered request (found → a duplicate, usually our own first attempt); the request's
   * references that Flowglad can look up are fetched (one missing → that reference is named); else the
   * failure is reported with what is known, never as a taken number.
   */
  async function classifyInsertFailure(
    request: FlowgladCreateRequest,
    warnings: MappingWarning[],
    failure: BillbridgeError,
    signal: AbortSignal | undefined,
  ): Promise<FlowgladResult> {
    const number = request.invoice.invoiceNumber;
    const lookup = await findByNumber(number, signal);
    if (lookup.record) return resolveDuplicate(request, warnings, lookup.record, failure, signal);

    for (const [field, id, path] of probes(request)) {
      if (await isMissing(path, id, signal)) {
        throw new UnknownReferenceError(
          field,
          id,
          `flowglad: ${field} ${id} does not exist on this account, so Flowglad refused the invoice (it answered ${failure.status} without naming the cause; looking ${id} up found nothing). Give an existing id.`,
          { provider: 'flowglad', status: failure.status, raw: failure.raw, cause: failure },
        );
      }
    }
    const unchecked = uncheckable(request);
    throw new InvoiceInsertFailedError(
      `flowglad: Flowglad refused to store invoice ${JSON.stringify(number)} (it answered ${failure.status} without naming the cause). ` +
        (lookup.conclusive
          ? `No invoice of this account has that number, `
          : `The number could not be looked up (the deployment ignored the filter), `) +
        (probes(request).length > 0 ? 'the references that can be looked up exist, ' : '') +
        `so the cause is one of: ${[
          ...unchecked.map((f) => `an unknown ${f}`),
          'the number being held by another Flowglad organisation (numbers are unique across Flowglad)',
          'a transient database error (sending it again is safe: the number keeps it from being stored twice)',
        ].join('; ')}.`,
      { provider: 'flowglad', status: failure.status, raw: failure.raw, cause: failure, retryable: false },
    );
  }

  /** The invoice holding the number is returned when it is the one we asked for, never a second one. */
  async function resolveDuplicate(
    request: FlowgladCreateRequest,
    warnings: MappingWarning[],
    record: InvoiceRecord,
    failure: BillbridgeError,
    signal: AbortSignal | undefined,
  ): Promise<FlowgladResult> {
    const number = request.invoice.invoiceNumber;
    const response = await transport.request({
      method: 'GET',
      path: `${INVOICES}/${encodeURIComponent(record.id)}`,
      operation: 'read',
      ...(signal && { signal }),
    });
    // The record exists, so an unreadable answer here is as ambiguous as one to the create itself.
    const existing = parseCreateAnswer(
      InvoiceWithLineItems,
      response,
      answerContext(request),
      readInvoiceWithLineItems,
    );
    const mismatch = differences(request, existing);
    if (mismatch.length > 0) {
      throw new ConflictError(
        `flowglad: invoiceNumber ${JSON.stringify(number)} already belongs to invoice ${record.id}, which differs from this one (${mismatch.join('; ')}). Invoice numbers are unique across Flowglad; use another number.`,
        { provider: 'flowglad', status: failure.status, raw: failure.raw, cause: failure },
      );
    }
    const result = verified(request, existing, response.body, warnings, config.strict, response.requestId);
    result.existing = true;
    return result;
  }

  /** Compares what Flowglad stored with what was sent, and returns what it stored. */
  function verified(
    request: FlowgladCreateRequest,
    stored: InvoiceWithLineItems,
    raw: unknown,
    sent: MappingWarning[],
    strict: boolean | undefined,
    requestId: string | undefined,
  ): FlowgladResult {
    const { value, warnings } = fromCheckedRecord(stored, mapping(strict));
    const facts: CreateFacts = requestFacts(request);
    verifyCreate({
      provider: 'flowglad',
      createdId: stored.invoice.id,
      sent: facts,
      stored: createFacts(value),
      raw,
      requestId,
    });
    return { value, raw, warnings: joined(sent, warnings), requestWarnings: sent };
  }

  /**
   * One request: Flowglad's list reads its filter from the cursor (base64 JSON `{ parameters, createdAt,
   * direction }`, tableUtils.ts `decodeCursor`/`createPaginatedSelectFunction`), so a cursor carrying
   * `{ invoiceNumber }` lists only that number. A page holding other numbers means the filter was ignored.
   */
  async function findByNumber(
    number: string,
    signal: AbortSignal | undefined,
  ): Promise<{ record?: InvoiceRecord; conclusive: boolean }> {
    const response = await transport.request({
      method: 'GET',
      path: INVOICES,
      query: { limit: '2', cursor: numberCursor(number) },
      operation: 'read',
      ...(signal && { signal }),
    });
    const page = readPage(response.body);
    const record = page.data.find((r) => r.invoiceNumber === number);
    const conclusive = page.data.every((r) => r.invoiceNumber === number);
    return record ? { record, conclusive } : { conclusive };
  }

  /** True when Flowglad says the record does not exist (its 404, or its "No … found with id" 500). */
  async function isMissing(path: string, id: string, signal: AbortSignal | undefined): Promise<boolean> {
    try {
      await transport.request({
        method: 'GET',
        path: `${path}/${encodeURIComponent(id)}`,
        operation: 'read',
        ...(signal && { signal }),
      });
      return false;
    } catch (error) {
      if (UnknownRecordError.isInstance(error)) return true;
      if (NotFoundError.isInstance(error) && error.status === 404) return true;
      if (ProviderError.isInstance(error)) return false;
      throw error;
    }
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
      const page = readPage(response.body);
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

function readBack(body: unknown, strict: boolean | undefined): FlowgladResult {
  const parsed =
    readInvoiceWithLineItems(body) ?? parseWith(InvoiceWithLineItems, body, 'Flowglad invoice response');
  // Parsed above, so mapped without a second schema pass (fromProvider's 'record' branch otherwise).
  const { value, warnings } = fromCheckedRecord(parsed, { strict });
  return { value, raw: body, warnings, requestWarnings: [] };
}

function readPage(body: unknown): InvoiceListPage {
  return readInvoiceListPage(body) ?? parseWith(InvoiceListPageSchema, body, 'Flowglad invoice list');
}

/** Both lists in order; a fresh array only when both have entries. */
function joined(first: MappingWarning[], second: MappingWarning[]): MappingWarning[] {
  if (first.length === 0) return second;
  if (second.length === 0) return first.slice();
  return [...first, ...second];
}

/** What must agree for an existing invoice to count as the one this request would have created. */
function differences(request: FlowgladCreateRequest, existing: InvoiceWithLineItems): string[] {
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
