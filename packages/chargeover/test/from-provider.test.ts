import { LossyMappingError, MissingRequiredFieldError, ValidationError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { readInvoiceRecord } from '../src/fast-record';
import { fromOwnRequest, fromParsedRecord } from '../src/from-provider';
import { chargeover } from '../src/index';
import { InvoiceRecord } from '../src/wire';
import getInvoice from './fixtures/get-invoice-recorded.json';
import queryRows from './fixtures/query-invoices-recorded.json';

const record = getInvoice.response;

describe('fromProvider', () => {
  it.each([
    ['open-unpaid', 'open'],
    ['open-overdue', 'open'],
    ['open-collections', 'uncollectible'],
    ['closed-void', 'void'],
    ['closed-paid', 'paid'],
  ])('reads invoice_status_str %s as %s and keeps the raw word', (str, status) => {
    const { value, warnings } = chargeover.fromProvider({ ...record, invoice_status_str: str });
    expect(value.status).toBe(status);
    expect(value.providerStatus).toBe(str);
    expect(warnings).toEqual([]);
  });

  it('reports an undocumented status and falls back on the state flags', () => {
    const { value, warnings } = chargeover.fromProvider({
      ...record,
      invoice_status_str: 'closed-writeoff',
      is_paid: true,
    });
    expect(value).toMatchObject({ status: 'paid', providerStatus: 'closed-writeoff' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'unrecognized', path: 'invoice_status_str' })]);
  });

  it('reads custom fields through the mapping, taxes, taxed lines, periods and addresses', () => {
    const { value, warnings } = chargeover.fromProvider(
      {
        ...record,
        custom_1: 'PO-77',
        custom_4: 'kept as custom_4',
        custom_2: '',
        taxes: 17.82,
        total: 118.81,
        cycle_pre_from_date: '2015-03-01',
        cycle_pre_to_date: '2015-03-31',
        bill_country: 'USA',
        ship_country: 'Atlantis',
        mod_datetime: '2015-03-20 08:00:00',
        line_items: [
          { ...record.line_items[0], is_taxed: '1', custom_2: 'C-1', paycycle: 'one', line_quantity: 2.25 },
        ],
      },
      {
        customFields: { invoice: { poNumber: 'custom_1' }, line: { sku: 'custom_2' } },
        timeZone: 'Europe/London',
      },
    );
    expect(value).toMatchObject({
      metadata: { poNumber: 'PO-77', custom_4: 'kept as custom_4' },
      tax: { amount: 1782 },
      total: 11881,
      // London is on BST (UTC+1) from 29 March 2015.
      period: { start: '2015-03-01T00:00:00.000Z', end: '2015-03-30T23:00:00.000Z' },
      customer: { billingAddress: { country: 'US' } },
      updatedAt: '2015-03-20T08:00:00.000Z',
      lines: [{ tax: {}, metadata: { sku: 'C-1' }, quantity: '2.25' }],
    });
    expect(value.customer.shippingAddress).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['unrecognized', 'ship_country'],
      ['unsupported', 'line_items[0].paycycle'],
    ]);
    expect(() =>
      chargeover.fromProvider({ ...record, ship_country: 'Atlantis' }, { strict: true }),
    ).not.toThrow();
    expect(() =>
      chargeover.fromProvider(
        { ...record, line_items: [{ ...record.line_items[0], paycycle: 'one' }] },
        { strict: true },
      ),
    ).toThrow(LossyMappingError);
  });

  it('rounds (and reports) an amount finer than the currency allows', () => {
    const { value, warnings } = chargeover.fromProvider({ ...record, total: 100.995 });
    expect(value.total).toBe(10100);
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'total' })]);
  });

  it('needs the currency table (or base currency) to read a create request', () => {
    const request = { customer_id: 1, currency_id: 3, line_items: [{ item_id: 4 }] };
    expect(() => chargeover.fromProvider(request)).toThrow(MissingRequiredFieldError);
    expect(chargeover.fromProvider(request, { currencyIds: { GBP: 3 } }).value.currency).toBe('GBP');
    const { customer_id: _c, ...tokenRequest } = { ...request, customer_token: 'k4xq2m9s7wpa' };
    expect(chargeover.fromProvider(tokenRequest, { currencyIds: { GBP: 3 } }).value.customer).toEqual({
      id: 'token:k4xq2m9s7wpa',
    });
  });

  it('unwraps the envelope, and refuses records that are not ChargeOver invoices', () => {
    expect(chargeover.fromProvider(getInvoice).value.id).toBe('10000');
    // Both documented date-time forms read; anything else is refused.
    expect(
      chargeover.fromProvider({ ...record, write_datetime: '2015-03-19T11:52:30Z' }).value.createdAt,
    ).toBe('2015-03-19T11:52:30.000Z');
    expect(() => chargeover.fromProvider({ ...record, write_datetime: '19/03/2015 11:52' })).toThrow(
      ValidationError,
    );
    expect(() => chargeover.fromProvider({ hello: 'world' })).toThrow(ValidationError);
  });
});

