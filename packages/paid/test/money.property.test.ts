import {
  CURRENCY_CODES,
  computeTotals,
  type Invoice,
  lineAmount,
  type Order,
  parseOrder,
  sumMinor,
  WarningCollector,
} from '@billbridge/core';
import { invoiceArbitrary, orderArbitrary, subMinorAmountArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPaidTotal, fromPaidUnitPrice, toPaidAmount } from '../src/amounts';
import { capabilities } from '../src/capabilities';
import { fromProvider } from '../src/from-provider';
import { expectedTotalAmount } from '../src/order-amount';
import { toCreateRequest } from '../src/to-provider';

const currency = fc.constantFrom(...CURRENCY_CODES);
/** What crosses the wire: a JSON text, parsed again (so doubles are printed and re-read). */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const withProducts = <T extends Order>(doc: T): T => ({
  ...doc,
  lines: doc.lines.map((line) => ({ ...line, product: { id: 'prod-id' } })),
});

describe('money crosses Paid exactly, in ISO minor units', () => {
  it('known values: $12.50 is 1250, ¥1,500 is 1500, KWD 1.234 is 1234, $0.0004 is 0.04', () => {
    expect(toPaidAmount(1250, 'USD', 'x')).toBe(1250);
    expect(toPaidAmount(1500, 'JPY', 'x')).toBe(1500);
    expect(toPaidAmount(1234, 'KWD', 'x')).toBe(1234);
    expect(toPaidAmount(12345, 'CLF', 'x')).toBe(12345);
    expect(toPaidAmount('0.04', 'USD', 'x', false)).toBe(0.04);
    expect(fromPaidUnitPrice(0.04, 'USD', 'x')).toEqual({ unitAmountDecimal: '0.04' });
    expect(fromPaidUnitPrice(1250, 'USD', 'x')).toEqual({ unitAmount: 1250 });
    expect(fromPaidUnitPrice(1500, 'JPY', 'x')).toEqual({ unitAmount: 1500 });
  });

  it('refuses a fraction of a minor unit where Paid needs a whole one, naming the field', () => {
    expect(() => toPaidAmount('0.5', 'USD', 'lines[0].tiers[1].flatAmount')).toThrow(
      expect.objectContaining({ name: 'AmountPrecisionError', path: 'lines[0].tiers[1].flatAmount' }),
    );
  });

  it('whole minor units survive both ways, in every currency', () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: -1e12, max: 1e12 }), (code, minor) => {
        const wire = overTheWire({ amount: toPaidAmount(minor, code, 'x') }).amount;
        expect(wire).toBe(minor); // Paid counts in the same unit as the canonical model
        expect(fromPaidUnitPrice(wire, code, 'x')).toEqual({ unitAmount: minor });
        const w = new WarningCollector('paid');
        expect(fromPaidTotal(wire, code, 'total', w)).toBe(minor);
        expect(w.warnings).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('unit prices finer than a minor unit survive both ways, in every currency', () => {
    fc.assert(
      fc.property(currency, subMinorAmountArbitrary, (code, minorDecimal) => {
        const wire = overTheWire({ unitPrice: toPaidAmount(minorDecimal, code, 'x', false) }).unitPrice;
        expect(String(wire)).toBe(minorDecimal);
        expect(fromPaidUnitPrice(wire, code, 'x')).toEqual({ unitAmountDecimal: minorDecimal });
      }),
      { numRuns: 2000 },
    );
  });

  it('a total that is not a whole minor unit is rounded once and reported', () => {
    const w = new WarningCollector('paid');
    expect(fromPaidTotal(29.5, 'USD', 'total', w)).toBe(30);
    expect(w.warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'total' })]);
  });
});

describe('documents round-trip through the create request', () => {
  it('every supported order field comes back exactly', () => {
    fc.assert(
      fc.property(orderArbitrary({ capabilities, customize: withProducts }), (doc) => {
        const sent = toCreateRequest(doc, { strict: true });
        const back = fromProvider(overTheWire(sent.request), { strict: true });
        expect(back.value).toEqual(parseOrder(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('invoice amounts come back identical, in every currency', () => {
    fc.assert(
      fc.property(invoiceArbitrary({ capabilities }), (doc: Invoice) => {
        const products = {
          ...doc,
          lines: doc.lines.map((line) => ({ ...line, product: { id: 'prod-id' } })),
        };
        const sent = toCreateRequest(products);
        const back = fromProvider(overTheWire(sent.request), { as: 'invoice' }).value as Invoice;
        expect(back.currency).toBe(doc.currency);
        expect(back.lines.map((l) => [Number(l.quantity), l.unitAmount, l.unitAmountDecimal])).toEqual(
          doc.lines.map((l) => [Number(l.quantity), l.unitAmount, l.unitAmountDecimal]),
        );
        expect(computeTotals(back)).toEqual(computeTotals(doc));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the order amount a create is verified against', () => {
  it("is the canonical sum of line amounts, in every currency (Paid's unit is the canonical unit)", () => {
    fc.assert(
      fc.property(invoiceArbitrary({ capabilities }), (doc: Invoice) => {
        const products = {
          ...doc,
          lines: doc.lines.map((line) => ({ ...line, product: { id: 'prod-id' } })),
        };
        const { request } = toCreateRequest(products);
        const wire = overTheWire(request);
        expect(expectedTotalAmount(wire, 'one-period')).toBe(sumMinor(doc.lines.map(lineAmount)));
      }),
      { numRuns: 300 },
    );
  });
});
