/**
 * The money hot paths (safe-integer shortcuts in decimal.ts and totals.ts) must give exactly what the
 * BigInt path gives: the same number (0, not -0), or the same error. The conventions' whole-amount path
 * is held to their exact path in whole-amounts.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_CODES,
  computeTotals,
  decimalFromNumber,
  lineAmount,
  majorUnits,
  sumMinor,
  WarningCollector,
} from '../src/index';
import { exactTotals } from '../src/money/totals';

const currency = fc.constantFrom(...CURRENCY_CODES);
/** Small, ordinary and edge-of-safe integers, both signs. */
const integer = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.integer({ min: -1_000_000_000_000_000, max: 1_000_000_000_000_000 }),
  fc.constantFrom(0, -0, 999_999_999_999_999, 1e15, -1e15, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  fc.maxSafeInteger(),
);

type Outcome = { value: unknown; warnings?: unknown } | { error: string; message: string };

function outcome(
  run: (context: { provider: string; path: string; warnings?: WarningCollector; whole?: boolean }) => unknown,
  mode: 'refuse' | 'warn' | 'fractional',
): Outcome {
  const warnings = mode === 'warn' ? new WarningCollector('test') : undefined;
  const context = {
    provider: 'test',
    path: 'lines[0].unitAmount',
    ...(warnings ? { warnings } : {}),
    ...(mode === 'fractional' ? { whole: false } : {}),
  };
  try {
    const value = run(context);
    return warnings ? { value, warnings: warnings.finish(false) } : { value };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

/**
 * Same outcome, and numbers compared with Object.is so a -0 cannot hide. Messages that quote the
 * provider's value quote it as written, so the slow side's spelling is put back to the fast side's.
 */
function expectSame(fast: Outcome, slow: Outcome, spelling?: [string, string]): void {
  if (spelling) {
    const respelled = JSON.parse(JSON.stringify(slow).replaceAll(spelling[0], spelling[1])) as Outcome;
    slow = 'value' in slow && 'value' in respelled ? { ...respelled, value: slow.value } : respelled;
  }
  expect(fast).toEqual(slow);
  if ('value' in fast && 'value' in slow) expect(Object.is(fast.value, slow.value)).toBe(true);
}

const mode = fc.constantFrom('refuse' as const, 'warn' as const, 'fractional' as const);
const conventions = {
  majorNumber: majorUnits(),
  majorRounded: majorUnits({ rounding: (c) => (c === 'USD' ? 0 : c === 'JPY' ? 2 : undefined) }),
};

describe('amount conventions: a JSON number reads as the decimal it prints as', () => {
  it('majorUnits: fromProvider of a fractional JSON number reads the decimal it prints as', () => {
    fc.assert(
      fc.property(currency, integer, fc.integer({ min: 0, max: 6 }), mode, (code, digits, places, m) => {
        const value = digits / 10 ** places;
        const text = String(value);
        fc.pre(!text.includes('e'));
        for (const convention of [conventions.majorNumber, conventions.majorRounded]) {
          expectSame(
            outcome((ctx) => convention.fromProvider(value, code, ctx), m),
            outcome((ctx) => convention.fromProvider(text.includes('.') ? text : `${text}.0`, code, ctx), m),
            [`${text}.0 `, `${text} `],
          );
        }
      }),
      { numRuns: 600 },
    );
  });

  it('decimalFromNumber: a safe integer is its own decimal, -0 included', () => {
    fc.assert(
      fc.property(integer, (n) => {
        expect(decimalFromNumber(n)).toEqual({ coefficient: BigInt(n), scale: 0 });
      }),
    );
  });
});

describe('totals: plain arithmetic only while it is exact', () => {
  const reference = (values: bigint[]): number | 'AmountRangeError' => {
    const sum = values.reduce((a, b) => a + b, 0n);
    return sum > BigInt(Number.MAX_SAFE_INTEGER) || sum < BigInt(Number.MIN_SAFE_INTEGER)
      ? 'AmountRangeError'
      : Number(sum);
  };
  const run = (f: () => number): number | string => {
    try {
      return f();
    } catch (error) {
      return (error as Error).name;
    }
  };

  it('sumMinor is the exact BigInt sum, or the same AmountRangeError', () => {
    fc.assert(
      fc.property(fc.array(integer, { maxLength: 8 }), (amounts) => {
        const got = run(() => sumMinor(amounts));
        expect(got).toBe(reference(amounts.map((a) => BigInt(a))));
        expect(Object.is(got, -0)).toBe(false);
      }),
    );
  });

  it('sumMinor refuses a fraction even when the fractions add up to a whole number', () => {
    expect(() => sumMinor([1.5, 1.5])).toThrow(RangeError);
    expect(() => sumMinor([0.5, 2])).toThrow(RangeError);
  });

  it('lineAmount of whole quantity × whole price is the exact product, or the same AmountRangeError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), integer, (quantity, unitAmount) => {
        const got = run(() => lineAmount({ quantity, unitAmount }));
        expect(got).toBe(reference([BigInt(quantity) * BigInt(unitAmount)]));
        expect(Object.is(got, -0)).toBe(false);
        // The same line with the quantity as text takes the BigInt path.
        expect(got).toBe(run(() => lineAmount({ quantity: String(quantity), unitAmount })));
      }),
    );
  });

  it('computeTotals in one pass is the exact definition: same totals, or the same error', () => {
    const tax = fc.option(
      fc.record(
        { amount: fc.oneof(integer, fc.constantFrom(0.5, Number.NaN)), inclusive: fc.boolean() },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    );
    const line = fc.record(
      {
        quantity: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('1.5', '2', 0.5, 2 ** 53)),
        unitAmount: integer,
        unitAmountDecimal: fc.constantFrom('0.25', '1999.5', '7'),
        amount: integer,
        tax,
      },
      { requiredKeys: ['quantity'] },
    );
    const doc = fc.record(
      { lines: fc.array(line, { maxLength: 5 }), tax, total: integer },
      { requiredKeys: ['lines'] },
    );
    const outcome = (f: () => unknown) => {
      try {
        return { value: f() };
      } catch (error) {
        return { error: (error as Error).name, message: (error as Error).message };
      }
    };
    fc.assert(
      fc.property(doc, (d) => {
        fc.pre(d.lines.length > 0); // no lines: the document's own total stands, nothing is summed
        const got = outcome(() => computeTotals(d));
        expect(got).toStrictEqual(outcome(() => exactTotals(d)));
        if ('value' in got)
          for (const v of Object.values(got.value as object)) expect(Object.is(v, -0)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('computeTotals keeps its results with exclusive and inclusive taxes', () => {
    const totals = computeTotals({
      lines: [
        { quantity: 3, unitAmount: 1999, tax: { amount: 120 } },
        { quantity: '1.5', unitAmount: 1001, tax: { amount: 50, inclusive: true } },
        { quantity: 2, unitAmountDecimal: '0.25' },
      ],
      tax: { amount: 7 },
    });
    // 5997 + 1501.5 → 1502 (half away from zero) + 0.5 → 1 = 7500; tax 120 + 7.
    expect(totals).toEqual({ subtotal: 7500, tax: 127, total: 7627 });
  });
});
