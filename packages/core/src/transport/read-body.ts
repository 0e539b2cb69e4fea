import type { BillbridgeErrorOptions } from '../errors/billbridge-error';
import { ProviderError } from '../errors/provider-errors';

/** The provider's response was larger than `maxResponseBytes`; reading stopped and the connection was dropped. */
export class ResponseTooLargeError extends ProviderError {
  static override readonly kind: string = 'ResponseTooLargeError';
  readonly limitBytes: number;

  constructor(message: string, limitBytes: number, options?: BillbridgeErrorOptions) {
    super(message, { ...options, retryable: false });
    this.limitBytes = limitBytes;
  }
}

/** Signals "over the limit" to the caller, which builds the real error with provider and request context. */
export class BodyLimitExceeded extends Error {
  constructor(readonly limitBytes: number) {
    super(`response body exceeds ${limitBytes} bytes`);
  }
}

/** JSON when it parses, else the text itself; undefined for an empty body. */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
