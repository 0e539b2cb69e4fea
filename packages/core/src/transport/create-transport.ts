import { BillbridgeError } from '../errors/billbridge-error';
import { AmbiguousResultError, errorFromStatus, RateLimitError } from '../errors/provider-errors';
import { redactSecrets, registerSecret } from '../errors/secrets';
import { type AttemptContext, sendAttempt } from './attempt';
import { describeFailure, type Failure, messageOf } from './failure';
import { DEFAULT_REQUEST_ID_HEADERS, lowerKeys, registerHeaderSecrets } from './headers';
import { sharedDispatcher } from './pool';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry';
import { abortReason, defaultSleep } from './signals';
import type {
  HttpMethod,
  Transport,
  TransportConfig,
  TransportEvent,
  TransportRequest,
  TransportResponse,
} from './types';
import { buildPath, parseBaseUrl } from './url';

/*
 * The one HTTP path every billbridge client takes. Retry policy, in short:
 * - reads retry on 408/425/429/500/502/503/504, connection failures and timeouts;
 * - creates retry only when a second send cannot make a second record: the connection was never
 *   established (nothing was written), the provider answered 429 (rejected before processing), or the
 *   request is `deduplicated` (idempotency key / natural key). Any other failure of a create that may have
 *   reached the provider becomes AmbiguousResultError, never a blind resend;
 * - waits are full-jitter exponential backoff, or the provider's Retry-After (clamped), and never run past
 *   the overall deadline.
 */

const MiB = 1024 * 1024;

function serialise(body: unknown, provider: string): string {
  try {
    return JSON.stringify(body);
  } catch (cause) {
    // Circular structures, BigInt: a bug in the caller, reported before anything is sent.
    throw new BillbridgeError(`${provider}: request body is not JSON-serialisable (${messageOf(cause)})`, {
      provider,
      cause,
    });
  }
}

/** A create that may have reached the provider and was not resent. */
function ambiguousCreate(
  where: string,
  req: TransportRequest,
  url: string,
  provider: string,
  cause: unknown,
  status?: number,
  requestId?: string,
): AmbiguousResultError {
  return new AmbiguousResultError(
    `${where} may or may not have created a record (${messageOf(cause)}); it was not retried, to avoid a duplicate. Reconcile before sending it again.`,
    { method: req.method, url, body: req.body },
    { provider, status, requestId, externalId: req.externalId, cause },
  );
}

