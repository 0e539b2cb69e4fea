/**
 * Hand-written reader of Paid's error body (wire.ts: PaidErrorResponse, `{ error, code?, details? }`) for
 * the plainly valid case: exactly what the zod schema outputs (unknown keys stripped), or undefined, and
 * then mapPaidError parses with the schema. Error answers are read without loading zod.
 */
import { fastRead } from '@billbridge/core';
import type { PaidErrorResponse } from './wire';

/** An optional string field: absent (or, when present, a string); a key holding undefined is left to zod. */
function optionalText(input: fastRead.Input, key: string): boolean {
  const value = input[key];
  return value === undefined ? !(key in input) : typeof value === 'string';
}

export function readPaidError(value: unknown): PaidErrorResponse | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || typeof input.error !== 'string') return undefined;
  if (!optionalText(input, 'code') || !optionalText(input, 'details')) return undefined;
  const out: PaidErrorResponse = { error: input.error };
  if (input.code !== undefined) out.code = input.code as string;
  if (input.details !== undefined) out.details = input.details as string;
  return out;
}
