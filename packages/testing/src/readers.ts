/**
 * Holds a hand-written reader to its zod schema. A reader answers exactly what the schema outputs for a
 * plainly valid value, or `undefined` when unsure (the caller then falls back to the schema). "Exactly"
 * is strict here: the same values (Object.is, so NaN and -0 count), the same prototypes, and the same own
 * keys in the same order at every level, so a key present with an `undefined` value is a difference and
 * so is a key order the schema would not produce (users see key order in every JSON they serialise).
 *
 * Plain assertions (node's AssertionError), no test runner imported, no fakes loaded: usable from any
 * runner and inside fast-check properties.
 */
import { AssertionError } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { show } from './spell';

/** What the comparator needs of a schema: zod's `safeParse`. */
export interface SafeParseSchema {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/** A hand-written reader: the schema's output for a plainly valid value, or `undefined`. */
export type Reader = (value: unknown) => unknown;

function keyPath(path: string, key: PropertyKey, inArray: boolean): string {
  if (typeof key === 'symbol') return `${path}[${String(key)}]`;
  if (inArray && /^\d+$/.test(key as string)) return `${path}[${key as string}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key as string)
    ? `${path}.${key as string}`
    : `${path}[${JSON.stringify(key)}]`;
}

function ownKeyList(keys: PropertyKey[]): string {
  return `[${keys.map((key) => (typeof key === 'symbol' ? String(key) : JSON.stringify(key))).join(', ')}]`;
}

function walk(
  actual: unknown,
  expected: unknown,
  path: string,
  seen: Map<object, unknown>,
): string | undefined {
  if (Object.is(actual, expected)) return undefined;
  if (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null)
    return `${path}: ${show(actual)} where the schema has ${show(expected)}`;
  if (seen.get(actual) === expected) return undefined;
  seen.set(actual, expected);
  if (Array.isArray(actual) !== Array.isArray(expected))
    return `${path}: ${Array.isArray(actual) ? 'an array' : 'an object'} where the schema has ${Array.isArray(expected) ? 'an array' : 'an object'}`;
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected))
    return `${path}: a different prototype from the schema's output`;
  const keys = Reflect.ownKeys(actual);
  const theirs = Reflect.ownKeys(expected);
  const sameOrder = keys.length === theirs.length && keys.every((key, i) => key === theirs[i]);
  if (!sameOrder) {
    const missing = theirs.filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !theirs.includes(key));
    const what =
      missing.length > 0 || extra.length > 0
        ? `keys ${extra.length > 0 ? `${ownKeyList(extra)} not in the schema's output` : ''}${extra.length > 0 && missing.length > 0 ? ', ' : ''}${missing.length > 0 ? `${ownKeyList(missing)} missing` : ''}`
        : 'the same keys in another order';
    return `${path}: ${what}; own keys ${ownKeyList(keys)} where the schema has ${ownKeyList(theirs)}`;
  }
  for (const key of keys) {
    const mine = Object.getOwnPropertyDescriptor(actual, key);
    const other = Object.getOwnPropertyDescriptor(expected, key);
    if (mine?.enumerable !== other?.enumerable)
      return `${keyPath(path, key, Array.isArray(actual))}: enumerable ${String(mine?.enumerable)} where the schema has ${String(other?.enumerable)}`;
    const difference = walk(
      (actual as Record<PropertyKey, unknown>)[key],
      (expected as Record<PropertyKey, unknown>)[key],
      keyPath(path, key, Array.isArray(actual)),
      seen,
    );
    if (difference !== undefined) return difference;
  }
  return undefined;
}

/**
 * The first difference between a reader's answer and the schema's output (`$` is the root), or
 * `undefined` when they are the same tree: same values (Object.is), prototypes, own keys in the same
 * order at every level, and node's deep strict equality for what keys do not show (a Date's time, a
 * Map's entries).
 */
export function treeDifference(actual: unknown, expected: unknown): string | undefined {
  const difference = walk(actual, expected, '$', new Map());
  if (difference !== undefined) return difference;
  if (!isDeepStrictEqual(actual, expected)) return '$: not deep-strict-equal to the schema output';
  return undefined;
}

function fail(message: string, actual: unknown, expected: unknown): never {
  throw new AssertionError({ message, actual, expected, operator: 'readerAgrees' });
}

/**
 * Whenever `reader` answers for `value`, `schema.safeParse(value)` succeeds and outputs the same tree
 * (see {@link treeDifference}); throws an AssertionError naming the first difference otherwise. Returns
 * whether the reader answered, so a property can count that the answering branch was reached.
 */
export function expectReaderAgrees(reader: Reader, schema: SafeParseSchema, value: unknown): boolean {
  const fast = reader(value);
  if (fast === undefined) return false;
  const slow = schema.safeParse(value);
  if (!slow.success)
    fail(`the reader answered for ${show(value)}, which the schema refuses`, fast, undefined);
  const difference = treeDifference(fast, slow.data);
  if (difference !== undefined)
    fail(`the reader's answer differs from the schema's output at ${difference}`, fast, slow.data);
  return true;
}

/**
 * `reader` answers for `value` (a valid value: the fast path is the one taken) and agrees with `schema`
 * as in {@link expectReaderAgrees}.
 */
export function expectReaderAnswers(reader: Reader, schema: SafeParseSchema, value: unknown): void {
  if (!expectReaderAgrees(reader, schema, value)) {
    const slow = schema.safeParse(value);
    fail(
      slow.success
        ? `the reader declined ${show(value)}, a value the schema accepts (the fast path is not taken)`
        : `the reader declined ${show(value)}, which the schema refuses too: not a valid value`,
      undefined,
      slow.data,
    );
  }
}

/** A copy of `value` whose plain objects list their own keys in the order `pick` draws (arrays keep theirs). */
function reorder(value: unknown, pick: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, pick));
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // a Date, a Map: not a record
  const keys = Reflect.ownKeys(value);
  const out = Object.create(proto) as object;
  while (keys.length > 0) {
    const [key] = keys.splice(pick() % keys.length, 1) as [PropertyKey];
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    if ('value' in descriptor) descriptor.value = reorder(descriptor.value, pick);
    // defineProperty keeps an own `__proto__` key as data, as JSON.parse makes it.
    Object.defineProperty(out, key, descriptor);
  }
  return out;
}

/**
 * The values of `arbitrary` with the own keys of every plain object shuffled (descriptors, own
 * `__proto__` keys and array order kept). Providers send keys in their own order and zod outputs them in
 * shape order, so a reader that copies the input's order shows up here.
 */
export function keyOrderShuffled<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.tuple(arbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 32 })).map(([value, draws]) => {
    let at = 0;
    return reorder(value, () => draws[at++ % draws.length] as number) as T;
  });
}

export { type Near, type NearValidOptions, nearValid, singleChanges } from './near-valid';
