import {
  type InvoiceInput,
  LossyMappingError,
  MissingRequiredFieldError,
  type OrderInput,
  ValidationError,
} from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { toCreateRequest } from '../src/to-provider';

const order: OrderInput = {
  externalId: 'ord-ext-1',
  name: 'Usage + seats',
  status: 'active',
  currency: 'USD',
  customer: { id: 'cus_abc123' },
  startAt: '2026-01-05T00:00:00Z',
  termCount: 12,
  billingAnchorDay: 5,
  billingFrequency: { interval: 'month', count: 6 },
  paymentTerms: { name: 'Net 30', days: 30 },
  purchaseOrder: 'PO-77',
  // parsed from JSON, so `__proto__` is an own key (an object literal would set the prototype)
  metadata: JSON.parse('{"team":"ml","__proto__":"kept"}'),
  autoPostInvoices: true,
  lines: [
    {
      product: { id: 'prod-id' },
      name: 'API',
      charges: [
        {
          name: 'Calls',
          type: 'usage',
          unitAmountDecimal: '0.04',
          eventName: 'api.call',
          billingTiming: 'arrears',
          pricingModel: 'per_unit',
        },
        {
          name: 'Seats',
          type: 'seat',
          quantity: 3,
          unitAmount: 1500,
          recurrence: { interval: 'year', count: 1 },
        },
        {
          name: 'Volume',
          type: 'recurring',
          pricingModel: 'graduated',
          tiers: [{ upTo: 1000, unitAmountDecimal: '0.5' }, { flatAmount: 10000 }],
        },
      ],
    },
  ],
};

describe('toCreateRequest (Order)', () => {
  it('builds the documented request in ISO minor units and order-line enum spellings', () => {
    const { request, warnings } = toCreateRequest(order);
    expect(warnings).toEqual([]);
    expect(request).toMatchInlineSnapshot(`
      {
        "autoPostInvoices": true,
        "billingAnchor": 5,
        "billingFrequencyOverride": {
          "frequency": "semiAnnually",
        },
        "creationState": "active",
        "currency": "USD",
        "customerId": "cus_abc123",
        "externalId": "ord-ext-1",
        "lines": [
          {
            "attributes": [
              {
                "name": "Calls",
                "pricing": {
                  "billingType": "arrears",
                  "chargeType": "usage",
                  "eventName": "api.call",
                  "pricePoints": {
                    "currency": "USD",
                    "unitPrice": 0.04,
                  },
                  "pricingModel": "perUnit",
                },
              },
              {
                "name": "Seats",
                "pricing": {
                  "billingFrequency": "annual",
                  "chargeType": "seatBased",
                  "pricePoints": {
                    "currency": "USD",
                    "unitPrice": 1500,
                  },
                },
                "quantity": 3,
              },
              {
                "name": "Volume",
                "pricing": {
                  "chargeType": "recurring",
                  "pricePoints": {
                    "currency": "USD",
                    "tiers": [
                      {
                        "index": 0,
                        "lowerBound": 0,
                        "tierBillingType": "perUnit",
                        "unitAmount": 0.5,
                        "upperBound": 1000,
                      },
                      {
                        "flatAmount": 10000,
                        "index": 1,
                        "lowerBound": 1000,
                        "tierBillingType": "flat",
                      },
                    ],
                    "unitPrice": 0,
                  },
                  "pricingModel": "graduatedPricing",
                },
              },
            ],
            "name": "API",
            "productId": "prod-id",
          },
        ],
        "metadata": {
          "__proto__": "kept",
          "team": "ml",
        },
        "name": "Usage + seats",
        "paymentTerms": "Net 30",
        "purchaseOrderReference": "PO-77",
        "startDate": "2026-01-05T00:00:00.000Z",
        "subscriptionTerms": 12,
      }
    `);
    expect(JSON.stringify(request)).toContain('"__proto__":"kept"');
  });

  it('never uses the product-pricing spellings (Semi-Annually, Advance)', () => {
    const text = JSON.stringify(toCreateRequest(order).request);
    expect(text).not.toMatch(/Semi-Annually|"Monthly"|"Advance"|"Arrears"|"Annual"/);
  });

  it('names the line and the option when a product id is missing', () => {
    const doc: OrderInput = {
      ...order,
      lines: [
        order.lines[0]!,
        order.lines[0]!,
        { product: { externalId: 'sku-9' }, charges: [{ name: 'x', type: 'one_time', unitAmount: 1 }] },
      ],
    };
    let caught: unknown;
    try {
      toCreateRequest(doc);
    } catch (error) {
      caught = error;
    }
    expect(MissingRequiredFieldError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ path: 'lines[2].product.id', option: 'productIds' });
    expect((caught as Error).message).toMatch(/sku-9/);
    expect((caught as Error).message).toMatch(/resolveProductId/);

    const mapped = toCreateRequest(doc, { productIds: { 'sku-9': 'prod-id' } });
    expect(mapped.request.lines?.[2]?.productId).toBe('prod-id');
    const resolved = toCreateRequest(doc, {
      resolveProductId: (product, path) =>
        path === 'lines[2].product' ? `p-${product.externalId}` : undefined,
    });
    expect(resolved.request.lines?.[2]?.productId).toBe('p-sku-9');
  });

  it('a map lookup never reaches the prototype', () => {
    const doc: OrderInput = {
      ...order,
      lines: [{ product: { name: 'toString' }, charges: [{ name: 'x', type: 'one_time', unitAmount: 1 }] }],
    };
    expect(() => toCreateRequest(doc, { productIds: {} })).toThrow(MissingRequiredFieldError);
  });

  it('names the customer option when the customer has no Paid id', () => {
    const doc: OrderInput = { ...order, customer: { email: 'a@example.com' } };
    expect(() => toCreateRequest(doc)).toThrow(/customer\.id.*customerIds/s);
    const { request, warnings } = toCreateRequest(doc, { customerIds: { 'a@example.com': 'cus_abc123' } });
    expect(request.customerId).toBe('cus_abc123');
    expect(warnings).toEqual([]);
  });

  it('warns for what Paid cannot hold, and strict refuses', () => {
    const doc: OrderInput = {
      ...order,
      number: 'ORD-1',
      billingFrequency: { interval: 'week', count: 2 },
      paymentTerms: { days: 45 },
      customer: { id: 'cus_abc123', email: 'a@example.com' },
    };
    const { request, warnings } = toCreateRequest(doc);
    expect(request.billingFrequencyOverride).toBeUndefined();
    expect(request.paymentTerms).toBe('Net 45');
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['unsupported', 'customer.email'],
      ['approximated', 'paymentTerms'],
      ['unsupported', 'billingFrequency'],
      ['unsupported', 'number'],
    ]);
    expect(() => toCreateRequest(doc, { strict: true })).toThrow(LossyMappingError);
  });

  it('rejects an invalid document before mapping', () => {
    expect(() => toCreateRequest({ ...order, currency: 'usd' } as OrderInput)).toThrow(ValidationError);
  });
});

