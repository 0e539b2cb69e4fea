/** Money and dates, both ways, for every value (fast-check). */
import {
  CURRENCY_CODES,
  epochSecondsToInstant,
  formatDecimal,
  minorUnitExponent,
  multiplyDecimal,
  roundDecimal,
  toDecimal,
  ValidationError,
} from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import { itemsTotal } from '../src/totals';

const site = { siteId: 1234 };
const INT32_MAX = 2_147_483_647;
const currency = fc.constantFrom(...CURRENCY_CODES);
const customer = { id: '987654' };
/** Whole seconds from 1970 to the last int32 second (2038-01-19T03:14:07Z). */
const epochSeconds = fc.integer({ min: 0, max: INT32_MAX });

/**
 * The oracle, written out here rather than imported: react-pelcro-js's ZERO_DECIMAL_CURRENCIES are whole
 * units, every other currency is counted in hundredths (src/utils/utils.js, getFormattedPriceByLocal).
 */
const PELCRO_ZERO_DECIMAL = new Set(
  'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '),
);
/** Canonical minor units per Pelcro unit, as a power of ten: 1 for KWD (fils per hundredth), -2 for ISK. */
const shiftOf = (cur: string) => minorUnitExponent(cur) - (PELCRO_ZERO_DECIMAL.has(cur) ? 0 : 2);
/** Exact canonical → Pelcro for amounts that are whole in Pelcro's unit. */
const toWire = (minor: number, cur: string) => {
  const shift = shiftOf(cur);
  return shift >= 0 ? minor / 10 ** shift : minor * 10 ** -shift;
};
/** Canonical amounts Pelcro holds exactly for `cur`, with a wire value inside int32. */
const holdable = (cur: string, min: number) => {
  const shift = shiftOf(cur);
  if (shift < 0) return fc.integer({ min, max: Math.floor(INT32_MAX / 10 ** -shift) });
  // k whole Pelcro units of `10 ** shift` minor units each.
  return fc.integer({ min, max: INT32_MAX }).map((k) => k * 10 ** shift);
};
const inexactCurrency = fc.constantFrom(...CURRENCY_CODES.filter((c) => shiftOf(c) > 0));

