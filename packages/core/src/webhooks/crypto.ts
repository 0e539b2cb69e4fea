/**
 * The primitives every verifier shares: the raw body as bytes, HMAC-SHA256 and constant-time comparison.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './errors';

/** A delivery body exactly as received. A parsed object cannot be verified: its bytes are gone. */
export type RawBody = string | Uint8Array | ArrayBuffer;

export function rawBodyBytes(body: unknown, provider: string): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new WebhookVerificationError(
    provider,
    'parsed_body',
    'the body must be the raw request bytes (a string, Buffer or ArrayBuffer), not a parsed object; ' +
      'with Express use express.raw({ type: "application/json" }) on the webhook route',
  );
}

/** Refuses a missing or empty secret before anything is compared with it (`what` names it in the message). */
export function requireSecret(
  provider: string,
  secret: unknown,
  what = 'the webhook secret',
): asserts secret is string {
  if (typeof secret !== 'string' || secret === '') {
    throw new WebhookVerificationError(provider, 'bad_secret', `${what} is empty`);
  }
}

export function hmacSha256(key: Uint8Array | string, ...parts: Array<Uint8Array | string>): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant-time equality; different lengths are unequal without comparing contents. */
export function constantTimeEqual(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const left = typeof a === 'string' ? Buffer.from(a, 'utf8') : Buffer.from(a);
  const right = typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b);
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** Decodes base64 strictly enough that garbage is refused instead of decoding to a few bytes. */
export function decodeBase64(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) || trimmed.length % 4 === 1) return undefined;
  return Buffer.from(trimmed, 'base64');
}
