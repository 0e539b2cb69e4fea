/**
 * Pelcro's `X-Pelcro-Hmac-SHA256` (WEBHOOKS.md PeW4/PeW5). The docs show the header (a bare base64 value
 * of 32 bytes: an HMAC-SHA256 digest) but the text saying what is signed with which key was not
 * retrievable. A bare value carries no timestamp, so the signed bytes are the raw body; the open question
 * is the key. This is the one place that reading lives.
 * - `utf8-key` (chosen): the webhook secret's own UTF-8 bytes, as Shopify-style `X-…-Hmac-SHA256` headers use.
 * - `base64-key`: the secret is base64 and its decoded bytes are the key.
 */
import { decodeBase64, hmacSha256, requireSecret, WebhookVerificationError } from '@billbridge/core';

export type PelcroSignatureReading = 'utf8-key' | 'base64-key';
export const PELCRO_SIGNATURE_READING: PelcroSignatureReading = 'utf8-key';
export const PELCRO_SIGNATURE_HEADER = 'x-pelcro-hmac-sha256';

export function pelcroSigningKey(secret: string, reading: PelcroSignatureReading): Buffer {
  requireSecret('pelcro', secret);
  if (reading === 'utf8-key') return Buffer.from(secret, 'utf8');
  const key = decodeBase64(secret);
  if (!key || key.length === 0) {
    throw new WebhookVerificationError('pelcro', 'bad_secret', 'reading "base64-key" needs a base64 secret');
  }
  return key;
}

export function signPelcroBody(
  secret: string,
  body: Uint8Array | string,
  reading: PelcroSignatureReading,
): string {
  return hmacSha256(pelcroSigningKey(secret, reading), body).toString('base64');
}
