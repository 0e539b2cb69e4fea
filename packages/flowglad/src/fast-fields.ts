/**
 * Field checks of Flowglad's hand-written readers (fast-request.ts, fast-record.ts, fast-list.ts): each answers 0 for a
 * value its zod field accepts (absent included, where the field is optional) and NaN otherwise, so a
 * reader sums them and one NaN poisons the sum. Each mirrors one field schema of wire.ts.
 */
import { fastRead, isInstant } from '@billbridge/core';
import { INT32_MAX, INT32_MIN } from './money';

const BAD = Number.NaN;

/** `z.string()` */
export function reqStr(value: unknown): number {
  return typeof value === 'string' ? 0 : BAD;
}

/** `z.string().min(1)` */
export function reqId(value: unknown): number {
  return typeof value === 'string' && value.length >= 1 ? 0 : BAD;
}

/** `z.string().optional()` */
export function optStr(value: unknown): number {
  return value === undefined || typeof value === 'string' ? 0 : BAD;
}

/** `z.string().nullable().optional()` */
export function nullStr(value: unknown): number {
  return value === undefined || value === null || typeof value === 'string' ? 0 : BAD;
}

/** `z.boolean()` */
export function reqBool(value: unknown): number {
  return typeof value === 'boolean' ? 0 : BAD;
}

/** `z.boolean().optional()` */
export function optBool(value: unknown): number {
  return value === undefined || typeof value === 'boolean' ? 0 : BAD;
}

/** `z.boolean().nullable().optional()` */
export function nullBool(value: unknown): number {
  return value === undefined || value === null || typeof value === 'boolean' ? 0 : BAD;
}

/** `z.int()`: a safe integer. */
export function reqInt(value: unknown): number {
  return Number.isSafeInteger(value) ? 0 : BAD;
}

/** `z.int().nullable().optional()` */
export function nullInt(value: unknown): number {
  return value === undefined || value === null || Number.isSafeInteger(value) ? 0 : BAD;
}

/** `int32`: `z.int().min(INT32_MIN).max(INT32_MAX)`. */
export function reqInt32(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX
    ? 0
    : BAD;
}

/** `int32.nullable().optional()` */
export function nullInt32(value: unknown): number {
  return value === undefined || value === null ? 0 : reqInt32(value);
}

/** `z.number().optional()`: zod 4 refuses NaN and ±Infinity. */
export function optNumber(value: unknown): number {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value)) ? 0 : BAD;
}

/** `z.null().optional()` */
export function optNull(value: unknown): number {
  return value === undefined || value === null ? 0 : BAD;
}

/** `omitted`: `z.union([z.null(), z.literal('null')]).optional()`. */
export function omitted(value: unknown): number {
  return value === undefined || value === null || value === 'null' ? 0 : BAD;
}

/** `wireDate`: `z.union([z.int(), z.string().refine(isInstant)])`. */
export function reqDate(value: unknown): number {
  return Number.isSafeInteger(value) || isInstant(value) ? 0 : BAD;
}

/** `wireDate.nullable().optional()` */
export function nullDate(value: unknown): number {
  return value === undefined || value === null ? 0 : reqDate(value);
}

/** `z.enum(values)` */
export function reqOneOf(value: unknown, values: ReadonlySet<string>): number {
  return typeof value === 'string' && values.has(value) ? 0 : BAD;
}

/** `z.enum(values).nullable().optional()` */
export function nullOneOf(value: unknown, values: ReadonlySet<string>): number {
  return value === undefined || value === null ? 0 : reqOneOf(value, values);
}

/**
 * A strip object keeps a known key that is present but undefined (as `key: undefined`); the readers copy
 * only defined values, so such an input is left to zod. So is one with own keys `for...in` does not list:
 * zod reads a hidden known key by name (holding undefined, it is output as `key: undefined`). JSON never
 * produces either.
 */
export function hasUndefinedOrHiddenKey(input: Record<string, unknown>): boolean {
  let listed = 0;
  for (const key in input) {
    if (input[key] === undefined) return true;
    listed++;
  }
  return !fastRead.hasNoHiddenKeys(input, listed);
}

/**
 * The invoice variants' own ids in each variant schema's key order (wire.ts: the variant's own id comes
 * first, right after `type`), for records and create bodies alike; the readers copy them in this order so
 * their output lists keys as zod's does.
 */
const VARIANT_IDS: Readonly<Record<string, readonly string[]>> = {
  purchase: ['purchaseId', 'subscriptionId', 'billingPeriodId'],
  subscription: ['subscriptionId', 'billingPeriodId', 'purchaseId'],
  standalone: ['purchaseId', 'subscriptionId', 'billingPeriodId'],
};

/** Copies the present variant ids of `input` onto `out`, in the order of the variant `type`'s schema. */
export function copyVariantIds(
  input: Record<string, unknown>,
  out: Record<string, unknown>,
  type: string,
): void {
  for (const key of VARIANT_IDS[type] ?? []) if (input[key] !== undefined) out[key] = input[key];
}
