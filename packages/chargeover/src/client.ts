/**
 * ChargeOver v3 invoices over HTTP, through core's transport: create (verified by reading the invoice
 * back), get, list (complete invoices, lines included) and listHeaders (query rows, no lines).
 *
 * The account's currency table (`GET /api/v3/currency`) is read once and used for every create; a
 * configured `currencyIds` table that disagrees with it is refused before anything is sent.
 *
 * Creates are safe to retry when the invoice has an `external_key` (ChargeOver keeps it unique): the
 * transport may resend them, and a resend refused because the key is taken resolves to the invoice that
 * holds it, found the documented way (`GET /api/v3/invoice/external_key:<key>`).
 */
import {
  AmbiguousResultError,
  type ClientOptions,
  ConflictError,
  type CreateAnswerContext,
  type CreateFacts,
  createTransport,
  InvalidRequestError,
  type Invoice,
  type InvoiceInput,
  type MappingWarning,
  NotFoundError,
  type Order,
  type OrderInput,
  parseCreateAnswer,
  parseWith,
  type Transport,
  type TransportRequest,
  transportSettings,
  type VerifyMode,
  verifyCreate,
} from '@billbridge/core';
import type { z } from 'zod';
import {
  type AccountCurrencies,
  accountCurrencies,
  CURRENCY_PATH,
  CurrencyListResponse,
  CurrencyTableError,
  compareCurrencyTables,
} from './currencies';
import { mapError } from './errors';
import { readCurrencyListResponse, readQueryInvoicesResponse } from './fast-list';
import { readCreateResponse, readGetInvoiceResponse } from './fast-record';
import { fromOwnRequest, fromParsedRecord } from './from-provider';
import { fetchInOrder } from './in-order';
import { type ChargeOverOptions, UNCONFIRMED } from './options';
import { currencyForId, resolveOptions } from './resolve';
import { toCreateRequest } from './to-provider';
import { recordFacts, requestFacts } from './verify';
import {
  CreateResponse,
  GetInvoiceResponse,
  type InvoiceCreateRequest,
  type InvoiceRecord,
  QueryInvoicesResponse,
} from './wire';

const PROVIDER = 'chargeover';
const INVOICE_PATH = '/api/v3/invoice';
/** Invoices fetched at once when `list` completes a page of query rows with their lines. */
export const DEFAULT_LIST_CONCURRENCY = 4;

/** Settings of {@link createChargeOverClient}: the credential, transport options (retries, timeouts, `verify`) and ChargeOver's account-specific ids. */
export interface ChargeOverClientConfig
  extends ClientOptions,
    Omit<ChargeOverOptions, 'currencyIds' | 'currencyRounding'> {
  /** API public key (the Basic auth user name). */
  publicKey: string;
  /** API private key (the Basic auth password). */
  privateKey: string;
  /** The account's own host, e.g. `https://acme.chargeover.com` (a trailing `/api/v3` is accepted). */
  baseUrl: string;
  /**
   * Optional: ISO 4217 code → the account's `currency_id`. The client reads the account's own table
   * (`GET /api/v3/currency`) and uses it; a table given here is only checked against it, and any entry
   * the account contradicts is a CurrencyTableError before anything is sent.
   */
  currencyIds?: Readonly<Record<string, number>>;
  /**
   * `'read-back'` (default): after a create, read the invoice and compare currency, lines and total with
   * what was sent (IntegrityError on a difference); the value returned is what ChargeOver stored.
   * `'response'`: skip the read. ChargeOver's create answer is only an id, so nothing is compared, and the
   * value returned is the request as sent plus its new id (`verified: false`). An invoice stored in another
   * currency or with other amounts then goes unnoticed: use it only if you accept that risk.
   */
  verify?: VerifyMode;
}

export interface ChargeOverResult {
  value: Invoice;
  /** create (read-back), get and list: the invoice record as ChargeOver returned it; create with `verify: 'response'`: the create envelope. */
  raw: unknown;
  warnings: MappingWarning[];
  /** create only: the warnings of mapping the document to the request (what the provider could not carry), without those of reading the answer back. */
  requestWarnings?: MappingWarning[];
  /** create only: the external_key was already taken, and this is the invoice that holds it. */
  existing?: boolean;
  /** create only: whether the value was read back and compared (false with `verify: 'response'`). */
  verified?: boolean;
}

/** An invoice header from the query endpoint: ChargeOver's query rows carry no line items. */
export type InvoiceHeader = Omit<Invoice, 'lines'> & { lines: [] };

