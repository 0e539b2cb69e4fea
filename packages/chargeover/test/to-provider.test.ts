import {
  type InvoiceInput,
  LossyMappingError,
  MissingRequiredFieldError,
  type OrderInput,
  ValidationError,
} from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { chargeover } from '../src/index';

const currencyIds = { USD: 1, JPY: 5, KWD: 7 };

const invoice: InvoiceInput = {
  externalId: 'inv-2026-0001',
  number: 'A-1001',
  currency: 'USD',
  customer: {
    id: '1',
    billingAddress: {
      line1: '72 E Blue Grass Road',
      city: 'Burlington',
      state: 'VT',
      postalCode: '05401',
      country: 'US',
    },
    shippingAddress: { line1: '1 Quay St', city: 'Auckland', country: 'NZ' },
  },
  issuedAt: '2026-03-08T05:00:00.000Z',
  memo: 'Thanks!',
  metadata: { poNumber: 'PO-77', custom_2: 'direct' },
  providerOptions: { chargeover: { terms_id: 2, class_id: 9, admin_id: 3 } },
  lines: [
    {
      description: 'Consulting',
      quantity: '2.5',
      unitAmount: 2995,
      product: { id: '4' },
      metadata: { sku: 'C-1' },
    },
    {
      description: 'API calls',
      quantity: 12000,
      unitAmountDecimal: '0.04',
      product: { externalId: 'api-calls' },
    },
  ],
};

const options = {
  currencyIds,
  timeZone: 'America/New_York',
  itemIds: { 'api-calls': 11 },
  customFields: { invoice: { poNumber: 'custom_5' }, line: { sku: 'custom_1' } },
};

