/**
 * Hand-written readers of Whop's error bodies (wire.ts: ErrorBody `{ error: { code?, type?, message? } }`
 * and the OAuth form OAuthErrorBody `{ error, error_description? }`), for the plainly valid case: exactly
 * what the loose zod schema outputs (see looseCopy), or undefined, and then the caller parses with the
 * schema. Error answers are read without loading zod.
 */
import { isLooseRecord, looseCopy, looseShape, prototypeHasKeys } from './fast-fields';
import type { WhopErrorBody } from './wire';

/** The shapes' keys, in shape order (test/fast-readers.test.ts compares them with the schemas). */
export const ERROR_BODY_KEYS = ['error'] as const;
export const ERROR_DETAIL_KEYS = ['code', 'type', 'message'] as const;
export const OAUTH_ERROR_KEYS = ['error', 'error_description'] as const;

const BODY = looseShape(ERROR_BODY_KEYS);
const DETAIL = looseShape(ERROR_DETAIL_KEYS);
const OAUTH = looseShape(OAUTH_ERROR_KEYS);

/** `z.string().optional()`: undefined (absent, or a key holding undefined, which zod copies) or a string. */
function optionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** A loose object zod would copy as looseCopy does (no own `__proto__`, nothing enumerable inherited). */
function isCopyable(value: unknown): value is Record<string, unknown> {
  return isLooseRecord(value) && !prototypeHasKeys();
}

/** ErrorBody's output for a plainly valid body, or undefined. */
export function readErrorBody(value: unknown): WhopErrorBody | undefined {
  if (!isCopyable(value)) return undefined;
  const error = value.error;
  if (!isCopyable(error)) return undefined;
  if (!optionalText(error.code) || !optionalText(error.type) || !optionalText(error.message))
    return undefined;
  const out = looseCopy(value, BODY);
  out.error = looseCopy(error, DETAIL);
  return out as WhopErrorBody;
}

/** OAuthErrorBody's output for a plainly valid body, or undefined. */
export function readOAuthErrorBody(
  value: unknown,
): { error: string; error_description?: string } | undefined {
  if (!isCopyable(value) || typeof value.error !== 'string' || !optionalText(value.error_description))
    return undefined;
  return looseCopy(value, OAUTH) as { error: string; error_description?: string };
}
