import {
  CURRENCY_CODES,
  computeTotals,
  type Invoice,
  type Order,
  parseOrder,
  WarningCollector,
} from '@billbridge/core';
import { invoiceArbitrary, orderArbitrary, subMinorAmountArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPaidTotal, fromPaidUnitPrice, toPaidAmount } from '../src/amounts';
import { capabilities } from '../src/capabilities';
import { fromProvider } from '../src/from-provider';
import { toCreateRequest } from '../src/to-provider';

const currency = fc.constantFrom(...CURRENCY_CODES);
/** What crosses the wire: a JSON text, parsed again (so doubles are printed and re-read). */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const withProducts = <T extends Order>(doc: T): T => ({
  ...doc,
  lines: doc.lines.map((line) => ({ ...line, product: { id: 'prod-id' } })),
});

describe('money crosses Paid exactly', () => {
  it('known values: JPY has no decimals, KWD three, CLF four', () => {
    expect(toPaidAmount(1500, 'JPY', 'x')).toBe(1500);
    expect(toPaidAmount(1234, 'KWD', 'x')).toBe(1.234);
    expect(toPaidAmount(12345, 'CLF', 'x')).toBe(1.2345);
    expect(toPaidAmount(7910, 'USD', 'x')).toBe(79.1);
    expect(toPaidAmount('0.04', 'USD', 'x')).toBe(0.0004);
    expect(fromPaidUnitPrice(0.0004, 'USD')).toEqual({ unitAmountDecimal: '0.04' });
    expect(fromPaidUnitPrice(79.1, 'USD')).toEqual({ unitAmount: 7910 });
  });

  it('whole minor units survive both ways, in every currency', () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: -1e12, max: 1e12 }), (code, minor) => {
        const wire = overTheWire({ amount: toPaidAmount(minor, code, 'x') }).amount;
        expect(fromPaidUnitPrice(wire, code)).toEqual({ unitAmount: minor });
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
        const wire = overTheWire({ unitPrice: toPaidAmount(minorDecimal, code, 'x') }).unitPrice;
        expect(fromPaidUnitPrice(wire, code)).toEqual({ unitAmountDecimal: minorDecimal });
      }),
      { numRuns: 2000 },
    );
  });

  it('a total with double drift is rounded once and reported', () => {
    const w = new WarningCollector('paid');
    expect(fromPaidTotal(0.1 + 0.2, 'USD', 'total', w)).toBe(30);
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
