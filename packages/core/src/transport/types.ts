import type { Dispatcher } from 'undici';
import type { BillbridgeError } from '../errors/billbridge-error';
import type { ProviderName } from '../spec/capabilities';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportConfig {
  provider: ProviderName;
  /** e.g. `http://127.0.0.1:4010`; a path prefix (`https://api.example.com/v2`) is kept in front of every path. */
  baseUrl: string;
  /** Sent on every request (auth, version pins). */
  headers: Record<string, string>;
  /** Credentials to redact everywhere; registered with core's `registerSecret`. */
  secrets: string[];
  /**
   * Per attempt, headers and body included (default 30_000). Below 5 s (and whenever the overall
   * deadline ends an attempt first) it is an exact timer over the whole attempt. From 5 s up, to save a
   * timer per request, the wait for the headers is undici's own per-request `headersTimeout`:
   * it starts once the request is handed to a connection (time queued for a free connection or spent
   * connecting, bounded by the dispatcher's connect timeout, 5 s in the shared pool, is not counted) and
   * undici checks it on a ~0.5 s tick; a body still arriving once the headers are in must then finish
   * within what is left of the attempt. That needs a dispatcher honouring undici's `headersTimeout`
   * (Agent, Pool, Client, ProxyAgent and their compositions do).
   */
  timeoutMs?: number;
  /** Overall, retries and backoff included (default 120_000). */
  deadlineMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** undici dispatcher (proxy, test agent); default: the shared keep-alive pool. */
  dispatcher?: Dispatcher;
  /** Larger responses are aborted and rejected (default 10 MiB). */
  maxResponseBytes?: number;
  /** Response headers holding the provider's request id, first match wins. */
  requestIdHeaders?: string[];
  /** Backoff base: attempt n waits random() * min(retryCapMs, retryBaseMs * 2^n) (default 200). */
  retryBaseMs?: number;
  /** Backoff ceiling (default 10_000). */
  retryCapMs?: number;
  /** Longest Retry-After honoured; longer values are clamped to it (default 60_000). */
  maxRetryAfterMs?: number;
  /** Provider error response → billbridge error; each provider package supplies its own. */
  mapError(response: TransportResponse): BillbridgeError;
  /** Redacted log hook: attempts, responses, retries and failures. Never carries headers. */
  onEvent?(event: TransportEvent): void;
  /** Test seams. */
  random?(): number;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  now?(): number;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Appended to baseUrl. A full URL is accepted only on the base URL's own origin (pagination links). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * `body` already serialised (`JSON.stringify(body)`), sent as it is: for callers that needed the text
   * anyway (an idempotency key hashed from it), so the body is serialised once. `body` is still what
   * errors carry.
   */
  json?: string;
  headers?: Record<string, string>;
  operation: 'read' | 'create';
  /**
   * Create only: the provider deduplicates this create (natural key / idempotency key), so retrying it
   * cannot make a second record. Without it, a create that may have reached the provider is never
   * retried: the caller gets AmbiguousResultError.
   */
  deduplicated?: boolean;
  /** Carried on AmbiguousResultError for reconciling. */
  externalId?: string;
  signal?: AbortSignal;
  /** Overrides the config's per-attempt timeout. */
  timeoutMs?: number;
  /**
   * Overrides the config's overall deadline (retries and their waits included) for this request, e.g. the
   * time a caller has left. No wait, Retry-After included, runs past it.
   */
  deadlineMs?: number;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body is JSON, else the text; undefined when the body is empty. */
  body: unknown;
  /** Raw body text. */
  text: string;
  requestId?: string;
}

export interface Transport {
  readonly provider: ProviderName;
  readonly baseUrl: string;
  /** Resolves only for 2xx; otherwise throws `mapError(response)` or a transport error. */
  request(req: TransportRequest): Promise<TransportResponse>;
}

interface EventBase {
  provider: ProviderName;
  method: HttpMethod;
  /** Redacted. */
  url: string;
  /** 0 for the first attempt. */
  attempt: number;
}

export type TransportEvent =
  | (EventBase & { type: 'attempt' })
  | (EventBase & { type: 'response'; status: number; requestId?: string; durationMs: number })
  | (EventBase & { type: 'retry'; delayMs: number; reason: string; status?: number })
  | (EventBase & { type: 'error'; error: string; message: string; status?: number; requestId?: string });
