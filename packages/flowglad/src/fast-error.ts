/**
 * Hand-written readers of Flowglad's error bodies (wire.ts: ErrorBody, ZodIssueBody) for the plainly valid
 * case: exactly what the zod schema outputs (unknown keys stripped, issue lists copied), or undefined, and
 * then the caller parses with the schema. Error answers are read without loading zod.
 */
import { fastRead } from '@billbridge/core';
import type { ErrorBody } from './wire';

type Input = fastRead.Input;
type Output = fastRead.Output;

/** `z.string().optional()` under `key`: absent or a string; a key holding undefined is left to zod. */
function optionalText(input: Input, key: string): boolean {
  const value = input[key];
  return value === undefined ? !(key in input) : typeof value === 'string';
}

function pathItem(value: unknown): string | number | undefined {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
    ? value
    : undefined;
}

/** ZodIssueBody: `{ path?: (string | number)[], message, code? }`, stripped. */
export function readZodIssue(value: unknown): Output | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || typeof input.message !== 'string' || !optionalText(input, 'code'))
    return undefined;
  const out: Output = {};
  if (input.path !== undefined) {
    const path = fastRead.readList(input.path, pathItem);
    if (path === undefined) return undefined;
    out.path = path;
  } else if ('path' in input) return undefined;
  out.message = input.message;
  if (input.code !== undefined) out.code = input.code;
  return out;
}

const TEXT_KEYS = ['message', 'code'] as const;
const ID_KEYS = ['request_id', 'trace_id', 'sentry_event_id'] as const;

/**
 * ErrorBody. `error` is a union (a string, a list of issues, or anything else, kept as it is): a list
 * whose items are not all plainly issues is left to zod, which decides between the last two.
 */
export function readErrorBody(value: unknown): ErrorBody | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  for (const key of TEXT_KEYS) if (!optionalText(input, key)) return undefined;
  for (const key of ID_KEYS) if (!optionalText(input, key)) return undefined;
  const out: Output = {};
  const { error, issues } = input;
  if (error !== undefined) {
    if (Array.isArray(error)) {
      const list = fastRead.readList(error, readZodIssue);
      if (list === undefined) return undefined;
      out.error = list;
    } else out.error = error;
  } else if ('error' in input) return undefined;
  for (const key of TEXT_KEYS) if (input[key] !== undefined) out[key] = input[key];
  if (issues !== undefined) {
    const list = fastRead.readList(issues, readZodIssue);
    if (list === undefined) return undefined;
    out.issues = list;
  } else if ('issues' in input) return undefined;
  for (const key of ID_KEYS) if (input[key] !== undefined) out[key] = input[key];
  return out as ErrorBody;
}
