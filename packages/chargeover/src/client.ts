/**
 * ChargeOver v3 invoices over HTTP, through core's transport: create, get, and list (every page).
 *
 * Creates are safe to retry when the invoice has an `external_key` (ChargeOver keeps it unique): the
 * transport may resend them, and a resend that meets "external_key already exists" — the first attempt
 * was stored after all — resolves to that stored invoice instead of failing or making a second one.
 */
import {
  AmbiguousResultError,
  type ClientOptions,
  ConflictError,
  createTransport,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  type Order,
  type OrderInput,
  parseWith,
  type Transport,
  transportSettings,
} from '@billbridge/core';
import type { z } from 'zod';
import { mapError } from './errors';
import { fromProvider } from './from-provider';
import { type ChargeOverOptions, UNCONFIRMED } from './options';
import { toCreateRequest } from './to-provider';
import { CreateResponse, GetInvoiceResponse, type InvoiceRecord, QueryInvoicesResponse } from './wire';

const INVOICE_PATH = '/api/v3/invoice';

/** Settings of {@link createChargeOverClient}: the credential, transport options (retries, timeouts, `verify`) and ChargeOver's account-specific ids. */
export interface ChargeOverClientConfig extends ClientOptions, Omit<ChargeOverOptions, 'currencyIds'> {
  /** API public key (the Basic auth user name). */
  publicKey: string;
  /** API private key (the Basic auth password). */
  privateKey: string;
  /** The account's own host, e.g. `https://acme.chargeover.com` (a trailing `/api/v3` is accepted). */
  baseUrl: string;
  /** ISO 4217 code → the account's `currency_id`. */
  currencyIds: Readonly<Record<string, number>>;
}

export interface ChargeOverResult {
  value: Invoice;
  /** create: the create envelope; get/list: the invoice record as ChargeOver returned it. */
  raw: unknown;
  warnings: MappingWarning[];
  /** create only: the warnings of mapping the document to the request (what the provider could not carry), without those of reading the answer back. */
  requestWarnings?: MappingWarning[];
  /** create only: the external_key was already taken, and this is the invoice that holds it. */
  existing?: boolean;
}

export interface ChargeOverListParams {
  /** Query conditions, e.g. `['customer_id:EQUALS:1', 'date:GTE:2026-01-01']`. */
  where?: string | string[];
  /** e.g. `date:DESC` (default `invoice_id:ASC`, which keeps pages stable). */
  order?: string;
  pageSize?: number;
  signal?: AbortSignal;
}

export interface ChargeOverClient {
  create(
    doc: Invoice | Order | InvoiceInput | OrderInput,
    options?: { strict?: boolean; signal?: AbortSignal },
  ): Promise<ChargeOverResult>;
  get(id: string | number, options?: { signal?: AbortSignal }): Promise<ChargeOverResult>;
  list(params?: ChargeOverListParams): AsyncIterable<ChargeOverResult>;
}

/**
 * Creates a ChargeOver client: `create` maps a canonical document (Invoice or Order) to ChargeOver's invoices (v3 REST API), sends
 * it with retries that never duplicate a record, checks what ChargeOver stored against what was sent, and
 * returns the stored record mapped back (`value`), the raw answer (`raw`) and every mapping `warnings`.
 * `get` and `list` read records back in the canonical model.
 *
 * Base URL: your account's own host (required); for an offline fake, `startFake(chargeoverFake)`'s `baseUrl` as it is.
 *
 * @example
 * ```ts
 * const chargeover = createChargeOverClient({ baseUrl: 'https://acme.chargeover.com', publicKey, privateKey, currencyIds: { USD: 1 } });
 * const { value, warnings } = await chargeover.create(invoice);
 * ```
 */
