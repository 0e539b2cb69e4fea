import type { FakeRequest, FakeResponse, FakeRoute } from './types';

/** One provider event as the fake would send it: `id` is constant across retries of the message. */
export interface FakeWebhookMessage {
  id: string;
  /** The provider's event name, for logs and assertions. */
  type: string;
  /** The JSON body; serialised once, so every retry carries the same bytes. */
  payload: unknown;
}

export interface FakeWebhookSignInput {
  message: FakeWebhookMessage;
  body: string;
  secret: string;
  /** 1 for the first attempt. */
  attempt: number;
  now: Date;
  /** `FakeWebhookOptions.reading`: which reading of an unconfirmed rule the fake follows. */
  reading?: string;
}

/** A provider's webhook behaviour, declared in its `src/fake-webhooks.ts`. */
export interface FakeWebhooks<S> {
  /** Delays before each retry, in ms (the provider's schedule; the attempt count is this length + 1). */
  retryDelaysMs: readonly number[];
  /** Whether the receiver's status counts as delivered (default any 2xx). */
  delivered?(status: number): boolean;
  /** Messages for a create route's successful answer. */
  onCreate?(answer: FakeResponse, state: S, req: FakeRequest): FakeWebhookMessage[];
  /** Marks an invoice paid in the fake's state and returns its messages; undefined when unknown. */
  markPaid?(id: string, state: S): FakeWebhookMessage[] | undefined;
  /** The body bytes of a message (default `JSON.stringify(payload)`); ChargeOver puts its token in the body. */
  encode?(message: FakeWebhookMessage, secret: string): string;
  /** The headers of one attempt (the signature, delivery ids, content type). */
  sign(input: FakeWebhookSignInput): Record<string, string>;
  /** The header whose value the `bad_signature` fault corrupts. */
  signatureHeader: string;
  /** Extra read routes the receiver side needs (e.g. Flowglad's `GET /api/v1/payments/:id`). */
  routes?: FakeRoute<S>[];
}

export type WebhookFaultKind = 'delay' | 'duplicate' | 'out_of_order' | 'bad_signature';

export interface FakeWebhookOptions {
  /** Where the fake POSTs its deliveries. */
  url: string;
  /** The signing secret (or ChargeOver's shared token), in the provider's own format. */
  secret: string;
  /** Multiplies the provider's retry delays (default 1; tests pass e.g. 0.001). */
  retryScale?: number;
  /** One fault per message, in order; `null` for none. */
  faults?: { script?: Array<WebhookFaultKind | null>; delayMs?: number };
  /** Clock for signed timestamps (default the real one): an old clock makes stale deliveries. */
  now?: () => Date;
  /**
   * For a rule the provider's docs leave open (Paid's header grammar, Pelcro's signed bytes), the
   * reading the fake follows; each provider's WEBHOOKS.md names the values. Default: the chosen one.
   */
  reading?: string;
  /** Per-attempt timeout (default 10 000 ms, Flowglad's documented limit). */
  timeoutMs?: number;
}

export interface WebhookAttempt {
  messageId: string;
  type: string;
  attempt: number;
  /** The receiver's status, or undefined when the request failed (`error`). */
  status?: number;
  error?: string;
  fault?: WebhookFaultKind;
  delivered: boolean;
}

export interface FakeWebhookControl {
  /** Every attempt so far, in order. */
  readonly attempts: readonly WebhookAttempt[];
  /** Sends messages now (as the provider would). */
  emit(messages: FakeWebhookMessage[]): void;
  /** Marks an invoice paid and sends the provider's messages; false when the invoice is unknown. */
  markPaid(id: string): boolean;
  /** Resolves when no delivery or retry is pending (held out-of-order messages are released first). */
  idle(): Promise<void>;
}
