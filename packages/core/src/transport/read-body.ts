import type { Dispatcher } from 'undici';
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

function noop(): void {}

/** Signals "over the limit" to the caller, which builds the real error with provider and request context. */
export class BodyLimitExceeded extends Error {
  constructor(readonly limitBytes: number) {
    super(`response body exceeds ${limitBytes} bytes`);
  }
}

/**
 * Reads a response body as UTF-8 text, aborting as soon as it passes `limit` bytes. When the server
 * declares a length within the limit, undici's own text reader is used (the fast path).
 */
export function readBody(
  body: Dispatcher.ResponseData['body'],
  limit: number,
  contentLength: unknown,
): Promise<string> {
  const declared = typeof contentLength === 'string' ? Number(contentLength) : Number.NaN;
  if (declared > limit) {
    // Destroying an unfinished undici body emits an abort error; nobody else is listening for it.
    body.on('error', noop).destroy();
    return Promise.reject(new BodyLimitExceeded(limit));
  }
  if (declared <= limit) return body.text();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        body.destroy();
        reject(new BodyLimitExceeded(limit));
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    body.on('error', reject);
  });
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
