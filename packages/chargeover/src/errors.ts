/**
 * ChargeOver error answers → billbridge errors (the transport's `mapError`). Every error body is the
 * envelope with `status: "Error"` and a human `message`; the HTTP status picks the class, except a
 * duplicate `external_key`, which is a ConflictError whatever status carries it.
 */
import {
  type BillbridgeError,
  ConflictError,
  errorFromStatus,
  type FieldIssue,
  parseRetryAfter,
  type TransportResponse,
} from '@billbridge/core';
import { readEnvelope } from './fast-error';
import { UNCONFIRMED } from './options';
import { Envelope } from './wire';

const PROVIDER = 'chargeover';

/** Whether a ChargeOver error message says an `external_key` is already taken. */
export function isDuplicateExternalKeyMessage(message: string): boolean {
  return UNCONFIRMED.duplicateExternalKey.every((pattern) => pattern.test(message));
}

export function mapError(response: TransportResponse): BillbridgeError {
  const envelope = readEnvelope(response.body) ?? parsedEnvelope(response.body);
  const message =
    envelope?.message || response.text.trim().slice(0, 300) || `HTTP ${response.status} with an empty body`;
  const options = {
    provider: PROVIDER,
    status: response.status,
    requestId: response.requestId,
    raw: response.body,
  };
  if (response.status >= 400 && response.status < 500 && isDuplicateExternalKeyMessage(message)) {
    return new ConflictError(`${PROVIDER} answered ${response.status}: ${message}`, options);
  }
  const input: Parameters<typeof errorFromStatus>[0] = {
    ...options,
    message,
    fieldIssues: fieldIssues(envelope),
  };
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
  if (retryAfterMs !== undefined) input.retryAfterMs = retryAfterMs;
  return errorFromStatus(input);
}

/** The schema's reading of an odd body; a body that is not an object (text, HTML) cannot match it. */
function parsedEnvelope(body: unknown): Envelope | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const parsed = Envelope.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** `details` is `{}` in every documented example; string entries are read as per-field messages. */
function fieldIssues(envelope: Envelope | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, value] of Object.entries(envelope?.details ?? {})) {
    if (typeof value === 'string') issues.push({ field, message: value });
  }
  return issues;
}
