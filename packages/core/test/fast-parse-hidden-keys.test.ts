/**
 * Keys `for...in` does not list but zod reads by name: a known field that is a non-enumerable own
 * property. zod's object parse reads `input[key]` for every field of the shape and writes `key: undefined`
 * when `key in input` holds undefined, so the readers must answer what zod answers or decline.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKnownKeys } from '../src/model/fast-checks';
import { fastParseInvoice } from '../src/model/fast-invoice';
import { fastParseOrder } from '../src/model/fast-order';
import { Invoice } from '../src/model/invoice';
import { Order } from '../src/model/order';
import { parseInvoice } from '../src/model/parse';
import { invoice, order } from './document-arbitraries';
import * as keys from './schema-keys';

/** Every field name of every canonical object schema. */
const KNOWN_KEYS = [...new Set(Object.values(keys).flatMap((set) => [...set]))].sort();

type Node = Record<string, unknown>;

/** Every plain object inside `value` (arrays are walked, not returned). */
function objectsOf(value: unknown, out: Node[] = []): Node[] {
  if (value !== null && typeof value === 'object') {
    if (!Array.isArray(value)) out.push(value as Node);
    for (const item of Object.values(value)) objectsOf(item, out);
  }
  return out;
}

/** Own keys, enumerable or not, compared deeply (a key holding undefined is a difference). */
function sameTree(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysOfA = Reflect.ownKeys(a);
  if (keysOfA.length !== Reflect.ownKeys(b).length) return false;
  return keysOfA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameTree((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key]),
  );
}

const hidden = fc.record({
  target: fc.nat(),
  key: fc.constantFrom(...KNOWN_KEYS),
  value: fc.constantFrom<unknown>(undefined, undefined, 'x', 1, 'USD', '2026-01-05T00:00:00Z', {}, null),
});

function hide(doc: unknown, h: { target: number; key: string; value: unknown }): unknown {
  const copy = structuredClone(doc);
  const nodes = objectsOf(copy);
  const node = nodes[h.target % nodes.length] as Node;
  // Replaces the field if it is there: the property stays own, but for...in no longer lists it.
  Object.defineProperty(node, h.key, {
    value: h.value,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return copy;
}

describe('a known field held as a non-enumerable own property', () => {
  const kinds = [
    ['an invoice', invoice, fastParseInvoice, Invoice],
    ['an order', order, fastParseOrder, Order],
  ] as const;
  for (const [what, documents, read, schema] of kinds) {
    it(`${what}: the reader answers exactly what zod answers, or declines`, () => {
      fc.assert(
        fc.property(documents, hidden, (doc, h) => {
          const input = hide(doc, h);
          const fast = read(input);
          if (fast === undefined) return;
          const zod = schema.safeParse(input);
          expect(zod.success).toBe(true);
          expect(sameTree(fast, zod.data)).toBe(true);
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('a hidden `memo: undefined` comes out as zod writes it (`memo` present, undefined)', () => {
    const input = { currency: 'USD', customer: { id: 'c' }, lines: [{ quantity: 1, unitAmount: 5 }] };
    Object.defineProperty(input, 'memo', { value: undefined, enumerable: false });
    expect(fastParseInvoice(input)).toBeUndefined();
    const parsed = parseInvoice(input);
    expect(Object.hasOwn(parsed, 'memo')).toBe(true);
    expect(sameTree(parsed, Invoice.parse(input))).toBe(true);
  });

  it('countKnownKeys (the adapters’ readers count with it) refuses an object with a hidden key', () => {
    const known = new Set(['a', 'b']);
    const input: Record<string, unknown> = { a: 1 };
    expect(countKnownKeys(input, known)).toBe(1);
    Object.defineProperty(input, 'b', { value: undefined, enumerable: false });
    expect(countKnownKeys(input, known)).toBeNaN();
  });
});
