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

const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;

/**
 * An ordinary object (prototype Object.prototype), such as JSON.parse and object literals make: zod's
 * output for a valid one is an ordinary object too, so a reader may answer such a value as it is.
 */
export function isDataObject(value: unknown): value is fastRead.Input {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === OBJECT_PROTOTYPE &&
    !Array.isArray(value)
  );
}

/** An ordinary array (prototype Array.prototype). */
export function isDataArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === ARRAY_PROTOTYPE;
}

/**
 * The elements of an array in a fresh array, as zod's output holds them. Not `slice()`: an array may carry
 * its own `constructor`, which slice would call.
 */
export function elements(value: readonly unknown[]): unknown[] {
  const length = value.length;
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) out[i] = value[i];
  return out;
}

const NO_KEYS = Number.NaN;

/**
 * The number of keys zod's strict-object scan (`for...in`) sees in an ordinary object, or NaN when that
 * is not simply its own enumerable keys (something enumerable was added to Object.prototype) or when the
 * object has non-enumerable own keys (zod reads a known one by name; the count cannot see it). A reader
 * compares it with the sum of its field counters, which count only known fields with a valid value: the
 * two are equal only when every key is known and set, so no key set is needed (and `Object.keys` is
 * several times cheaper than a `for...in` with a set lookup per key).
 */
export function keyCount(value: fastRead.Input): number {
  for (const _ in OBJECT_PROTOTYPE) return NO_KEYS;
  const count = Object.keys(value).length;
  // Own keys the scan does not list (non-enumerable) are read by zod when known: left to zod.
  return fastRead.hasNoHiddenKeys(value, count) ? count : NO_KEYS;
}

/** A strict object schema's keys, in shape order, and each key's position. */
export interface StrictShape {
  readonly keys: readonly string[];
  readonly rank: Readonly<Record<string, number>>;
}

export function strictShape(keys: readonly string[]): StrictShape {
  const rank: Record<string, number> = Object.create(null);
  keys.forEach((key, i) => {
    rank[key] = i;
  });
  return { keys, rank };
}

/**
 * Whether a checked strict object (every key known) lists its keys in shape order, as zod's copy of it
 * would: then the object itself, or a spread of it, answers with zod's key order.
 */
export function inShapeOrder(value: fastRead.Input, { keys }: StrictShape): boolean {
  // The value's keys must be a subsequence of the shape's: string compares, no lookups.
  let i = 0;
  for (const key in value) {
    while (i < keys.length && keys[i] !== key) i++;
    if (i === keys.length) return false;
    i++;
  }
  return true;
}

/**
 * zod's copy of a strict object the caller has checked (every key known, none set to undefined): the
 * present keys in shape order, as zod lists them whatever order the value had. Walks the value's keys (a
 * handful, where shapes have up to 17) and sorts their positions, rather than asking for every shape key.
 */
export function shapeCopy(value: fastRead.Input, { keys, rank }: StrictShape): fastRead.Output {
  const at: number[] = [];
  for (const key in value) {
    const position = rank[key] as number;
    let i = at.length;
    at.push(position);
    while (i > 0 && (at[i - 1] as number) > position) {
      at[i] = at[i - 1] as number;
      i--;
    }
    at[i] = position;
  }
  const out: fastRead.Output = {};
  for (let i = 0; i < at.length; i++) {
    const key = keys[at[i] as number] as string;
    out[key] = value[key];
  }
  return out;
}

/** A checked strict object in zod's key order: itself when already so, else its copy. */
export function ordered(value: fastRead.Input, shape: StrictShape): fastRead.Input {
  return inShapeOrder(value, shape) ? value : shapeCopy(value, shape);
}

/** A fresh copy of a checked strict object in zod's key order, for the caller to replace fields of. */
export function orderedCopy(value: fastRead.Input, shape: StrictShape): fastRead.Output {
  return inShapeOrder(value, shape) ? { ...value } : shapeCopy(value, shape);
}

/** An ordinary object without an own `__proto__` key (which zod's loose copy would leave out). */
export function isLooseRecord(value: unknown): value is fastRead.Input {
  return isDataObject(value) && !Object.hasOwn(value, '__proto__');
}

/** A loose object schema's keys, in shape order, and as a set. */
export interface LooseShape {
  readonly keys: readonly string[];
  readonly known: ReadonlySet<string>;
}

export function looseShape(keys: readonly string[]): LooseShape {
  return { keys, known: new Set(keys) };
}

/**
 * zod's copy of a loose object the caller has checked (isLooseRecord, and prototypeHasKeys() false: zod's
 * scan is `for...in`, which would also list an enumerable key on Object.prototype): the shape's keys present, in
 * shape order (a key holding undefined included, as zod copies every key `in` the value), then the
 * unknown keys in the value's order. Providers send keys in their own order, so the copy is rebuilt
 * rather than spread, or the answer would list keys differently from the schema's output.
 */
export function looseCopy(value: fastRead.Input, { keys, known }: LooseShape): fastRead.Output {
  const out: fastRead.Output = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key in value) out[key] = value[key];
  }
  copyUnknown(value, out, known);
  return out;
}

/** Copies the keys of `value` not in `known` onto `out`, in `for...in` order (zod's catchall scan). */
export function copyUnknown(value: fastRead.Input, out: fastRead.Output, known: ReadonlySet<string>): void {
  for (const key in value) if (!known.has(key)) out[key] = value[key];
}

/** Whether Object.prototype has an enumerable key, which every `for...in` (zod's scans) would list too. */
export function prototypeHasKeys(): boolean {
  for (const _ in OBJECT_PROTOTYPE) return true;
  return false;
}

/** The number of keys `for...in` lists (own enumerable ones, once prototypeHasKeys() is false). */
export function forInCount(value: fastRead.Input): number {
  let count = 0;
  for (const _ in value) count++;
  return count;
}

/**
 * Whether an object's keys, as `for...in` lists them, begin with exactly `keys` (a shape whose keys are
 * all required): then the object already lists its keys as zod's loose copy would (the shape's in shape
 * order, then the unknown ones in the object's order), and a spread of it lists them the same way.
 * Undefined when the object has own keys `for...in` does not list: zod reads a hidden known key by name
 * and leaves a hidden unknown one out of its copy, so answering the object itself would be wrong (left to
 * zod). Walks every key to count them, with no allocation (the hot path asks it of every line).
 */
export function startsWithShape(value: fastRead.Input, keys: readonly string[]): boolean | undefined {
  let listed = 0;
  let first = true;
  for (const key in value) {
    if (listed < keys.length && key !== keys[listed]) first = false;
    listed++;
  }
  if (!fastRead.hasNoHiddenKeys(value, listed)) return undefined;
  return first && listed >= keys.length;
}
