/**
 * The shortcut taken around core's exact sums on the create path (the expected order amount), held to the
 * slow path it skips: same value, same error, on arbitrary values (whole, fractional, -0, NaN, huge) and
 * currencies (known, unknown). Single amounts take core's own whole-amount path, which core's
 * whole-amounts.property.test.ts holds to its exact path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
