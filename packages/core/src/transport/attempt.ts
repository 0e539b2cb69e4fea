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

/** Which of our own abort sources ended an attempt (undici rejects with whatever reason we pass). */
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

/**
 * One HTTP exchange, headers and body within `min(perAttemptMs, time left before deadlineAt)`. Never
 * throws: failures come back as values, so the retry loop decides what they mean.
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
  const controller = new AbortController();
  let abortedBy: AbortCause | undefined;
  const remaining = deadlineAt - ctx.now();
  const limitMs = Math.max(0, Math.min(perAttemptMs, remaining));
  const cause: AbortCause = remaining < perAttemptMs ? 'deadline' : 'timeout';
  const timer = setTimeout(() => {
    abortedBy = cause;
    controller.abort(new Error(`attempt ${cause}`));
  }, limitMs);
  let onAbort: (() => void) | undefined;
  if (signal) {
    onAbort = () => {
      abortedBy ??= 'caller';
      controller.abort(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  let status: number | undefined;
  let requestId: string | undefined;
  try {
    const res = await ctx.dispatcher.request({
      origin: ctx.origin,
      path,
      method,
      headers,
      body,
      signal: controller.signal,
    });
    status = res.statusCode;
    const responseHeaders = res.headers as ResponseHeaders;
    requestId = requestIdOf(responseHeaders, ctx.idHeaders);
    const text = await readBody(res.body, ctx.maxBytes, responseHeaders['content-length']);
    const response: TransportResponse = { status, headers: responseHeaders, body: parseBody(text), text };
    if (requestId !== undefined) response.requestId = requestId;
    return { ok: true, response };
  } catch (error) {
    return { ok: false, error, abortedBy, limitMs, status, requestId };
  } finally {
    clearTimeout(timer);
    if (onAbort) signal!.removeEventListener('abort', onAbort);
  }
}
