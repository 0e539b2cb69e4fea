import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isInstant,
  isoFromEpochMs,
  normalizeInstant,
  parseInstantMs,
  readInstant,
} from '../src/dates/instant';
import { ValidationError } from '../src/errors/mapping-errors';
import { isBoundedDecimal, isBoundedDecimalText } from '../src/model/bounds';
import { instant as fastInstant } from '../src/model/fast-checks';
import { fastParseInvoice } from '../src/model/fast-invoice';
import { fastParseOrder } from '../src/model/fast-order';
import { Invoice } from '../src/model/invoice';
import { expectedLineAmount } from '../src/model/line';
import { Order } from '../src/model/order';
import { parseInvoice, parseOrder, parseWith } from '../src/model/parse';
import { isMetadataValue, MetadataValue } from '../src/model/primitives';
import { DECIMAL_PATTERN, decimalToSafeInteger, roundDecimal } from '../src/money/decimal';
import { exactLineAmount } from '../src/money/totals';
import { invoice, order, pad } from './document-arbitraries';
import * as schemaKeys from './schema-keys';

/** Every field name of every canonical object schema. */
const KNOWN_KEYS = [...new Set(Object.values(schemaKeys).flatMap((set) => [...set]))].sort();

// ---- mutations: a document made invalid (or just odd) in one place ----

type Node = Record<string, unknown> | unknown[];

/** Every object and array inside `value` (the root included). */
function nodesOf(value: unknown, out: Node[] = []): Node[] {
  if (value !== null && typeof value === 'object') {
    out.push(value as Node);
    for (const item of Object.values(value)) nodesOf(item, out);
  }
  return out;
}

const oddValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      undefined,
      null,
      1.5,
      -1,
      0,
      2 ** 53,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      'x',
      'usd',
      'USD',
      '2025-02-29T00:00:00Z',
      '2026-01-05',
      '2026-01-05T00:00:00Z',
      '1970-01-01T00:00:00.000Z',
      '-1',
      '1.5',
      '12',
      [],
      {},
      true,
      { start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      { interval: 'week', count: 0 },
      { email: 'a@b.c' },
      Object.create({ email: 'inherited@example.com' }),
      -0.5,
      32,
      'CLF',
      '2026-01-05T00:00:00+14:00',
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);

