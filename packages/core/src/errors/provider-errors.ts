import { BillbridgeError, type BillbridgeErrorOptions } from './billbridge-error';
import { redactDeep } from './secrets';

/** An error answered by a provider (a non-2xx response). */
export class ProviderError extends BillbridgeError {
  static override readonly kind: string = 'ProviderError';
}

/** The provider refused the credential (HTTP 401): check the API key. Not retryable. */
export class AuthenticationError extends ProviderError {
  static override readonly kind: string = 'AuthenticationError';
}

/** The credential is valid but may not do this (HTTP 403): check the key's scopes or the account. Not retryable. */
export class PermissionError extends ProviderError {
  static override readonly kind: string = 'PermissionError';
}

/** A provider's complaint about one field of the request, as the provider reported it. */
export interface FieldIssue {
  /** The provider's field name as it reported it, e.g. `line_items.0.unit_price`. */
  field: string;
  message: string;
}

/** The provider rejected the request as invalid (HTTP 400/422); `fieldIssues` lists what it named. Nothing was created; fix the document and send again. */
export class InvalidRequestError extends ProviderError {
  static override readonly kind: string = 'InvalidRequestError';
  readonly fieldIssues: readonly FieldIssue[];

  constructor(message: string, fieldIssues: FieldIssue[] = [], options?: BillbridgeErrorOptions) {
    const detail = fieldIssues.map((i) => `  - ${i.field}: ${i.message}`).join('\n');
    super(detail ? `${message}\n${detail}` : message, options);
    // The provider's own words about our fields: they may echo what was sent, credentials included.
    this.fieldIssues = redactDeep(fieldIssues) as FieldIssue[];
  }
}

/** The record (or a record the request refers to, such as a customer) does not exist on the provider (HTTP 404). */
export class NotFoundError extends ProviderError {
  static override readonly kind: string = 'NotFoundError';
}

/** The provider refused because of the current state (HTTP 409), e.g. a duplicate external key. */
export class ConflictError extends ProviderError {
  static override readonly kind: string = 'ConflictError';
}

/** Too many requests (HTTP 429), after the client's own retries; `retryAfterMs` is the provider's requested wait. Retryable. */
export class RateLimitError extends ProviderError {
  static override readonly kind: string = 'RateLimitError';
  /** How long the provider asked us to wait, when it said (Retry-After). */
  readonly retryAfterMs?: number;

  constructor(message: string, retryAfterMs?: number, options?: BillbridgeErrorOptions) {
    super(message, { retryable: true, ...options });
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** The provider failed (HTTP 5xx). Retryable; on a create the provider may have stored anyway, it arrives as the `cause` of an {@link AmbiguousResultError}. */
export class ProviderServerError extends ProviderError {
  static override readonly kind: string = 'ProviderServerError';
}

/** The connection failed (refused, reset, dropped) before a response arrived. */
export class ConnectionError extends BillbridgeError {
  static override readonly kind: string = 'ConnectionError';
}

/** No complete answer within the configured `timeoutMs` (per attempt) or `deadlineMs` (overall). On a create that may have reached the provider it arrives as the `cause` of an {@link AmbiguousResultError}. */
export class TimeoutError extends BillbridgeError {
  static override readonly kind: string = 'TimeoutError';
}

/** The create whose outcome is unknown, as sent (secrets redacted): what is needed to look it up on the provider. */
export interface AmbiguousRequest {
  method: string;
  url: string;
  body?: unknown;
}

/**
 * A create may or may not have reached the provider, and retrying could create a second record. Carries
 * what is needed to reconcile: the request as sent, the document's external key if any, and the cause.
 */
export class AmbiguousResultError extends BillbridgeError {
  static override readonly kind: string = 'AmbiguousResultError';
  readonly request: AmbiguousRequest;
  readonly externalId?: string;

  constructor(
    message: string,
    request: AmbiguousRequest,
    options: BillbridgeErrorOptions & { externalId?: string } = {},
  ) {
    super(message, { ...options, retryable: false });
    this.request = redactDeep(request) as AmbiguousRequest;
    if (options.externalId !== undefined) this.externalId = options.externalId;
  }
}

/** What a provider package hands {@link errorFromStatus} to build the matching error. */
export interface ProviderErrorInput {
  provider: string;
  status: number;
  message: string;
  requestId?: string;
  raw?: unknown;
  fieldIssues?: FieldIssue[];
  retryAfterMs?: number;
}

/** The error class for a provider's HTTP status: the one place status codes meet the taxonomy. */
export function errorFromStatus(input: ProviderErrorInput): ProviderError {
  const { provider, status, requestId, raw } = input;
  const message = `${provider} answered ${status}: ${input.message}`;
  const options = { provider, status, requestId, raw };
  if (status === 400 || status === 422) return new InvalidRequestError(message, input.fieldIssues, options);
  if (status === 401) return new AuthenticationError(message, options);
  if (status === 403) return new PermissionError(message, options);
  if (status === 404) return new NotFoundError(message, options);
  if (status === 409) return new ConflictError(message, options);
  if (status === 429) return new RateLimitError(message, input.retryAfterMs, options);
  if (status >= 500) return new ProviderServerError(message, { ...options, retryable: true });
  if (input.fieldIssues?.length) return new InvalidRequestError(message, input.fieldIssues, options);
  // 408 Request Timeout and 425 Too Early: the provider did not act on the request; asking again is safe.
  return new ProviderError(message, { ...options, retryable: status === 408 || status === 425 });
}
