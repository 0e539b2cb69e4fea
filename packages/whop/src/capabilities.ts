/**
 * What Whop carries, declared once. `supported` fields round-trip exactly through a create request;
 * `approximated` ones are carried with a change (and a warning); `unsupported` ones are dropped with one.
 */
import type { Capabilities } from '@billbridge/core';
import { WHOP_AMOUNTS } from './amounts';

export const whopCapabilities: Capabilities = {
  provider: 'whop',
  creates: 'invoice',
  amountUnit: { kind: 'major-decimal', encoding: 'json-number' },
  amounts: WHOP_AMOUNTS,
  dateForm: 'iso-8601',
  operations: { create: true, get: true, list: true },
  // Every authenticated POST takes an Idempotency-Key (CONTRACT.md W20).
  deduplication: { kind: 'idempotency-header', header: 'Idempotency-Key' },
  invoice: {
    externalId: 'unsupported',
    number: 'unsupported',
    // Created as draft or open only; past_due reads as open.
    status: 'approximated',
    'customer.id': 'supported',
    'customer.externalId': 'unsupported',
    'customer.email': 'supported',
    'customer.name': 'supported',
    'customer.phone': 'supported',
    // Two street lines only (line3 is dropped).
    'customer.billingAddress': 'approximated',
    'customer.shippingAddress': 'unsupported',
    issuedAt: 'unsupported',
    dueAt: 'supported',
    period: 'unsupported',
    'collection.method': 'supported',
    'collection.paymentMethodId': 'supported',
    'collection.autoSend': 'unsupported',
    // A scheduled charge (charge_automatically) or a scheduled send (send_invoice).
    'collection.finalizeAt': 'supported',
    // The plan price is the lines' sum; a total alone is sent only when there are no lines.
    total: 'approximated',
    tax: 'unsupported',
    subscription: 'unsupported',
    billingReason: 'unsupported',
    // billing_period is a day count: months and years become 30 and 365 days.
    recurrence: 'approximated',
    paymentTerms: 'unsupported',
    purchaseOrder: 'unsupported',
    memo: 'unsupported',
    footer: 'unsupported',
    metadata: 'unsupported',
    imported: 'unsupported',
    'lines.description': 'supported',
    'lines.quantity': 'supported',
    'lines.fractionalQuantity': 'supported',
    'lines.unitAmount': 'supported',
    'lines.subMinorUnitAmount': 'supported',
    'lines.kind': 'approximated',
    // One product per invoice.
    'lines.product': 'approximated',
    'lines.priceId': 'unsupported',
    'lines.period': 'unsupported',
    'lines.recurrence': 'approximated',
    'lines.tax': 'unsupported',
    'lines.metadata': 'unsupported',
  },
  // Orders become invoices through core's orderToInvoice first (its warnings are passed on).
  order: {
    externalId: 'unsupported',
    number: 'unsupported',
    name: 'unsupported',
    status: 'approximated',
    customer: 'supported',
    billingCustomer: 'approximated',
    startAt: 'unsupported',
    endAt: 'unsupported',
    termCount: 'unsupported',
    billingAnchorDay: 'unsupported',
    billingFrequency: 'approximated',
    paymentTerms: 'unsupported',
    purchaseOrder: 'unsupported',
    metadata: 'unsupported',
    autoPostInvoices: 'unsupported',
    autoSendBillingEmails: 'unsupported',
    autoSendPaymentEmails: 'unsupported',
    'lines.product': 'approximated',
    'lines.name': 'approximated',
    'lines.description': 'unsupported',
    'lines.period': 'unsupported',
    'charges.type': 'approximated',
    'charges.quantity': 'supported',
    'charges.unitAmount': 'supported',
    'charges.subMinorUnitAmount': 'supported',
    'charges.recurrence': 'approximated',
    'charges.billingTiming': 'unsupported',
    'charges.pricingModel': 'approximated',
    'charges.tiers': 'approximated',
    'charges.eventName': 'unsupported',
  },
};
