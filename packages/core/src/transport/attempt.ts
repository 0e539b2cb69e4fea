import type { Dispatcher } from 'undici';
import { type ResponseHeaders, requestIdOf } from './headers';
import { parseBody, readBody } from './read-body';
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

/** Which limit or abort ended an attempt. */
export type AbortCause = 'timeout' | 'deadline' | 'caller';

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

/** The whole body is already buffered: it was declared and every byte of it has arrived. */
function bodyArrived(body: Dispatcher.ResponseData['body'], contentLength: unknown): boolean {
  return typeof contentLength === 'string' && body.readableLength >= Number(contentLength);
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
 * The common case (a limit of 5 s or more, not cut by the deadline) costs no AbortController and usually
 * no timer: undici's per-request headersTimeout bounds the wait for the answer, a timer for the rest of
 * the attempt is armed only when the body is still arriving once the headers are in, and a caller's
 * signal is handed to undici as it is. A short limit, or one cut by the deadline, gets an exact timer and
 * an AbortController, linked to the caller's signal.
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
  let abortedBy: AbortCause | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requestSignal = signal;
  let onAbort: (() => void) | undefined;
  if (exact) {
    const controller = new AbortController();
    const cause: AbortCause = cutByDeadline ? 'deadline' : 'timeout';
    requestSignal = controller.signal;
    timer = setTimeout(() => {
      abortedBy = cause;
      controller.abort(new Error(`attempt ${cause}`));
    }, limitMs);
    if (signal) {
      onAbort = () => {
        abortedBy ??= 'caller';
        controller.abort(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  // Only when undici enforces the limit: as a backstop its early firing would defeat the exact timer.
  const undiciTimeout = exact ? null : perAttemptMs;
  let status: number | undefined;
  let requestId: string | undefined;
  try {
    const res = await ctx.dispatcher.request({
      origin: ctx.origin,
      path,
      method,
      headers,
      body,
      signal: requestSignal,
      headersTimeout: undiciTimeout,
      bodyTimeout: undiciTimeout,
    });
    status = res.statusCode;
    const responseHeaders = res.headers as ResponseHeaders;
    requestId = requestIdOf(responseHeaders, ctx.idHeaders);
    const contentLength = responseHeaders['content-length'];
    if (!exact && !bodyArrived(res.body, contentLength)) {
      // bodyTimeout only bounds the gaps between chunks; this caps the whole attempt, so a server
      // trickling its body a byte at a time still times out.
      const body = res.body;
      timer = setTimeout(
        () => {
          abortedBy ??= 'timeout';
          body.destroy(new Error('attempt timeout'));
        },
        Math.max(0, started + perAttemptMs - ctx.now()),
      );
    }
    const text = await readBody(res.body, ctx.maxBytes, contentLength);
    const response: TransportResponse = { status, headers: responseHeaders, body: parseBody(text), text };
    if (requestId !== undefined) response.requestId = requestId;
    return { ok: true, response };
  } catch (error) {
    if (abortedBy === undefined) {
      if (signal?.aborted) abortedBy = 'caller';
      else if (isUndiciTimeout(error)) abortedBy = 'timeout';
    }
    return { ok: false, error, abortedBy, limitMs, status, requestId };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (onAbort) signal!.removeEventListener('abort', onAbort);
  }
}
