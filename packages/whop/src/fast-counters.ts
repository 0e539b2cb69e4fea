/**
 * Field counters for Whop's nullish and numeric fields, in the style of core's `fastRead` counters:
 * 0 absent, 1 valid, NaN anything else (see fast-request.ts for how a reader adds them up). `null` counts
 * as valid wherever the schema says `.nullish()` / `.nullable()`.
 */
import { fastRead } from '@billbridge/core';
import { DATE_TIME_PATTERN } from './wire-keys';

const { str, bool, int, oneOf } = fastRead;

/** `z.number()` (zod 4 refuses NaN and ±Infinity; `.finite()` adds nothing). */
export function num(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isFinite(value) ? 1 : Number.NaN;
}

/** `z.iso.datetime({ offset: true })`. */
export function dateTime(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && DATE_TIME_PATTERN.test(value) ? 1 : Number.NaN;
}

export function strOrNull(value: unknown): number {
  return value === null ? 1 : str(value);
}

/** `z.string().min(1)`. */
export function filledStr(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'string' && value.length > 0 ? 1 : Number.NaN;
}

export function boolOrNull(value: unknown): number {
  return value === null ? 1 : bool(value);
}

export function numOrNull(value: unknown): number {
  return value === null ? 1 : num(value);
}

/** `z.int()` with bounds, or null. */
export function intOrNull(value: unknown, min: number, max: number): number {
  return value === null ? 1 : int(value, min, max);
}

export function oneOfOrNull(value: unknown, values: ReadonlySet<string>): number {
  return value === null ? 1 : oneOf(value, values);
}

export function dateTimeOrNull(value: unknown): number {
  return value === null ? 1 : dateTime(value);
}

/** Counts a nested value read with `fastRead.nested` where the schema also takes null. */
export function parsedOrNull(raw: unknown, read: unknown): number {
  return raw === null ? 1 : fastRead.parsed(read);
}