describe('money (Stripe-style minor units, as Pelcro counts them)', () => {
  it('a unit price Pelcro holds is sent in Pelcro’s unit and read back unchanged', () => {
    fc.assert(
      fc.property(
        currency.chain((cur) => fc.tuple(fc.constant(cur), holdable(cur, 0))),
        ([cur, unitAmount]) => {
          const { request, warnings } = pelcro.toCreateRequest(
            { currency: cur, customer, lines: [{ quantity: 1, unitAmount }] },
            site,
          );
          expect(warnings).toEqual([]);
          expect(request.body.currency).toBe(cur.toLowerCase());
          expect(request.body.line_items?.[0]?.unit_price).toBe(toWire(unitAmount, cur));
          const back = pelcro.fromProvider(JSON.parse(JSON.stringify(request))).value;
          expect(back.currency).toBe(cur);
          expect(back.lines[0]?.unitAmount).toBe(unitAmount);
          expect(back.total).toBe(unitAmount);
        },
      ),
    );
  });

  it('a unit price finer than Pelcro’s hundredths is folded, rounded with a warning, and strict refuses it', () => {
    fc.assert(
      fc.property(inexactCurrency, fc.integer({ min: 1, max: 1_000_000 }), fc.nat(9), (cur, k, r) => {
        const step = 10 ** shiftOf(cur);
        const unitAmount = k * step + (r % (step - 1)) + 1; // never a whole number of steps
        const doc = { currency: cur, customer, lines: [{ quantity: 3, unitAmount }] };
        const { request, warnings } = pelcro.toCreateRequest(doc, site);
        const exact = 3 * unitAmount;
        // Half away from zero on the line's amount, in Pelcro's unit.
        const rounded = Math.floor(exact / step) + (exact % step >= step / 2 ? 1 : 0);
        expect(request.body.line_items).toEqual([{ unit_price: rounded, quantity: 1 }]);
        expect(warnings.map((w) => `${w.code} ${w.path}`)).toContain('approximated lines[0].unitAmount');
        if (exact % step !== 0)
          expect(warnings.map((w) => `${w.code} ${w.path}`)).toContain('approximated lines[0].amount');
        expect(() => pelcro.toCreateRequest(doc, { ...site, strict: true })).toThrow(
          expect.objectContaining({ name: 'LossyMappingError' }),
        );
      }),
    );
  });

  it('a bare total round-trips exactly when Pelcro holds it, and is refused by name beyond int32', () => {
    fc.assert(
      fc.property(
        currency.chain((cur) => fc.tuple(fc.constant(cur), holdable(cur, 0), fc.boolean())),
        ([cur, amount, negative]) => {
          const total = negative && amount > 0 ? -amount : amount;
          const { request } = pelcro.toCreateRequest({ currency: cur, customer, lines: [], total }, site);
          expect(request.body.total).toBe(toWire(total, cur));
          expect(pelcro.fromProvider(request).value.total).toBe(total);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -INT32_MAX - 2 }),
        ),
        (total) => {
          expect(() => pelcro.toCreateRequest({ currency: 'USD', customer, lines: [], total }, site)).toThrow(
            expect.objectContaining({
              issues: [expect.objectContaining({ path: 'total', code: 'pelcro_int32' })],
            }),
          );
        },
      ),
    );
    // ISK in hundredths: 21,474,837 kronur is the most an int32 holds.
    expect(() =>
      pelcro.toCreateRequest({ currency: 'ISK', customer, lines: [], total: 21_474_837 }, site),
    ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'total' })] }));
  });

  it('an over-int32 unit price is refused at its line, never wrapped', () => {
    fc.assert(
      fc.property(
        // The lines' sum stays a safe integer (past it, core refuses the document's total first).
        fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER - 5 }),
        fc.nat(5),
        (unitAmount, i) => {
          const lines = Array.from({ length: i + 1 }, (_, j) => ({
            quantity: 1,
            unitAmount: j === i ? unitAmount : 1,
          }));
          let error: unknown;
          try {
            pelcro.toCreateRequest({ currency: 'USD', customer, lines }, site);
          } catch (e) {
            error = e;
          }
          expect(ValidationError.isInstance(error)).toBe(true);
          expect((error as ValidationError).issues[0]?.path).toBe(`lines[${i}].unitAmount`);
        },
      ),
    );
  });

  it('a fractional quantity is folded into one unit at the line’s exact amount; tax rates travel exactly', () => {
    const decimal = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.stringMatching(/^[0-9]{0,5}[1-9]$/))
      .map(([whole, fraction]) => `${whole}.${fraction}`);
    fc.assert(
      fc.property(decimal, decimal, (quantity, rate) => {
        const line = { quantity, unitAmount: 100, tax: { name: 'T', ratePercent: rate } };
        const { request, warnings } = pelcro.toCreateRequest(
          { currency: 'USD', customer, lines: [line] },
          site,
        );
        // 100 × quantity, rounded half away from zero: the quantity's digits shifted by two.
        const amount = Number(
          formatDecimal(roundDecimal(multiplyDecimal(toDecimal(quantity), toDecimal(100)), 0)),
        );
        expect(request.body.line_items).toEqual([
          { unit_price: amount, quantity: 1, tax_name: 'T', tax_rate: Number(rate) },
        ]);
        expect(warnings.map((w) => `${w.code} ${w.path}`)).toContain('approximated lines[0].quantity');
        const back = pelcro.fromProvider(JSON.parse(JSON.stringify(request))).value.lines[0]!;
        expect(back).toMatchObject({ quantity: 1, unitAmount: amount });
        expect(back.tax?.ratePercent).toBe(formatDecimal(toDecimal(rate)));
      }),
    );
  });

  it('the total Pelcro computes is the exact sum of rounded lines and rounded taxes', () => {
    const item = fc.record({
      unit_price: fc.integer({ min: 0, max: 1_000_000 }),
      quantity: fc.integer({ min: 0, max: 1000 }),
      tax_rate: fc.integer({ min: 0, max: 3000 }).map((n) => n / 100),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const { subtotal, tax, total } = itemsTotal(items);
        expect(subtotal).toBe(items.reduce((sum, i) => sum + i.unit_price * i.quantity, 0));
        expect(total).toBe(subtotal + tax);
        expect(Number.isSafeInteger(tax)).toBe(true);
      }),
    );
  });
});

