import type { ProviderName } from '@billbridge/core';
import type { FakeWebhookControl, FakeWebhookOptions, FakeWebhooks } from './webhook-types';

/** One request as a fake route sees it. */
export interface FakeRequest {
  method: string;
  /** The URL path without the query string, as sent (not decoded). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
  /** The raw body text. */
  text: string;
  /** Values of the route's `:name` path segments, URI-decoded. */
  params: Record<string, string>;
}

/** What a route answers: `body` is sent as JSON, `text` as plain text (one of the two, or neither). */
export interface FakeResponse {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** HTTP methods a fake route can answer. */
export type FakeMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint of a fake: method, path pattern and handler. */
export interface FakeRoute<S> {
  method: FakeMethod;
  /** e.g. `/api/v2/orders/:id`; matched segment by segment, a trailing slash only matches if written. */
  path: string;
  /** A record-creating route: the target of the "created, then failed" fault. */
  creates?: boolean;
  handle(req: FakeRequest, state: S): FakeResponse | Promise<FakeResponse>;
}

/** One provider's fake API: routes, auth, storage and error shape. Each provider package ships one. */
export interface FakeDefinition<S = unknown, Seed = unknown> {
  /** Which provider this fake stands in for. */
  provider: ProviderName;
  /**
   * The path the provider's client base URL carries after the origin (Paid `/api/v2`, Whop `/api/v1`),
   * without a trailing slash; omitted or `''` when the client's base URL is the bare origin.
   * `startFake` adds it to `baseUrl`, so `createXClient({ baseUrl: fake.baseUrl })` works as it is.
   */
  basePath?: string;
  /** Fresh in-memory state holding the documented default data set, adjusted by `seed`. */
  createState(seed?: Seed): S;
  /** The provider's own 401/403 answer, or undefined when the credentials are acceptable. */
  authenticate(req: FakeRequest, state: S): FakeResponse | undefined;
  routes: FakeRoute<S>[];
  /** Records created so far, in creation order. */
  records(state: S): unknown[];
  /** A provider-shaped error answer, used for faults and unknown routes. */
  errorResponse(status: number, message: string): FakeResponse;
  /** The provider's webhooks (envelope, signature, retries); sent when `startFake` gets `webhooks`. */
  webhooks?: FakeWebhooks<S>;
}

/** A fault the fake can inject; see the README's table for what the client sees and whether the record is stored. */
export type FaultKind =
  | 'latency'
  | 'rate_limit'
  | 'server_error'
  | 'bad_gateway'
  | 'unavailable'
  | 'drop'
  | 'created_then_failed'
  | 'created_then_garbled';

/** The faults drawn by rate when no `kinds` are given. */
export const FAULT_KINDS: readonly FaultKind[] = Object.freeze([
  'latency',
  'rate_limit',
  'server_error',
  'bad_gateway',
  'unavailable',
  'drop',
  'created_then_failed',
]);

/**
 * Every fault there is: the defaults, and `created_then_garbled` (the record is stored and the client gets
 * a 2xx whose body is an HTML error page), asked for by name.
 */
export const ALL_FAULT_KINDS: readonly FaultKind[] = Object.freeze([...FAULT_KINDS, 'created_then_garbled']);

/**
 * Fault injection, either by rate or by script (a script wins when both are given).
 * - `rate` (0..1) with `kinds` (default: all): each request draws from a seeded generator, so a run
 *   with the same seed and the same request order injects the same faults.
 * - `script`: one entry consumed per request, `null` meaning "no fault"; after the script, no faults.
 */
export interface FaultOptions {
  rate?: number;
  kinds?: FaultKind[];
  script?: Array<FaultKind | null>;
  /** Delay of the `latency` fault (default 200 ms). */
  latencyMs?: number;
  /** `Retry-After` of the `rate_limit` fault, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Seed of the rate generator (default 1). */
  seed?: number;
}

/** A fault that was injected, for assertions. */
export interface InjectedFault {
  kind: FaultKind;
  method: string;
  path: string;
}

/** Changes a running fake's faults and lists those injected. */
export interface FaultControl {
  /** Replaces the fault options (and restarts the generator and the script). */
  set(options: FaultOptions): void;
  /** No more faults. */
  clear(): void;
  /** Every fault injected so far, in order. */
  readonly injected: readonly InjectedFault[];
}

/** Options of {@link startFake}. */
export interface StartFakeOptions<Seed = unknown> {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  seed?: Seed;
  faults?: FaultOptions;
  /**
   * Deliver the provider's webhooks to `url`, signed with `secret`, when a record is created or marked
   * paid (`POST /__billbridge/invoices/:id/paid`, or `fake.webhooks.markPaid(id)`).
   */
  webhooks?: FakeWebhookOptions;
  /**
   * Largest request body accepted (default 1 MiB). A larger one is answered 413 in the provider's error
   * shape (`errorResponse(413, …)`), without running a handler, and the connection is closed.
   */
  maxBodyBytes?: number;
  /** Time a client has to send the request headers (default 10 s), so a stalled client cannot hold a socket. */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request, body included (default 30 s). */
  requestTimeoutMs?: number;
}

/** A fake provider API serving on 127.0.0.1, as returned by {@link startFake}. */
export interface RunningFake<S> {
  /** The server's origin, e.g. `http://127.0.0.1:53211`, no trailing slash. */
  url: string;
  /**
   * What to hand the provider's client as `baseUrl`: `url` plus the fake's `basePath`
   * (e.g. `http://127.0.0.1:53211/api/v2` for Paid, the bare origin for Flowglad).
   */
  baseUrl: string;
  /** Records created so far (`definition.records(state)`). */
  readonly records: unknown[];
  state: S;
  faults: FaultControl;
  /** Webhook deliveries, when started with `webhooks` and the definition declares them. */
  webhooks?: FakeWebhookControl;
  /** Stops the server and destroys open connections; never waits for idle keep-alive sockets. */
  close(): Promise<void>;
}
