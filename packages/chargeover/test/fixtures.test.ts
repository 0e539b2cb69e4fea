import { AuthenticationError, InvalidRequestError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import {
  CreateResponse,
  chargeover,
  ErrorBody,
  GetInvoiceResponse,
  InvoiceCreateRequest,
  mapError,
  QueryInvoicesResponse,
} from '../src/index';
import createRequest from './fixtures/create-request-minimal.json';
import createResponse from './fixtures/create-response.json';
import error400 from './fixtures/error-400.json';
import error400Recorded from './fixtures/error-400-recorded.json';
import error401 from './fixtures/error-401.json';
import getInvoice from './fixtures/get-invoice-recorded.json';
import queryInvoices from './fixtures/query-invoices-recorded.json';

const options = { currencyIds: { USD: 1 }, baseCurrency: 'USD' };

describe('documented example payloads', () => {
  it('the minimal create body is a valid request and round-trips unchanged', () => {
    expect(InvoiceCreateRequest.safeParse(createRequest).success).toBe(true);
    const baseOnly = { baseCurrency: 'USD' };
    const canonical = chargeover.fromProvider(createRequest, baseOnly);
    expect(canonical.warnings).toEqual([]);
    expect(canonical.value).toEqual({
      currency: 'USD',
      customer: { id: '1' },
      // The date is the account's: midnight in America/Chicago, ChargeOver's default zone.
      issuedAt: '2014-01-02T06:00:00.000Z',
      lines: [{ description: '…', quantity: 3, unitAmount: 2995, product: { id: '4' } }],
    });
    const back = chargeover.toCreateRequest(canonical.value, baseOnly);
    expect(back.warnings).toEqual([]);
    // The base currency travels as the account default, exactly as the example sends it (no currency_id).
    expect(back.request).toEqual(createRequest);
  });

  it('the create response envelope parses', () => {
    const parsed = CreateResponse.parse(createResponse);
    expect(parsed.response.id).toBe(1234);
    expect(parsed.status).toBe('OK');
  });

  it('the recorded GET record maps to canonical, with "0"/"1" is_taxed and naive write_datetime', () => {
    const record = GetInvoiceResponse.parse(getInvoice).response;
    expect(record.line_items?.[0]?.is_taxed).toBe('0');
    const { value, warnings } = chargeover.fromProvider(getInvoice, { timeZone: 'America/Chicago' });
    expect(warnings).toEqual([]);
    expect(value).toMatchObject({
      id: '10000',
      provider: 'chargeover',
      number: '10000',
      status: 'open',
      providerStatus: 'open-unpaid',
      currency: 'USD',
      customer: { id: '1' },
      total: 10099,
      subscription: { id: '554' },
      paymentTerms: { name: 'Due on Receipt', days: 0 },
      // 2015-03-19 11:52:30 in Chicago (CDT, UTC-5)
      createdAt: '2015-03-19T16:52:30.000Z',
      issuedAt: '2015-03-19T05:00:00.000Z',
      providerOptions: { chargeover: { terms_id: 3 } },
      lines: [{ quantity: 1, unitAmount: 10099, kind: 'recurring', product: { id: '6' } }],
    });
    expect(value.lines[0]?.tax).toBeUndefined();
  });

  it('the recorded GET record round-trips through a create request on every field a create carries', () => {
    const first = chargeover.fromProvider(getInvoice, options).value;
    const { request } = chargeover.toCreateRequest(first, options);
    expect(request).toEqual({
      customer_id: 1,
      refnumber: '10000',
      date: '2015-03-19',
      currency_id: 1,
      terms_id: 3,
      line_items: [{ item_id: 6, line_rate: 100.99, line_quantity: 1 }],
    });
    const again = chargeover.fromProvider(request, options).value;
    for (const key of ['number', 'currency', 'customer', 'issuedAt', 'providerOptions'] as const) {
      expect(again[key]).toEqual(first[key]);
    }
    expect(again.lines.map(({ kind: _kind, ...line }) => line)).toEqual(
      first.lines.map(({ kind: _kind, ...l }) => l),
    );
  });

  it('recorded query rows (no line items) map with their totals, taxes and billing address', () => {
    const rows = QueryInvoicesResponse.parse(queryInvoices).response;
    const mapped = rows.map((row) => chargeover.fromProvider(row, options));
    expect(mapped.map((m) => m.warnings)).toEqual([[], []]);
    expect(mapped[0]?.value).toMatchObject({
      total: 150000,
      lines: [],
      status: 'open',
      providerStatus: 'open-overdue',
    });
    expect(mapped[0]?.value.customer.billingAddress).toBeUndefined();
    expect(mapped[1]?.value).toMatchObject({
      total: 53500,
      tax: { amount: 3500 },
      customer: {
        id: '36',
        billingAddress: {
          line1: '72 E Blue Grass Road',
          city: 'Burlington',
          state: 'VT',
          postalCode: '05401',
          country: 'US',
        },
      },
    });
  });

  it('the documented error bodies parse and map to typed errors', () => {
    for (const body of [error400, error401, error400Recorded])
      expect(ErrorBody.safeParse(body).success).toBe(true);
    const response = (status: number, body: unknown) => ({
      status,
      headers: {},
      body,
      text: JSON.stringify(body),
    });
    const bad = mapError(response(400, error400));
    expect(InvalidRequestError.isInstance(bad)).toBe(true);
    expect(bad.message).toContain('Missing or invalid parameter.');
    const auth = mapError(response(401, error401));
    expect(AuthenticationError.isInstance(auth)).toBe(true);
    expect(auth.status).toBe(401);
    expect(auth.provider).toBe('chargeover');
  });
});