describe('dates', () => {
  it('whole-second instants go out as the same epoch seconds and come back identical', () => {
    fc.assert(
      fc.property(epochSeconds, epochSeconds, fc.nat(86_400 * 60), (a, b, offset) => {
        const [startS, endS] = a <= b ? [a, b] : [b, a];
        const dueOffset = Math.min(offset, INT32_MAX - startS);
        const start = epochSecondsToInstant(startS);
        const end = epochSecondsToInstant(endS);
        const dueAt = epochSecondsToInstant(startS + dueOffset);
        const { request, warnings } = pelcro.toCreateRequest(
          { currency: 'USD', customer, lines: [], total: 1, period: { start, end }, dueAt },
          site,
        );
        expect(warnings).toEqual([]);
        expect(request.body).toMatchObject({
          period_start: startS,
          period_end: endS,
          due_date: startS + dueOffset,
        });
        const back = pelcro.fromProvider(request).value;
        expect(back.period).toEqual({ start, end });
        expect(back.dueAt).toBe(dueAt);
      }),
    );
  });

  it('a read date is the same instant whether Pelcro sends epoch seconds, their string, or ISO with microseconds', () => {
    fc.assert(
      fc.property(epochSeconds, (seconds) => {
        const iso = epochSecondsToInstant(seconds).replace('.000Z', '.000000Z');
        const read = (created_at: unknown) =>
          pelcro.fromProvider({ id: 1, currency: 'usd', customer_id: 1, total: 0, created_at }).value
            .createdAt;
        expect(read(seconds)).toBe(epochSecondsToInstant(seconds));
        expect(read(String(seconds))).toBe(epochSecondsToInstant(seconds));
        expect(read(iso)).toBe(epochSecondsToInstant(seconds));
      }),
    );
  });

  it('a due date before the period start is always refused, one second is enough', () => {
    fc.assert(
      fc.property(epochSeconds, fc.integer({ min: 1, max: 86_400 * 365 }), (seconds, before) => {
        const startS = Math.min(seconds, INT32_MAX - before);
        const start = epochSecondsToInstant(startS + before);
        expect(() =>
          pelcro.toCreateRequest(
            {
              currency: 'USD',
              customer,
              lines: [],
              total: 1,
              period: { start, end: start },
              dueAt: epochSecondsToInstant(startS),
            },
            site,
          ),
        ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'dueAt' })] }));
      }),
    );
  });
});

describe('dates past int32', () => {
  it('any instant after 2038-01-19T03:14:07Z is refused by name before sending', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: INT32_MAX + 1, max: 4_102_444_800 }),
        fc.constantFrom('period.end', 'dueAt'),
        (late, field) => {
          const start = epochSecondsToInstant(INT32_MAX - 86_400);
          const at = epochSecondsToInstant(late);
          const doc = {
            currency: 'USD',
            customer,
            lines: [],
            total: 1,
            period: { start, end: field === 'period.end' ? at : start },
            ...(field === 'dueAt' && { dueAt: at }),
          };
          expect(() => pelcro.toCreateRequest(doc, site)).toThrow(
            expect.objectContaining({
              issues: [expect.objectContaining({ path: field, code: 'pelcro_epoch_int32' })],
            }),
          );
        },
      ),
    );
    const last = epochSecondsToInstant(INT32_MAX);
    expect(last).toBe('2038-01-19T03:14:07.000Z');
    const { request } = pelcro.toCreateRequest(
      { currency: 'USD', customer, lines: [], total: 1, period: { start: last, end: last } },
      site,
    );
    expect(request.body.period_end).toBe(INT32_MAX);
  });
});
