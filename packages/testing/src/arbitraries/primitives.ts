import { CURRENCY_CODES, type Metadata, TAX_TYPES } from '@billbridge/core';
import fc from 'fast-check';
import type { DatePrecision } from './fields';

/** Unicode text of whole graphemes (no lone surrogates), never empty. */
export const textArbitrary = (maxLength = 30): fc.Arbitrary<string> =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength });

export const idArbitrary = (prefix: string): fc.Arbitrary<string> =>
  fc.stringMatching(/^[A-Za-z0-9]{4,16}$/).map((s) => `${prefix}${s}`);

export const emailArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.constantFrom('example.com', 'example.org', 'test.example'))
  .map(([local, domain]) => `${local}@${domain}`);

export const phoneArbitrary: fc.Arbitrary<string> = fc.stringMatching(/^\+[1-9][0-9]{7,12}$/);

/** Real alpha-2 codes, so provider fakes that check the ISO list accept them. */
export const countryArbitrary = fc.constantFrom(
  'US',
  'GB',
  'DE',
  'FR',
  'JP',
  'KW',
  'CA',
  'BR',
  'IN',
  'AU',
  'CL',
  'NO',
);

export const currencyArbitrary = (currencies: readonly string[] = CURRENCY_CODES): fc.Arbitrary<string> =>
  fc.constantFrom(...currencies);

const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2099, 11, 31);
const DAY_MS = 86_400_000;

/** ISO instants in 2000–2099, normalised (`…T…Z`), at the given precision. */
export function instantArbitrary(precision: DatePrecision = 'ms'): fc.Arbitrary<string> {
  const unit = precision === 'day' ? DAY_MS : precision === 'second' ? 1000 : 1;
  return fc
    .integer({ min: Math.ceil(MIN_MS / unit), max: Math.floor(MAX_MS / unit) })
    .map((n) => new Date(n * unit).toISOString());
}

export function periodArbitrary(precision: DatePrecision): fc.Arbitrary<{ start: string; end: string }> {
  return fc
    .tuple(instantArbitrary(precision), instantArbitrary(precision))
    .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));
}

export const recurrenceArbitrary = fc.record({
  interval: fc.constantFrom('day', 'week', 'month', 'year') as fc.Arbitrary<
    'day' | 'week' | 'month' | 'year'
  >,
  count: fc.integer({ min: 1, max: 12 }),
});

/** Whole minor units of a unit price: never zero (some providers refuse free lines). */
export const unitAmountArbitrary = fc.integer({ min: 1, max: 10_000_000 });

/** A unit price finer than a minor unit, always with a fraction ("0.04" = 0.0004 USD). */
export const subMinorAmountArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.stringMatching(/^[0-9]{0,3}[1-9]$/))
  .map(([whole, fraction]) => `${whole}.${fraction}`);

export const integerQuantityArbitrary = fc.integer({ min: 1, max: 1000 });

/** Fractional quantities as decimal strings or JSON numbers with up to 3 decimals. */
export const fractionalQuantityArbitrary: fc.Arbitrary<string | number> = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.stringMatching(/^[0-9]{0,2}[1-9]$/), fc.boolean())
  .map(([whole, fraction, asString]) => (asString ? `${whole}.${fraction}` : Number(`${whole}.${fraction}`)));

export const ratePercentArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.stringMatching(/^[0-9]?[1-9]$/)).map(([w, f]) => `${w}.${f}`),
);

export const taxArbitrary = fc.record(
  {
    type: fc.constantFrom(...TAX_TYPES),
    name: textArbitrary(20),
    ratePercent: ratePercentArbitrary,
    amount: fc.integer({ min: 0, max: 1_000_000 }),
    country: countryArbitrary,
    state: textArbitrary(10),
    inclusive: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const addressArbitrary = fc.record(
  {
    name: textArbitrary(),
    line1: textArbitrary(),
    line2: textArbitrary(),
    line3: textArbitrary(),
    city: textArbitrary(20),
    state: textArbitrary(20),
    postalCode: fc.stringMatching(/^[A-Z0-9]{3,8}$/),
    country: countryArbitrary,
  },
  { requiredKeys: [] },
);

/** Keys that break naive object handling; each is generated as an own, enumerable data property. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

export function metadataArbitrary(values: 'json' | 'string' = 'json'): fc.Arbitrary<Metadata> {
  const key = fc.oneof(
    fc.constantFrom(...HOSTILE_KEYS),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  );
  const value: fc.Arbitrary<string | number | boolean | null> =
    values === 'string'
      ? fc.string({ unit: 'grapheme', maxLength: 40 })
      : fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc
            .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
            .filter((n) => !Object.is(n, -0)),
          fc.boolean(),
          fc.constant(null),
        );
  return fc
    .uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 6, selector: ([k]) => k })
    .map((entries) => {
      const out: Metadata = {};
      for (const [k, v] of entries) {
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    });
}
