import { isDeepStrictEqual } from 'node:util';
import { lazySchema } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectReaderAgrees,
  expectReaderAnswers,
  keyOrderShuffled,
  nearValid,
  singleChanges,
  treeDifference,
} from '../src/readers';

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

/** Freezes `value` and everything inside it, so any change in place throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const record = fc.record(
  {
    label: fc.string({ maxLength: 4 }),
    amount: fc.integer(),
    tags: fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    nested: fc.record(
      { when: fc.constant('2026-01-01T00:00:00Z'), count: fc.nat(9) },
      // structuredClone (the pristine copy below) would not keep a null prototype.
      { noNullPrototype: true },
    ),
  },
  { noNullPrototype: true },
);

describe('nearValid', () => {
  it('produces every kind of change, in 1 to 3 places, and says where', () => {
    const seen = new Map<string, number>();
    const kinds: Array<[string, RegExp]> = [
      ['remove', /^remove \$/],
      ['hole', /^leave a hole at \$.*\[\d+\]$/],
      ['add unknown name', /^add \$\.(extra|typo|unknown_key|new_field)\b/],
      ['add own __proto__', /^add \$.*\["__proto__"\] =/],
      ['add known name', /^add \$.*\.(invoiceId|currency) =/],
      ['add to an array', /^add \$.*\[\d+\] =/],
      ['hide', /^hide \$.* \(non-enumerable\)$/],
      ['hide holding undefined', /^hide \$.* \(non-enumerable\) = undefined$/],
      ['add hidden', /^add \$.* hidden =/],
      ['replace with undefined', /^replace \$.* with undefined$/],
      ['replace with NaN', /^replace \$.* with NaN$/],
      ['replace with -0', /^replace \$.* with -0$/],
      ['replace with 2^53+2', /^replace \$.* with 9007199254740994$/],
      ['replace with a long string', /^replace \$.* with "xxxxxxxx/],
      ['replace with a date spelled otherwise', /^replace \$.* with "2026-3-1"$/],
      ['replace with a known value', /^replace \$.* with "EUR"$/],
      ['nudge a number', /^nudge \$.* to -?\d/],
      ['nudge a string', /^nudge \$.* to "/],
      ['null prototype', /^give \$.* a null prototype$/],
      ['fields moved to the prototype', /^move the fields of \$/],
      ['inherit a known name', /^let \$.* inherit "/],
      ['replace the whole value', /^replace \$ with /],
    ];
    fc.assert(
      fc.property(
        nearValid(record, { knownKeys: ['invoiceId', 'currency'], knownValues: ['EUR'] }),
        (near) => {
          expect(near.changes.length).toBeGreaterThanOrEqual(1);
          expect(near.changes.length).toBeLessThanOrEqual(3);
          for (const said of near.changes)
            for (const [name, pattern] of kinds)
              if (pattern.test(said)) seen.set(name, (seen.get(name) ?? 0) + 1);
        },
      ),
      { numRuns: 4000 },
    );
    expect(kinds.map(([name]) => name).filter((name) => !seen.has(name))).toEqual([]);
  });

  it('never changes the valid value: every change lands on a copy', () => {
    fc.assert(
      fc.property(
        record.chain((valid) => {
          const pristine = structuredClone(valid);
          return fc.tuple(
            fc.constant(pristine),
            nearValid(fc.constant(deepFreeze(valid))),
            fc.constant(valid),
          );
        }),
        ([pristine, near, valid]) => {
          expect(treeDifference(valid, pristine)).toBeUndefined();
          expect(near.value).not.toBe(valid);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('adds __proto__ as an own data key (the prototype untouched) and hidden keys as non-enumerable', () => {
    let proto = 0;
    let hidden = 0;
    fc.assert(
      fc.property(nearValid(fc.constant({ a: 1 }), { maxChanges: 1 }), ({ value, changes }) => {
        if (changes[0] === 'add $["__proto__"] = 1' || changes[0]?.startsWith('add $["__proto__"] =')) {
          proto++;
          expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
          expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        }
        if (changes[0] === 'hide $.a (non-enumerable)') {
          hidden++;
          expect(Object.keys(value as object)).toEqual([]);
          expect((value as { a: number }).a).toBe(1);
        }
      }),
      { numRuns: 3000 },
    );
    expect(proto).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(0);
  });

  it('removes array elements whatever an earlier change gave the array (an own constructor, another prototype)', () => {
    // splice would build its result through list.constructor[Symbol.species] and throw on these.
    const odd = Object.assign([1, 2, 3], { constructor: 1 });
    const orphan = Object.setPrototypeOf([4, 5], null) as unknown[];
    let removed = 0;
    fc.assert(
      fc.property(nearValid(fc.constant({ odd, orphan }), { maxChanges: 3 }), ({ changes }) => {
        if (changes.some((change) => /^remove \$\.(odd|orphan)\[\d\]/.test(change))) removed++;
      }),
      { numRuns: 2000 },
    );
    expect(removed).toBeGreaterThan(0);
  });

  it('draws half the added names from `rootKeys` when given', () => {
    let fromRoot = 0;
    let added = 0;
    fc.assert(
      fc.property(nearValid(fc.constant({}), { rootKeys: ['own'], maxChanges: 1 }), ({ changes }) => {
        if (changes[0]?.startsWith('add $')) added++;
        if (changes[0]?.startsWith('add $.own')) fromRoot++;
      }),
      { numRuns: 2000 },
    );
    expect(fromRoot / added).toBeGreaterThan(0.35);
  });

  it('leaves the `unchanged` share of draws as the valid value, with no changes listed', () => {
    let unchanged = 0;
    fc.assert(
      fc.property(nearValid(fc.constant({ a: 1, b: [2] }), { unchanged: 0.5 }), ({ value, changes }) => {
        if (changes.length === 0) {
          unchanged++;
          expect(treeDifference(value, { a: 1, b: [2] })).toBeUndefined();
        }
      }),
      { numRuns: 400 },
    );
    expect(unchanged).toBeGreaterThan(100);
    expect(unchanged).toBeLessThan(300);
  });

  it('catches readers that accept a wrong type, an extra key on a strict object, or miss a hidden key', () => {
    const Strict = lazySchema((z) => z.strictObject({ label: z.string(), note: z.string().optional() }));
    const valid = fc.record({ label: fc.string(), note: fc.string() }, { requiredKeys: ['label'] });
    const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
    const read = (value: unknown, lax: 'type' | 'extra' | 'hidden'): Obj | undefined => {
      if (!isObj(value) || (lax !== 'type' && typeof value.label !== 'string')) return undefined;
      // Exact but for its one laxity: inherited fields (which zod reads) are declined, so the property
      // fails for that laxity and not for another.
      if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
      const keys = lax === 'hidden' ? Object.keys(value) : Reflect.ownKeys(value);
      if (keys.some((key) => key !== 'label' && key !== 'note') && lax !== 'extra') return undefined;
      if ('note' in value && typeof value.note !== 'string') return undefined;
      const out: Obj = { label: value.label };
      if (lax === 'hidden' ? Object.keys(value).includes('note') : Object.hasOwn(value, 'note'))
        out.note = value.note;
      return out;
    };
    for (const [lax, message] of [
      ['type', /which the schema refuses/],
      ['extra', /which the schema refuses/],
      // A hidden known key the schema reads (output differs) or a hidden required one it refuses without.
      ['hidden', /differs from the schema's output|which the schema refuses/],
    ] as const) {
      const run = fc.check(
        fc.property(nearValid(valid, { knownKeys: ['label', 'note'] }), ({ value }) => {
          expectReaderAgrees((v) => read(v, lax), Strict, value);
        }),
        { numRuns: 2000 },
      );
      expect(run.failed, lax).toBe(true);
      expect(String(run.errorInstance)).toMatch(message);
    }
  });
});

describe('singleChanges', () => {
  it('lists one change per entry at every place, without touching the value', () => {
    const value = deepFreeze({ a: 1, list: [{ b: 'x' }] });
    const all = singleChanges(value, { knownKeys: ['k'], knownValues: ['EUR'] });
    expect(all.every((near) => near.changes.length === 1)).toBe(true);
    const said = all.map((near) => near.changes[0]);
    for (const expected of [
      'remove $.a',
      'remove $.list[0]',
      'leave a hole at $.list[0]',
      'replace $.list[0].b with "EUR"',
      'nudge $.a to 2',
      'nudge $.list[0].b to "X"',
      'hide $.list[0].b (non-enumerable)',
      'add $.list[0].k = "x"',
      'add $.k hidden = "x"',
      'add $["__proto__"] = {}',
      'give $.list a null prototype',
      'move the fields of $.list[0] to its prototype',
    ])
      expect(said).toContain(expected);
    expect(value).toEqual({ a: 1, list: [{ b: 'x' }] });
  });
});
