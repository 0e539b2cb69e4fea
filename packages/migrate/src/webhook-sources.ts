/**
 * Each provider's `parseWebhook` with its secret bound, for `billbridge listen`. Kept apart from
 * providers.ts (the migration registry) so the webhook room stays separate from the migration one.
 */
import { parseWebhook as parseChargeOver } from '@billbridge/chargeover';
import type { BillingEvent, ProviderName, RawBody, WebhookHeaders } from '@billbridge/core';
import {
  createFlowgladResolver,
  FLOWGLAD_WEBHOOK_EVENT_TYPES,
  type FlowgladWebhookEventType,
  parseWebhook as parseFlowglad,
} from '@billbridge/flowglad';
import { parseWebhook as parsePaid } from '@billbridge/paid';
import { parseWebhook as parsePelcro } from '@billbridge/pelcro';
import { parseWebhook as parseWhop } from '@billbridge/whop';
import { UsageError } from './cli/args';

export interface WebhookSourceSettings {
  secret: string;
  toleranceSeconds?: number;
  /** Flowglad: the endpoint's event type (the body does not say). */
  eventType?: string;
  /** Flowglad: read payments and invoices with this key at `apiUrl`. */
  apiKey?: string;
  apiUrl?: string;
}

export type WebhookParse = (body: RawBody, headers: WebhookHeaders) => Promise<BillingEvent[]>;

export function webhookParser(provider: ProviderName, settings: WebhookSourceSettings): WebhookParse {
  const { secret } = settings;
  const tolerance =
    settings.toleranceSeconds === undefined ? {} : { toleranceSeconds: settings.toleranceSeconds };
  switch (provider) {
    case 'paid':
      return (body, headers) => parsePaid(body, headers, secret, tolerance);
    case 'whop':
      return (body, headers) => parseWhop(body, headers, secret, tolerance);
    case 'chargeover':
      return (body, headers) => parseChargeOver(body, headers, secret);
    case 'pelcro':
      return (body, headers) => parsePelcro(body, headers, secret, tolerance);
    case 'flowglad': {
      const eventType = settings.eventType;
      if (
        eventType !== undefined &&
        !(FLOWGLAD_WEBHOOK_EVENT_TYPES as readonly string[]).includes(eventType)
      ) {
        throw new UsageError(`--event-type must be one of ${FLOWGLAD_WEBHOOK_EVENT_TYPES.join(', ')}.`);
      }
      const resolve = settings.apiKey
        ? createFlowgladResolver({
            apiKey: settings.apiKey,
            ...(settings.apiUrl && { baseUrl: settings.apiUrl }),
          })
        : undefined;
      return (body, headers) =>
        parseFlowglad(body, headers, secret, {
          ...tolerance,
          ...(eventType && { eventType: eventType as FlowgladWebhookEventType }),
          ...(resolve && { resolve }),
        });
    }
  }
}