const mutation = fc.record({
  target: fc.nat(),
  key: fc.nat(),
  kind: fc.constantFrom('replace', 'add-unknown', 'delete', 'undefined', 'bump-number'),
  value: oddValue,
  // Besides typos, the field names of every schema: the readers list each object's fields in a switch, and
  // a field of another object (a line's `amount` on the invoice) must be refused there as zod refuses it.
  unknownKey: fc.constantFrom('__proto__', 'typo', 'amountt', 'constructor', ...KNOWN_KEYS),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(doc: unknown, m: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(doc));
  const nodes = nodesOf(copy);
  // Fields are picked uniformly over every (object, key) pair, so deep ones (tiers, taxes) get hit too.
  const fields = nodes.flatMap((node) => Object.keys(node).map((key) => [node, key] as const));
  const [node, key] =
    m.kind === 'add-unknown' || fields.length === 0
      ? [nodes[m.target % nodes.length] as Node, m.unknownKey]
      : (fields[m.target % fields.length] as readonly [Node, string]);
  const target = node as Record<string, unknown>;
  switch (m.kind) {
    case 'replace':
      target[key] = m.value;
      break;
    case 'add-unknown':
      Object.defineProperty(target, key, { value: m.value ?? 1, enumerable: true, writable: true });
      break;
    case 'delete':
      delete target[key];
      break;
    case 'undefined':
      target[key] = undefined;
      break;
    case 'bump-number':
      if (typeof target[key] === 'number')
        target[key] = (target[key] as number) + (m.key % 2 ? 0.5 : -1 - (target[key] as number));
      else if (typeof target[key] === 'string') target[key] = `${target[key]}0`;
      else target[key] = m.value;
      break;
  }
  return copy;
}

// ---- properties ----

/**
 * Deep equality that also demands the same own keys (so a key set to undefined is a difference) and the
 * same prototypes. Written out because matchers compare `constructor` properties, which a document may
 * carry as data (a `constructor: NaN` inside providerOptions is unequal even to itself).
 */
function sameTree(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  const keys = Reflect.ownKeys(a);
  if (keys.length !== Reflect.ownKeys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameTree((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key]),
  );
}

function expectSameAsZod(fast: unknown, schema: typeof Invoice | typeof Order, input: unknown) {
  const zod = schema.safeParse(input);
  expect(zod.success).toBe(true);
  if (!sameTree(fast, zod.data)) {
    expect(fast).toStrictEqual(zod.data); // shows the difference
    expect.fail('the fast path and zod disagree');
  }
  // Same key order too, so serialised documents are byte-identical either way.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
}

describe('fast parse path: valid documents', () => {
  it('an invoice parses to exactly what the zod schema gives', () => {
    fc.assert(
      fc.property(invoice, (doc) => {
        const fast = fastParseInvoice(doc);
        expect(fast).toBeDefined();
        expectSameAsZod(fast, Invoice, doc);
      }),
      { numRuns: 400 },
    );
  });

  it('an invoice read back from JSON (own __proto__ keys) parses the same', () => {
    fc.assert(
      fc.property(invoice, (doc) => {
        const input = JSON.parse(JSON.stringify(doc));
        const fast = fastParseInvoice(input);
        expect(fast).toBeDefined();
        expectSameAsZod(fast, Invoice, input);
      }),
      { numRuns: 200 },
    );
  });

  it('an order parses to exactly what the zod schema gives', () => {
    fc.assert(
      fc.property(order, (doc) => {
        const fast = fastParseOrder(doc);
        expect(fast).toBeDefined();
        expectSameAsZod(fast, Order, doc);
        const input = JSON.parse(JSON.stringify(doc));
        expectSameAsZod(fastParseOrder(input), Order, input);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a __proto__ metadata key as data and leaves prototypes alone', () => {
    const input = JSON.parse(
      '{"currency":"USD","customer":{"id":"c"},"lines":[{"quantity":1,"unitAmount":5,"metadata":{"__proto__":"x"}}],"metadata":{"__proto__":"polluted","constructor":"y"}}',
    );
    const fast = fastParseInvoice(input) as unknown as {
      metadata: Record<string, unknown>;
      lines: Array<{ metadata: Record<string, unknown> }>;
    };
    expect(Object.keys(fast.metadata)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(fast.metadata)).toBe(Object.prototype);
    expect(Object.hasOwn(fast.lines[0]?.metadata ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectSameAsZod(fast, Invoice, input);
  });
});

describe('fast parse path: mutated documents', () => {
  it('never accepts an invoice zod rejects, and agrees with zod when it accepts', () => {
    let fastAccepted = 0;
    fc.assert(
      fc.property(invoice, mutation, (doc, m) => {
        const input = mutate(doc, m);
        const fast = fastParseInvoice(input);
        if (fast !== undefined) {
          fastAccepted++;
          expectSameAsZod(fast, Invoice, input);
        }
      }),
      { numRuns: 2000 },
    );
    // Harmless mutations (deleting an optional key, a valid replacement) still take the fast path.
    expect(fastAccepted).toBeGreaterThan(0);
  }, 60_000);

  it('never accepts an order zod rejects, and agrees with zod when it accepts', () => {
    fc.assert(
      fc.property(order, mutation, (doc, m) => {
        const input = mutate(doc, m);
        const fast = fastParseOrder(input);
        if (fast !== undefined) expectSameAsZod(fast, Order, input);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  const base = {
    currency: 'USD',
    customer: { email: 'ada@example.com' },
    period: { start: '2026-01-01T00:00:00Z', end: '2026-01-31T00:00:00Z' },
    lines: [{ quantity: '1.5', unitAmount: 1000, amount: 1500 }],
  };
  const invalidInvoices: Array<[string, Record<string, unknown>]> = [
    ['a fractional minor amount', { ...base, total: 10.5 }],
    ['an invalid date', { ...base, issuedAt: '2025-02-29T00:00:00Z' }],
    ['a date without a zone', { ...base, issuedAt: '2026-01-05T00:00:00' }],
    ['a lower-case currency', { ...base, currency: 'usd' }],
    ['an unknown key', { ...base, memoo: 'typo' }],
    ['an unknown nested key', { ...base, customer: { email: 'a@b.c', mail: 'x' } }],
    ['a wrong line amount', { ...base, lines: [{ quantity: '1.5', unitAmount: 1000, amount: 1501 }] }],
    ['both unit prices', { ...base, lines: [{ quantity: 1, unitAmount: 1, unitAmountDecimal: '1' }] }],
    ['no unit price', { ...base, lines: [{ quantity: 1 }] }],
    ['a negative quantity', { ...base, lines: [{ quantity: '-1', unitAmount: 1 }] }],
    ['end before start', { ...base, period: { start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' } }],
    ['a customer without id, externalId or email', { ...base, customer: { name: 'Ada' } }],
    ['no lines and no total', { ...base, lines: [] }],
    ['a metadata object value', { ...base, metadata: { nested: {} } }],
    ['a lower-case country', { ...base, tax: { country: 'us' } }],
  ];
  for (const [what, input] of invalidInvoices) {
    it(`falls back to zod for ${what}, with today's issues`, () => {
      expect(fastParseInvoice(input)).toBeUndefined();
      const viaParse = issuesOrThrow(() => parseInvoice(input));
      const viaZod = issuesOrThrow(() => parseWith(Invoice, input, 'Invoice'));
      expect(viaParse).toEqual(viaZod);
    });
  }

  it('leaves a line amount beyond safe integers to zod, which refuses it naming the quantity', () => {
    const input = { ...base, lines: [{ quantity: 2 ** 52, unitAmount: 4, amount: 1 }] };
    expect(fastParseInvoice(input)).toBeUndefined();
    // Formerly the refinement's RangeError escaped the schema; issue #14 item 4: a ValidationError naming the field.
    const { issues } = issuesOrThrow(() => parseInvoice(input));
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'lines[0].quantity',
        message: expect.stringMatching(/safe-integer range/),
      }),
    );
  });

  it('leaves lines each surely safe but together past 2^52 (line and invoice taxes counted) to zod', () => {
    const line = { quantity: 1, unitAmount: 2 ** 51 };
    const taxed = { ...line, tax: { amount: 2 ** 51 } };
    for (const input of [
      { ...base, lines: [line, line, line] },
      { ...base, lines: [line, line, line, line, line] },
      { ...base, lines: [taxed, line] },
      { ...base, lines: [line, line], tax: { amount: -(2 ** 51) } },
    ]) {
      expect(fastParseInvoice(input)).toBeUndefined();
      const zod = Invoice.safeParse(input);
      if (zod.success) expect(parseInvoice(input)).toStrictEqual(zod.data);
      else
        expect(issuesOrThrow(() => parseInvoice(input))).toEqual(
          issuesOrThrow(() => parseWith(Invoice, input, 'Invoice')),
        );
    }
    // Just under the bound, the fast path answers (the magnitude is summed afresh for each document).
    const under = { ...base, lines: [line, { quantity: 1, unitAmount: 2 ** 50 }] };
    expect(fastParseInvoice(under)).toBeDefined();
    expectSameAsZod(fastParseInvoice(under), Invoice, under);
  });

  it('leaves a key set to undefined to zod, which keeps it', () => {
    const input = { ...base, memo: undefined };
    expect(fastParseInvoice(input)).toBeUndefined();
    expect(parseInvoice(input)).toStrictEqual(Invoice.parse(input));
    expect(Object.hasOwn(parseInvoice(input), 'memo')).toBe(true);
  });

  it('falls back to zod for an order with endAt before startAt or a line without charges', () => {
    const order = {
      currency: 'EUR',
      customer: { id: 'cus_1' },
      lines: [{ product: { id: 'p' }, charges: [{ name: 'Base', type: 'recurring', unitAmount: 100 }] }],
    };
    expect(fastParseOrder(order)).toBeDefined();
    for (const bad of [
      { ...order, startAt: '2026-02-01T00:00:00Z', endAt: '2026-01-01T00:00:00Z' },
      { ...order, lines: [{ product: { id: 'p' }, charges: [] }] },
      { ...order, billingAnchorDay: 32 },
      {
        ...order,
        lines: [
          {
            product: { id: 'p' },
            charges: [{ name: 'x', type: 'seat', unitAmount: 1, unitAmountDecimal: '1' }],
          },
        ],
      },
    ]) {
      expect(fastParseOrder(bad)).toBeUndefined();
      expect(issuesOrThrow(() => parseOrder(bad))).toEqual(
        issuesOrThrow(() => parseWith(Order, bad, 'Order')),
      );
    }
  });
});

describe('rules shared by the schema and the fast path', () => {
  it('isoFromEpochMs is toISOString from 1970 to 9999', () => {
    const max = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    for (const ms of [
      0,
      1,
      999,
      86_399_999,
      86_400_000,
      Date.UTC(2000, 1, 29),
      Date.UTC(2100, 2, 1) - 1,
      max,
    ]) {
      expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max }), (ms) => {
        expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('the fast instant reader normalises exactly as the Instant schema, years 0000-9999 and any offset', () => {
    const spelled = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('', ':07', ':59.5', ':00.123', ':01.999999'),
        fc.constantFrom('Z', 'z', '+00:00', '-23:59', '+14:00', '+0530', '-0100'),
      )
      .map(
        ([y, mo, d, h, mi, rest, zone]) =>
          `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${rest}${zone}`,
      );
    fc.assert(
      fc.property(spelled, (value) => {
        expect(fastInstant(value)).toBe(isInstant(value) ? normalizeInstant(value) : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('an instant already normalised is read by its characters exactly as the general reader reads it', () => {
    // Strings of the normalised shape with any digits (out-of-range fields, 29 February of any year) and,
    // now and then, one character replaced: the answer must be the general path's (regex, then Date).
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const shaped = fc
      .tuple(
        fc.oneof(
          digits(4),
          fc.integer({ min: 0, max: 9999 }).map((y) => pad(y, 4)),
        ),
        fc.oneof(
          digits(2),
          fc.integer({ min: 1, max: 12 }).map((m) => pad(m)),
        ),
        fc.oneof(
          digits(2),
          fc.integer({ min: 28, max: 31 }).map((d) => pad(d)),
        ),
        digits(2),
        digits(2),
        digits(2),
        digits(3),
        fc.option(fc.tuple(fc.nat({ max: 23 }), fc.constantFrom('x', '-', ':', 'z', 't', '٣', ' ', '.')), {
          nil: undefined,
        }),
      )
      .map(([y, mo, d, h, mi, s, ms, swap]) => {
        const text = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
        return swap ? `${text.slice(0, swap[0])}${swap[1]}${text.slice(swap[0] + 1)}` : text;
      });
    fc.assert(
      fc.property(shaped, (value) => {
        const ms = parseInstantMs(value);
        const expected = ms === undefined ? undefined : new Date(ms).toISOString();
        expect(readInstant(value)).toBe(expected);
        expect(readInstant(`${value} `)).toBeUndefined();
      }),
      { numRuns: 4000 },
    );
  });

  it('isBoundedDecimal is DECIMAL_PATTERN and isBoundedDecimalText together', () => {
    const decimalish = fc.oneof(
      fc.stringMatching(/^-?[0-9]{0,20}(\.[0-9]{0,6})?$/),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '.', 'e', ' ', '٣', '+'), maxLength: 70 }),
      fc.constantFrom(
        '9007199254740991',
        '9007199254740992',
        '-09007199254740991.5',
        '0'.repeat(64),
        '0'.repeat(65),
        '1.',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(decimalish, (value) => {
        expect(isBoundedDecimal(value)).toBe(DECIMAL_PATTERN.test(value) && isBoundedDecimalText(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('isMetadataValue is exactly the MetadataValue schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.double()), (value) => {
        expect(isMetadataValue(value)).toBe(MetadataValue.safeParse(value).success);
      }),
    );
  });

  it('expectedLineAmount takes an exact shortcut for whole numbers that matches the decimal computation', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger()),
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat()),
        (quantity, unitAmount) => {
          let exact: number | 'range';
          try {
            exact = decimalToSafeInteger(roundDecimal(exactLineAmount({ quantity, unitAmount }), 0));
          } catch {
            exact = 'range';
          }
          let fast: number | 'range';
          try {
            fast = expectedLineAmount({ quantity, unitAmount });
          } catch {
            fast = 'range';
          }
          expect(fast).toBe(exact);
        },
      ),
    );
  });
});

/** The ValidationError's message and issues, which must read exactly as they did before the fast path. */
function issuesOrThrow(fn: () => unknown): { message: string; issues: unknown } {
  try {
    fn();
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return { message: (error as ValidationError).message, issues: (error as ValidationError).issues };
  }
  throw new Error('expected the parse to fail');
}