export function createChargeOverClient(config: ChargeOverClientConfig): ChargeOverClient {
  // Credentials and transport settings are taken out, so `mapping` holds only the adapter's options.
  const {
    publicKey,
    privateKey,
    baseUrl,
    timeoutMs,
    deadlineMs,
    maxRetries,
    dispatcher,
    onEvent,
    ...mapping
  } = config;
  if (!publicKey || !privateKey)
    throw new TypeError('createChargeOverClient needs publicKey and privateKey.');
  const basic = Buffer.from(`${publicKey}:${privateKey}`).toString('base64');
  const transport: Transport = createTransport({
    provider: 'chargeover',
    baseUrl: baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/, ''),
    headers: { authorization: `Basic ${basic}` },
    secrets: [publicKey, privateKey, basic],
    ...transportSettings(config),
    mapError,
  });
  const options: ChargeOverOptions = mapping;

  async function get(id: string | number, signal?: AbortSignal): Promise<ChargeOverResult> {
    const response = await transport.request({
      method: 'GET',
      path: `${INVOICE_PATH}/${encodeURIComponent(String(id))}`,
      operation: 'read',
      ...(signal && { signal }),
    });
    const record = parseResponse(GetInvoiceResponse, response.body, 'get').response;
    return mapRecord(record);
  }

  function mapRecord(record: InvoiceRecord): ChargeOverResult {
    const { value, warnings } = fromProvider(record, options);
    return { value, raw: record, warnings };
  }

  async function queryPage(
    where: string[],
    order: string,
    limit: number,
    offset: number,
    signal?: AbortSignal,
  ): Promise<InvoiceRecord[]> {
    const response = await transport.request({
      method: 'GET',
      path: INVOICE_PATH,
      query: { where: where.length ? where.join(',') : undefined, order, limit, offset },
      operation: 'read',
      ...(signal && { signal }),
    });
    return parseResponse(QueryInvoicesResponse, response.body, 'query').response;
  }

  /** The invoice holding `externalKey`; the query language splits on commas, so match on a safe part. */
  async function findByExternalKey(
    externalKey: string,
    signal?: AbortSignal,
  ): Promise<InvoiceRecord | undefined> {
    const field = UNCONFIRMED.externalKeyQueryField;
    const parts = externalKey.split(',');
    const probe =
      parts.length === 1 ? `${field}:EQUALS:${externalKey}` : `${field}:CONTAINS:${longest(parts)}`;
    const pageSize = UNCONFIRMED.listPageSize;
    for (let offset = 0; ; offset += pageSize) {
      const rows = await queryPage([probe], 'invoice_id:ASC', pageSize, offset, signal);
      const hit = rows.find((row) => row.external_key === externalKey);
      if (hit || rows.length < pageSize) return hit;
    }
  }

  return {
    async create(doc, createOptions = {}) {
      const strict = createOptions.strict ?? options.strict;
      const { request, warnings } = toCreateRequest(doc, {
        ...options,
        ...(strict !== undefined && { strict }),
      });
      const externalKey = request.external_key;
      const { signal } = createOptions;
      try {
        const response = await transport.request({
          method: 'POST',
          path: INVOICE_PATH,
          body: request,
          operation: 'create',
          // external_key is unique: a resend cannot make a second invoice.
          deduplicated: externalKey !== undefined,
          ...(externalKey !== undefined && { externalId: externalKey }),
          ...(signal && { signal }),
        });
        const created = parseResponse(CreateResponse, response.body, 'create');
        const back = fromProvider(request, { ...options, strict: false });
        const value: Invoice = { ...back.value, id: String(created.response.id), provider: 'chargeover' };
        return { value, raw: created, warnings: [...warnings, ...back.warnings], requestWarnings: warnings };
      } catch (error) {
        if (externalKey === undefined || !ConflictError.isInstance(error)) throw error;
        const existing = await findByExternalKey(externalKey, signal);
        if (!existing) {
          throw new AmbiguousResultError(
            `chargeover: external_key "${externalKey}" is reported taken, but no invoice with it was found; reconcile before sending again.`,
            { method: 'POST', url: `${transport.baseUrl}${INVOICE_PATH}`, body: request },
            { provider: 'chargeover', externalId: externalKey, cause: error },
          );
        }
        const full = await get(existing.invoice_id, signal);
        return {
          ...full,
          warnings: [...warnings, ...full.warnings],
          requestWarnings: warnings,
          existing: true,
        };
      }
    },

    get: (id, getOptions = {}) => get(id, getOptions.signal),

    list(params = {}) {
      const where =
        params.where === undefined ? [] : Array.isArray(params.where) ? params.where : [params.where];
      const order = params.order ?? 'invoice_id:ASC';
      const pageSize = params.pageSize ?? UNCONFIRMED.listPageSize;
      return {
        async *[Symbol.asyncIterator]() {
          for (let offset = 0; ; ) {
            const rows = await queryPage(where, order, pageSize, offset, params.signal);
            for (const row of rows) yield mapRecord(row);
            if (rows.length < pageSize) return;
            offset += rows.length;
          }
        },
      };
    },
  };
}

function parseResponse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  return parseWith(schema, body, `ChargeOver ${what} response`);
}

function longest(parts: string[]): string {
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}
