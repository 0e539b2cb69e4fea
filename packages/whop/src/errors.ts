/**
 * Whop's error bodies → billbridge errors (the transport's `mapError`), and the two Whop-specific
 * refusals of the mapper. Both refusals are ValidationErrors (so `ValidationError.isInstance` catches
 * them) with their own kind for callers that want to tell them apart.
 */
import {
  type BillbridgeError,
  ConflictError,
  errorFromStatus,
  type FieldIssue,
  type TransportResponse,
  ValidationError,
} from '@billbridge/core';
import { readErrorBody, readOAuthErrorBody } from './fast-error';
import { ErrorBody, OAuthErrorBody, type WhopErrorBody } from './wire';

/** Whop answered with a currency billbridge cannot represent (`btc`, `usdt`, `whop_usd`, …). */
export class WhopUnsupportedCurrencyError extends ValidationError {
  static override readonly kind: string = 'WhopUnsupportedCurrencyError';
  readonly field: string;
  readonly value: string;

  constructor(field: string, value: string) {
    super('Whop invoice', [
      {
        path: field,
        code: 'unsupported_currency',
        message: `currency "${value}" is not an ISO 4217 currency billbridge can carry (Whop also bills in crypto, gold and whop_usd); it is not mapped to any other currency.`,
      },
    ]);
    this.field = field;
    this.value = value;
  }
}

/**
 * The invoice's lines cannot become a Whop plan price: Whop requires Σ(quantity × unit_price) of the
 * line items to equal the plan price, a whole amount in the currency.
 */
export class WhopPlanPriceError extends ValidationError {
  static override readonly kind: string = 'WhopPlanPriceError';

  constructor(path: string, message: string) {
    super('Invoice for Whop', [{ path, code: 'unrepresentable_plan_price', message }]);
  }
}

/** Seconds or an HTTP date in `Retry-After` → milliseconds. */
function retryAfterMs(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Reads `{ error: { code | type, message } }` (or the OAuth form, or plain text) into code and message. */
export function readWhopError(body: unknown, text: string): { code?: string; message: string } {
  const parsed = errorBody(body);
  if (parsed !== undefined) {
    const { code, type, message } = parsed.error;
    return { code: code ?? type, message: message ?? code ?? type ?? 'no message' };
  }
  const oauth = oauthErrorBody(body);
  if (oauth !== undefined) return { code: oauth.error, message: oauth.error_description ?? oauth.error };
  return { message: text.trim().slice(0, 500) || 'empty response body' };
}

/**
 * What each schema would accept is decided by the body's `error` alone: ErrorBody needs an object there,
 * OAuthErrorBody a string (and both an object body). So a body of another form (text, HTML, nothing, or
 * `error` of neither kind) is known to match neither without loading zod, and zod is loaded only for an
 * odd body of the right form that the hand-written reader left to it.
 */
function errorField(body: unknown): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as { error?: unknown }).error
    : undefined;
}

function errorBody(body: unknown): WhopErrorBody | undefined {
  const error = errorField(body);
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return undefined;
  const read = readErrorBody(body);
  if (read !== undefined) return read;
  const parsed = ErrorBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

function oauthErrorBody(body: unknown): { error: string; error_description?: string } | undefined {
  if (typeof errorField(body) !== 'string') return undefined;
  const read = readOAuthErrorBody(body);
  if (read !== undefined) return read;
  const parsed = OAuthErrorBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** The transport's `mapError` for Whop. */
export function mapWhopError(response: TransportResponse): BillbridgeError {
  const { code, message } = readWhopError(response.body, response.text);
  const headers = response.headers;
  const retryAfter =
    headers['retry-after-ms'] !== undefined
      ? Number(headers['retry-after-ms'])
      : retryAfterMs(headers['retry-after']);
  if (code === 'idempotency_key_mismatch') {
    // The key was first used with another request (another document, or this one changed since).
    return new ConflictError(
      `whop: ${message} The Idempotency-Key of this create was first sent with a different request; the document changed since its first send, or pass another idempotencyKey.`,
      { provider: 'whop', status: response.status, requestId: response.requestId, raw: response.body },
    );
  }
  const fieldIssues: FieldIssue[] = [];
  // Whop puts no field list in its errors; its messages name the parameter ("Missing required parameter: company_id").
  const missing = /parameter:\s*([a-z_.[\]0-9]+)/i.exec(message);
  if (missing?.[1] && (response.status === 400 || response.status === 422))
    fieldIssues.push({ field: missing[1], message });
  return errorFromStatus({
    provider: 'whop',
    status: response.status,
    message: code ? `${code}: ${message}` : message,
    requestId: response.requestId,
    raw: response.body,
    fieldIssues,
    retryAfterMs: Number.isFinite(retryAfter) ? retryAfter : undefined,
  });
}
