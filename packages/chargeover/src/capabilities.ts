import type { Capabilities } from '@billbridge/core';
import { CHARGEOVER_AMOUNTS } from './amounts';

/**
 * What a ChargeOver invoice can carry, field by field, declared once. `supported` round-trips exactly
 * (create request → canonical); `approximated` travels with a warning when it changes (dates with a
 * time of day, paycycles that count days, metadata through custom fields, products resolved to item ids);
 * `unsupported` is dropped with a warning.
 */
export const capabilities: Capabilities = {
  provider: 'chargeover',
  creates: 'invoice',
  amountUnit: { kind: 'major-decimal', encoding: 'json-number' },
  // ISO digits; a client uses the account's own rounding (chargeoverAmounts(account table)).
  amounts: CHARGEOVER_AMOUNTS,
  // Dates on create; the read-only *_datetime fields are naive wall-clock times in the account zone.
  dateForm: 'YYYY-MM-DD',
  operations: { create: true, get: true, list: true },
  deduplication: { kind: 'natural-key', field: 'external_key', canonicalField: 'externalId' },
  invoice: {
    externalId: 'supported',
    number: 'supported',
    status: 'unsupported',
    'customer.id': 'supported',
    // Only one customer reference is sent: the external key travels when there is no customer id.
    'customer.externalId': 'approximated',
    'customer.email': 'unsupported',
    'customer.name': 'unsupported',
    'customer.phone': 'unsupported',
    // No name line; countries travel as English names.
    'customer.billingAddress': 'approximated',
    'customer.shippingAddress': 'approximated',
    issuedAt: 'supported',
    dueAt: 'unsupported',
    period: 'unsupported',
    'collection.method': 'unsupported',
    'collection.paymentMethodId': 'unsupported',
    'collection.autoSend': 'unsupported',
    'collection.finalizeAt': 'unsupported',
    // Not sent: ChargeOver computes it from the lines; a total that disagrees is reported.
    total: 'approximated',
    tax: 'unsupported',
    subscription: 'unsupported',
    billingReason: 'unsupported',
    recurrence: 'approximated',
    paymentTerms: 'unsupported',
    purchaseOrder: 'unsupported',
    memo: 'supported',
    footer: 'unsupported',
    metadata: 'approximated',
    imported: 'unsupported',
    'lines.description': 'supported',
    'lines.quantity': 'supported',
    'lines.fractionalQuantity': 'supported',
    'lines.unitAmount': 'supported',
    'lines.subMinorUnitAmount': 'supported',
    'lines.kind': 'unsupported',
    'lines.product': 'approximated',
    'lines.priceId': 'unsupported',
    'lines.period': 'unsupported',
    'lines.recurrence': 'approximated',
    'lines.tax': 'unsupported',
    'lines.metadata': 'approximated',
  },
  // Orders are accepted through core's Order → Invoice conversion (the invoice of the first period).
  order: {
    externalId: 'supported',
    number: 'supported',
    name: 'unsupported',
    status: 'unsupported',
    customer: 'approximated',
    billingCustomer: 'approximated',
    startAt: 'supported',
    endAt: 'unsupported',
    termCount: 'unsupported',
    billingAnchorDay: 'unsupported',
    billingFrequency: 'approximated',
    paymentTerms: 'unsupported',
    purchaseOrder: 'unsupported',
    metadata: 'approximated',
    autoPostInvoices: 'unsupported',
    autoSendBillingEmails: 'unsupported',
    autoSendPaymentEmails: 'unsupported',
    'lines.product': 'approximated',
    'lines.name': 'approximated',
    'lines.description': 'unsupported',
    'lines.period': 'unsupported',
    'charges.type': 'unsupported',
    'charges.quantity': 'supported',
    'charges.unitAmount': 'supported',
    'charges.subMinorUnitAmount': 'supported',
    'charges.recurrence': 'approximated',
    'charges.billingTiming': 'unsupported',
    'charges.pricingModel': 'unsupported',
    'charges.tiers': 'approximated',
    'charges.eventName': 'unsupported',
  },
};
