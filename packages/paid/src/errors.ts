/**
 * Paid error answer → billbridge error (the transport's mapError). Paid documents `Paid.ErrorResponse`
 * ({ error, code?, details? }) on 400/403/404/409/500; any other status may carry any body, or text.
 */
import {
  type BillbridgeError,
  errorFromStatus,
  type FieldIssue,
  parseRetryAfter,
  type TransportResponse,
} from '@billbridge/core';
import { readPaidError } from './fast-error';
import { PROVIDER } from './options';
import { PaidErrorResponse } from './wire';

export function mapPaidError(response: TransportResponse): BillbridgeError {
  const parsed = errorBody(response.body);
  let message: string;
  const fieldIssues: FieldIssue[] = [];
  if (parsed !== undefined) {
    const { error, code, details } = parsed;
    message = [code ? `[${code}] ${error}` : error, details].filter(Boolean).join(': ');
    // Paid has no per-field error list; its details string is kept whole as one issue.
    if (details && (response.status === 400 || response.status === 422)) {
      fieldIssues.push({ field: code ?? 'request', message: details });
    }
  } else {
    const text = response.text.trim();
    message = text ? text.slice(0, 500) : `HTTP ${response.status}`;
  }
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
  return errorFromStatus({
    provider: PROVIDER,
    status: response.status,
    message,
    raw: response.body,
    ...(response.requestId !== undefined ? { requestId: response.requestId } : {}),
    ...(fieldIssues.length > 0 ? { fieldIssues } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/**
 * The error body as the schema reads it, or undefined. A plainly valid body is read by hand; a body that
 * is not an object (text, HTML, nothing) cannot match the schema, so zod is loaded only for an odd object.
 */
function errorBody(body: unknown): PaidErrorResponse | undefined {
  const read = readPaidError(body);
  if (read !== undefined || typeof body !== 'object' || body === null) return read;
  const parsed = PaidErrorResponse.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
