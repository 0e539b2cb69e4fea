import { BillbridgeError } from '../errors/billbridge-error';
import { ConnectionError, TimeoutError } from '../errors/provider-errors';
import type { AttemptFailure } from './attempt';
import { classifyFailure } from './classify';
import { BodyLimitExceeded, ResponseTooLargeError } from './read-body';

export interface Failure {
  error: BillbridgeError;
  /** Nothing reached the server, so even a non-deduplicated create may be sent again. */
  neverLeft: boolean;
  retryAfterMs?: number;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failed attempt (no complete response) as a billbridge error, plus whether the request can have
 * reached the server. `where` is "provider: METHOD url" (redacted by the error constructors).
 */
export function describeFailure(
  result: AttemptFailure,
  where: string,
  attempt: number,
  provider: string,
  deadlineMs: number,
): Failure {
  const { error, status, requestId } = result;
  const options = { provider, status, requestId, cause: error };
  switch (result.abortedBy) {
    case 'timeout': {
      const message = `${where}: no complete answer within ${result.limitMs} ms (attempt ${attempt + 1})`;
      return { error: new TimeoutError(message, { ...options, retryable: true }), neverLeft: false };
    }
    case 'deadline': {
      // Retryable: the same call may safely be made again later; this one just ran out of time.
      const message = `${where}: overall deadline of ${deadlineMs} ms exceeded`;
      return { error: new TimeoutError(message, { ...options, retryable: true }), neverLeft: false };
    }
    case 'caller':
      return { error: new BillbridgeError(`${where}: aborted by the caller`, options), neverLeft: false };
  }
  if (error instanceof BodyLimitExceeded) {
    const message = `${where}: response larger than ${error.limitBytes} bytes`;
    return {
      error: new ResponseTooLargeError(message, error.limitBytes, { provider, status, requestId }),
      neverLeft: false,
    };
  }
  const detail = messageOf(error);
  switch (classifyFailure(error)) {
    case 'connect':
      return {
        error: new ConnectionError(`${where}: could not connect (${detail})`, {
          ...options,
          retryable: true,
        }),
        neverLeft: true,
      };
    case 'tls':
      return {
        error: new ConnectionError(`${where}: TLS handshake failed (${detail})`, {
          ...options,
          retryable: false,
        }),
        neverLeft: true,
      };
    case 'dropped':
      return {
        error: new ConnectionError(`${where}: connection lost (${detail})`, { ...options, retryable: true }),
        neverLeft: false,
      };
    case 'timeout':
      return {
        error: new TimeoutError(`${where}: timed out (${detail})`, { ...options, retryable: true }),
        neverLeft: false,
      };
    case 'rejected':
      return {
        error: new BillbridgeError(`${where}: request rejected before sending (${detail})`, options),
        neverLeft: true,
      };
    default:
      return {
        error: new BillbridgeError(`${where}: request failed (${detail})`, options),
        neverLeft: false,
      };
  }
}
