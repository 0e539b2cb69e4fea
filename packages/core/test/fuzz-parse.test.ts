/**
 * Issue #14 item 4: parseInvoice / parseOrder / parseDocument are total. For any JSON value (random, or a
 * valid document with one part replaced by something hostile) they return a document or throw a
 * billbridge error; never a RangeError, a stack overflow or a message quoting a large part of the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillbridgeError } from '../src/errors/billbridge-error';
import { ValidationError } from '../src/errors/mapping-errors';
import { MAX_DEPTH } from '../src/model/bounds';
import { Invoice } from '../src/model/invoice';
import { parseDocument, parseInvoice, parseOrder, parseWith } from '../src/model/parse';

const PARSERS = { parseInvoice, parseOrder, parseDocument } as const;

/** A message may list up to 20 issues of at most ~300 characters each, plus paths: nothing near the input's size. */
const MAX_MESSAGE = 20 * 450 + 200;
/** A marker long enough that quoting it whole would be obvious. */
const LONG = `long-${'x'.repeat(5000)}`;

function nest(depth: number, leaf: unknown = 1, asArray = true): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** Runs a parser; a throw that is not a billbridge error, or a message too large or quoting LONG, fails. */
function expectTotal(parse: (input: unknown) => unknown, input: unknown): unknown {
  try {
    return parse(input);
  } catch (error) {
    if (!BillbridgeError.isInstance(error)) {
      throw new Error(`not a billbridge error: ${String(error)}`.slice(0, 500));
    }
    const message = (error as Error).message;
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(message).not.toContain(LONG);
    expect(message).not.toContain('x'.repeat(200));
    return error;
  }
}

// ---- valid documents to mutate ----

const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const line = fc.record(
  {
    description: fc.string({ maxLength: 10 }),
    quantity: fc.oneof(fc.nat({ max: 1000 }), fc.constantFrom('1.5', '2', '0.25')),
    unitAmount: fc.integer({ min: 0, max: 1_000_000 }),
    kind: fc.constantFrom('one_time', 'recurring', 'usage'),
    metadata: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
    tax: fc.record({ amount: fc.nat({ max: 1000 }), ratePercent: fc.constantFrom('20', '7.5') }),
  },
  { requiredKeys: ['quantity', 'unitAmount'] },
);
const customer = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  email: fc.constant('a@example.com'),
});
const validInvoice = fc.record(
  {
    currency: fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'),
    customer,
    lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    issuedAt: instant,
    memo: fc.string({ maxLength: 20 }),
    metadata: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
    providerOptions: fc.constant({ paid: { note: 'x' } }),
  },
  { requiredKeys: ['currency', 'customer', 'lines'] },
);
const charge = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 8 }),
    type: fc.constantFrom('one_time', 'recurring', 'usage', 'seat'),
    quantity: fc.nat({ max: 100 }),
    unitAmount: fc.integer({ min: 0, max: 100_000 }),
    tiers: fc.array(fc.record({ upTo: fc.nat({ max: 100 }), unitAmountDecimal: fc.constant('0.5') }), {
      maxLength: 2,
    }),
  },
  { requiredKeys: ['name', 'type'] },
);
const validOrder = fc.record(
  {
    currency: fc.constantFrom('USD', 'JPY', 'EUR'),
    customer,
    name: fc.string({ maxLength: 10 }),
    startAt: instant,
    termCount: fc.integer({ min: 1, max: 24 }),
    lines: fc.array(
      fc.record({
        product: fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }) }),
        charges: fc.array(charge, { minLength: 1, maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { requiredKeys: ['currency', 'customer', 'lines'] },
);

/** Values that broke or could break a parser: past 2^53, past doubles, deep, long, wrongly typed. */
const hostile = fc.oneof(
  fc.constantFrom<unknown>(
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e308,
    5e-324,
    -0,
    0.1,
    '9007199254740993',
    '99999999999999999999999999999999',
    `${'9'.repeat(400)}.5`,
    `0.${'1'.repeat(400)}`,
    '-1',
    '1e5',
    '',
    LONG,
    null,
    true,
    [],
    {},
    { __proto__: 1 },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.integer({ min: 10, max: 12_000 }).map((depth) => nest(depth)),
  fc.integer({ min: 10, max: 12_000 }).map((depth) => nest(depth, 'leaf', false)),
  fc.jsonValue(),
  fc.double(),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }).map((n) => Number(n)),
);

type Json = Record<string | number, unknown> | unknown[];

/** Every path to a value inside `doc` (objects and arrays), the root excluded. */
function pathsOf(doc: unknown): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: doc, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      out.push(at);
      stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return out;
}

