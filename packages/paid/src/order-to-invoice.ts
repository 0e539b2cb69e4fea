/**
 * Core's `orderToInvoice` (model/order-invoice.ts), restated for reading Paid orders as invoices (every
 * invoice create reads Paid's answer back this way): the same Invoice and the same warnings, in the same
 * order, written straight into the caller's collector. Core's version reads fields through key lists and
 * a second collector whose warnings are then copied; here each field is read by name.
 * test/order-to-invoice.property.test.ts holds the two equal on arbitrary orders, so a change in core
 * shows there.
 */
import {
  addRecurrence,
  type Charge,
  type Invoice,
  type Line,
  type Order,
  type OrderLine,
  type WarningCollector,
} from '@billbridge/core';

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
