/**
 * Pelcro error answers → billbridge errors (the transport's `mapError`). Core API validation failures
 * are `{ errors: { field: [messages] } }`, documented on 400 but shown on 404 in Pelcro's own example,
 * and Laravel's default is 422: any of the three with an `errors` map is an InvalidRequestError with one
 * issue per message. A 404 without that map is a real NotFoundError.
 */
import {
  type BillbridgeError,
  errorFromStatus,
  type FieldIssue,
  InvalidRequestError,
  parseRetryAfter,
  type TransportResponse,
} from '@billbridge/core';
import { readErrorBody } from './fast-error';
import { PelcroErrorBody } from './wire';

/**
 * The body as PelcroErrorBody reads it, or undefined. A plainly valid body is read by hand; a body that is
 * not an object (text, HTML, nothing) cannot match the schema, so zod is loaded only for an odd object.
 */
function errorBody(body: unknown): PelcroErrorBody | undefined {
  const read = readErrorBody(body);
  if (read !== undefined || typeof body !== 'object' || body === null) return read;
  const parsed = PelcroErrorBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

export function fieldIssuesOf(body: unknown): FieldIssue[] {
  return issuesOf(errorBody(body));
}

function issuesOf(body: PelcroErrorBody | undefined): FieldIssue[] {
  if (body?.errors === undefined) return [];
  const issues: FieldIssue[] = [];
  for (const [field, messages] of Object.entries(body.errors)) {
    for (const message of Array.isArray(messages) ? messages : [messages]) issues.push({ field, message });
  }
  return issues;
}

export function mapPelcroError(response: TransportResponse): BillbridgeError {
  const { status, requestId } = response;
  const body = errorBody(response.body);
  const fieldIssues = issuesOf(body);
  const message =
    body?.message ??
    body?.error ??
    (fieldIssues.length > 0 ? 'the request is invalid' : summary(response.text, status));
  const raw = response.body;
  if (fieldIssues.length > 0 && (status === 400 || status === 404 || status === 422)) {
    return new InvalidRequestError(`pelcro answered ${status}: ${message}`, fieldIssues, {
      provider: 'pelcro',
      status,
      requestId,
      raw,
    });
  }
  return errorFromStatus({
    provider: 'pelcro',
    status,
    message,
    requestId,
    raw,
    fieldIssues,
    retryAfterMs: parseRetryAfter(response.headers['retry-after'], Date.now()),
  });
}

function summary(text: string, status: number): string {
  const trimmed = text.trim();
  if (trimmed === '') return `HTTP ${status}`;
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}
