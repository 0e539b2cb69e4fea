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
  parseRetryAfter,
  type TransportResponse,
} from '@billbridge/core';
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
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success || typeof body !== 'object' || body === null) {
    return { message: shorten(text.trim()) || '(empty body)', fieldIssues: [] };
  }
  const data = parsed.data;
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
function issuesOf(error: unknown): Array<{ path?: Array<string | number>; message: string }> {
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
    const issue = ZodIssueBody.safeParse(item);
    return issue.success ? [issue.data] : [];
  });
}

function messageOf(error: string, issues: FieldIssue[]): string | undefined {
  if (issues.length > 0) return 'The request is invalid.';
  return error;
}

function shorten(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** A duplicate `invoiceNumber` (the DB's global UNIQUE), whatever status the deployment used for it. */
export function isDuplicateNumber(status: number, parsed: ParsedFlowgladError): boolean {
  if (status === 409) return true;
  return status >= 400 && UNCONFIRMED_READINGS.duplicateNumberPattern.test(parsed.message);
}

export function mapError(response: TransportResponse): BillbridgeError {
  const parsed = parseErrorBody(response.body, response.text);
  const requestId = response.requestId ?? parsed.requestId;
  const options = { provider: PROVIDER, status: response.status, requestId, raw: response.body };
  if (isDuplicateNumber(response.status, parsed)) {
    // Never retried: the same number cannot succeed twice. The client resolves it to the existing invoice.
    return new ConflictError(`flowglad answered ${response.status}: ${parsed.message}`, options);
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
