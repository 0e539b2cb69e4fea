/**
 * Every shortcut the hot paths take around core's exact sums and the general line mapping, checked against
 * the slow path it stands for: the same value, or the same error, for arbitrary inputs. Single amounts
 * take core's own whole-amount path, which core's whole-amounts.property.test.ts holds to its exact path.
 */
import { WarningCollector } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import { INT32_MAX } from '../src/options';
import { generalLineItem, Issues, lineItem, pelcroIdFromString } from '../src/to-provider';
import { exactItemsTotal, itemsTotal } from '../src/totals';

/** The outcome of a call: its value, or the error's class and message. */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

describe('itemsTotal: one pass while sums stay safe', () => {
  const item = fc.record(
    {
      unit_price: fc.oneof(
        fc.integer({ min: 0, max: INT32_MAX }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      ),
      quantity: fc.oneof(fc.integer({ min: 1, max: INT32_MAX }), fc.integer({ min: 1, max: 2 ** 40 })),
      tax_rate: fc.oneof(fc.nat(100), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(null)),
    },
    { requiredKeys: ['unit_price', 'quantity'] },
  );
  it('gives exactly the exact path totals, or throws the same', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        expect(outcome(() => itemsTotal(items))).toStrictEqual(outcome(() => exactItemsTotal(items)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lineItem: the plain-line shortcut', () => {
  const line = fc.record(
    {
      description: fc.string({ maxLength: 8 }),
      quantity: fc.oneof(
        fc.integer({ min: 0, max: INT32_MAX }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(0, -0, 0.5, 2.25, '3', '1.5', INT32_MAX, INT32_MAX + 1),
      ),
      unitAmount: fc.oneof(
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: 0, max: INT32_MAX }),
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(-0, 0, INT32_MAX, INT32_MAX + 1, 21_474_837, 21_474_836),
      ),
      tax: fc.record(
        { name: fc.constant('GST'), ratePercent: fc.constantFrom('5', '13', '0') },
        { requiredKeys: [] },
      ),
      kind: fc.constantFrom('fee', 'subscription'),
      metadata: fc.constant({ a: '1' }),
      product: fc.constantFrom({}, { id: 'p1' }),
    },
    { requiredKeys: ['quantity', 'unitAmount'] },
  );
  const CUR = fc.constantFrom('USD', 'JPY', 'ISK', 'MGA', 'KWD', 'CLF');

  function run(fn: typeof lineItem | 'slow', value: Record<string, unknown>, cur: string) {
    const issues = new Issues();
    const w = new WarningCollector('pelcro');
    const l = value as Parameters<typeof lineItem>[0];
    const result = outcome(() => {
      if (fn !== 'slow') return fn(l, 3, cur, issues, w);
      const item = {} as Parameters<typeof generalLineItem>[1];
      if (l.description !== undefined) item.description = l.description;
      return generalLineItem(l, item, 3, cur, issues, w);
    });
    return { result, issues: issues.list, warnings: w.finish(false) };
  }

  it('maps every line exactly as the general path does: item, refusals and warnings', () => {
    let plain = 0;
    fc.assert(
      fc.property(line, CUR, (l, cur) => {
        const fast = run(lineItem, l, cur);
        expect(fast).toStrictEqual(run('slow', l, cur));
        if (fast.issues.length === 0) plain++;
      }),
      { numRuns: 3000 },
    );
    expect(plain).toBeGreaterThan(0);
  });
});

describe('pelcroIdFromString: the id pattern by hand', () => {
  /** The rule as it was written: a positive int32 in plain digits, no leading zero. */
  const byRegex = (id: string) => {
    if (!/^[1-9]\d{0,9}$/.test(id)) return undefined;
    const n = Number(id);
    return n <= INT32_MAX ? n : undefined;
  };
  it('reads exactly the ids the pattern reads', () => {
    const id = fc.oneof(
      fc.stringMatching(/^[0-9]{0,11}$/),
      fc.integer({ min: 0, max: 2 ** 33 }).map(String),
      fc.string({ maxLength: 11 }),
      fc.constantFrom('', '0', '01', '2147483647', '2147483648', '9999999999', '+1', '1e3', ' 1', '١٢'),
    );
    fc.assert(
      fc.property(id, (value) => {
        expect(pelcroIdFromString(value)).toBe(byRegex(value));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('customer name from an invoice record', () => {
  it('joins the non-empty parts of first and last name with one space', () => {
    const part = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant(''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(part, part, (first, last) => {
        const customer: Record<string, unknown> = { id: 987654 };
        if (first !== undefined) customer.first_name = first;
        if (last !== undefined) customer.last_name = last;
        const { value } = pelcro.fromProvider({ id: 1, currency: 'usd', total: 100, customer });
        const joined = [first, last].filter((p) => p != null && p !== '').join(' ');
        expect(value.customer.name).toBe(joined === '' ? undefined : joined);
      }),
      { numRuns: 500 },
    );
  });
});
