/**
 * The context-free whole-amount path of every convention kind (`wholeToProvider`, `wholeFromProvider`,
 * which `toProvider`/`fromProvider` take first) held to the exact BigInt path below it: whenever the
 * shortcut answers, the exact path answers the same value (Object.is: 0, never -0) with no warning, with
 * or without a collector, whole or fractional; and the conventions as a whole answer exactly what the
 * exact path answers, errors (class, path, message) and warnings (in order) included. Adapters use the
 * shortcut instead of keeping their own; this is the one test that holds it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AmountPrecisionError,
  CURRENCY_CODES,
  isoMinorUnits,
  majorUnits,
  minorUnitExponent,
  STRIPE_ZERO_DECIMAL_CURRENCIES,
  stripeMinorUnits,
  WarningCollector,
} from '../src/index';
import { type AmountConvention, exactPathOf } from '../src/money/conventions';

/** Account rounding both coarser and finer than ISO 4217, and undefined (ISO's) for the rest. */
const ROUNDING: Readonly<Record<string, number>> = { USD: 0, KWD: 2, JPY: 2, CLF: 6, BHD: 8 };
const rounding = (currency: string) => ROUNDING[currency];

const CONVENTIONS: Record<string, AmountConvention> = {
  'iso-minor': isoMinorUnits,
  'stripe-minor, Stripe list': stripeMinorUnits(STRIPE_ZERO_DECIMAL_CURRENCIES),
  'stripe-minor, a list with ISO 0/2/3/4-decimal codes': stripeMinorUnits(['ISK', 'MGA', 'KWD', 'CLF']),
  'major-units, number': majorUnits(),
  'major-units, decimal-string': majorUnits({ encoding: 'decimal-string' }),
  'major-units, number, account rounding': majorUnits({ rounding }),
  'major-units, decimal-string, account rounding': majorUnits({ encoding: 'decimal-string', rounding }),
};

/** Every ISO digit class equally often, and codes ISO does not list. */
const byDigits = (d: number) => CURRENCY_CODES.filter((c) => minorUnitExponent(c) === d);
const currency = fc.oneof(
  fc.constantFrom(...byDigits(0)),
  fc.constantFrom(...byDigits(2)),
  fc.constantFrom(...byDigits(3)),
  fc.constantFrom(...byDigits(4)),
  fc.constantFrom('USD', 'ISK', 'MGA', 'KWD', 'CLF', 'JPY', 'BHD'),
  fc.constantFrom('XXX', 'usd', '', 'US'),
);

const whole = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.integer({ min: -1e15, max: 1e15 }).map((n) => n * 10),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 999_999_999_999_999, 1e15, -1e15, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, -(2 ** 53)),
  fc.constantFrom(2 ** 53 + 2, 1e21, -1e21, 1e300),
);
const wholeText = fc.oneof(
  whole.map((n) => (Object.is(n, -0) ? '-0' : Number.isSafeInteger(n) ? String(n) : BigInt(n).toString())),
  fc.constantFrom('9007199254740993', '-9007199254740993', '123456789012345', '1234567890123456', '007'),
);
/** Decimal values around whole ones: major-unit numbers and texts, finer fractions, malformed text. */
const decimal = fc.oneof(
  fc
    .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
    .map(([n, k]) => n / 10 ** k),
  fc
    .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), fc.nat(3))
    .map(([n, k, zeros]) => `${(n / 10 ** k).toFixed(k)}${k > 0 ? '0'.repeat(zeros) : ''}`),
  fc.double(),
  fc.constantFrom(0.5, 1.005, 19.99, -0.05, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.constantFrom('1999.0', '0.04', '12.5', '-3.25', '-0.00', '19.990', '0.001', '1e3', 'x', '', ' 1', '+1'),
);
const amount = fc.oneof(whole, wholeText, decimal);

interface Mode {
  warnings: boolean;
  whole: boolean;
}
const MODES: readonly Mode[] = [
  { warnings: false, whole: true },
  { warnings: true, whole: true },
  { warnings: false, whole: false },
  { warnings: true, whole: false },
];

type Outcome = { value: unknown; warnings: unknown[] } | { error: string; path?: string; message: string };

/** One call in one mode: its value and warnings in order, or its error's class, path and message. */
function outcome(
  run: AmountConvention['toProvider'],
  value: number | string,
  code: string,
  mode: Mode,
): Outcome {
  const collector = mode.warnings ? new WarningCollector('test') : undefined;
  const context = { provider: 'test', path: 'lines[3].unitAmount', whole: mode.whole };
  try {
    const result = run(value, code, collector ? { ...context, warnings: collector } : context);
    return { value: result, warnings: collector ? collector.finish(false) : [] };
  } catch (error) {
    const e = error as Error;
    return AmountPrecisionError.isInstance(error)
      ? { error: e.name, path: error.path, message: e.message }
      : { error: e.name, message: e.message };
  }
}

