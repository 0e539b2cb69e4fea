/**
 * The facts a create is verified on (core's `createFacts`), for what was sent: the request as Flowglad will
 * read it, in canonical units. Computed straight from the request with the read side's own conversions
 * (`mapLine`, `readTotal`, `flowgladToMinor`), so a rounding the request made shows on both sides alike;
 * mapping the whole request back through `fromProvider` gave the same facts at several times the cost (a
 * property test holds the two equal).
 */
import { type CreateFacts, createFacts, type Invoice, type Line, WarningCollector } from '@billbridge/core';
import { type InvoiceFields, mapLine, readTotal } from './from-provider';
import { flowgladToMinor } from './money';
import type { FlowgladCreateRequest } from './wire';

export function requestFacts(request: FlowgladCreateRequest): CreateFacts {
  const invoice = request.invoice;
  const currency = invoice.currency;
  const items = request.invoiceLineItems;
  const lines = new Array<Line>(items.length);
  for (let i = 0; i < items.length; i++)
    lines[i] = mapLine(items[i] as FlowgladCreateRequest['invoiceLineItems'][number], currency);
  const doc = { currency, customer: { id: invoice.customerId }, lines } as Invoice;
  const taxAmount = invoice.type === 'standalone' ? invoice.taxAmount : undefined;
  if (taxAmount != null) doc.tax = { amount: flowgladToMinor(taxAmount, currency).value };
  // Without lines the facts' total is the document's (subtotal + tax); its warnings belong to the read side.
  if (items.length === 0) {
    doc.total = readTotal(invoice as InvoiceFields, items, currency, new WarningCollector('flowglad'));
  }
  return createFacts(doc);
}
