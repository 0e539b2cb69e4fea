/**
 * src/order-to-invoice.ts restates core's orderToInvoice for reading orders as invoices: on any valid
 * order it must give the same Invoice and the same warnings, in the same order.
 */
import { type Order, orderToInvoice, WarningCollector } from '@billbridge/core';
import { orderArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderToInvoiceInto } from '../src/order-to-invoice';

describe("Paid's order → invoice view is core's orderToInvoice", () => {
  it('same invoice and same warnings, in the same order, for arbitrary orders', () => {
    fc.assert(
      fc.property(
        orderArbitrary({ maxLines: 4 }),
        fc.integer({ min: 0, max: 100_000 }),
        (order: Order, total) => {
          for (const candidate of [order, { ...order, total }, { ...order, lines: [], total }] as Order[]) {
            const core = orderToInvoice(candidate);
            const w = new WarningCollector('paid');
            expect(orderToInvoiceInto(candidate, w)).toStrictEqual(core.value);
            expect(w.warnings).toStrictEqual(core.warnings);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
