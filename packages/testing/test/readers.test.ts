import { isDeepStrictEqual } from 'node:util';
import { lazySchema } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectReaderAgrees, expectReaderAnswers, keyOrderShuffled, treeDifference } from '../src/readers';

// zod outputs the schema's keys in shape order, whatever order the input had.
const Line = lazySchema((z) =>
  z.object({ label: z.string(), amount: z.number(), note: z.string().optional() }),
);
const Page = lazySchema((z) => z.object({ data: z.array(Line), next: z.string().nullable() }));

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A correct reader: shape order, optional key only when present. */
function readLine(value: unknown): Obj | undefined {
  if (!isObj(value) || typeof value.label !== 'string' || typeof value.amount !== 'number') return undefined;
  if (Number.isNaN(value.amount) || (value.note !== undefined && typeof value.note !== 'string'))
    return undefined;
  if ('note' in value && value.note === undefined) return undefined;
  const out: Obj = { label: value.label, amount: value.amount };
  if (value.note !== undefined) out.note = value.note;
  return out;
}

const line = fc.record(
  { label: fc.string(), amount: fc.integer(), note: fc.string() },
  { requiredKeys: ['label', 'amount'] },
);

describe('treeDifference', () => {
  it('sees key order, undefined-valued keys, NaN, -0 and prototypes, naming the path', () => {
    expect(treeDifference({ a: 1, b: [1, { c: 2 }] }, { a: 1, b: [1, { c: 2 }] })).toBeUndefined();
    expect(treeDifference({ a: Number.NaN }, { a: Number.NaN })).toBeUndefined();
    expect(treeDifference({ b: 1, a: 2 }, { a: 2, b: 1 })).toMatch(/^\$: the same keys in another order/);
    expect(treeDifference({ x: [{ a: 1, u: undefined }] }, { x: [{ a: 1 }] })).toMatch(
      /^\$\.x\[0\]: keys \["u"\] not in the schema's output/,
    );
    expect(treeDifference({ a: 1 }, { a: 1, u: undefined })).toMatch(/\["u"\] missing/);
    expect(treeDifference({ a: 0 }, { a: -0 })).toBe('$.a: 0 where the schema has -0');
    expect(treeDifference({ a: '1' }, { a: 1 })).toBe('$.a: "1" where the schema has 1');
    expect(treeDifference(Object.create(null), {})).toMatch(/prototype/);
    expect(treeDifference([1], { 0: 1 })).toMatch(/an array where the schema has an object/);
    expect(treeDifference({ d: new Date(0) }, { d: new Date(1) })).toMatch(/deep-strict-equal/);
    const proto = JSON.parse('{"__proto__": 1}');
    expect(treeDifference(proto, {})).toMatch(/\["__proto__"\] not in the schema's output/);
  });
});

describe('expectReaderAgrees / expectReaderAnswers', () => {
  it('pass a correct reader on valid and mutated values, and count its answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(line, fc.constantFrom('none', 'swap', 'drop', 'undefined', 'retype'), (value, change) => {
        expectReaderAnswers(readLine, Line, value);
        const changed: Obj = change === 'swap' ? { amount: value.amount, label: value.label } : { ...value };
        if (change === 'drop') delete changed.label;
        if (change === 'undefined') changed.note = undefined;
        if (change === 'retype') changed.amount = String(value.amount);
        if (expectReaderAgrees(readLine, Line, changed)) answered++;
      }),
    );
    expect(answered).toBeGreaterThan(0);
  });

  it('catch a reader that answers in another key order, on any input order', () => {
    const swapped = (value: unknown) => {
      const read = readLine(value);
      return read && { amount: read.amount, label: read.label };
    };
    expect(() => expectReaderAgrees(swapped, Line, { label: 'a', amount: 1 })).toThrow(
      /differs from the schema's output at \$: the same keys in another order/,
    );
  });

  it('catch a wrong value, a value the schema refuses, an extra undefined key, a nested difference', () => {
    const wrong = (value: unknown) => {
      const read = readLine(value);
      return read && { ...read, amount: (read.amount as number) + 1 };
    };
    expect(() => expectReaderAgrees(wrong, Line, { label: 'a', amount: 1 })).toThrow(
      /at \$\.amount: 2 where the schema has 1/,
    );
    expect(() => expectReaderAgrees(() => ({ label: 'a', amount: 1 }), Line, { label: 'a' })).toThrow(
      /which the schema refuses/,
    );
    expect(() =>
      expectReaderAgrees((v) => ({ ...(v as Obj), note: undefined }), Line, { label: 'a', amount: 1 }),
    ).toThrow(/keys \["note"\] not in the schema's output/);
    const page = { data: [{ label: 'a', amount: 1 }], next: null };
    expect(() =>
      expectReaderAgrees(() => ({ data: [{ amount: 1, label: 'a' }], next: null }), Page, page),
    ).toThrow(/at \$\.data\[0\]: the same keys in another order/);
  });

  it('expectReaderAnswers fails when the reader declines, saying whether the value was valid', () => {
    expect(() => expectReaderAnswers(() => undefined, Line, { label: 'a', amount: 1 })).toThrow(
      /declined .*a value the schema accepts/,
    );
    expect(() => expectReaderAnswers(() => undefined, Line, { label: 'a' })).toThrow(/schema refuses too/);
  });
});

describe('keyOrderShuffled', () => {
  it('keeps every value, own __proto__ keys and array order; only the key order moves', () => {
    let moved = 0;
    const withProto = JSON.parse('{"__proto__": {"x": 1}, "a": [1, 2, {"b": 1, "c": 2}], "d": null}');
    fc.assert(
      fc.property(
        fc.tuple(fc.constant(withProto), keyOrderShuffled(fc.constant(withProto))),
        ([original, shuffled]) => {
          expect(isDeepStrictEqual(shuffled, original)).toBe(true);
          expect(Object.hasOwn(shuffled, '__proto__')).toBe(true);
          expect(Object.getPrototypeOf(shuffled)).toBe(Object.prototype);
          if (treeDifference(shuffled, original) !== undefined) moved++;
        },
      ),
    );
    expect(moved).toBeGreaterThan(0);
  });

  it('shows a reader that copies the input key order', () => {
    const copying = (value: unknown) => (readLine(value) ? { ...(value as Obj) } : undefined);
    const run = fc.check(
      fc.property(keyOrderShuffled(line), (value) => {
        expectReaderAnswers(copying, Line, value);
      }),
    );
    expect(run.failed).toBe(true);
    expect(String(run.errorInstance)).toMatch(/the same keys in another order/);
  });
});
