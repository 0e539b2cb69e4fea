/**
 * Flowglad error answers → billbridge errors (the transport's `mapError`). Flowglad's REST wrapper sends
 * `{ error, code }` (error: a string, or a JSON array of zod issues), its OpenAPI spec documents
 * `{ message, code, issues }`, and 401 / unknown routes answer in plain text: all are read (card §6).
 */
import {
  type BillbridgeError,
  ConflictError,
  errorFromStatus,
  type FieldIssue,
  NotFoundError,
  ProviderError,
  parseRetryAfter,
  type TransportResponse,
} from '@billbridge/core';
import { readErrorBody, readZodIssue } from './fast-error';
import { UNCONFIRMED_READINGS } from './options';
import { ErrorBody, ZodIssueBody } from './wire';

const PROVIDER = 'flowglad';
const MAX_MESSAGE = 500;

export interface ParsedFlowgladError {
  message: string;
  code?: string;
  fieldIssues: FieldIssue[];
  requestId?: string;
}

export function parseErrorBody(body: unknown, text: string): ParsedFlowgladError {
  const data = errorBody(body);
  if (data === undefined) {
    return { message: shorten(text.trim()) || '(empty body)', fieldIssues: [] };
  }
  const fieldIssues: FieldIssue[] = [];
  let message = data.message;
  const issues = [...(data.issues ?? []), ...issuesOf(data.error)];
  for (const issue of issues) {
    fieldIssues.push({ field: (issue.path ?? []).join('.') || '(body)', message: issue.message });
  }
  if (typeof data.error === 'string') message = messageOf(data.error, fieldIssues) ?? message;
  const out: ParsedFlowgladError = {
    message:
      shorten(message ?? (fieldIssues.length > 0 ? 'The request is invalid.' : text.trim())) ||
      '(empty body)',
    fieldIssues,
  };
  if (data.code !== undefined) out.code = data.code;
  if (data.request_id !== undefined) out.requestId = data.request_id;
  return out;
}

/** `error` may be an array of zod issues, or a string holding one as JSON. */
function issuesOf(error: unknown): ZodIssue[] {
  let value = error;
  if (typeof value === 'string' && value.trimStart().startsWith('[')) {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const read = readZodIssue(item) as ZodIssue | undefined;
    if (read !== undefined) return [read];
    // Not an object at all: the schema refuses it too, without loading zod to say so.
    if (typeof item !== 'object' || item === null) return [];
    const issue = ZodIssueBody.safeParse(item);
    return issue.success ? [issue.data] : [];
  });
}

type ZodIssue = { path?: Array<string | number>; message: string };

/**
 * The body as ErrorBody reads it, or undefined. A plainly valid body is read by hand; a body that is not
 * an object (text, HTML, nothing) cannot match the schema, so zod is loaded only for an odd object.
 */