/** Equal outcomes, numbers compared with Object.is so a -0 cannot hide. */
function expectSame(got: Outcome, want: Outcome): void {
  expect(got).toStrictEqual(want);
  if ('value' in got && 'value' in want) expect(Object.is(got.value, want.value)).toBe(true);
}

/**
 * For one direction: the shortcut, when it answers, is what the exact path answers in every mode, without
 * a warning; and the convention answers what the exact path answers, whatever the value.
 */
function holdsToExactPath(
  shortcut: (value: number | string, code: string) => number | string | undefined,
  full: AmountConvention['toProvider'],
  exact: AmountConvention['toProvider'],
  value: number | string,
  code: string,
): boolean {
  const fast = shortcut(value, code);
  for (const mode of MODES) {
    const slow = outcome(exact, value, code, mode);
    expectSame(outcome(full, value, code, mode), slow);
    if (fast !== undefined) expectSame({ value: fast, warnings: [] }, slow);
  }
  return fast !== undefined;
}

describe('whole amounts without a context: the same as the exact path, for every convention kind', () => {
  for (const [name, convention] of Object.entries(CONVENTIONS)) {
    const exact = exactPathOf(convention);
    if (!exact) throw new Error(`${name} has no exact path`);

    const directions = [
      ['toProvider', convention.wholeToProvider, convention.toProvider, exact.toProvider],
      ['fromProvider', convention.wholeFromProvider, convention.fromProvider, exact.fromProvider],
    ] as const;
    for (const [direction, shortcut, full, exactPath] of directions) {
      it(`${name}: ${direction}`, () => {
        let answered = 0;
        fc.assert(
          fc.property(amount, currency, (value, code) => {
            if (holdsToExactPath(shortcut, full, exactPath, value, code)) answered++;
          }),
          { numRuns: 1500 },
        );
        expect(answered).toBeGreaterThan(150);
      });
    }
  }
});

describe('whole amounts without a context: the common cases answer (so the shortcut is really taken)', () => {
  const stripe = CONVENTIONS['stripe-minor, Stripe list'] as AmountConvention;
  const rounded = CONVENTIONS['major-units, decimal-string, account rounding'] as AmountConvention;
  it.each([
    ['iso-minor USD', isoMinorUnits, 1999, 'USD', 1999],
    ['iso-minor, -0 is 0', isoMinorUnits, -0, 'USD', 0],
    ['stripe ISK (ISO 0, Stripe 2)', stripe, 1500, 'ISK', 150000],
    ['stripe MGA (ISO 2, Stripe 0), a whole ariary', stripe, 1000, 'MGA', 10],
    ['stripe KWD (ISO 3, Stripe 2), whole hundredths', stripe, 1230, 'KWD', 123],
    ['major number USD', majorUnits(), 1999, 'USD', 19.99],
    ['major number CLF (4 decimals)', majorUnits(), 12345, 'CLF', 1.2345],
    ['major text KWD', majorUnits({ encoding: 'decimal-string' }), -5, 'KWD', '-0.005'],
    ['major text, USD rounded to whole dollars', rounded, 1900, 'USD', '19'],
  ] as const)('toProvider, %s', (_, convention, minor, code, expected) => {
    expect(Object.is(convention.wholeToProvider(minor, code), expected)).toBe(true);
  });

  it.each([
    ['stripe ISK', stripe, 150000, 'ISK', 1500],
    ['stripe MGA', stripe, 10, 'MGA', 1000],
    ['major number', majorUnits(), 19.99, 'USD', 1999],
    ['major text with trailing zeros', majorUnits(), '19.990', 'USD', 1999],
    ['major text -0.00', majorUnits(), '-0.00', 'USD', 0],
  ] as const)('fromProvider, %s', (_, convention, value, code, expected) => {
    expect(Object.is(convention.wholeFromProvider(value, code), expected)).toBe(true);
  });

  it('declines what needs a context: a fraction of the unit, past 2^53, an unknown code', () => {
    expect(stripe.wholeToProvider(1234, 'KWD')).toBeUndefined();
    expect(isoMinorUnits.wholeToProvider('0.04', 'USD')).toBeUndefined();
    expect(isoMinorUnits.wholeToProvider(2 ** 53, 'USD')).toBeUndefined();
    expect(majorUnits().wholeToProvider(1e15, 'USD')).toBeUndefined();
    expect(rounded.wholeToProvider(1999, 'USD')).toBeUndefined();
    expect(stripe.wholeFromProvider(5, 'KWD')).toBe(50);
    expect(stripe.wholeFromProvider(5, 'MGA')).toBe(500);
    expect(stripe.wholeFromProvider(150001, 'ISK')).toBeUndefined();
    expect(majorUnits().wholeFromProvider(0.001, 'USD')).toBeUndefined();
    expect(isoMinorUnits.wholeToProvider(1, 'XXX')).toBeUndefined();
    expect(stripe.wholeFromProvider(1, 'usd')).toBeUndefined();
  });
});
