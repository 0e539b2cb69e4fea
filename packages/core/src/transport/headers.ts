import { registerSecret } from '../errors/secrets';

/** Where common providers and their CDNs put a request id; the first present wins. */
export const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = [
  'x-request-id',
  'request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-correlation-id',
  'cf-ray',
];

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** Lower-cased names, so a caller's `Content-Type` replaces ours instead of being sent beside it. */
export function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(headers)) out[key.toLowerCase()] = headers[key]!;
  return out;
}

export function requestIdOf(headers: ResponseHeaders, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Header names whose values are credentials, registered for redaction even if `secrets` forgets them. */
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token)$/i;

export function registerHeaderSecrets(headers: Record<string, string>): void {
  for (const name of Object.keys(headers)) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    const value = headers[name]!;
    // "Bearer <token>" / "Basic <base64>": the token alone is what a provider might echo back.
    const space = value.indexOf(' ');
    registerSecret(value, space > 0 ? value.slice(space + 1).trim() : undefined);
  }
}
