/** Money and dates, both ways, for every value (fast-check). */
import {
  CURRENCY_CODES,
  epochSecondsToInstant,
  formatDecimal,
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
/** Whole seconds from 1970 to 2100. */
const epochSeconds = fc.integer({ min: 0, max: 4_102_444_800 });

describe('money', () => {
  it('a unit price in int32 is sent as the same integer of minor units and read back unchanged', () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: 0, max: INT32_MAX }), (cur, unitAmount) => {
        const { request } = pelcro.toCreateRequest(
          { currency: cur, customer, lines: [{ quantity: 1, unitAmount }] },
          site,
        );
        expect(request.body.currency).toBe(cur.toLowerCase());
        expect(request.body.line_items?.[0]?.unit_price).toBe(unitAmount);
        const back = pelcro.fromProvider(JSON.parse(JSON.stringify(request))).value;
        expect(back.currency).toBe(cur);
        expect(back.lines[0]?.unitAmount).toBe(unitAmount);
        expect(back.total).toBe(unitAmount);
      }),
    );
  });

  it('a bare total round-trips exactly inside int32, and is refused by name beyond it', () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: -INT32_MAX - 1, max: INT32_MAX }), (cur, total) => {
        const { request } = pelcro.toCreateRequest({ currency: cur, customer, lines: [], total }, site);
        expect(request.body.total).toBe(total);
        expect(pelcro.fromProvider(request).value.total).toBe(total);
      }),
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
  });

  it('an over-int32 unit price is refused at its line, never wrapped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
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

  it('fractional quantities and tax rates travel as exact decimals', () => {
    const decimal = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.stringMatching(/^[0-9]{0,5}[1-9]$/))
      .map(([whole, fraction]) => `${whole}.${fraction}`);
    fc.assert(
      fc.property(decimal, decimal, (quantity, rate) => {
        const { request } = pelcro.toCreateRequest(
          {
            currency: 'USD',
            customer,
            lines: [{ quantity, unitAmount: 100, tax: { name: 'T', ratePercent: rate } }],
          },
          site,
        );
        const back = pelcro.fromProvider(JSON.parse(JSON.stringify(request))).value.lines[0]!;
        expect(formatDecimal(toDecimal(back.quantity))).toBe(formatDecimal(toDecimal(quantity)));
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
      fc.property(epochSeconds, epochSeconds, fc.nat(86_400 * 60), (a, b, dueOffset) => {
        const [startS, endS] = a <= b ? [a, b] : [b, a];
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
      fc.property(epochSeconds, fc.integer({ min: 1, max: 86_400 * 365 }), (startS, before) => {
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
