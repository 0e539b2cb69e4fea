import type { Capabilities } from '@billbridge/core';
import { FLOWGLAD_AMOUNTS } from './amounts';

/**
 * What the Flowglad adapter carries, field by field. `create` is declared true because the documented
 * create contract is implemented and the client calls it; current Flowglad has withdrawn the endpoint
 * (card §0), which the client reports plainly when a deployment answers so.
 */
export const capabilities: Capabilities = {
  provider: 'flowglad',
  creates: 'invoice',
  amountUnit: {
    kind: 'provider-minor',
    rule: 'Zero-decimal currencies (BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF) in whole units; every other currency in 1/100 of its major unit, KWD included (KWD 1.234 → 123, approximated).',
  },
  amounts: FLOWGLAD_AMOUNTS,
  dateForm:
    'create: ISO 8601 strings; read: epoch milliseconds (ISO 8601 strings on records before 2025-10-07)',
  operations: { create: true, get: true, list: true },
  deduplication: { kind: 'natural-key', field: 'invoice.invoiceNumber', canonicalField: 'number' },
  invoice: {
    externalId: 'unsupported',
    number: 'supported',
    status: 'supported',
    'customer.id': 'supported',
    'customer.externalId': 'unsupported',
    'customer.email': 'unsupported',
    'customer.name': 'unsupported',
    'customer.phone': 'unsupported',
    'customer.billingAddress': 'unsupported',
    'customer.shippingAddress': 'unsupported',
    issuedAt: 'supported',
    dueAt: 'supported',
    // Only subscription invoices carry billing period dates.
    period: 'approximated',
    // send_invoice only; charge_automatically cannot be expressed.
    'collection.method': 'approximated',
    'collection.paymentMethodId': 'unsupported',
    // Sent on create; Flowglad does not return it on read.
    'collection.autoSend': 'supported',
    'collection.finalizeAt': 'unsupported',
    // Flowglad has no total; read back as Σ lines + tax, and a lines-less total goes as the subtotal.
    total: 'approximated',
    // type, country, state always; amount and rate on standalone invoices only; no name, no inclusive tax.
    tax: 'approximated',
    subscription: 'approximated',
    billingReason: 'unsupported',
    recurrence: 'unsupported',
    paymentTerms: 'unsupported',
    purchaseOrder: 'unsupported',
    memo: 'supported',
    footer: 'unsupported',
    metadata: 'unsupported',
    imported: 'unsupported',
    'lines.description': 'supported',
    'lines.quantity': 'supported',
    // Fractional quantities become one unit at the line amount, with a warning.
    'lines.fractionalQuantity': 'approximated',
    // Exact except where Flowglad's unit is coarser than ISO's (KWD, BHD, … and MGA), with a warning.
    'lines.unitAmount': 'approximated',
    'lines.subMinorUnitAmount': 'approximated',
    // Static lines only on create; usage lines read back as kind usage.
    'lines.kind': 'approximated',
    'lines.product': 'unsupported',
    'lines.priceId': 'supported',
    'lines.period': 'unsupported',
    'lines.recurrence': 'unsupported',
    'lines.tax': 'unsupported',
    'lines.metadata': 'unsupported',
  },
  // Orders are converted to invoices first (core's orderToInvoice), then mapped as above.
  order: {
    externalId: 'unsupported',
    number: 'supported',
    name: 'unsupported',
    status: 'approximated',
    customer: 'approximated',
    billingCustomer: 'approximated',
    startAt: 'approximated',
    endAt: 'unsupported',
    termCount: 'unsupported',
    billingAnchorDay: 'unsupported',
    billingFrequency: 'unsupported',
    paymentTerms: 'unsupported',
    purchaseOrder: 'unsupported',
    metadata: 'unsupported',
    autoPostInvoices: 'unsupported',
    autoSendBillingEmails: 'supported',
    autoSendPaymentEmails: 'unsupported',
    'lines.product': 'unsupported',
    'lines.name': 'approximated',
    'lines.description': 'unsupported',
    'lines.period': 'unsupported',
    'charges.type': 'approximated',
    'charges.quantity': 'approximated',
    'charges.unitAmount': 'approximated',
    'charges.subMinorUnitAmount': 'approximated',
    'charges.recurrence': 'unsupported',
    'charges.billingTiming': 'unsupported',
    // Core's orderToInvoice keeps the first tier / per-unit price, with a warning.
    'charges.pricingModel': 'approximated',
    'charges.tiers': 'approximated',
    'charges.eventName': 'unsupported',
  },
};
