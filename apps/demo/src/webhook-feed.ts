/**
 * Webhooks in the demo: every provider's fake delivers its real envelope, headers and signature to
 * `/webhooks/<provider>` on the demo server, which verifies and normalises them with the provider's own
 * `parseWebhook` (through core's receiver: each event processed once) and streams them to the page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type BillingEvent,
  computeTotals,
  createNodeWebhookHandler,
  type ProviderName,
} from '@billbridge/core';
import { webhookParser } from '@billbridge/migrate';

/** The signing secret each fake uses and the demo verifies with, in each provider's own format. */
export const WEBHOOK_SECRETS: Record<ProviderName, string> = {
  paid: 'paid_whsk_demo0123456789abcdef',
  flowglad: `whsec_${Buffer.from('billbridge-demo-flowglad-signing').toString('base64')}`,
  whop: 'ws_demo0123456789abcdef0123456789',
  chargeover: 'demo-chargeover-shared-token',
  pelcro: Buffer.from('billbridge-demo-pelcro-signing-01').toString('base64'),
};

export interface FeedEvent {
  provider: string;
  type: string;
  id: string;
  invoiceId?: string;
  occurredAt?: string;
  receivedAt: string;
  /** Amount and currency of the canonical invoice the event carried, when it carried one. */
  total?: number;
  currency?: string;
}

const KEPT = 50;

function feedEvent(event: BillingEvent): FeedEvent {
  const invoice = event.invoice;
  return {
    provider: event.provider,
    type: event.type,
    id: event.id,
    ...(event.invoiceId !== undefined ? { invoiceId: event.invoiceId } : {}),
    ...(event.occurredAt !== undefined ? { occurredAt: event.occurredAt } : {}),
    receivedAt: new Date().toISOString(),
    ...(invoice ? { total: invoice.total ?? computeTotals(invoice).total, currency: invoice.currency } : {}),
  };
}

export class WebhookFeed {
  private readonly events: FeedEvent[] = [];
  private readonly listeners = new Set<ServerResponse>();
  private readonly handlers = new Map<string, ReturnType<typeof createNodeWebhookHandler>>();

  /** `POST /webhooks/<provider>`: verify, normalise, keep, stream. */
  async receive(provider: ProviderName, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let handler = this.handlers.get(provider);
    if (!handler) {
      handler = createNodeWebhookHandler({
        parse: webhookParser(provider, { secret: WEBHOOK_SECRETS[provider] }),
        onEvent: (event) => this.push(feedEvent(event)),
      });
      this.handlers.set(provider, handler);
    }
    await handler(req, res);
  }

  private push(event: FeedEvent): void {
    this.events.push(event);
    if (this.events.length > KEPT) this.events.shift();
    for (const res of this.listeners) res.write(`event: webhook\ndata: ${JSON.stringify(event)}\n\n`);
  }

  /** `GET /api/events`: what arrived so far, then each new event as it arrives. */
  stream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    for (const event of this.events) res.write(`event: webhook\ndata: ${JSON.stringify(event)}\n\n`);
    this.listeners.add(res);
    res.on('close', () => this.listeners.delete(res));
  }

  close(): void {
    for (const res of this.listeners) res.end();
    this.listeners.clear();
  }
}
