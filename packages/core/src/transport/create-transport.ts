import type { Dispatcher } from 'undici';
import { BillbridgeError } from '../errors/billbridge-error';
import {
  AmbiguousResultError,
  ConnectionError,
  errorFromStatus,
  RateLimitError,
  TimeoutError,
} from '../errors/provider-errors';
import { redactSecrets, registerSecret } from '../errors/secrets';
import { classifyFailure } from './classify';
import { sharedDispatcher } from './pool';
import { BodyLimitExceeded, parseBody, ResponseTooLargeError, readBody } from './read-body';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry';
import type {
  HttpMethod,
  Transport,
  TransportConfig,
  TransportEvent,
  TransportRequest,
  TransportResponse,
} from './types';
import { buildPath, parseBaseUrl } from './url';

export const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = [
  'x-request-id',
  'request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-correlation-id',
  'cf-ray',
];

const MiB = 1024 * 1024;

/** Why an attempt's abort signal fired (undici rejects with whatever reason we pass). */
type AbortCause = 'timeout' | 'deadline' | 'caller';

type AttemptResult =
  | { ok: true; response: TransportResponse }
  | {
      ok: false;
      error: unknown;
      abortedBy: AbortCause | undefined;
      limitMs: number;
      status?: number;
      requestId?: string;
    };

