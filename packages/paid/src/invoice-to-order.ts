/**
 * Core's `invoiceToOrder` (model/order-invoice.ts), restated for the create path: the same Order and the
 * same warnings, in the same order, written straight into the caller's collector. Core's version reads
 * its dropped fields through key lists, an object rest and a second collector whose warnings are then
 * copied, which was a quarter of every Paid `toCreateRequest` at one line; here each field is read by
 * name. test/invoice-to-order.property.test.ts holds the two equal (value and warnings) on arbitrary
 * invoices, so a change in core shows there. Internal: the Order it builds shares sub-objects (product
 * references, recurrences, metadata) with the invoice, and lives only until the request is built.
 */
import type { Charge, Invoice, Order, OrderLine, WarningCollector } from '@billbridge/core';

export function invoiceToOrderInto(invoice: Invoice, w: WarningCollector): Order {
  const source = invoice.lines;
  const lines: OrderLine[] = new Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const line = source[i] as Invoice['lines'][number];
    const charge: Charge = {
      name: line.description ?? `Line ${i + 1}`,
      type: line.kind ?? 'one_time',
      quantity: line.quantity,
    };
    if (line.unitAmount !== undefined) charge.unitAmount = line.unitAmount;
    if (line.unitAmountDecimal !== undefined) charge.unitAmountDecimal = line.unitAmountDecimal;
    if (line.recurrence) charge.recurrence = line.recurrence;
    const orderLine: OrderLine = { product: line.product ?? {}, charges: [charge] };
    if (line.description !== undefined) orderLine.name = line.description;
    if (line.period) {
      orderLine.startAt = line.period.start;
      orderLine.endAt = line.period.end;
    }
    if (line.tax !== undefined) w.unsupported(`lines[${i}].tax`, 'An order line has no tax.');
    if (line.priceId !== undefined) w.unsupported(`lines[${i}].priceId`, 'An order line has no priceId.');
    if (line.metadata !== undefined) w.unsupported(`lines[${i}].metadata`, 'An order line has no metadata.');
    lines[i] = orderLine;
  }
  if (lines.length === 0 && invoice.total !== undefined) {
    lines.push({
      product: {},
      charges: [{ name: 'Total', type: 'one_time', quantity: 1, unitAmount: invoice.total }],
    });
    w.approximated('total', 'An invoice with only a total becomes one one-time charge of that amount.');
  }

  const order = {} as Order;
  if (invoice.id !== undefined) order.id = invoice.id;
  if (invoice.provider !== undefined) order.provider = invoice.provider;
  if (invoice.externalId !== undefined) order.externalId = invoice.externalId;
  if (invoice.paymentTerms !== undefined) order.paymentTerms = invoice.paymentTerms;
  if (invoice.purchaseOrder !== undefined) order.purchaseOrder = invoice.purchaseOrder;
  if (invoice.metadata !== undefined) order.metadata = invoice.metadata;
  if (invoice.providerOptions !== undefined) order.providerOptions = invoice.providerOptions;
  order.currency = invoice.currency;
  order.customer = withoutAddresses(invoice.customer, w);
  order.lines = lines;
  if (invoice.status !== undefined) {
    if (invoice.status === 'draft') order.status = 'draft';
    else if (invoice.status === 'open') order.status = 'active';
    else w.unsupported('status', `An order is draft or active; status "${invoice.status}" is not kept.`);
  }
  const period = invoice.period;
  const start = period?.start ?? invoice.issuedAt;
  if (start) order.startAt = start;
  if (period) order.endAt = period.end;
  if (period && invoice.issuedAt && invoice.issuedAt !== period.start) {
    w.unsupported('issuedAt', 'The order starts at the period start; the separate issue date is not kept.');
  }
  if (invoice.recurrence) order.billingFrequency = invoice.recurrence;
  const collection = invoice.collection;
  if (collection?.autoSend !== undefined) order.autoSendBillingEmails = collection.autoSend;

  if (invoice.number !== undefined) w.unsupported('number', 'An order has no number.');
  if (invoice.dueAt !== undefined) w.unsupported('dueAt', 'An order has no dueAt.');
  if (invoice.tax !== undefined) w.unsupported('tax', 'An order has no tax.');
  if (invoice.memo !== undefined) w.unsupported('memo', 'An order has no memo.');
  if (invoice.footer !== undefined) w.unsupported('footer', 'An order has no footer.');
  if (invoice.subscription !== undefined) w.unsupported('subscription', 'An order has no subscription.');
  if (invoice.billingReason !== undefined) w.unsupported('billingReason', 'An order has no billingReason.');
  if (invoice.imported !== undefined) w.unsupported('imported', 'An order has no imported.');
  if (invoice.providerStatus !== undefined)
    w.unsupported('providerStatus', 'An order has no providerStatus.');
  if (collection) {
    if (collection.method === 'charge_automatically')
      w.unsupported('collection.method', 'An order has no collection method.');
    if (collection.paymentMethodId !== undefined)
      w.unsupported('collection.paymentMethodId', 'An order has no payment method.');
    if (collection.finalizeAt !== undefined)
      w.unsupported('collection.finalizeAt', 'An order has no finalisation time.');
  }
  return order;
}

/** The customer without its addresses (an object rest in core), warning for each one dropped. */
function withoutAddresses(customer: Invoice['customer'], w: WarningCollector): Order['customer'] {
  if (customer.billingAddress)
    w.unsupported('customer.billingAddress', 'An order has no customer addresses.');
  if (customer.shippingAddress)
    w.unsupported('customer.shippingAddress', 'An order has no customer addresses.');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(customer)) {
    if (key !== 'billingAddress' && key !== 'shippingAddress')
      out[key] = (customer as Record<string, unknown>)[key];
  }
  return out as Order['customer'];
}
