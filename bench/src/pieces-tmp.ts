import { paid } from '@billbridge/paid';
import { fromCheckedRecord } from '../../packages/paid/src/from-provider';
import { PaidOrder } from '../../packages/paid/src/wire';
import { sentFacts, storedFacts } from '../../packages/paid/src/verify';
import { pickSent } from '../../packages/paid/src/sent-orders';
import { verifyCreate, parseInvoice, invoiceToOrder } from '@billbridge/core';
import { invoiceFor } from './docs';
import { measureSync } from './measure';
import { cpuUs } from './cpu-measure-tmp';
const doc = invoiceFor('paid', 1);
const { request } = paid.toCreateRequest(doc, {});
// A plausible answer: build from the fake? use a literal shaped like PaidOrder.
const answer = { id: 'ord_1', customerId: 'cus_abc123', billingCustomerId: null, billingContactIds: [], createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', endDate: null, name: '', startDate: '2026-03-01T00:00:00.000Z', subscriptionTerms: null, billedAmountNoTax: 0, billedTax: 0, estimatedTax: 0, orderAmount: 1999, pendingBillingAmount: 0, totalAmount: 1999, totalBilledAmount: 0, creationState: 'draft', paymentTerms: null, number: 1, metadata: null, showPaymentLink: null, showBankDetails: null, autoPostInvoices: null, autoSendBillingEmails: null, autoSendPaymentEmails: null, version: 1, billingFrequencyOverridden: false };
const text = JSON.stringify(answer);
const parsed = PaidOrder.parse(answer);
const raw = { ...parsed, ...pickSent(request) };
const fns: Record<string, () => unknown> = {
  parseInvoice: () => parseInvoice(doc),
  invoiceToOrder: () => invoiceToOrder(parseInvoice(doc)),
  toCreateRequest: () => paid.toCreateRequest(doc, {}),
  stringifyReq: () => JSON.stringify(request),
  jsonParseAnswer: () => JSON.parse(text),
  zodAnswer: () => PaidOrder.safeParse(answer),
  verify: () => verifyCreate({ provider: 'paid', createdId: 'x', sent: sentFacts(request, 'period'), stored: storedFacts(parsed, request.currency, undefined), raw: parsed }),
  fromCheckedOrder: () => fromCheckedRecord(raw, { as: 'order' }),
  fromCheckedInvoice: () => fromCheckedRecord(raw, { as: 'invoice' }),
  date: () => new Date(Date.now() - 300000).toISOString(),
};
for (const [k, f] of Object.entries(fns)) {
  f();
  const r = measureSync(f, 0.4, 0.1);
  console.log(k.padEnd(20), (1e6 / r.perSecond).toFixed(2), 'µs');
}
if (process.env.ONLY) { const f = fns[process.env.ONLY]!; const r = measureSync(f, 3, 0.2); console.log(process.env.ONLY, (1e6 / r.perSecond).toFixed(2)); }
for (const [k, f] of Object.entries(fns)) console.log('cpu', k.padEnd(20), cpuUs(f, 50000).toFixed(2), 'µs');