export interface ChargeOverHeaderResult {
  /** The invoice without its lines (`lines` is always empty; `total` is ChargeOver's). */
  value: InvoiceHeader;
  raw: unknown;
  warnings: MappingWarning[];
  headersOnly: true;
}

export interface ChargeOverListParams {
  /**
   * Query conditions, e.g. `['customer_id:EQUALS:1', 'date:GTE:2026-01-01']`, as `field:OPERATOR:value`.
   * Commas inside a value are escaped (`\,`) by the client.
   */
  where?: string | string[];
  /** e.g. `date:DESC` (default `invoice_id:ASC`, which keeps pages stable). */
  order?: string;
  pageSize?: number;
  /** `list` only: invoices fetched at once to complete a page with its lines (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface ChargeOverClient {
  create(
    doc: Invoice | Order | InvoiceInput | OrderInput,
    options?: { strict?: boolean; signal?: AbortSignal },
  ): Promise<ChargeOverResult>;
  get(id: string | number, options?: { signal?: AbortSignal }): Promise<ChargeOverResult>;
  /**
   * Every invoice matching the query, complete: ChargeOver's query rows carry no line items, so each
   * invoice is fetched by id (`GET /api/v3/invoice/<id>`, `concurrency` at a time, in query order).
   */
  list(params?: ChargeOverListParams): AsyncIterable<ChargeOverResult>;
  /** The query rows alone: one request per page, no line items (`lines: []`, `headersOnly: true`). */
  listHeaders(params?: ChargeOverListParams): AsyncIterable<ChargeOverHeaderResult>;
  /** The account's currency table, read once (`GET /api/v3/currency`). */
  currencies(options?: { signal?: AbortSignal }): Promise<AccountCurrencies>;
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
    verify = 'read-back',
    currencyIds: configuredIds,
    ...mapping
  } = config;
  if (!publicKey || !privateKey)
    throw new TypeError('createChargeOverClient needs publicKey and privateKey.');
  if (verify !== 'read-back' && verify !== 'response')
    throw new TypeError(`createChargeOverClient: verify is 'read-back' or 'response', not "${verify}".`);
  const basic = Buffer.from(`${publicKey}:${privateKey}`).toString('base64');
  const transport: Transport = createTransport({
    provider: PROVIDER,
    baseUrl: baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/, ''),
    headers: { authorization: `Basic ${basic}` },
    secrets: [publicKey, privateKey, basic],
    ...transportSettings(config),
    mapError,
  });
  const createUrl = `${transport.baseUrl}${INVOICE_PATH}`;
  // Reads need no currency table (records name their ISO code); options are checked once, up front.
  const readOptions: ChargeOverOptions = mapping;
  resolveOptions(readOptions);
  if (configuredIds) resolveOptions({ currencyIds: configuredIds });

  /**
   * The mapping options with `strict` set, one object per (options, strict): resolveOptions checks an
   * options object once and remembers it by identity, so a fresh spread per create would check it again.
   */
  const strictVariants = new WeakMap<ChargeOverOptions, Map<boolean | undefined, ChargeOverOptions>>();
  function withStrict(options: ChargeOverOptions, strict: boolean | undefined): ChargeOverOptions {
    let variants = strictVariants.get(options);
    if (!variants) {
      variants = new Map();
      strictVariants.set(options, variants);
    }
    let merged = variants.get(strict);
    if (!merged) {
      merged = { ...options, ...(strict !== undefined && { strict }) };
      variants.set(strict, merged);
    }
    return merged;
  }

  type Account = { currencies: AccountCurrencies; options: ChargeOverOptions };
  let account: Promise<Account> | undefined;
  /** The account once read: creates then skip awaiting the settled promise. */
  let accountRead: Account | undefined;

  /** The account's table, read once; a failed read is not cached, so the next call asks again. */
  function accountOptions(signal?: AbortSignal): Promise<Account> {
    if (account !== undefined) return account;
    const pending = readAccount(signal);
    account = pending;
    pending.then(
      (read) => {
        if (account === pending) accountRead = read;
      },
      () => {
        if (account === pending) account = undefined;
      },
    );
    return pending;
  }

  async function readAccount(signal?: AbortSignal): Promise<Account> {
    const response = await transport.request({
      method: 'GET',
      path: CURRENCY_PATH,
      operation: 'read',
      ...(signal && { signal }),
    });
    const rows = (
      readCurrencyListResponse(response.body) ??
      parseResponse(CurrencyListResponse, response.body, 'currency list')
    ).response;
    const currencies = accountCurrencies(rows);
    if (configuredIds) {
      const differences = compareCurrencyTables(configuredIds, currencies);
      if (differences.length > 0) throw new CurrencyTableError(differences);
    }
    const options: ChargeOverOptions = {
      ...mapping,
      currencyIds: currencies.ids,
      currencyRounding: currencies.rounding,
    };
    resolveOptions(options);
    return { currencies, options };
  }

  async function getRecord(id: string | number, signal?: AbortSignal): Promise<InvoiceRecord> {
    const response = await transport.request({
      method: 'GET',
      path: `${INVOICE_PATH}/${encodeURIComponent(String(id))}`,
      operation: 'read',
      ...(signal && { signal }),
    });
    return (readGetInvoiceResponse(response.body) ?? parseResponse(GetInvoiceResponse, response.body, 'get'))
      .response;
  }

  function mapRecord(record: InvoiceRecord, options: ChargeOverOptions = readOptions): ChargeOverResult {
    const { value, warnings } = fromParsedRecord(record, options);
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
    return (
      readQueryInvoicesResponse(response.body) ?? parseResponse(QueryInvoicesResponse, response.body, 'query')
    ).response;
  }

  /**
   * The invoice holding `externalKey`: `GET /api/v3/invoice/external_key:<key>` (documented), and only
   * where that form fails (404/400), the query `external_key:EQUALS:<key>` with commas escaped.
   */
  async function findByExternalKey(
    externalKey: string,
    signal?: AbortSignal,
  ): Promise<InvoiceRecord | undefined> {
    try {
      return await getRecord(`external_key:${externalKey}`, signal);
    } catch (error) {
      if (!NotFoundError.isInstance(error) && !InvalidRequestError.isInstance(error)) throw error;
    }
    const probe = `${UNCONFIRMED.externalKeyQueryField}:EQUALS:${escapeWhereValue(externalKey)}`;
    const pageSize = UNCONFIRMED.listPageSize;
    try {
      for (let offset = 0; ; offset += pageSize) {
        const rows = await queryPage([probe], 'invoice_id:ASC', pageSize, offset, signal);
        const hit = rows.find((row) => row.external_key === externalKey);
        if (hit) return await getRecord(hit.invoice_id, signal);
        if (rows.length < pageSize) return undefined;
      }
    } catch (error) {
      // The field is not filterable on this account: nothing more to try.
      if (InvalidRequestError.isInstance(error)) return undefined;
      throw error;
    }
  }

  /** Compares what ChargeOver stored with what was sent; IntegrityError on a difference. */
  function checkStored(
    record: InvoiceRecord,
    sent: CreateFacts,
    options: ChargeOverOptions,
    requestId?: string,
  ): void {
    verifyCreate({
      provider: PROVIDER,
      createdId: String(record.invoice_id),
      sent,
      stored: recordFacts(record, resolveOptions(options).amounts),
      raw: record,
      ...(requestId !== undefined && { requestId }),
    });
  }

  function sentFacts(request: InvoiceCreateRequest, options: ChargeOverOptions): CreateFacts {
    const currency =
      request.currency_id === undefined ? options.baseCurrency : currencyForId(request.currency_id, options);
    return requestFacts(request, currency ?? '', resolveOptions(options).amounts);
  }

  function whereList(params: ChargeOverListParams): string[] {
    return params.where === undefined ? [] : Array.isArray(params.where) ? params.where : [params.where];
  }

  async function* rows(params: ChargeOverListParams): AsyncGenerator<InvoiceRecord[]> {
    const where = whereList(params).map(escapeCondition);
    const order = params.order ?? 'invoice_id:ASC';
    const pageSize = params.pageSize ?? UNCONFIRMED.listPageSize;
    for (let offset = 0; ; ) {
      const page = await queryPage(where, order, pageSize, offset, params.signal);
      yield page;
      if (page.length < pageSize) return;
      offset += page.length;
    }
  }

  return {
    async create(doc, createOptions = {}) {
      const { signal } = createOptions;
      const { options } = accountRead ?? (await accountOptions(signal));
      const strict = createOptions.strict ?? options.strict;
      const { request, warnings } = toCreateRequest(doc, withStrict(options, strict));
      const externalKey = request.external_key;
      const url = createUrl;
      let createdId: number;
      let requestId: string | undefined;
      let envelope: unknown;
      try {
        // Built by assignment, not spreads: this runs once per create.
        const call: TransportRequest = {
          method: 'POST',
          path: INVOICE_PATH,
          body: request,
          operation: 'create',
          // external_key is unique: a resend cannot make a second invoice.
          deduplicated: externalKey !== undefined,
        };
        const context: CreateAnswerContext = {
          provider: PROVIDER,
          subject: 'ChargeOver create-invoice response',
          method: 'POST',
          url,
          body: request,
        };
        if (externalKey !== undefined) {
          call.externalId = externalKey;
          context.externalId = externalKey;
        }
        if (signal) call.signal = signal;
        const response = await transport.request(call);
        const created = parseCreateAnswer(CreateResponse, response, context, readCreateResponse);
        createdId = created.response.id;
        requestId = response.requestId;
        envelope = created;
      } catch (error) {
        // A refused create with an external key may be a resend of one that was stored, or a key an
        // earlier run used. Whatever the message says, the key is looked up: found, it is that invoice.
        const refused = ConflictError.isInstance(error) || InvalidRequestError.isInstance(error);
        if (externalKey === undefined || !refused) throw error;
        const existing = await findByExternalKey(externalKey, signal);
        if (!existing) {
          if (!ConflictError.isInstance(error)) throw error;
          throw new AmbiguousResultError(
            `chargeover: external_key "${externalKey}" is reported taken, but no invoice with it was found; reconcile before sending again.`,
            { method: 'POST', url, body: request },
            { provider: PROVIDER, externalId: externalKey, cause: error },
          );
        }
        // The facts of what was sent are computed only where compared (here and after a read-back): with
        // `verify: 'response'` nothing is compared, and their exact decimal work cost as much as mapping.
        checkStored(existing, sentFacts(request, options), options);
        const full = mapRecord(existing, options);
        return {
          ...full,
          warnings: [...warnings, ...full.warnings],
          requestWarnings: warnings,
          existing: true,
          verified: true,
        };
      }

      if (verify === 'response') {
        // Nothing to compare: the answer is an id. The value is the request as sent, with that id.
        const back = fromOwnRequest(request, withStrict(options, false));
        // back.value is this call's own fresh object: completed in place rather than copied.
        const value: Invoice = back.value;
        value.id = String(createdId);
        value.provider = PROVIDER;
        return {
          value,
          raw: envelope,
          warnings: warnings.concat(back.warnings),
          requestWarnings: warnings,
          verified: false,
        };
      }
      let record: InvoiceRecord;
      try {
        record = await getRecord(createdId, signal);
      } catch (cause) {
        throw new AmbiguousResultError(
          `chargeover: invoice ${createdId} was created, but reading it back to verify it failed (${(cause as Error).message}); check it before sending again.`,
          { method: 'POST', url, body: request },
          {
            provider: PROVIDER,
            cause,
            ...(externalKey !== undefined && { externalId: externalKey }),
            ...(requestId !== undefined && { requestId }),
          },
        );
      }
      checkStored(record, sentFacts(request, options), options, requestId);
      const stored = mapRecord(record, options);
      return {
        ...stored,
        warnings: [...warnings, ...stored.warnings],
        requestWarnings: warnings,
        verified: true,
      };
    },

    async get(id, getOptions = {}) {
      return mapRecord(await getRecord(id, getOptions.signal));
    },

    list(params = {}) {
      const concurrency = Math.max(1, Math.floor(params.concurrency ?? DEFAULT_LIST_CONCURRENCY));
      return {
        async *[Symbol.asyncIterator]() {
          for await (const page of rows(params)) {
            const ids = page.map((row) => row.invoice_id);
            for await (const record of fetchInOrder(ids, concurrency, (id) => getRecord(id, params.signal)))
              yield mapRecord(record);
          }
        },
      };
    },

    listHeaders(params = {}) {
      return {
        async *[Symbol.asyncIterator]() {
          for await (const page of rows(params)) {
            for (const row of page) {
              const { value, warnings } = fromParsedRecord({ ...row, line_items: undefined }, readOptions);
              yield { value: { ...value, lines: [] }, raw: row, warnings, headersOnly: true as const };
            }
          }
        },
      };
    },

    async currencies(options = {}) {
      return (await accountOptions(options.signal)).currencies;
    },
  };
}

/** A `where` value with its commas escaped as `\,` (the query separates conditions with commas). */
export function escapeWhereValue(value: string): string {
  return value.replace(/(?<!\\),/g, '\\,');
}

/** `field:OP:value` with the value's commas escaped; the field and operator are left as given. */
function escapeCondition(condition: string): string {
  const first = condition.indexOf(':');
  const second = first < 0 ? -1 : condition.indexOf(':', first + 1);
  if (second < 0) return condition;
  return condition.slice(0, second + 1) + escapeWhereValue(condition.slice(second + 1));
}

function parseResponse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  return parseWith(schema, body, `ChargeOver ${what} response`);
}
