/**
 * The create path's shortcuts against the slow paths they replace (same value, same error):
 * - the facts a create is verified on, computed from the request, equal those of the request mapped back
 *   through fromProvider (what the client used before);
 * - a unit conversion that converts once when exact equals the one that always converted twice;
 * - a line quantity read as a whole count directly equals its reading through toDecimal;
 * - skipping the legacy billing schema when a record has none of its three fields loses nothing.
 */
import { createFacts, type InvoiceInput, toDecimal, WarningCollector } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOWGLAD_AMOUNTS } from '../src/amounts';
import { fromProvider, LegacyBilling } from '../src/from-provider';
import { flowgladToMinor, minorToFlowglad, type UnitConversion } from '../src/money';
import { requestFacts } from '../src/request-facts';
import { toCreateRequest, wholeCount } from '../src/to-provider';

/**
 * Flowglad currencies of every unit relation (same digits, finer: ISK, coarser: MGA). The others (KWD, …)
 * are sent with a warning and refused by Flowglad, so no create answer is ever verified for them; the
 * request read back through fromProvider refused them (ValidationError), requestFacts does not.
 */
const CURRENCIES = ['USD', 'EUR', 'JPY', 'CLP', 'ISK', 'MGA', 'UGX', 'HUF', 'XAF'] as const;

const quantity = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom('0.5', '2.25', '1.001', '3', '0'));
const line = fc.oneof(
  fc.record({ quantity, unitAmount: fc.integer({ min: -50_000, max: 500_000 }) }),
  fc.record({ quantity, unitAmountDecimal: fc.constantFrom('0.04', '12.5', '1999.995', '-3.25', '7') }),
);

const doc: fc.Arbitrary<InvoiceInput> = fc
  .record({
    currency: fc.constantFrom(...CURRENCIES),
    lines: fc.array(line, { maxLength: 4 }),
    total: fc.integer({ min: 0, max: 10_000_000 }),
    kind: fc.constantFrom('standalone', 'subscription', 'purchase'),
    taxAmount: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  })
  .map(({ currency, lines, total, kind, taxAmount }) => {
    const input: InvoiceInput = {
      number: 'INV-1',
      currency,
      customer: { id: 'cust_1' },
      issuedAt: '2026-01-05T00:00:00Z',
      lines,
    };
    if (lines.length === 0) input.total = total;
    if (taxAmount !== undefined) input.tax = { amount: taxAmount };
    if (kind === 'subscription') {
      input.subscription = { id: 'sub_1' };
      input.providerOptions = { flowglad: { billingPeriodId: 'billing_period_1' } };
    } else if (kind === 'purchase') {
      input.providerOptions = { flowglad: { purchaseId: 'prch_1' } };
    }
    return input;
  });

describe('verification facts from the request', () => {
  it('equal the facts of the request read back through fromProvider', () => {
    let compared = 0;
    fc.assert(
      fc.property(doc, (input) => {
        let request: ReturnType<typeof toCreateRequest>['request'];
        try {
          request = toCreateRequest(input).request;
        } catch {
          return; // refused documents never reach verification
        }
        compared++;
        expect(requestFacts(request)).toStrictEqual(createFacts(fromProvider(request).value));
      }),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});

type Direction = typeof FLOWGLAD_AMOUNTS.toProvider;

/** The conversion as it was: the exact value and the rounded one, each converted from scratch. */
function convertTwice(direction: Direction, amount: number | string, currency: string): UnitConversion {
  const context = { provider: 'flowglad', path: 'amount' };
  const exact = direction(amount, currency, { ...context, whole: false });
  const collector = new WarningCollector('flowglad');
  const value = direction(amount, currency, { ...context, warnings: collector }) as number;
  return {
    value: value === 0 ? 0 : value,
    exact: String(exact),
    lossless: collector.finish(false).length === 0,
  };
}

function outcome(run: () => UnitConversion): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

const amount = fc.oneof(
  fc.integer(),
  fc.integer({ min: -10_000, max: 10_000 }),
  fc.constantFrom(0, -0, 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, 0.5, -1.25),
  fc.constantFrom('0.04', '12.5', '-3.25', '1999.995', '7', '1e3', 'x', '', '00012', '-0'),
);

describe('one conversion when exact', () => {
  it('answers what converting twice answered, errors included, both ways', () => {
    const to = FLOWGLAD_AMOUNTS.toProvider.bind(FLOWGLAD_AMOUNTS);
    const from = FLOWGLAD_AMOUNTS.fromProvider.bind(FLOWGLAD_AMOUNTS);
    fc.assert(
      fc.property(amount, fc.constantFrom(...CURRENCIES, 'KWD', 'BHD', 'TND', 'IQD'), (value, currency) => {
        expect(outcome(() => minorToFlowglad(value, currency))).toStrictEqual(
          outcome(() => convertTwice(to, value, currency)),
        );
        if (typeof value === 'number') {
          expect(outcome(() => flowgladToMinor(value, currency))).toStrictEqual(
            outcome(() => convertTwice(from, value, currency)),
          );
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('whole quantities', () => {
  it('wholeCount reads a quantity as toDecimal does: whole and ≥ 1 gives the count, else nothing', () => {
    const viaDecimal = (quantity: number | string): unknown => {
      try {
        const exact = toDecimal(quantity);
        return exact.scale === 0 && exact.coefficient >= 1n ? Number(exact.coefficient) : undefined;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const direct = (quantity: number | string): unknown => {
      try {
        return wholeCount(quantity);
      } catch (error) {
        return (error as Error).message;
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.double(),
          fc.constantFrom(0, -0, 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e21, 0.5, 3.0000001),
          fc.constantFrom('1', '2.0', '0.5', '3', '007', '1e2', '-1', '0', 'x', ''),
        ),
        (quantity) => {
          expect(direct(quantity)).toStrictEqual(viaDecimal(quantity));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('legacy billing fields', () => {
  it('a record without billingInterval, billingIntervalCount or billingAnchorDate reads as none of them', () => {
    // fromProvider skips LegacyBilling for such a record; the schema would have found nothing in it either.
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 6 }),
        fc.subarray(['billingInterval', 'billingIntervalCount', 'billingAnchorDate']),
        (record, undefinedKeys) => {
          const value: Record<string, unknown> = { ...record };
          for (const key of ['billingInterval', 'billingIntervalCount', 'billingAnchorDate'])
            delete value[key];
          for (const key of undefinedKeys) value[key] = undefined;
          const legacy = LegacyBilling.safeParse(value);
          expect(legacy.success).toBe(true);
          expect(legacy.data?.billingInterval).toBeUndefined();
          expect(legacy.data?.billingIntervalCount).toBeUndefined();
          expect(legacy.data?.billingAnchorDate).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});
