/**
 * What a thrown network error tells us about whether the request could have reached the server.
 * - `connect`: failed while connecting (refused, DNS, unreachable, connect timeout): nothing was sent.
 * - `dropped`: the connection broke after the request was (or may have been) written.
 * - `timeout`: undici's own headers/body timeout fired after sending.
 * - `tls`: the TLS handshake failed (bad certificate): nothing was sent, and retrying will not help.
 * - `rejected`: undici refused the request before sending (bad argument, closed dispatcher).
 * - `unknown`: anything else: not retried, and treated as possibly sent.
 */
export type FailureKind = 'connect' | 'dropped' | 'timeout' | 'tls' | 'rejected' | 'unknown';

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const DROPPED_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

const REJECTED_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_CLOSED', 'UND_ERR_NOT_SUPPORTED']);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyFailure(error: unknown): FailureKind {
  // Node wraps happy-eyeballs failures in an AggregateError; undici sometimes nests the socket error as cause.
  const candidates: unknown[] = [error];
  const nested = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(nested)) candidates.push(...nested);
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause !== undefined) candidates.push(cause);
  for (const candidate of candidates) {
    const code = codeOf(candidate);
    if (code === undefined) continue;
    if (CONNECT_CODES.has(code)) return 'connect';
    if (TIMEOUT_CODES.has(code)) return 'timeout';
    if (REJECTED_CODES.has(code)) return 'rejected';
    if (DROPPED_CODES.has(code) || code.startsWith('HPE_')) return 'dropped';
    if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'ERR_SSL_WRONG_VERSION_NUMBER')
      return 'tls';
  }
  return 'unknown';
}
