import { orderToInvoice, invoiceToOrder, parseInvoice } from '@billbridge/core';
import { paid } from '@billbridge/paid';
import { fromCheckedRecord } from '../../packages/paid/src/from-provider';
import { invoiceFor } from './docs';
import { measureSync } from './measure';
import { cpuUs } from './cpu-measure-tmp';
const doc = invoiceFor('paid', 1);
const { request } = paid.toCreateRequest(doc, {});
const answer = { id: 'ord_1', customerId: 'cus_abc123', billingCustomerId: null, billingContactIds: [], createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', endDate: null, name: '', startDate: '2026-03-01T00:00:00.000Z', subscriptionTerms: null, billedAmountNoTax: 0, billedTax: 0, estimatedTax: 0, orderAmount: 1999, pendingBillingAmount: 0, totalAmount: 1999, totalBilledAmount: 0, creationState: 'draft', paymentTerms: null, number: 1, metadata: null, showPaymentLink: null, showBankDetails: null, autoPostInvoices: null, autoSendBillingEmails: null, autoSendPaymentEmails: null, version: 1, billingFrequencyOverridden: false, currency: 'USD', externalId: 'bench-1', lines: request.lines } as any;
const order = fromCheckedRecord(answer, { as: 'order' }).value as any;
console.log(JSON.stringify(order).slice(0, 600));
const inv = orderToInvoice(order);
console.log(inv.warnings.length, JSON.stringify(inv.value).slice(0, 400));
const r = measureSync(() => orderToInvoice(order), 1, 0.2);
console.log('orderToInvoice', (1e6 / r.perSecond).toFixed(2), 'µs');
const p = parseInvoice(doc);
const r2 = measureSync(() => invoiceToOrder(p), 1, 0.2);
console.log('invoiceToOrder', (1e6 / r2.perSecond).toFixed(2), 'µs', invoiceToOrder(p).warnings.length);
const variants: Record<string, any> = {
  minimal: { currency: 'USD', customer: { id: 'c' }, lines: [] },
  noPO: { ...order, providerOptions: undefined },
  noLines: { ...order, lines: [] },
  plainCopy: JSON.parse(JSON.stringify(order)),
  full: order,
};
for (const [k, v] of Object.entries(variants)) {
  const r = measureSync(() => orderToInvoice(v), 0.5, 0.1);
  console.log(k, (1e6 / r.perSecond).toFixed(2), 'µs');
}
