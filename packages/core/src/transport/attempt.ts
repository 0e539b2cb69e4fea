import type { Dispatcher } from 'undici';
import { type AbortCause, Exchange } from './exchange';
import { type ResponseHeaders, requestIdOf } from './headers';
import { parseBody } from './read-body';
import { abortReason } from './signals';
import type { HttpMethod, TransportResponse } from './types';

/** Fixed per transport: what every attempt needs besides the request itself. */
export interface AttemptContext {
  dispatcher: Dispatcher;
  origin: string;
  maxBytes: number;
  idHeaders: readonly string[];
  now(): number;
}

export type AttemptFailure = {
  ok: false;
  error: unknown;
  abortedBy: AbortCause | undefined;
  /** The time the attempt was allowed (the per-attempt timeout, or what was left of the deadline). */
  limitMs: number;
  /** Set when the failure came after the response headers. */
  status?: number;
  requestId?: string;
};

export type AttemptResult = { ok: true; response: TransportResponse } | AttemptFailure;

/** undici's own per-request timeouts (headersTimeout / bodyTimeout) firing. */
function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

/**
 * Below this, an attempt's limit is enforced by our own timer: undici checks its headers/body timeouts
 * on a ~0.5 s tick, so they fire up to about half a second early or a second late, too coarse for a
 * short limit. Above it that error is a small fraction of the limit.
 */
export const COARSE_TIMEOUT_MIN_MS = 5_000;

/**
 * One HTTP exchange, headers and body within `min(perAttemptMs, time left before deadlineAt)`. Never
 * throws: failures come back as values, so the retry loop decides what they mean.
 *
 * The common case (a limit of 5 s or more, not cut by the deadline) usually costs no timer: undici's
 * per-request headersTimeout bounds the wait for the answer, and a timer for the rest of the attempt is
 * armed only when the body is still arriving once the headers are in. A short limit, or one cut by the
 * deadline, gets an exact timer. Either ends the exchange through undici's own controller, as the caller's
 * signal does.
 */
export async function sendAttempt(
  ctx: AttemptContext,
  method: HttpMethod,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
  perAttemptMs: number,
  deadlineAt: number,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
  const started = ctx.now();
  const remaining = deadlineAt - started;
  const cutByDeadline = remaining < perAttemptMs;
  const limitMs = Math.max(0, cutByDeadline ? remaining : perAttemptMs);
  const exact = cutByDeadline || perAttemptMs < COARSE_TIMEOUT_MIN_MS;
  const exchange = new Exchange(ctx.maxBytes, ctx.now);
  if (exact) exchange.limit(cutByDeadline ? 'deadline' : 'timeout', limitMs);
  else exchange.endBodyBy(started + perAttemptMs);
  let onAbort: (() => void) | undefined;
  if (signal) {
    onAbort = () => exchange.abort('caller', abortReason(signal) as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  // Only when undici enforces the limit: as a backstop its early firing would defeat the exact timer.
  const undiciTimeout = exact ? null : perAttemptMs;
  try {
    ctx.dispatcher.dispatch(
      {
        origin: ctx.origin,
        path,
        method,
        headers,
        body,
        headersTimeout: undiciTimeout,
        bodyTimeout: undiciTimeout,
      },
      exchange,
    );
    const answer = await exchange.done;
    const response: TransportResponse = {
      status: answer.status,
      headers: answer.headers,
      body: parseBody(answer.text),
      text: answer.text,
    };
    const requestId = requestIdOf(answer.headers, ctx.idHeaders);
    if (requestId !== undefined) response.requestId = requestId;
    return { ok: true, response };
  } catch (error) {
    let abortedBy = exchange.abortedBy;
    if (abortedBy === undefined) {
      if (signal?.aborted) abortedBy = 'caller';
      else if (isUndiciTimeout(error)) abortedBy = 'timeout';
    }
    const failure: AttemptFailure = { ok: false, error, abortedBy, limitMs };
    if (exchange.status !== undefined) {
      failure.status = exchange.status;
      const requestId = requestIdOf(exchange.headers as ResponseHeaders, ctx.idHeaders);
      if (requestId !== undefined) failure.requestId = requestId;
    }
    return failure;
  } finally {
    exchange.settled();
    if (onAbort) signal!.removeEventListener('abort', onAbort);
  }
}
