/**
 * The shortcuts taken around core's money on the hot paths, held to the slow path they skip: same value,
 * same warnings, same error, on arbitrary values (whole, fractional, -0, NaN, huge) and currencies
 * (known, unknown).
 */
import { WarningCollector } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPaidTotal, fromPaidUnitPrice, PAID_AMOUNTS, toPaidAmount } from '../src/amounts';
import { exactTotalAmount, expectedTotalAmount } from '../src/order-amount';
import type { PaidCreateOrderRequest } from '../src/wire';

/** A value or the error thrown, comparable with toStrictEqual. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.double(),
  fc.constantFrom(-0, 0.5, 1.005, 2 ** 53, -(2 ** 53), 1e21, Number.NaN, Number.POSITIVE_INFINITY),
);
const currency = fc.constantFrom('USD', 'JPY', 'KWD', 'CLF', 'usd', 'XXX1', '');
const path = 'lines[0].x';

describe('amounts: whole minor units skip the convention context, nothing else changes', () => {
  it('toPaidAmount equals the convention, whole or not', () => {
    fc.assert(
      fc.property(
        fc.oneof(number, fc.constantFrom('12', '0.04', 'x')),
        currency,
        fc.boolean(),
        (v, c, whole) => {
          expect(outcome(() => toPaidAmount(v, c, path, whole))).toStrictEqual(
            outcome(() => PAID_AMOUNTS.toProvider(v, c, { provider: 'paid', path, whole })),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('fromPaidTotal equals the convention, warnings included', () => {
    fc.assert(
      fc.property(number, currency, (v, c) => {
        const fast = new WarningCollector('paid');
        const slow = new WarningCollector('paid');
        expect(outcome(() => fromPaidTotal(v, c, path, fast))).toStrictEqual(
          outcome(() => PAID_AMOUNTS.fromProvider(v, c, { provider: 'paid', path, warnings: slow })),
        );
        expect(fast.warnings).toStrictEqual(slow.warnings);
      }),
      { numRuns: 1000 },
    );
  });

  it('fromPaidUnitPrice equals the convention read without rounding', () => {
    fc.assert(
      fc.property(number, currency, (v, c) => {
        const slow = outcome(() => PAID_AMOUNTS.fromProvider(v, c, { provider: 'paid', path, whole: false }));
        const expected =
          'value' in (slow as object)
            ? {
                value:
                  typeof (slow as { value: unknown }).value === 'number'
                    ? { unitAmount: (slow as { value: number }).value }
                    : { unitAmountDecimal: (slow as { value: string }).value },
              }
            : slow;
        expect(outcome(() => fromPaidUnitPrice(v, c, path))).toStrictEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the expected order amount: the whole-number sum equals the exact one', () => {
  const attribute = fc.record(
    {
      quantity: fc.option(fc.oneof(number, fc.nat(1000)), { nil: undefined }),
      unitPrice: fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), number),
      chargeType: fc.constantFrom('oneTime', 'recurring', 'usage', 'seatBased' as const),
      tiered: fc.boolean(),
    },
    { requiredKeys: ['unitPrice', 'chargeType', 'tiered'] },
  );
  const request = fc.record(
    {
      currency: fc.option(currency, { nil: undefined }),
      subscriptionTerms: fc.option(fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constant(2 ** 52)), {
        nil: undefined,
      }),
      lines: fc.array(
        fc.array(
          fc.tuple(attribute, fc.nat(9)).map(([a, roll]) => ({
            name: 'a',
            ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
            pricing: {
              chargeType: a.chargeType,
              pricePoints: {
                unitPrice: a.unitPrice,
                // Tiered prices only now and then, so most requests are priced through.
                ...(a.tiered && roll === 0 ? { tiers: [{ unitAmount: 1 }] } : {}),
              },
            },
          })),
          { maxLength: 3 },
        ),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: ['lines'] },
  );

  it('same total, or the same error, for one period and for all terms', () => {
    fc.assert(
      fc.property(request, fc.constantFrom('one-period', 'all-terms' as const), (r, covers) => {
        const wire = {
          customerId: 'cus_1',
          ...(r.currency !== undefined ? { currency: r.currency } : {}),
          ...(r.subscriptionTerms !== undefined ? { subscriptionTerms: r.subscriptionTerms } : {}),
          lines: r.lines.map((attributes) => ({ productId: 'p', attributes })),
        } as PaidCreateOrderRequest;
        const slow =
          wire.currency === undefined
            ? { value: undefined }
            : outcome(() => exactTotalAmount(wire, wire.currency as string, covers));
        expect(outcome(() => expectedTotalAmount(wire, covers))).toStrictEqual(slow);
      }),
      { numRuns: 1000 },
    );
  });
});
