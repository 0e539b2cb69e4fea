/**
 * Standard Webhooks (https://www.standardwebhooks.com), which Svix implements: HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`, base64, sent as a space-separated list of `v1,<signature>` so a rotated
 * secret can overlap. One verifier serves Whop (`webhook-*` headers) and Flowglad (`svix-*` headers).
 */
import {
  constantTimeEqual,
  decodeBase64,
  hmacSha256,
  type RawBody,
  rawBodyBytes,
  requireSecret,
} from './crypto';
import { WebhookVerificationError } from './errors';
import { normalizeHeaders, type WebhookHeaders } from './event';
import { checkTimestamp, type ToleranceOptions } from './timestamp';

export type StandardHeaderPrefix = 'webhook' | 'svix';

/**
 * How a provider's secret becomes the HMAC key.
 * - `whsec`: the secret is `whsec_<base64>` and the key is the decoded bytes (Svix, Flowglad).
 * - `raw`: the key is the secret's own UTF-8 bytes (Whop, whose docs have users pass `btoa(secret)` to a
 *   library that base64-decodes it again, which comes to the same bytes).
 */
export type StandardKeyEncoding = 'whsec' | 'raw';

export function standardWebhookKey(provider: string, secret: string, encoding: StandardKeyEncoding): Buffer {
  requireSecret(provider, secret);
  if (encoding === 'raw') return Buffer.from(secret, 'utf8');
  if (!secret.startsWith('whsec_')) {
    throw new WebhookVerificationError(
      provider,
      'bad_secret',
      'the webhook secret must start with whsec_ (copy the endpoint signing secret as shown)',
    );
  }
  const key = decodeBase64(secret.slice('whsec_'.length));
  if (!key || key.length === 0) {
    throw new WebhookVerificationError(provider, 'bad_secret', 'the part after whsec_ is not base64');
  }
  return key;
}

export interface StandardVerifyOptions extends ToleranceOptions {
  prefix: StandardHeaderPrefix;
  key: Uint8Array;
}

export interface StandardVerified {
  /** The message id: constant across retries of one message, the deduplication key. */
  id: string;
  /** The signed timestamp, epoch seconds. */
  timestamp: number;
  body: Buffer;
}

export function verifyStandardWebhook(
  provider: string,
  rawBody: RawBody,
  headers: WebhookHeaders,
  options: StandardVerifyOptions,
): StandardVerified {
  const body = rawBodyBytes(rawBody, provider);
  const bag = normalizeHeaders(headers);
  const name = (part: string) => `${options.prefix}-${part}`;
  const id = bag[name('id')];
  const timestampText = bag[name('timestamp')];
  const signatures = bag[name('signature')];
  for (const [header, value] of [
    [name('id'), id],
    [name('timestamp'), timestampText],
    [name('signature'), signatures],
  ] as const) {
    if (!value) throw new WebhookVerificationError(provider, 'missing_header', `no ${header} header`);
  }
  if (!/^\d{1,12}$/.test(timestampText!.trim())) {
    throw new WebhookVerificationError(
      provider,
      'malformed_header',
      `${name('timestamp')} must be Unix seconds`,
    );
  }
  const timestamp = Number(timestampText!.trim());
  checkTimestamp(provider, timestamp * 1000, options);

  const expected = hmacSha256(options.key, `${id}.${timestamp}.`, body);
  let sawV1 = false;
  for (const entry of signatures!.trim().split(/\s+/)) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    sawV1 = true;
    const received = decodeBase64(entry.slice(comma + 1));
    if (received && constantTimeEqual(received, expected)) return { id: id!, timestamp, body };
  }
  throw new WebhookVerificationError(
    provider,
    sawV1 ? 'bad_signature' : 'malformed_header',
    sawV1
      ? `no v1 signature in ${name('signature')} matches the body (wrong secret, or the body was changed; verify the raw bytes)`
      : `${name('signature')} holds no v1,<base64> signature`,
  );
}

/** The header value a sender puts on a message (fakes and tests). */
export function signStandardWebhook(key: Uint8Array, id: string, timestamp: number, body: RawBody): string {
  const signature = hmacSha256(key, `${id}.${timestamp}.`, rawBodyBytes(body, 'standard-webhooks'));
  return `v1,${signature.toString('base64')}`;
}