interface Failure {
  error: BillbridgeError;
  /** Nothing reached the server, so even a non-deduplicated create may be sent again. */
  neverLeft: boolean;
  retryAfterMs?: number;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(headers)) out[key.toLowerCase()] = headers[key]!;
  return out;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createTransport(config: TransportConfig): Transport {
  registerSecret(...config.secrets);
  const { provider, mapError, onEvent } = config;
  const base = parseBaseUrl(config.baseUrl);
  const origin = base.origin;
  const dispatcher: Dispatcher = config.dispatcher ?? sharedDispatcher();
  const timeoutMs = config.timeoutMs ?? 30_000;
  const deadlineMs = config.deadlineMs ?? 120_000;
  const maxRetries = config.maxRetries ?? 2;
  const maxBytes = config.maxResponseBytes ?? 10 * MiB;
  const retryBaseMs = config.retryBaseMs ?? 200;
  const retryCapMs = config.retryCapMs ?? 10_000;
  const maxRetryAfterMs = config.maxRetryAfterMs ?? 60_000;
  const idHeaders = (config.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS).map((h) => h.toLowerCase());
  const random = config.random ?? Math.random;
  const sleep = config.sleep ?? defaultSleep;
  const now = config.now ?? Date.now;
  // Built once and shared by every request that adds no headers of its own.
  const plainHeaders: Record<string, string> = { accept: 'application/json', ...lowerKeys(config.headers) };
  const jsonHeaders: Record<string, string> = { ...plainHeaders, 'content-type': 'application/json' };

  function emit(event: TransportEvent): void {
    try {
      onEvent!(event);
    } catch {
      // A failing log hook must not change the outcome of a request.
    }
  }

  function requestIdOf(headers: Record<string, string | string[] | undefined>): string | undefined {
    for (const name of idHeaders) {
      const value = headers[name];
      if (value !== undefined) return Array.isArray(value) ? value[0] : value;
    }
    return undefined;
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

  async function attemptOnce(
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
    const remaining = deadlineAt - now();
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
      const res = await dispatcher.request({
        origin,
        path,
        method,
        headers,
        body,
        signal: controller.signal,
      });
      status = res.statusCode;
      const responseHeaders = res.headers as Record<string, string | string[] | undefined>;
      requestId = requestIdOf(responseHeaders);
      const text = await readBody(res.body, maxBytes, responseHeaders['content-length']);
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

  async function request(req: TransportRequest): Promise<TransportResponse> {
    const { method, signal } = req;
    const path = buildPath(base, req.path, req.query);
    const url = origin + path;
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    let headers = body === undefined ? plainHeaders : jsonHeaders;
    if (req.headers) headers = { ...headers, ...lowerKeys(req.headers) };
    const isCreate = req.operation === 'create';
    // Reads, and creates the provider deduplicates, can be sent again whatever happened to the last try.
    const resendable = !isCreate || req.deduplicated === true;
    const perAttemptMs = req.timeoutMs ?? timeoutMs;
    const deadlineAt = now() + deadlineMs;
    const where = `${provider}: ${method} ${url}`;

    const ambiguous = (cause: unknown, status?: number, requestId?: string): AmbiguousResultError =>
      new AmbiguousResultError(
        `${where} may or may not have created a record (${messageOf(cause)}); it was not retried, to avoid a duplicate. Reconcile before sending it again.`,
        { method, url, body: req.body },
        { provider, status, requestId, externalId: req.externalId, cause },
      );

    const failed = (error: unknown, attempt: number, status?: number, requestId?: string): void => {
      if (!onEvent) return;
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
      if (requestId !== undefined) event.requestId = requestId;
      emit(event);
    };

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortReason(signal);
      if (onEvent) emit({ type: 'attempt', provider, method, url: redactSecrets(url), attempt });
      const started = now();
      const result = await attemptOnce(method, path, headers, body, perAttemptMs, deadlineAt, signal);

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
          if (response.requestId !== undefined) event.requestId = response.requestId;
          emit(event);
        }
        if (response.status >= 200 && response.status < 300) return response;
        const error = mapped(response);
        failed(error, attempt, response.status, response.requestId);
        const { status } = response;
        if (!resendable && status !== 429) {
          // A 5xx may have been raised after the record was stored; a 4xx is the provider's final word.
          if (status >= 500) throw ambiguous(error, status, response.requestId);
          throw error;
        }
        if (!isRetryableStatus(status)) throw error;
        failure = { error, neverLeft: status === 429 };
        const retryAfter =
          parseRetryAfter(response.headers['retry-after'], now()) ??
          (RateLimitError.isInstance(error) ? error.retryAfterMs : undefined);
        if (retryAfter !== undefined) failure.retryAfterMs = retryAfter;
      } else {
        failure = toFailure(result, where, attempt);
        const { status, requestId } = result;
        failed(failure.error, attempt, status, requestId);
        if (result.abortedBy === 'caller') {
          if (!resendable) throw ambiguous(abortReason(signal!), status, requestId);
          throw abortReason(signal!);
        }
        if (!resendable && !failure.neverLeft) throw ambiguous(failure.error, status, requestId);
        if (!failure.error.retryable) throw failure.error;
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

  function toFailure(result: Extract<AttemptResult, { ok: false }>, where: string, attempt: number): Failure {
    const { error, status, requestId } = result;
    const options = { provider, status, requestId, cause: error };
    if (result.abortedBy === 'timeout') {
      return {
        error: new TimeoutError(
          `${where}: no complete answer within ${result.limitMs} ms (attempt ${attempt + 1})`,
          {
            ...options,
            retryable: true,
          },
        ),
        neverLeft: false,
      };
    }
    if (result.abortedBy === 'deadline') {
      return {
        error: new TimeoutError(`${where}: overall deadline of ${deadlineMs} ms exceeded`, {
          ...options,
          retryable: false,
        }),
        neverLeft: false,
      };
    }
    if (result.abortedBy === 'caller') {
      return { error: new BillbridgeError(`${where}: aborted by the caller`, options), neverLeft: false };
    }
    if (error instanceof BodyLimitExceeded) {
      return {
        error: new ResponseTooLargeError(
          `${where}: response larger than ${error.limitBytes} bytes`,
          error.limitBytes,
          {
            provider,
            status,
            requestId,
          },
        ),
        neverLeft: false,
      };
    }
    const kind = classifyFailure(error);
    const detail = messageOf(error);
    switch (kind) {
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
          error: new ConnectionError(`${where}: connection lost (${detail})`, {
            ...options,
            retryable: true,
          }),
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

  return { provider, baseUrl: config.baseUrl, request };
}
