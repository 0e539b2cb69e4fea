/**
 * The conversion between Order and Invoice as first written, plainly (key lists, a rest, a collector
 * of its own): the oracle the shipped conversion (src/model/order-invoice.ts, written field by field for
 * the create path) is property-tested against in order-invoice-equivalence.test.ts.
 *
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
 */
import { addRecurrence } from '../../src/dates/recurrence';
import type { Invoice, InvoiceStatus } from '../../src/model/invoice';
import type { Line } from '../../src/model/line';
import type { Charge, ChargeType, Order, OrderLine } from '../../src/model/order';
import type { MappingResult } from '../../src/spec/provider-adapter';
import { WarningCollector } from '../../src/spec/warnings';

const LINE_KIND_FOR_CHARGE: Record<ChargeType, Line['kind']> = {
  one_time: 'one_time',
  recurring: 'recurring',
  usage: 'usage',
  seat: 'recurring',
};

export function referenceOrderToInvoice(order: Order): MappingResult<Invoice> {
  const w = new WarningCollector('invoice');
  const recurrence = order.billingFrequency ?? firstChargeRecurrence(order.lines);
  const period =
    order.startAt && recurrence
      ? { start: order.startAt, end: addRecurrence(order.startAt, recurrence) }
      : order.startAt && order.endAt
        ? { start: order.startAt, end: order.endAt }
        : undefined;

  const lines: Line[] = [];
  order.lines.forEach((orderLine, i) => {
    orderLine.charges.forEach((charge, j) => {
      lines.push(chargeToLine(orderLine, charge, `lines[${i}].charges[${j}]`, w, period));
    });
    if (orderLine.description !== undefined) {
      w.unsupported(
        `lines[${i}].description`,
        'An invoice line per charge has no place for the order line description.',
      );
    }
  });

  if (order.billingCustomer) {
    w.approximated(
      'customer',
      'The invoice is addressed to billingCustomer; the order customer is not kept.',
    );
  }
  for (const key of ['termCount', 'billingAnchorDay', 'autoPostInvoices', 'autoSendPaymentEmails'] as const) {
    if (order[key] !== undefined) w.unsupported(key, `An invoice has no ${key}.`);
  }
  if (order.endAt && recurrence)
    w.unsupported('endAt', 'The invoice covers the first period only; the order end is not kept.');
  if (order.name !== undefined) w.unsupported('name', 'An invoice has no name.');

  // Built field by field in the order the spread of `pick` gave (no spread, no delete: this runs on
  // every Paid create).
  const invoice = pick(order, INVOICE_FIELDS_FROM_ORDER) as Invoice;
  if (order.status !== undefined) invoice.status = order.status === 'active' ? 'open' : 'draft';
  invoice.currency = order.currency;
  invoice.customer = order.billingCustomer ?? order.customer;
  invoice.lines = lines;
  invoice.billingReason = 'order_create';
  if (order.startAt) invoice.issuedAt = order.startAt;
  if (period) invoice.period = period;
  if (recurrence) invoice.recurrence = recurrence;
  if (order.autoSendBillingEmails !== undefined) {
    invoice.collection = { method: 'send_invoice', autoSend: order.autoSendBillingEmails };
  }
  if (order.total !== undefined && lines.length === 0) invoice.total = order.total;
  return { value: invoice, warnings: w.warnings };
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
    kind: LINE_KIND_FOR_CHARGE[charge.type],
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
  for (const key of ['billingTiming', 'eventName'] as const) {
    if (charge[key] !== undefined) w.unsupported(`${path}.${key}`, `An invoice line has no ${key}.`);
  }
  if (charge.pricingModel !== undefined && charge.pricingModel !== 'per_unit') {
    w.approximated(`${path}.pricingModel`, `Pricing model ${charge.pricingModel} becomes a per-unit line.`);
  }
  return line;
}

const ORDER_STATUS: Partial<Record<InvoiceStatus, Order['status']>> = { draft: 'draft', open: 'active' };

export function referenceInvoiceToOrder(invoice: Invoice): MappingResult<Order> {
  const w = new WarningCollector('order');
  const lines: OrderLine[] = invoice.lines.map((line, i) => {
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
    for (const key of ['tax', 'priceId', 'metadata'] as const) {
      if (line[key] !== undefined) w.unsupported(`lines[${i}].${key}`, `An order line has no ${key}.`);
    }
    return orderLine;
  });
  if (lines.length === 0 && invoice.total !== undefined) {
    lines.push({
      product: {},
      charges: [{ name: 'Total', type: 'one_time', quantity: 1, unitAmount: invoice.total }],
    });
    w.approximated('total', 'An invoice with only a total becomes one one-time charge of that amount.');
  }

  const order = pick(invoice, ORDER_FIELDS_FROM_INVOICE) as Order;
  order.currency = invoice.currency;
  order.customer = stripAddresses(invoice, w);
  order.lines = lines;
  if (invoice.status !== undefined) {
    const status = ORDER_STATUS[invoice.status];
    if (status) order.status = status;
    else w.unsupported('status', `An order is draft or active; status "${invoice.status}" is not kept.`);
  }
  const start = invoice.period?.start ?? invoice.issuedAt;
  if (start) order.startAt = start;
  if (invoice.period) order.endAt = invoice.period.end;
  if (invoice.period && invoice.issuedAt && invoice.issuedAt !== invoice.period.start) {
    w.unsupported('issuedAt', 'The order starts at the period start; the separate issue date is not kept.');
  }
  if (invoice.recurrence) order.billingFrequency = invoice.recurrence;
  if (invoice.collection?.autoSend !== undefined) order.autoSendBillingEmails = invoice.collection.autoSend;

  const dropped = [
    'number',
    'dueAt',
    'tax',
    'memo',
    'footer',
    'subscription',
    'billingReason',
    'imported',
    'providerStatus',
  ] as const;
  for (const key of dropped) {
    if (invoice[key] !== undefined) w.unsupported(key, `An order has no ${key}.`);
  }
  if (invoice.collection) {
    const { method, paymentMethodId, finalizeAt } = invoice.collection;
    if (method === 'charge_automatically')
      w.unsupported('collection.method', 'An order has no collection method.');
    if (paymentMethodId !== undefined)
      w.unsupported('collection.paymentMethodId', 'An order has no payment method.');
    if (finalizeAt !== undefined)
      w.unsupported('collection.finalizeAt', 'An order has no finalisation time.');
  }
  return { value: order, warnings: w.warnings };
}

function stripAddresses(invoice: Invoice, w: WarningCollector): Order['customer'] {
  const { billingAddress, shippingAddress, ...customer } = invoice.customer;
  if (billingAddress) w.unsupported('customer.billingAddress', 'An order has no customer addresses.');
  if (shippingAddress) w.unsupported('customer.shippingAddress', 'An order has no customer addresses.');
  return customer;
}

const INVOICE_FIELDS_FROM_ORDER = [
  'id',
  'provider',
  'externalId',
  'number',
  'paymentTerms',
  'purchaseOrder',
  'metadata',
  'providerOptions',
] as const;

const ORDER_FIELDS_FROM_INVOICE = [
  'id',
  'provider',
  'externalId',
  'paymentTerms',
  'purchaseOrder',
  'metadata',
  'providerOptions',
] as const;

/** The billing frequency an order without one takes: its first recurring charge's. */
function firstChargeRecurrence(lines: readonly OrderLine[]): Charge['recurrence'] {
  for (const line of lines) {
    for (const charge of line.charges) if (charge.recurrence) return charge.recurrence;
  }
  return undefined;
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
