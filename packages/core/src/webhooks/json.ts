import { WebhookPayloadError } from './errors';

/** The verified body as JSON; anything else is a typed payload error naming the provider. */
export function parseWebhookJson(provider: string, body: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new WebhookPayloadError(provider, '(body)', 'not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WebhookPayloadError(provider, '(body)', 'expected a JSON object', value);
  }
  return value as Record<string, unknown>;
}