describe('fromProvider: invoice-level ids and paycycle', () => {
  it('keeps positive terms/class/admin ids and an unmapped paycycle in providerOptions, in that order', () => {
    const { value, warnings } = chargeover.fromProvider({
      ...record,
      terms_id: 2,
      class_id: 0,
      admin_id: 3,
      paycycle: 'xyz',
    });
    expect(value.providerOptions).toEqual({ chargeover: { terms_id: 2, admin_id: 3, paycycle: 'xyz' } });
    expect(Object.keys(value.providerOptions?.chargeover ?? {})).toEqual([
      'terms_id',
      'admin_id',
      'paycycle',
    ]);
    expect(value.recurrence).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ code: 'unrecognized', path: 'paycycle' })]);
  });

  it('reads a known paycycle as the recurrence, not into providerOptions; no ids, no providerOptions', () => {
    const { value, warnings } = chargeover.fromProvider({ ...record, paycycle: 'mon' });
    expect(value.recurrence).toEqual({ interval: 'month', count: 1 });
    expect(value.providerOptions).toEqual({ chargeover: { terms_id: record.terms_id } });
    const bare = chargeover.fromProvider({ ...record, terms_id: 0, class_id: null, admin_id: undefined });
    expect(bare.value.providerOptions).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe('the client’s shortcuts agree with fromProvider', () => {
  const options = { currencyIds: { USD: 1, EUR: 3 }, customFields: { invoice: { po: 'custom_3' } } };
  const variants = [
    record,
    { ...record, invoice_id: '10000', customer_id: '7', terms_days: '30', package_id: 5 },
    { ...record, custom_3: 'PO-1', bill_addr1: '1 Main St', bill_country: 'United States', paycycle: 'mon' },
    { ...record, line_items: undefined },
    ...queryRows.response,
  ];

  it.each(variants.map((v, i) => [i, v] as const))(
    'fromParsedRecord of the read record = fromProvider of the raw one (%i)',
    (_i, raw) => {
      const parsed = readInvoiceRecord(raw) ?? InvoiceRecord.parse(raw);
      expect(fromParsedRecord(parsed, options)).toStrictEqual(chargeover.fromProvider(raw, options));
    },
  );

  it('fromOwnRequest of a built request = fromProvider of it', () => {
    const { request } = chargeover.toCreateRequest(
      {
        currency: 'EUR',
        customer: { id: '7', externalId: 'c-7' },
        externalId: 'x-1',
        issuedAt: '2026-03-01T06:00:00Z',
        metadata: { po: 'PO-2' },
        lines: [
          {
            quantity: 2,
            unitAmount: 1999,
            product: { id: '4' },
            recurrence: { interval: 'month', count: 1 },
          },
          { quantity: '0.5', unitAmountDecimal: '0.125', product: { id: '5' } },
        ],
      },
      options,
    );
    expect(fromOwnRequest(request, options)).toStrictEqual(chargeover.fromProvider(request, options));
  });
});
