/**
 * Hand-written reader of Pelcro's error body (wire.ts: PelcroErrorBody, `{ errors?: { field: [messages] },
 * message?, error? }`, loose) for the plainly valid case: exactly what the zod schema outputs (looseCopy's
 * key order, the `errors` map and its lists copied), or undefined, and then the caller parses with the
 * schema. Error answers are read without loading zod.
 */
import { fastRead } from '@billbridge/core';
import { looseCopy, looseShape } from './fast-record';
import type { PelcroErrorBody } from './wire';

/** The shape's keys, in shape order (test/fast-readers.test.ts compares them with the schema). */
export const ERROR_BODY_KEYS = ['errors', 'message', 'error'] as const;
const BODY = looseShape(ERROR_BODY_KEYS);

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `z.union([z.array(z.string()), z.string()])`: a fresh list, or the string. */
function messages(value: unknown): string[] | string | undefined {
  return typeof value === 'string' ? value : (fastRead.readList(value, text) as string[] | undefined);
}

/**
 * `z.record(z.string(), messages)`: a fresh object with the same keys, less an own `__proto__` (zod skips
 * it, unread). Left to zod: anything but an ordinary object of enumerable string keys, and an own
 * `constructor` function (zod's plain-object test looks at it; JSON never has one).
 */
function errorMap(value: unknown): Record<string, string[] | string> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  if (Object.hasOwn(input, 'constructor') && typeof input.constructor === 'function') return undefined;
  const keys = Object.keys(input);
  if (keys.length !== Reflect.ownKeys(input).length) return undefined;
  const out: Record<string, string[] | string> = {};
  for (const key of keys) {
    if (key === '__proto__') continue;
    const read = messages(input[key]);
    if (read === undefined) return undefined;
    out[key] = read;
  }
  return out;
}

/** PelcroErrorBody's output for a plainly valid body, or undefined. */
export function readErrorBody(value: unknown): PelcroErrorBody | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  const { errors, message, error } = input;
  if (message !== undefined && typeof message !== 'string') return undefined;
  if (error !== undefined && typeof error !== 'string') return undefined;
  const out = looseCopy(input, BODY);
  if (errors !== undefined) {
    const map = errorMap(errors);
    if (map === undefined) return undefined;
    out.errors = map;
  }
  return out as PelcroErrorBody;
}