describe('toCreateRequest (Invoice)', () => {
  const invoice: InvoiceInput = {
    externalId: 'inv-1',
    number: 'INV-1',
    status: 'open',
    currency: 'KWD',
    customer: { id: 'cus_abc123', billingAddress: { country: 'KW' } },
    dueAt: '2026-02-01T00:00:00Z',
    issuedAt: '2026-01-01T00:00:00Z',
    lines: [
      { description: 'Consulting', quantity: 2, unitAmount: 1234, product: { id: 'prod-id' } },
      {
        description: 'Calls',
        quantity: '1000',
        unitAmountDecimal: '0.5',
        kind: 'usage',
        product: { id: 'prod-id' },
      },
    ],
    tax: { ratePercent: '5' },
  };

  it('goes through invoiceToOrder and merges its warnings', () => {
    const { request, warnings } = toCreateRequest(invoice);
    expect(request).toMatchObject({
      customerId: 'cus_abc123',
      externalId: 'inv-1',
      creationState: 'active',
      currency: 'KWD',
      startDate: '2026-01-01T00:00:00.000Z',
      lines: [
        {
          productId: 'prod-id',
          name: 'Consulting',
          attributes: [
            {
              name: 'Consulting',
              quantity: 2,
              pricing: { chargeType: 'oneTime', pricePoints: { unitPrice: 1234 } },
            },
          ],
        },
        {
          attributes: [
            {
              name: 'Calls',
              quantity: 1000,
              pricing: { chargeType: 'usage', pricePoints: { unitPrice: 0.5 } },
            },
          ],
        },
      ],
    });
    expect(warnings.map((w) => w.path).sort()).toEqual(['customer.billingAddress', 'dueAt', 'number', 'tax']);
  });
});
