import {
  AuthenticationError,
  CURRENCY_CODES,
  compareDecimal,
  InvalidRequestError,
  type Invoice,
  minorUnitExponent,
  NotFoundError,
  PermissionError,
  ProviderServerError,
  RateLimitError,
  toDecimal,
} from '@billbridge/core';
import { describeAdapterConformance } from '@billbridge/testing/conformance';
import { isFlowgladCurrency } from '../src/enums';
import { createFlowgladClient, flowglad } from '../src/index';
import { flowgladExponent } from '../src/money';
import { flowgladFake } from '../src/testing';
import { InvoiceCreateBody } from '../src/wire';

/**
 * Currencies Flowglad accepts and counts at least as finely as ISO 4217 does, so totals survive the
 * create exactly. (KWD and the other 3-decimal currencies are not in Flowglad's list; MGA is counted in
 * whole ariary. Both are covered by test/money.test.ts.)
 */
const EXACT_CURRENCIES = CURRENCY_CODES.filter(
  (code) => isFlowgladCurrency(code) && flowgladExponent(code) >= minorUnitExponent(code),
);

/** Flowglad stores amounts as int32: generated prices and quantities are kept small enough to fit. */
function fitInt32(doc: Invoice): Invoice {
  const lines = doc.lines.map((line) => {
    const out = { ...line };
    if (compareDecimal(toDecimal(out.quantity), toDecimal(100)) > 0) out.quantity = 100;
    if (out.unitAmount !== undefined) out.unitAmount = ((out.unitAmount - 1) % 10_000) + 1;
    if (out.unitAmountDecimal !== undefined) {
      const [whole = '0', fraction] = out.unitAmountDecimal.split('.');
      out.unitAmountDecimal = `${Number(whole) % 10_000}${fraction ? `.${fraction}` : ''}`;
    }
    delete out.amount;
    return out;
  });
  const fitted: Invoice = { ...doc, lines };
  if (fitted.total !== undefined) delete fitted.total;
  return fitted;
}

describeAdapterConformance({
  adapter: flowglad,
  fake: flowgladFake,
  rejectingSeed: { apiKeys: ['sk_test_some_other_key'] },
  createClient: (baseUrl, { apiKey, maxRetries }) => createFlowgladClient({ apiKey, baseUrl, maxRetries }),
  // A customer the fake knows, the number Flowglad requires, and the billing period a subscription invoice needs.
  customizeInvoice: (doc) => {
    const out = fitInt32({
      ...doc,
      customer: { ...doc.customer, id: 'cust_test_1' },
      number: doc.number ?? 'INV-0',
    });
    if (out.subscription) out.providerOptions = { flowglad: { billingPeriodId: 'billing_period_test_1' } };
    return out;
  },
  arbitraryOptions: { currencies: EXACT_CURRENCIES, maxLines: 12 },
  requestSchema: InvoiceCreateBody,
  documentedErrors: [
    { status: 401, body: 'Unauthorized', expected: AuthenticationError, name: '401 plain text' },
    {
      status: 400,
      body: {
        error: [{ code: 'invalid_type', path: ['invoice', 'invoiceNumber'], message: 'Required' }],
        code: 'BAD_REQUEST',
      },
      expected: InvalidRequestError,
      name: '400 zod issues',
    },
    {
      status: 400,
      body: { error: 'Invalid JSON in request body' },
      expected: InvalidRequestError,
      name: '400 invalid JSON',
    },
    {
      status: 400,
      body: {
        message: 'Input validation failed',
        code: 'BAD_REQUEST',
        issues: [{ message: 'Expected number', path: ['price'] }],
      },
      expected: InvalidRequestError,
      name: '400 OpenAPI-documented shape',
    },
    { status: 403, body: { error: 'Forbidden', code: 'FORBIDDEN' }, expected: PermissionError },
    {
      status: 404,
      body: { error: 'No customers found with id: cust_x', code: 'NOT_FOUND' },
      expected: NotFoundError,
    },
    { status: 404, body: 'Not Found', expected: NotFoundError, name: '404 plain text (withdrawn create)' },
    {
      status: 429,
      body: { error: 'Too many requests', code: 'TOO_MANY_REQUESTS' },
      headers: { 'retry-after': '1' },
      expected: RateLimitError,
    },
    {
      status: 500,
      body: { error: 'Internal error', code: 'INTERNAL_SERVER_ERROR', request_id: 'req_1' },
      expected: ProviderServerError,
    },
  ],
});
