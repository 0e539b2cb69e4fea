/**
 * Receivers: read the raw body, verify and normalise through a provider's `parseWebhook`, process each
 * event once, and answer as the providers expect: 200 when handled or already handled (ChargeOver
 * retries anything but 200), 401 when the delivery cannot be verified, 400 when its body is not the
 * documented shape, 500 when the handler failed (so the provider retries).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BillbridgeError } from '../errors/billbridge-error';
import { ValidationError } from '../errors/mapping-errors';
import type { RawBody } from './crypto';
import { WebhookPayloadError, WebhookVerificationError } from './errors';
import type { BillingEvent, WebhookHeaders } from './event';
import { type IdempotencyStore, memoryIdempotencyStore } from './idempotency';

export interface WebhookReceiverOptions {
  /** A provider's parse, secret bound: `(body, headers) => parseWhopWebhook(body, headers, secret)`. */
  parse(rawBody: RawBody, headers: WebhookHeaders): Promise<BillingEvent[]> | BillingEvent[];
  /** Runs once per event id; a throw answers 500 and releases the claim so the redelivery runs it. */
  onEvent(event: BillingEvent): void | Promise<void>;
  /** Default: a fresh in-memory store per receiver. */
  idempotency?: IdempotencyStore;
  /** Called with an event skipped as already processed. */
  onDuplicate?(event: BillingEvent): void;
}

export interface WebhookOutcome {
  status: number;
  body: { received: number; processed: number; duplicates: number } | { error: string; reason?: string };
  events: BillingEvent[];
  error?: unknown;
}

export function createWebhookReceiver(options: WebhookReceiverOptions) {
  const store = options.idempotency ?? memoryIdempotencyStore();

  async function handle(rawBody: RawBody, headers: WebhookHeaders): Promise<WebhookOutcome> {
    let events: BillingEvent[];
    try {
      events = await options.parse(rawBody, headers);
    } catch (error) {
      if (WebhookVerificationError.isInstance(error)) {
        const status = error.reason === 'parsed_body' ? 500 : 401;
        return { status, body: { error: error.message, reason: error.reason }, events: [], error };
      }
      // A body that is not the documented shape, or whose invoice cannot be mapped, fails the same way
      // every time: 400, not a 500 that asks the provider to retry forever.
      if (WebhookPayloadError.isInstance(error) || ValidationError.isInstance(error)) {
        return { status: 400, body: { error: error.message }, events: [], error };
      }
      // A failed `resolve` (the provider's API was down): let the provider retry.
      const message = BillbridgeError.isInstance(error) ? error.message : 'webhook parsing failed';
      return { status: 500, body: { error: message }, events: [], error };
    }
    let processed = 0;
    let duplicates = 0;
    for (const event of events) {
      const key = `${event.provider}:${event.id}`;
      if (!(await store.claim(key))) {
        duplicates++;
        options.onDuplicate?.(event);
        continue;
      }
      try {
        await options.onEvent(event);
        processed++;
      } catch (error) {
        await store.release(key);
        return { status: 500, body: { error: 'the event handler failed' }, events, error };
      }
    }
    return { status: 200, body: { received: events.length, processed, duplicates }, events };
  }

  return { handle, store };
}

/** A `node:http` request, or Express's with `rawBody` / a Buffer `body` from `express.raw`. */
export type NodeRequest = IncomingMessage & { body?: unknown; rawBody?: unknown };

/**
 * `(req, res)` for `node:http` and Express. Reads the body stream, or takes `req.rawBody` /
 * a Buffer `req.body` (Express `express.raw`). A body already parsed to an object cannot be verified.
 */
export function createNodeWebhookHandler(options: WebhookReceiverOptions) {
  const receiver = createWebhookReceiver(options);
  return async function webhookHandler(req: NodeRequest, res: ServerResponse): Promise<WebhookOutcome> {
    const outcome = await receiver.handle((await nodeRawBody(req)) as RawBody, req.headers);
    const payload = JSON.stringify(outcome.body);
    res.statusCode = outcome.status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(payload));
    res.end(payload);
    return outcome;
  };
}

async function nodeRawBody(req: NodeRequest): Promise<unknown> {
  for (const candidate of [req.rawBody, req.body]) {
    if (typeof candidate === 'string' || candidate instanceof Uint8Array) return candidate;
  }
  if (req.body !== undefined && req.readableEnded) return req.body; // parsed already: refused by parse
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** `(request) => Response` for Fetch runtimes (workers, Deno, Bun, Next.js route handlers). */
export function createFetchWebhookHandler(options: WebhookReceiverOptions) {
  const receiver = createWebhookReceiver(options);
  return async function webhookHandler(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return new Response(JSON.stringify({ error: 'webhooks are POST requests' }), {
        status: 405,
        headers: { 'content-type': 'application/json; charset=utf-8', allow: 'POST' },
      });
    }
    const outcome = await receiver.handle(await request.arrayBuffer(), request.headers);
    return new Response(JSON.stringify(outcome.body), {
      status: outcome.status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  };
}