/** A deep copy (through JSON, as a document arrives) with the value at `path` replaced, deleted, or joined by a key. */
function mutate(doc: unknown, pick: number, action: 'replace' | 'delete' | 'add', value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(doc));
  const paths = pathsOf(copy);
  if (paths.length === 0) return value;
  const path = paths[pick % paths.length]!;
  let parent = copy as Json;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key] as Json;
  const last = path[path.length - 1]!;
  const target = parent as Record<string | number, unknown>;
  if (action === 'delete') delete target[last];
  else if (action === 'add' && target[last] !== null && typeof target[last] === 'object') {
    (target[last] as Record<string, unknown>)[LONG] = value;
  } else target[last] = value;
  return copy;
}

const mutated = (valid: fc.Arbitrary<unknown>) =>
  fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom('replace', 'replace', 'delete', 'add') as fc.Arbitrary<'replace' | 'delete' | 'add'>,
      hostile,
    )
    .map(([doc, pick, action, value]) => mutate(doc, pick, action, value));

describe('parsers are total on any JSON value (issue #14 item 4)', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name}: random JSON values yield a document or a billbridge error`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.jsonValue({ maxDepth: 8 }), hostile), (input) => {
          expectTotal(parse, input);
        }),
        { numRuns: 400 },
      );
    });

    it(`${name}: mutated valid invoices and orders yield a document or a billbridge error`, () => {
      fc.assert(
        fc.property(fc.oneof(mutated(validInvoice), mutated(validOrder)), (input) => {
          expectTotal(parse, input);
        }),
        { numRuns: 600 },
      );
    });
  }

  it('the unmutated documents parse (so the mutations start from valid input)', () => {
    fc.assert(
      fc.property(validInvoice, validOrder, (invoice, order) => {
        expect(parseInvoice(invoice).currency).toBe(invoice.currency);
        expect(parseOrder(order).currency).toBe(order.currency);
        expect(parseDocument(order).kind).toBe('order');
      }),
      { numRuns: 100 },
    );
  });
});

describe('10,000-deep nesting is a ValidationError, not a stack overflow', () => {
  const base = { currency: 'USD', customer: { id: 'c1' }, lines: [{ quantity: 1, unitAmount: 100 }] };
  const places: Array<[string, (deep: unknown) => unknown]> = [
    ['the whole input', (deep) => deep],
    ['currency', (deep) => ({ ...base, currency: deep })],
    ['a line', (deep) => ({ ...base, lines: [deep] })],
    ['a metadata value', (deep) => ({ ...base, metadata: { k: deep } })],
    ['a providerOptions value', (deep) => ({ ...base, providerOptions: { paid: { k: deep } } })],
    ['an unknown key', (deep) => ({ ...base, extra: deep })],
  ];
  for (const [where, build] of places) {
    for (const asArray of [true, false]) {
      it(`in ${where} (${asArray ? 'arrays' : 'objects'})`, () => {
        const input = build(nest(10_000, 1, asArray));
        for (const parse of Object.values(PARSERS)) {
          const error = expectTotal(parse, input);
          expect(ValidationError.isInstance(error), String(error)).toBe(true);
        }
      });
    }
  }

  it(`accepts providerOptions nested up to the limit (${MAX_DEPTH}) and names where it went too deep`, () => {
    const ok = { ...base, providerOptions: { paid: { k: nest(MAX_DEPTH - 4, 1, false) } } };
    expect(parseInvoice(ok).providerOptions).toEqual(ok.providerOptions);
    const tooDeep = { ...base, providerOptions: { paid: { k: nest(MAX_DEPTH, 1, false) } } };
    const error = expectTotal(parseInvoice, tooDeep) as ValidationError;
    expect(error.issues[0]).toMatchObject({ code: 'too_deep', path: 'providerOptions.paid.k.a.a.a' });
  });

  it('parseWith (the adapters’ wire parser) refuses deep input the same way', () => {
    const error = expectTotal((input) => parseWith(Invoice, input, 'Paid order'), { lines: nest(10_000) });
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Paid order is invalid/);
  });
});

describe('amounts, quantities and their products past 2^53 are refused, naming the field', () => {
  const base = { currency: 'USD', customer: { id: 'c1' } };
  const cases: Array<[string, unknown, string]> = [
    [
      'a unit amount past 2^53',
      { ...base, lines: [{ quantity: 1, unitAmount: 2 ** 53 + 2 }] },
      'lines[0].unitAmount',
    ],
    [
      'an amount past 2^53',
      { ...base, lines: [{ quantity: 1, unitAmount: 1, amount: 2 ** 60 }] },
      'lines[0].amount',
    ],
    ['a total past 2^53', { ...base, lines: [], total: 1e300 }, 'total'],
    [
      'a tax amount past 2^53',
      { ...base, lines: [{ quantity: 1, unitAmount: 1 }], tax: { amount: -(2 ** 54) } },
      'tax.amount',
    ],
    [
      'a numeric quantity past 2^53',
      { ...base, lines: [{ quantity: 2 ** 53 + 2, unitAmount: 1 }] },
      'lines[0].quantity',
    ],
    [
      'a decimal quantity past 2^53',
      { ...base, lines: [{ quantity: '9007199254740993', unitAmount: 1 }] },
      'lines[0].quantity',
    ],
    [
      'a 400-digit unit price',
      { ...base, lines: [{ quantity: 1, unitAmountDecimal: '9'.repeat(400) }] },
      'lines[0].unitAmountDecimal',
    ],
    [
      'quantity × unit price past 2^53',
      { ...base, lines: [{ quantity: 2 ** 30, unitAmount: 2 ** 30 }] },
      'lines[0].quantity',
    ],
    [
      'a decimal product past 2^53',
      { ...base, lines: [{ quantity: '4503599627370496.5', unitAmountDecimal: '4' }] },
      'lines[0].quantity',
    ],
    [
      'lines adding up past 2^53',
      {
        ...base,
        lines: [
          { quantity: 1, unitAmount: 2 ** 52 },
          { quantity: 1, unitAmount: 2 ** 52 },
        ],
      },
      'lines',
    ],
  ];
  for (const [what, input, path] of cases) {
    it(`${what} → ValidationError at ${path}`, () => {
      const error = expectTotal(parseInvoice, input);
      expect(ValidationError.isInstance(error), String(error)).toBe(true);
      const issues = (error as ValidationError).issues;
      expect(issues.map((i) => i.path)).toContain(path);
      expect((error as Error).message).toContain(path);
    });
  }

  const orderBase = { currency: 'USD', customer: { id: 'c1' } };
  it('an order charge whose quantity × unit price passes 2^53 → ValidationError at the charge quantity', () => {
    const input = {
      ...orderBase,
      lines: [
        {
          product: { id: 'p' },
          charges: [{ name: 'c', type: 'seat', quantity: 2 ** 40, unitAmount: 2 ** 20 }],
        },
      ],
    };
    const error = expectTotal(parseOrder, input) as ValidationError;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.issues.map((i) => i.path)).toContain('lines[0].charges[0].quantity');
  });

  it('a tier upTo past 2^53 → ValidationError at the tier', () => {
    const input = {
      ...orderBase,
      lines: [{ product: { id: 'p' }, charges: [{ name: 'c', type: 'usage', tiers: [{ upTo: 2 ** 60 }] }] }],
    };
    const error = expectTotal(parseOrder, input) as ValidationError;
    expect(error.issues.map((i) => i.path)).toContain('lines[0].charges[0].tiers[0].upTo');
  });

  it('the largest safe amounts still parse', () => {
    const doc = { ...base, lines: [{ quantity: 1, unitAmount: Number.MAX_SAFE_INTEGER }] };
    expect(parseInvoice(doc).lines[0]!.unitAmount).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('messages quote only a bounded excerpt of the input', () => {
  const base = { customer: { id: 'c1' }, lines: [{ quantity: 1, unitAmount: 1 }] };
  it('a huge currency string is cut', () => {
    const error = expectTotal(parseInvoice, { ...base, currency: LONG }) as ValidationError;
    expect(error.message).toMatch(/Unknown currency "long-x+…" \(5005 characters\)/);
  });

  it('many unknown keys are counted, not all listed', () => {
    const extra = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`${LONG}${i}`, i]));
    const error = expectTotal(parseInvoice, { ...base, currency: 'USD', ...extra }) as ValidationError;
    expect(error.message).toMatch(/and 995 more/);
  });

  it('thousands of bad lines list the first twenty issues and keep all of them in .issues', () => {
    const lines = Array.from({ length: 5000 }, () => ({ quantity: -1, unitAmount: 1 }));
    const error = expectTotal(parseInvoice, { ...base, currency: 'USD', lines }) as ValidationError;
    expect(error.issues.length).toBeGreaterThanOrEqual(5000);
    expect(error.message).toMatch(/… and \d+ more \(see \.issues\)/);
  });
});
