import { readFileSync } from 'node:fs';
import { parseInvoice } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../src/errors';
import { flowglad } from '../src/index';
import { InvoiceCreateBody, InvoiceListPage, InvoiceWithLineItems } from '../src/wire';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('documented payloads parse and map', () => {
  it('the docs example create request (older shape: ISO dates, "null" strings, untyped lines)', () => {
    const { value, warnings } = flowglad.fromProvider(fixture('create-request.docs-example.json'));
    expect(parseInvoice(value)).toEqual(value);
    expect(value).toMatchObject({
      number: 'INV-2023-0001',
      status: 'draft',
      currency: 'USD',
      customer: { id: 'cust_test_1' },
      issuedAt: '2023-11-07T05:31:56.000Z',
      dueAt: '2023-11-07T05:31:56.000Z',
      memo: 'Thank you for your business',
      collection: { method: 'send_invoice', autoSend: true },
      tax: { type: 'amusement_tax', country: 'AF', state: 'Kabul' },
      lines: [{ description: 'Widget', quantity: 123, unitAmount: 123, priceId: 'price_test_1' }],
      // The record's own subtotal (123, after any discount) + tax, as Flowglad totals it; not Σ lines.
      total: 123,
      providerOptions: { flowglad: { purchaseId: 'prch_test_1', bankPaymentOnly: true } },
    });
    expect(value.subscription).toBeUndefined();
    // The pre-April-2025 billing fields: the interval becomes the recurrence, the anchor date is reported.
    expect(value.recurrence).toEqual({ interval: 'day', count: 123 });
    expect(warnings.map((w) => `${w.code}:${w.path}`)).toEqual(['unsupported:billingAnchorDate']);
  });

  it('the docs example create response (older record: ISO dates, no pricingModelId)', () => {
    const { value } = flowglad.fromProvider(fixture('create-response.docs-example.json'));
    expect(value).toMatchObject({
      id: 'inv_Jd83kLq0Zp2Vx7Nc4Tb1R',
      provider: 'flowglad',
      createdAt: '2023-11-07T05:31:56.000Z',
      // Flowglad stores no total: its own rule is subtotal + taxAmount (the subtotal is after discounts).
      total: 123 + 123,
      tax: { amount: 123, ratePercent: '5' },
      providerOptions: { flowglad: { livemode: true } },
    });
  });

  it('a current purchase record (epoch ms) keeps the status word Flowglad used', () => {
    const { value, warnings } = flowglad.fromProvider(fixture('get.current.purchase.json'));
    expect(value).toMatchObject({
      id: 'inv_A1b2C3d4E5f6G7h8I9j0K',
      status: 'paid',
      providerStatus: 'partially_refunded',
      issuedAt: '2026-01-01T00:00:00.000Z',
      dueAt: '2026-02-01T00:00:00.000Z',
      total: 19900 + 1592,
      tax: { type: 'sales_tax', country: 'US', state: 'CA', ratePercent: '8', amount: 1592 },
      providerOptions: {
        flowglad: { purchaseId: 'prch_test_1', status: 'partially_refunded', livemode: false },
      },
    });
    expect(warnings).toEqual([]);
  });

  it('a current subscription record with static and usage lines (JPY)', () => {
    const { value } = flowglad.fromProvider(fixture('get.current.subscription-usage.json'));
    expect(value).toMatchObject({
      status: 'open',
      providerStatus: 'awaiting_payment_confirmation',
      currency: 'JPY',
      subscription: { id: 'sub_test_1' },
      period: { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' },
      total: 3000 + 1500,
      providerOptions: { flowglad: { billingPeriodId: 'billing_period_test_1' } },
    });
    expect(value.lines).toEqual([
      { description: 'Base fee', quantity: 1, unitAmount: 3000, priceId: 'price_test_1' },
      { description: 'API calls', quantity: 300, unitAmount: 5, kind: 'usage' },
    ]);
    expect(value.dueAt).toBeUndefined();
  });

  it('a current standalone record in ISK keeps Flowglad’s 1/100 krónur exactly', () => {
    const { value, warnings } = flowglad.fromProvider(fixture('get.current.standalone.json'));
    // 1550 Flowglad units = ISK 15.50: finer than ISK's ISO unit, so it is read as a decimal unit price.
    expect(value.lines[0]).toMatchObject({ quantity: 1, unitAmountDecimal: '15.5' });
    // The tax (372 = ISK 3.72) and the total must be rounded to whole krónur, and say so.
    expect(value.tax?.amount).toBe(4);
    expect(value.total).toBe(19);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['approximated', 'tax.amount'],
      ['approximated', 'total'],
    ]);
  });

  it('a list page: records parse, and a bare record maps with a warning that lines are elsewhere', () => {
    const page = InvoiceListPage.parse(fixture('list.current.page.json'));
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toBe('eyJvZmZzZXQiOjJ9');
    const { value, warnings } = flowglad.fromProvider(page.data[0]);
    expect(value.lines).toEqual([]);
    expect(value.total).toBe(19900 + 1592);
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'unsupported', path: 'lines' }));
  });

  it('the create fixtures satisfy the documented create schema; the read ones the read schema', () => {
    expect(InvoiceCreateBody.safeParse(fixture('create-request.subscription.json')).success).toBe(true);
    for (const name of [
      'get.current.purchase.json',
      'get.current.subscription-usage.json',
      'get.current.standalone.json',
    ]) {
      expect(InvoiceWithLineItems.safeParse(fixture(name)).success).toBe(true);
    }
  });

  it('the subscription create request maps back', () => {
    const { value } = flowglad.fromProvider(fixture('create-request.subscription.json'));
    expect(value).toMatchObject({
      currency: 'EUR',
      status: 'open',
      subscription: { id: 'sub_test_1' },
      period: { start: '2025-10-01T00:00:00.000Z', end: '2025-11-01T00:00:00.000Z' },
      tax: { type: 'vat', country: 'DE' },
      total: 3 * 1250 + 4900,
    });
    expect(value.lines[1]).toEqual({ quantity: 1, unitAmount: 4900 });
  });
});

describe('documented error bodies', () => {
  it('zod issues in `error` become field issues', () => {
    const parsed = parseErrorBody(fixture('error.validation.json'), '');
    expect(parsed.code).toBe('BAD_REQUEST');
    expect(parsed.fieldIssues).toEqual([
      { field: 'invoice.invoiceNumber', message: 'Required' },
      { field: 'invoice.currency', message: expect.stringContaining("received 'KWD'") },
    ]);
  });

  it('a string `error`, the request id, the bare `{ error }`, and the OpenAPI `{ message, issues }` form', () => {
    expect(parseErrorBody(fixture('error.not-found.json'), '')).toMatchObject({
      message: 'Invoice not found',
      code: 'NOT_FOUND',
      requestId: 'req_7d1c2e9a',
    });
    expect(parseErrorBody(fixture('error.invalid-json.json'), '').message).toBe(
      'Invalid JSON in request body',
    );
    expect(parseErrorBody(fixture('error.openapi-documented.json'), '')).toMatchObject({
      message: 'Input validation failed',
      fieldIssues: [{ field: 'invoiceLineItems.0.price', message: 'Expected number, received string' }],
    });
    expect(parseErrorBody('Unauthorized', 'Unauthorized').message).toBe('Unauthorized');
  });
});
