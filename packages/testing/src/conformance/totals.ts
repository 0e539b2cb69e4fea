import {
  computeTotals,
  documentKind,
  type Invoice,
  type Order,
  orderToInvoice,
  type Totals,
} from '@billbridge/core';

/** Totals of an invoice, or of the invoice an order becomes (core's documented conversion). */
export function documentTotals(doc: Invoice | Order): Totals {
  const invoice = documentKind(doc) === 'order' ? orderToInvoice(doc as Order).value : (doc as Invoice);
  return computeTotals(invoice);
}
