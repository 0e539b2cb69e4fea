/**
 * The shipped Order ↔ Invoice conversion (written field by field for the create path) against the plain
 * first version kept in test/reference: the same value and the same warnings, in the same order, on any
 * valid document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invoice } from '../src/model/invoice';
import { Order } from '../src/model/order';
import { invoiceToOrder, orderToInvoice } from '../src/model/order-invoice';
import { parseInvoice, parseOrder } from '../src/model/parse';
import { invoice, order } from './document-arbitraries';
import { referenceInvoiceToOrder, referenceOrderToInvoice } from './reference/order-invoice';

const validInvoices = invoice
  .chain((doc) =>
    fc.constantFrom('keep', 'total-only').map((shape) => {
      if (shape === 'keep') return doc as Record<string, unknown>;
      const { tax: _, ...rest } = doc as Record<string, unknown>;
      return { ...rest, lines: [], total: 1234 };
    }),
  )
  .filter((doc) => Invoice.safeParse(doc).success)
  .map((doc) => parseInvoice(doc));
const validOrders = order.filter((doc) => Order.safeParse(doc).success).map((doc) => parseOrder(doc));

describe('Order ↔ Invoice conversion agrees with its plain first version', () => {
  it('invoiceToOrder: same order, same warnings in the same order', () => {
    fc.assert(
      fc.property(validInvoices, (doc) => {
        expect(invoiceToOrder(doc)).toStrictEqual(referenceInvoiceToOrder(doc));
      }),
      { numRuns: 500 },
    );
  });

  it('orderToInvoice: same invoice, same warnings in the same order', () => {
    fc.assert(
      fc.property(validOrders, (doc) => {
        expect(orderToInvoice(doc)).toStrictEqual(referenceOrderToInvoice(doc));
      }),
      { numRuns: 500 },
    );
  });
});
