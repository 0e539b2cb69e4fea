/**
 * What the Paid adapter carries, field by field. "supported" means toCreateRequest → fromProvider
 * (of that request) gives the value back exactly; "approximated" means it is carried but may change
 * form (and the mapping says so); "unsupported" means it is not sent and a warning names it.
 */
import type { Capabilities } from '@billbridge/core';
import { PAID_AMOUNTS } from './amounts';

export const capabilities: Capabilities = {
  provider: 'paid',
  creates: 'order',
  amountUnit: { kind: 'minor' },
  amounts: PAID_AMOUNTS,
  dateForm: 'ISO 8601 date-time',
  operations: { create: true, get: true, list: true },
  deduplication: { kind: 'none' },
  // A canonical Invoice becomes an Order through core's invoiceToOrder first.
  invoice: {
    externalId: 'supported',
    number: 'unsupported',
    status: 'approximated', // draft → draft, open → active; paid/void/uncollectible are not kept
    'customer.id': 'supported',
    'customer.externalId': 'unsupported', // a lookup key for `customerIds`, never sent
    'customer.email': 'unsupported',
    'customer.name': 'unsupported',
    'customer.phone': 'unsupported',
    'customer.billingAddress': 'unsupported',
    'customer.shippingAddress': 'unsupported',
    issuedAt: 'approximated', // becomes the order start; kept only when there is no separate period
    dueAt: 'unsupported',
    period: 'approximated', // order start/end; a recurrence redefines the read-back period
    'collection.method': 'approximated', // send_invoice only, implied by autoSendBillingEmails
    'collection.paymentMethodId': 'unsupported',
    'collection.autoSend': 'supported',
    'collection.finalizeAt': 'unsupported',
    total: 'unsupported', // Paid computes the order amount from line pricing
    tax: 'unsupported',
    subscription: 'unsupported',
    billingReason: 'unsupported',
    recurrence: 'approximated', // month/quarter/half-year/year/N months; days and weeks are not sent
    paymentTerms: 'approximated', // one string ("Net 30")
    purchaseOrder: 'supported',
    memo: 'unsupported',
    footer: 'unsupported',
    metadata: 'supported',
    imported: 'unsupported',
    'lines.description': 'supported',
    'lines.quantity': 'supported',
    'lines.fractionalQuantity': 'supported',
    'lines.unitAmount': 'supported',
    'lines.subMinorUnitAmount': 'supported',
    'lines.kind': 'supported',
    'lines.product': 'approximated', // the Paid product id only
    'lines.priceId': 'unsupported',
    'lines.period': 'supported',
    'lines.recurrence': 'approximated',
    'lines.tax': 'unsupported',
    'lines.metadata': 'unsupported',
  },
  order: {
    externalId: 'supported',
    number: 'unsupported', // Paid assigns it; read back as a string
    name: 'supported',
    status: 'supported',
    customer: 'approximated', // the Paid customer id only
    billingCustomer: 'approximated',
    startAt: 'supported',
    endAt: 'supported',
    termCount: 'supported',
    billingAnchorDay: 'supported',
    billingFrequency: 'approximated',
    paymentTerms: 'approximated',
    purchaseOrder: 'supported',
    metadata: 'supported',
    autoPostInvoices: 'supported',
    autoSendBillingEmails: 'supported',
    autoSendPaymentEmails: 'supported',
    'lines.product': 'approximated',
    'lines.name': 'supported',
    'lines.description': 'supported',
    'lines.period': 'supported',
    'charges.type': 'supported',
    'charges.quantity': 'supported',
    'charges.unitAmount': 'supported',
    'charges.subMinorUnitAmount': 'supported',
    'charges.recurrence': 'approximated',
    'charges.billingTiming': 'supported',
    'charges.pricingModel': 'supported',
    'charges.tiers': 'supported',
    'charges.eventName': 'supported',
  },
};
