/**
 * The documented conversion between Order and Invoice, used by adapters whose provider creates the other
 * kind of document (Paid creates orders; the others create invoices).
 *
 * Order → Invoice: the invoice of the first billing period. One line per charge, described as
 * "<line name>: <charge name>" (or the one name when they are equal); the line's kind follows
 * the charge type (a seat charge becomes a recurring line); the period runs from `startAt` for one
 * recurrence (the order's billingFrequency, else the first recurring charge's), or to `endAt`.
 *
 * Invoice → Order: one order line per invoice line, each with one charge of the line's kind (one-time
 * unless the line says recurring or usage). What an order cannot hold (due date, tax, number, status
 * beyond draft/active, addresses, collection, memo, footer) is reported as a warning.
 *
 * Written field by field, without key lists, rests or spreads: Paid runs one direction on every create
 * request and the other on every answer. test/order-invoice-equivalence.test.ts holds it equal, value and
 * warnings in order, to the plain first version (test/reference/order-invoice.ts) on arbitrary documents.
 * The `...Into` forms write their warnings into the caller's collector (an adapter's, on its create path).
 */
import { addRecurrence } from '../dates/recurrence';
import type { MappingResult } from '../spec/provider-adapter';
import { WarningCollector } from '../spec/warnings';
import type { Invoice } from './invoice';
import type { Line } from './line';
import type { Charge, Order, OrderLine } from './order';

export function orderToInvoice(order: Order): MappingResult<Invoice> {
  const w = new WarningCollector('invoice');
  return { value: orderToInvoiceInto(order, w), warnings: w.warnings };
}

export function invoiceToOrder(invoice: Invoice): MappingResult<Order> {
  const w = new WarningCollector('order');
  return { value: invoiceToOrderInto(invoice, w), warnings: w.warnings };
}

/** orderToInvoice, its warnings added to `w`. */
export function orderToInvoiceInto(order: Order, w: WarningCollector): Invoice {
  const recurrence = order.billingFrequency ?? firstChargeRecurrence(order.lines);
  const startAt = order.startAt;
  const period =
    startAt && recurrence
      ? { start: startAt, end: addRecurrence(startAt, recurrence) }
      : startAt && order.endAt
        ? { start: startAt, end: order.endAt }
        : undefined;

  const lines: Line[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const orderLine = order.lines[i] as OrderLine;
    for (let j = 0; j < orderLine.charges.length; j++) {
      lines.push(
        chargeToLine(orderLine, orderLine.charges[j] as Charge, `lines[${i}].charges[${j}]`, w, period),
      );
    }
    if (orderLine.description !== undefined) {
      w.unsupported(
        `lines[${i}].description`,
        'An invoice line per charge has no place for the order line description.',
      );
    }
  }

  if (order.billingCustomer) {
    w.approximated(
      'customer',
      'The invoice is addressed to billingCustomer; the order customer is not kept.',
    );
  }
  if (order.termCount !== undefined) w.unsupported('termCount', 'An invoice has no termCount.');
  if (order.billingAnchorDay !== undefined)
    w.unsupported('billingAnchorDay', 'An invoice has no billingAnchorDay.');
  if (order.autoPostInvoices !== undefined)
    w.unsupported('autoPostInvoices', 'An invoice has no autoPostInvoices.');
  if (order.autoSendPaymentEmails !== undefined)
    w.unsupported('autoSendPaymentEmails', 'An invoice has no autoSendPaymentEmails.');
  if (order.endAt && recurrence)
    w.unsupported('endAt', 'The invoice covers the first period only; the order end is not kept.');
  if (order.name !== undefined) w.unsupported('name', 'An invoice has no name.');

  const invoice = {} as Invoice;
  if (order.id !== undefined) invoice.id = order.id;
  if (order.provider !== undefined) invoice.provider = order.provider;
  if (order.externalId !== undefined) invoice.externalId = order.externalId;
  if (order.number !== undefined) invoice.number = order.number;
  if (order.paymentTerms !== undefined) invoice.paymentTerms = order.paymentTerms;
  if (order.purchaseOrder !== undefined) invoice.purchaseOrder = order.purchaseOrder;
  if (order.metadata !== undefined) invoice.metadata = order.metadata;
  if (order.providerOptions !== undefined) invoice.providerOptions = order.providerOptions;
  if (order.status !== undefined) invoice.status = order.status === 'active' ? 'open' : 'draft';
  invoice.currency = order.currency;
  invoice.customer = order.billingCustomer ?? order.customer;
  invoice.lines = lines;
  invoice.billingReason = 'order_create';
  if (startAt) invoice.issuedAt = startAt;
  if (period) invoice.period = period;
  if (recurrence) invoice.recurrence = recurrence;
  if (order.autoSendBillingEmails !== undefined) {
    invoice.collection = { method: 'send_invoice', autoSend: order.autoSendBillingEmails };
  }
  if (order.total !== undefined && lines.length === 0) invoice.total = order.total;
  return invoice;
}

function chargeToLine(
  orderLine: OrderLine,
  charge: Charge,
  path: string,
  w: WarningCollector,
  period: Invoice['period'],
): Line {
  const line: Line = {
    // An invoice line sent through invoiceToOrder has one name for both; keep it single on the way back.
    description:
      orderLine.name && orderLine.name !== charge.name ? `${orderLine.name}: ${charge.name}` : charge.name,
    quantity: charge.quantity ?? 1,
    kind: charge.type === 'seat' ? 'recurring' : charge.type,
    product: orderLine.product,
  };
  if (charge.unitAmount !== undefined) line.unitAmount = charge.unitAmount;
  else if (charge.unitAmountDecimal !== undefined) line.unitAmountDecimal = charge.unitAmountDecimal;
  else {
    const firstTier = charge.tiers?.[0];
    if (firstTier?.unitAmountDecimal !== undefined) line.unitAmountDecimal = firstTier.unitAmountDecimal;
    else line.unitAmount = firstTier?.flatAmount ?? 0;
    w.approximated(
      `${path}.tiers`,
      'Tiered or unpriced charge: the invoice line carries the first tier price only.',
    );
  }
  if (charge.type === 'seat')
    w.approximated(`${path}.type`, 'A seat charge becomes a recurring line (seats as quantity).');
  if (charge.recurrence) line.recurrence = charge.recurrence;
  if (orderLine.startAt && orderLine.endAt) line.period = { start: orderLine.startAt, end: orderLine.endAt };
  else if (period && charge.type !== 'one_time') line.period = period;
  if (charge.billingTiming !== undefined)
    w.unsupported(`${path}.billingTiming`, 'An invoice line has no billingTiming.');
  if (charge.eventName !== undefined) w.unsupported(`${path}.eventName`, 'An invoice line has no eventName.');
  if (charge.pricingModel !== undefined && charge.pricingModel !== 'per_unit') {
    w.approximated(`${path}.pricingModel`, `Pricing model ${charge.pricingModel} becomes a per-unit line.`);
  }
  return line;
}

/** The billing frequency an order without one takes: its first recurring charge's. */
function firstChargeRecurrence(lines: readonly OrderLine[]): Charge['recurrence'] {
  for (const line of lines) {
    for (const charge of line.charges) if (charge.recurrence) return charge.recurrence;
  }
  return undefined;
}

/** invoiceToOrder, its warnings added to `w`. The Order shares sub-objects (products, recurrences, metadata) with the invoice. */
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