export function createTransport(config: TransportConfig): Transport {
  registerSecret(...config.secrets);
  registerHeaderSecrets(config.headers);
  const { provider, mapError, onEvent } = config;
  const base = parseBaseUrl(config.baseUrl);
  const origin = base.origin;
  const timeoutMs = config.timeoutMs ?? 30_000;
  const deadlineMs = config.deadlineMs ?? 120_000;
  const maxRetries = config.maxRetries ?? 2;
  const maxBytes = config.maxResponseBytes ?? 10 * MiB;
  const retryBaseMs = config.retryBaseMs ?? 200;
  const retryCapMs = config.retryCapMs ?? 10_000;
  const maxRetryAfterMs = config.maxRetryAfterMs ?? 60_000;
  const random = config.random ?? Math.random;
  const sleep = config.sleep ?? defaultSleep;
  const now = config.now ?? Date.now;
  const ctxBase = {
    origin,
    maxBytes,
    idHeaders: (config.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS).map((h) => h.toLowerCase()),
    now,
  };
  // Without a dispatcher of its own, the transport takes the shared pool at its first request.
  let ctx: AttemptContext | undefined = config.dispatcher
    ? { dispatcher: config.dispatcher, ...ctxBase }
    : undefined;
  // Built once and shared by every request that adds no headers of its own.
  const plainHeaders: Record<string, string> = { accept: 'application/json', ...lowerKeys(config.headers) };
  const jsonHeaders: Record<string, string> = {
    ...plainHeaders,
    'content-type': plainHeaders['content-type'] ?? 'application/json',
  };

  function emit(event: TransportEvent): void {
    try {
      onEvent!(event);
    } catch {
      // A failing log hook must not change the outcome of a request.
    }
  }

  /** mapError's answer, with provider/status/requestId filled in when the mapper left them out. */
  function mapped(response: TransportResponse): BillbridgeError {
    let error: BillbridgeError;
    try {
      error = mapError(response);
    } catch (cause) {
      error = errorFromStatus({
        provider,
        status: response.status,
        message: `unreadable error response (${messageOf(cause)})`,
        requestId: response.requestId,
        raw: response.body,
      });
    }
    const fill = { provider, status: response.status, requestId: response.requestId } as const;
    for (const key of ['provider', 'status', 'requestId'] as const) {
      if (error[key] === undefined && fill[key] !== undefined) {
        Object.defineProperty(error, key, {
          value: fill[key],
          enumerable: true,
          writable: false,
          configurable: true,
        });
      }
    }
    return error;
  }

  function emitFailure(
    method: HttpMethod,
    url: string,
    error: unknown,
    attempt: number,
    status: number | undefined,
    requestId: string | undefined,
  ): void {
    const event: TransportEvent = {
      type: 'error',
      provider,
      method,
      url: redactSecrets(url),
      attempt,
      error: error instanceof Error ? error.name : 'Error',
      message: redactSecrets(messageOf(error)),
    };
    if (status !== undefined) event.status = status;
    if (requestId !== undefined) event.requestId = redactSecrets(requestId);
    emit(event);
  }

  async function request(req: TransportRequest): Promise<TransportResponse> {
    const { method, signal } = req;
    const path = buildPath(base, req.path, req.query);
    const url = origin + path;
    const body = req.json ?? (req.body === undefined ? undefined : serialise(req.body, provider));
    let headers = body === undefined ? plainHeaders : jsonHeaders;
    if (req.headers) headers = { ...headers, ...lowerKeys(req.headers) };
    const isCreate = req.operation === 'create';
    // Reads, and creates the provider deduplicates, can be sent again whatever happened to the last try.
    const resendable = !isCreate || req.deduplicated === true;
    const perAttemptMs = req.timeoutMs ?? timeoutMs;
    const requestDeadlineMs = req.deadlineMs ?? deadlineMs;
    const deadlineAt = now() + requestDeadlineMs;
    const where = `${provider}: ${method} ${url}`;

    // No closures per request: the failure paths below call module/transport-level helpers instead.

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortReason(signal);
      if (onEvent) emit({ type: 'attempt', provider, method, url: redactSecrets(url), attempt });
      const started = now();
      ctx ??= { dispatcher: await sharedDispatcher(), ...ctxBase };
      const result = await sendAttempt(ctx, method, path, headers, body, perAttemptMs, deadlineAt, signal);

      let failure: Failure;
      if (result.ok) {
        const response = result.response;
        if (onEvent) {
          const event: TransportEvent = {
            type: 'response',
            provider,
            method,
            url: redactSecrets(url),
            attempt,
            status: response.status,
            durationMs: now() - started,
          };
          if (response.requestId !== undefined) event.requestId = redactSecrets(response.requestId);
          emit(event);
        }
        if (response.status >= 200 && response.status < 300) return response;
        const error = mapped(response);
        if (onEvent) emitFailure(method, url, error, attempt, response.status, response.requestId);
        const { status } = response;
        if (!resendable && status !== 429) {
          // A 5xx may have been raised after the record was stored; a 4xx is the provider's final word.
          if (status >= 500)
            throw ambiguousCreate(where, req, url, provider, error, status, response.requestId);
          throw error;
        }
        // The provider's own mapping has the last word: a 5xx it knows to be final (e.g. a duplicate key) is not retried.
        if (!isRetryableStatus(status) || !error.retryable) throw error;
        failure = { error, neverLeft: status === 429 };
        const retryAfter =
          parseRetryAfter(response.headers['retry-after'], now()) ??
          (RateLimitError.isInstance(error) ? error.retryAfterMs : undefined);
        if (retryAfter !== undefined) failure.retryAfterMs = retryAfter;
      } else {
        failure = describeFailure(result, where, attempt, provider, requestDeadlineMs);
        const { status, requestId } = result;
        if (onEvent) emitFailure(method, url, failure.error, attempt, status, requestId);
        if (result.abortedBy === 'caller') {
          if (!resendable)
            throw ambiguousCreate(where, req, url, provider, abortReason(signal!), status, requestId);
          throw abortReason(signal!);
        }
        if (!resendable && !failure.neverLeft)
          throw ambiguousCreate(where, req, url, provider, failure.error, status, requestId);
        if (!failure.error.retryable || result.abortedBy === 'deadline') throw failure.error;
      }

      if (attempt >= maxRetries) throw failure.error;
      const delayMs =
        failure.retryAfterMs !== undefined
          ? Math.min(failure.retryAfterMs, maxRetryAfterMs)
          : backoffDelay(attempt, retryBaseMs, retryCapMs, random);
      // Waiting past the deadline only to fail there helps nobody: give the caller the error now.
      if (now() + delayMs >= deadlineAt) throw failure.error;
      if (onEvent) {
        const event: TransportEvent = {
          type: 'retry',
          provider,
          method,
          url: redactSecrets(url),
          attempt,
          delayMs,
          reason: failure.error.name,
        };
        if (failure.error.status !== undefined) event.status = failure.error.status;
        emit(event);
      }
      try {
        await sleep(delayMs, signal);
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        throw error;
      }
    }
  }

  return { provider, baseUrl: config.baseUrl, request };
}