describe('toCreateRequest', () => {
  it('maps a full invoice to the documented body', () => {
    const { request, warnings } = chargeover.toCreateRequest(invoice, options);
    expect(request).toMatchInlineSnapshot(`
      {
        "admin_id": 3,
        "bill_addr1": "72 E Blue Grass Road",
        "bill_city": "Burlington",
        "bill_country": "United States",
        "bill_postcode": "05401",
        "bill_state": "VT",
        "class_id": 9,
        "currency_id": 1,
        "custom_2": "direct",
        "custom_5": "PO-77",
        "customer_id": 1,
        "date": "2026-03-08",
        "external_key": "inv-2026-0001",
        "line_items": [
          {
            "custom_1": "C-1",
            "descrip": "Consulting",
            "item_id": 4,
            "line_quantity": 2.5,
            "line_rate": 29.95,
          },
          {
            "descrip": "API calls",
            "item_id": 11,
            "line_quantity": 12000,
            "line_rate": 0.0004,
          },
        ],
        "memo": "Thanks!",
        "refnumber": "A-1001",
        "ship_addr1": "1 Quay St",
        "ship_city": "Auckland",
        "ship_country": "New Zealand",
        "terms_id": 2,
      }
    `);
    // The only loss: the second line's product is stored as its item id.
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'approximated', path: 'lines[1].product.externalId' }),
    ]);
  });

  it('names the line and the option when an item id is missing', () => {
    const doc: InvoiceInput = {
      currency: 'USD',
      customer: { id: '1' },
      lines: [
        { quantity: 1, unitAmount: 100, product: { id: '4' } },
        { quantity: 1, unitAmount: 100, product: { name: 'Known' } },
        { quantity: 1, unitAmount: 100, product: { id: 'prod_abc', externalId: 'nope' } },
      ],
    };
    let thrown: unknown;
    try {
      chargeover.toCreateRequest(doc, { currencyIds, itemIds: { Known: 6 } });
    } catch (error) {
      thrown = error;
    }
    expect(MissingRequiredFieldError.isInstance(thrown)).toBe(true);
    const error = thrown as MissingRequiredFieldError;
    expect(error.path).toBe('lines[2].product.id');
    expect(error.option).toBe('itemIds');
    expect(error.message).toContain('lines[2].product.id');
    expect(error.message).toContain('"nope"');
  });

  it('asks resolveItemId for lines nothing else resolves', () => {
    const seen: number[] = [];
    const { request } = chargeover.toCreateRequest(
      { currency: 'USD', customer: { id: '1' }, lines: [{ quantity: 1, unitAmount: 5, description: 'x' }] },
      {
        currencyIds,
        resolveItemId: (_product, line, index) => {
          seen.push(index);
          return line.description === 'x' ? 42 : undefined;
        },
      },
    );
    expect(seen).toEqual([0]);
    expect(request.line_items[0]?.item_id).toBe(42);
  });

  it('refuses a currency the account table does not have, naming the option', () => {
    const doc: InvoiceInput = {
      currency: 'EUR',
      customer: { id: '1' },
      lines: [{ quantity: 1, unitAmount: 1, product: { id: '4' } }],
    };
    expect(() => chargeover.toCreateRequest(doc, { currencyIds })).toThrow(MissingRequiredFieldError);
    expect(() => chargeover.toCreateRequest(doc, { currencyIds })).toThrow(/currency_id.*EUR.*currencyIds/s);
    expect(() => chargeover.toCreateRequest(doc, {})).toThrow(/no table given/);
  });

  it('chooses one customer reference: id, token:…, or external key', () => {
    const line = [{ quantity: 1, unitAmount: 1, product: { id: '4' } }];
    const byKey = chargeover.toCreateRequest(
      { currency: 'USD', customer: { externalId: 'cust-0001' }, lines: line },
      { currencyIds },
    );
    expect(byKey.request).toMatchObject({ customer_external_key: 'cust-0001' });
    const byToken = chargeover.toCreateRequest(
      { currency: 'USD', customer: { id: 'token:k4xq2m9s7wpa' }, lines: line },
      { currencyIds },
    );
    expect(byToken.request).toMatchObject({ customer_token: 'k4xq2m9s7wpa' });
    const both = chargeover.toCreateRequest(
      { currency: 'USD', customer: { id: '1', externalId: 'x', email: 'a@example.com' }, lines: line },
      { currencyIds },
    );
    expect(both.request).toMatchObject({ customer_id: 1 });
    expect(both.request).not.toHaveProperty('customer_external_key');
    expect(both.warnings.map((w) => w.path)).toEqual(['customer.externalId', 'customer.email']);
    expect(() =>
      chargeover.toCreateRequest(
        { currency: 'USD', customer: { email: 'a@example.com' }, lines: line },
        { currencyIds },
      ),
    ).toThrow(MissingRequiredFieldError);
    expect(() =>
      chargeover.toCreateRequest(
        { currency: 'USD', customer: { id: 'cus_123' }, lines: line },
        { currencyIds },
      ),
    ).toThrow(ValidationError);
  });

  it('reports everything a ChargeOver create cannot hold, and strict turns it into one error', () => {
    const doc: InvoiceInput = {
      currency: 'USD',
      customer: { id: '1' },
      status: 'paid',
      dueAt: '2026-04-01T00:00:00Z',
      tax: { amount: 10 },
      footer: 'f',
      purchaseOrder: 'PO',
      issuedAt: '2026-03-08T15:30:00Z',
      metadata: { unmapped: 'x' },
      lines: [{ quantity: 1, unitAmount: 1, product: { id: '4' }, kind: 'usage', tax: { ratePercent: '5' } }],
    };
    const { warnings } = chargeover.toCreateRequest(doc, { currencyIds });
    expect(warnings.map((w) => w.path).sort()).toEqual(
      [
        'dueAt',
        'footer',
        'issuedAt',
        'lines[0].kind',
        'lines[0].tax',
        'metadata.unmapped',
        'purchaseOrder',
        'status',
        'tax',
      ].sort(),
    );
    expect(() => chargeover.toCreateRequest(doc, { currencyIds, strict: true })).toThrow(LossyMappingError);
  });

  it('writes dates in the account time zone and says when a time of day is dropped', () => {
    const line = [{ quantity: 1, unitAmount: 1, product: { id: '4' } }];
    // 03:30 UTC on the 9th is still the 8th in New York.
    const late = chargeover.toCreateRequest(
      { currency: 'USD', customer: { id: '1' }, issuedAt: '2026-03-09T03:30:00Z', lines: line },
      { currencyIds, timeZone: 'America/New_York' },
    );
    expect(late.request.date).toBe('2026-03-08');
    expect(late.warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'issuedAt' })]);
    const midnight = chargeover.toCreateRequest(
      { currency: 'USD', customer: { id: '1' }, issuedAt: '2026-03-08T05:00:00Z', lines: line },
      { currencyIds, timeZone: 'America/New_York' },
    );
    expect(midnight.warnings).toEqual([]);
    expect(() => chargeover.toCreateRequest(midnight.request as never, { timeZone: 'Mars/Olympus' })).toThrow(
      ValidationError,
    );
  });

  it('accepts an Order through the documented Order → Invoice conversion', () => {
    const order: OrderInput = {
      currency: 'JPY',
      customer: { id: '1' },
      startAt: '2026-01-01T00:00:00Z',
      lines: [
        {
          product: { id: '6' },
          name: 'Plan',
          charges: [
            {
              name: 'Monthly',
              type: 'recurring',
              unitAmount: 1500,
              recurrence: { interval: 'month', count: 1 },
            },
          ],
        },
      ],
    };
    const { request } = chargeover.toCreateRequest(order, { currencyIds, timeZone: 'UTC' });
    expect(request).toMatchObject({
      currency_id: 5,
      date: '2026-01-01',
      paycycle: 'mon',
      line_items: [
        { item_id: 6, line_rate: 1500, line_quantity: 1, descrip: 'Plan: Monthly', paycycle: 'mon' },
      ],
    });
  });

  it('refuses an invoice with only a total, and unknown providerOptions keys', () => {
    expect(() =>
      chargeover.toCreateRequest(
        { currency: 'USD', customer: { id: '1' }, lines: [], total: 100 },
        { currencyIds },
      ),
    ).toThrow(/at least one line item/);
    expect(() =>
      chargeover.toCreateRequest(
        {
          currency: 'USD',
          customer: { id: '1' },
          lines: [{ quantity: 1, unitAmount: 1, product: { id: '4' } }],
          providerOptions: { chargeover: { terms: 1 } },
        },
        { currencyIds },
      ),
    ).toThrow(/providerOptions\.chargeover/);
  });

  it('validates the customFields option', () => {
    const doc: InvoiceInput = {
      currency: 'USD',
      customer: { id: '1' },
      lines: [{ quantity: 1, unitAmount: 1, product: { id: '4' } }],
    };
    expect(() =>
      chargeover.toCreateRequest(doc, { currencyIds, customFields: { invoice: { a: 'custom_21' } } }),
    ).toThrow(ValidationError);
    expect(() =>
      chargeover.toCreateRequest(doc, { currencyIds, customFields: { line: { a: 'custom_11' } } }),
    ).toThrow(ValidationError);
    expect(() =>
      chargeover.toCreateRequest(doc, {
        currencyIds,
        customFields: { invoice: { a: 'custom_1', b: 'custom_1' } },
      }),
    ).toThrow(/already mapped/);
  });
});