function errorBody(body: unknown): ErrorBody | undefined {
  const read = readErrorBody(body);
  if (read !== undefined || typeof body !== 'object' || body === null) return read;
  const parsed = ErrorBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

function messageOf(error: string, issues: FieldIssue[]): string | undefined {
  if (issues.length > 0) return 'The request is invalid.';
  return error;
}

function shorten(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * A create-era insert into `invoices` failed (CONTRACT.md F5). Flowglad answers the same 500 for a duplicate
 * `invoiceNumber`, an unknown purchase / subscription / billing period / membership, and a transient
 * database error: the message always lists every column, `invoice_number` included, so it proves none of
 * them. Not retried by the transport (two of the three causes are deterministic); the client classifies it
 * from what it can look up, and otherwise reports it as this error, cause unproven.
 */
export class InvoiceInsertFailedError extends ProviderError {
  static override readonly kind: string = 'FlowgladInvoiceInsertFailedError';
}

/** A record Flowglad looked up by id and did not find (its `No <table> found with id: <id>` 500). */
export class UnknownRecordError extends NotFoundError {
  static override readonly kind: string = 'FlowgladUnknownRecordError';
  /** Flowglad's table (`customers`, `purchases`, `subscriptions`). */
  readonly table: string;
  readonly id: string;

  constructor(
    table: string,
    id: string,
    message: string,
    options: ConstructorParameters<typeof NotFoundError>[1],
  ) {
    super(message, options);
    this.table = table;
    this.id = id;
  }
}

/** A reference in the create request that Flowglad does not know (proven by looking it up). */
export class UnknownReferenceError extends NotFoundError {
  static override readonly kind: string = 'FlowgladUnknownReferenceError';
  /** The request field, e.g. `invoice.subscriptionId`. */
  readonly field: string;
  readonly id: string;

  constructor(
    field: string,
    id: string,
    message: string,
    options: ConstructorParameters<typeof NotFoundError>[1],
  ) {
    super(message, options);
    this.field = field;
    this.id = id;
  }
}

const INSERT_FAILED = /Failed to insert items? into invoices\b/;
const NOT_FOUND_BY_ID = /No ([a-z ]+?) found with id: (\S+)/;

export function mapError(response: TransportResponse): BillbridgeError {
  const parsed = parseErrorBody(response.body, response.text);
  const requestId = response.requestId ?? parsed.requestId;
  const options = { provider: PROVIDER, status: response.status, requestId, raw: response.body };
  if (response.status === 409) {
    return new ConflictError(`flowglad answered 409: ${parsed.message}`, options);
  }
  if (response.status >= 500) {
    // selectById's 500 (tableUtils.ts): the record does not exist. Deterministic: not retried.
    const missing = NOT_FOUND_BY_ID.exec(parsed.message);
    if (missing?.[1] && missing[2]) {
      const table = missing[1].replace(/ /g, '_');
      const what = table === 'customers' ? 'customer' : table.replace(/s$/, '');
      return new UnknownRecordError(
        table,
        missing[2],
        `flowglad: no ${what} with id ${missing[2]} on this account (Flowglad answered ${response.status}: "No ${missing[1]} found with id"). Check the id, or create the ${what} in Flowglad first.`,
        options,
      );
    }
    if (INSERT_FAILED.test(parsed.message)) {
      return new InvoiceInsertFailedError(
        `flowglad: the invoice insert failed (${response.status}); the answer does not say why.`,
        { ...options, retryable: false },
      );
    }
  }
  return errorFromStatus({
    provider: PROVIDER,
    status: response.status,
    message: parsed.code ? `${parsed.message} (${parsed.code})` : parsed.message,
    requestId,
    raw: response.body,
    fieldIssues: parsed.fieldIssues,
    retryAfterMs: retryAfterMs(response.headers),
  });
}

/** Flowglad's SDK honours `retry-after-ms` before `retry-after` (seconds or an HTTP date). */
function retryAfterMs(headers: TransportResponse['headers']): number | undefined {
  const raw = headers['retry-after-ms'];
  const ms = Array.isArray(raw) ? raw[0] : raw;
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  return parseRetryAfter(headers['retry-after'], Date.now());
}

/**
 * Current Flowglad has no create procedure any more (card §0): `POST /api/v1/invoices` answers 404 (or
 * 405). This error says so instead of a bare "not found".
 */
export class CreateEndpointWithdrawnError extends NotFoundError {
  static override readonly kind: string = 'FlowgladCreateEndpointWithdrawnError';
}

export function withdrawnError(cause: BillbridgeError): CreateEndpointWithdrawnError {
  return new CreateEndpointWithdrawnError(
    'This Flowglad deployment has no invoice create endpoint: Flowglad withdrew POST /api/v1/invoices ' +
      '(removed from its API and SDK in October 2025, deleted in December 2025), so invoices cannot be created ' +
      'through the API. Current Flowglad creates invoices itself from checkouts, purchases and subscription ' +
      'billing runs. Reading invoices (get, list) still works. To create invoices through this adapter, target a ' +
      `deployment built before the removal, or create them in Flowglad's dashboard. (It answered ${cause.status}.)`,
    {
      provider: PROVIDER,
      ...(cause.status !== undefined && { status: cause.status }),
      ...(cause.requestId !== undefined && { requestId: cause.requestId }),
      raw: cause.raw,
      cause,
    },
  );
}

/** A 404/405 on the create route means "withdrawn", unless it names the customer create looks up. */
export function isWithdrawnAnswer(error: BillbridgeError): boolean {
  const status = error.status;
  if (
    status === undefined ||
    !(UNCONFIRMED_READINGS.withdrawnCreateStatuses as readonly number[]).includes(status)
  ) {
    return false;
  }
  return status === 405 || !/customer/i.test(error.message);
}
