import { BillbridgeError, type BillbridgeErrorOptions } from './billbridge-error';
import { redactDeep } from './secrets';

/** An error answered by a provider (a non-2xx response). */
export class ProviderError extends BillbridgeError {
  static override readonly kind: string = 'ProviderError';
}

export class AuthenticationError extends ProviderError {
  static override readonly kind: string = 'AuthenticationError';
}

export class PermissionError extends ProviderError {
  static override readonly kind: string = 'PermissionError';
}

export interface FieldIssue {
  /** The provider's field name as it reported it, e.g. `line_items.0.unit_price`. */
  field: string;
  message: string;
}

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

export class NotFoundError extends ProviderError {
  static override readonly kind: string = 'NotFoundError';
}

export class ConflictError extends ProviderError {
  static override readonly kind: string = 'ConflictError';
}

export class RateLimitError extends ProviderError {
  static override readonly kind: string = 'RateLimitError';
  /** How long the provider asked us to wait, when it said (Retry-After). */
  readonly retryAfterMs?: number;

  constructor(message: string, retryAfterMs?: number, options?: BillbridgeErrorOptions) {
    super(message, { retryable: true, ...options });
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

export class ProviderServerError extends ProviderError {
  static override readonly kind: string = 'ProviderServerError';
}

/** The connection failed (refused, reset, dropped) before a response arrived. */
export class ConnectionError extends BillbridgeError {
  static override readonly kind: string = 'ConnectionError';
}

export class TimeoutError extends BillbridgeError {
  static override readonly kind: string = 'TimeoutError';
}

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
