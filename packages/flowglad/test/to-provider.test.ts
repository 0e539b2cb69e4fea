import {
  LossyMappingError,
  MissingRequiredFieldError,
  type OrderInput,
  ValidationError,
} from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { flowglad } from '../src/index';
import { InvoiceCreateBody } from '../src/wire';
import { invoice } from './helpers';

const paths = (warnings: { code: string; path: string }[]) => warnings.map((w) => `${w.code}:${w.path}`);

describe('toCreateRequest: the documented create body', () => {
  it('maps a standalone invoice field for field (inline snapshot of the outgoing request)', () => {
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({
        memo: 'Thanks',
        collection: { method: 'send_invoice', autoSend: true },
        tax: { type: 'vat', country: 'DE', state: 'BE', amount: 760, ratePercent: '19' },
      }),
    );
    expect(request).toMatchInlineSnapshot(`
      {
        "autoSend": true,
        "invoice": {
          "billingPeriodId": null,
          "currency": "USD",
          "customerId": "cust_test_1",
          "dueDate": "2026-02-04T00:00:00.000Z",
          "invoiceDate": "2026-01-05T00:00:00.000Z",
          "invoiceNumber": "INV-1001",
          "memo": "Thanks",
          "purchaseId": null,
          "status": "open",
          "subscriptionId": null,
          "subtotal": 8998,
          "taxAmount": 760,
          "taxCountry": "DE",
          "taxRatePercentage": "19",
          "taxState": "BE",
          "taxType": "vat",
          "type": "standalone",
        },
        "invoiceLineItems": [
          {
            "description": "Pro plan",
            "price": 1999,
            "priceId": "price_test_1",
            "quantity": 2,
            "type": "static",
          },
          {
            "description": "Setup",
            "price": 5000,
            "priceId": null,
            "quantity": 1,
            "type": "static",
          },
        ],
      }
    `);
    expect(warnings).toEqual([]);
    expect(InvoiceCreateBody.safeParse(request).success).toBe(true);
  });

  it('a subscription invoice takes its references from the document and providerOptions', () => {
    const { request } = flowglad.toCreateRequest(
      invoice({
        subscription: { id: 'sub_test_1' },
        period: { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' },
        providerOptions: { flowglad: { billingPeriodId: 'billing_period_test_1' } },
      }),
    );
    expect(request.invoice).toMatchObject({
      type: 'subscription',
      subscriptionId: 'sub_test_1',
      billingPeriodId: 'billing_period_test_1',
      purchaseId: null,
      billingPeriodStartDate: '2026-01-01T00:00:00.000Z',
      billingPeriodEndDate: '2026-02-01T00:00:00.000Z',
    });
  });

  it('a purchase invoice needs its purchase; the error names the option that supplies it', () => {
    const { request } = flowglad.toCreateRequest(
      invoice({ providerOptions: { flowglad: { purchaseId: 'prch_test_1' } } }),
    );
    expect(request.invoice).toMatchObject({
      type: 'purchase',
      purchaseId: 'prch_test_1',
      subscriptionId: null,
      billingPeriodId: null,
    });
    const error = catchError(() =>
      flowglad.toCreateRequest(invoice({ providerOptions: { flowglad: { type: 'purchase' } } })),
    );
    expect(MissingRequiredFieldError.isInstance(error)).toBe(true);
    expect((error as MissingRequiredFieldError).option).toBe('providerOptions.flowglad.purchaseId');
  });

  it('a subscription invoice without its billing period, or without a subscription id, is refused', () => {
    expect(() => flowglad.toCreateRequest(invoice({ subscription: { id: 'sub_test_1' } }))).toThrow(
      /billingPeriodId/,
    );
    expect(() =>
      flowglad.toCreateRequest(
        invoice({
          subscription: { externalId: 'legacy-9' },
          providerOptions: { flowglad: { billingPeriodId: 'bp' } },
        }),
      ),
    ).toThrow(/subscription\.id/);
  });

  it('the customer reference comes from customer.id, or the customerIds option (map or function)', () => {
    const doc = invoice({ customer: { externalId: 'crm-7', email: 'a@example.com' } });
    expect(() => flowglad.toCreateRequest(doc)).toThrow(MissingRequiredFieldError);
    expect(catchError(() => flowglad.toCreateRequest(doc))).toMatchObject({
      path: 'customer.id',
      option: 'customerIds',
    });
    expect(
      flowglad.toCreateRequest(doc, { customerIds: { 'crm-7': 'cust_test_2' } }).request.invoice.customerId,
    ).toBe('cust_test_2');
    expect(
      flowglad.toCreateRequest(doc, { customerIds: { 'a@example.com': 'cust_x' } }).request.invoice
        .customerId,
    ).toBe('cust_x');
    expect(
      flowglad.toCreateRequest(doc, { customerIds: (c) => `cust_${c.externalId}` }).request.invoice
        .customerId,
    ).toBe('cust_crm-7');
  });

  it('all eight statuses: the canonical five directly, the other three through providerOptions', () => {
    for (const status of ['draft', 'open', 'paid', 'void', 'uncollectible'] as const) {
      expect(flowglad.toCreateRequest(invoice({ status })).request.invoice.status).toBe(status);
    }
    for (const [status, canonical] of [
      ['refunded', 'paid'],
      ['partially_refunded', 'paid'],
      ['awaiting_payment_confirmation', 'open'],
    ] as const) {
      const { request } = flowglad.toCreateRequest(
        invoice({ status: canonical, providerOptions: { flowglad: { status } } }),
      );
      expect(request.invoice.status).toBe(status);
    }
    expect(() =>
      flowglad.toCreateRequest(
        invoice({ status: 'void', providerOptions: { flowglad: { status: 'refunded' } } }),
      ),
    ).toThrow(ValidationError);
    const { request, warnings } = flowglad.toCreateRequest(invoice({ status: undefined }));
    expect(request.invoice.status).toBe('draft');
    expect(paths(warnings)).toContain('defaulted:status');
  });

  it('invoiceDate is required by Flowglad: without issuedAt the clock is used, and said', () => {
    const { request, warnings } = flowglad.toCreateRequest(invoice({ issuedAt: undefined }), {
      now: () => 1_767_225_600_123,
    });
    expect(request.invoice.invoiceDate).toBe('2026-01-01T00:00:00.123Z');
    expect(paths(warnings)).toContain('defaulted:issuedAt');
  });

  it('the number is required (the dedup key); externalId stands in with a warning', () => {
    expect(() => flowglad.toCreateRequest(invoice({ number: undefined }))).toThrow(/invoiceNumber/);
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({ number: undefined, externalId: 'ext-1' }),
    );
    expect(request.invoice.invoiceNumber).toBe('ext-1');
    expect(paths(warnings)).toEqual(['defaulted:number']);
  });

  it('fractional quantities become one unit at the exact line amount, with a warning, never a silent rounding', () => {
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({ lines: [{ description: 'Hours', quantity: '1.5', unitAmount: 10000 }] }),
    );
    expect(request.invoiceLineItems[0]).toMatchObject({ quantity: 1, price: 15000 });
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'lines[0].quantity' })]);
    expect(() =>
      flowglad.toCreateRequest(invoice({ lines: [{ quantity: '1.5', unitAmount: 10000 }] }), {
        strict: true,
      }),
    ).toThrow(LossyMappingError);
    // A zero quantity is not positive either: one unit at 0.
    expect(
      flowglad.toCreateRequest(invoice({ lines: [{ quantity: 0, unitAmount: 700 }] })).request
        .invoiceLineItems[0],
    ).toMatchObject({
      quantity: 1,
      price: 0,
    });
  });

  it('prices finer than Flowglad’s unit are rounded once and reported', () => {
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({ lines: [{ quantity: 1000, unitAmountDecimal: '0.04' }] }),
    );
    expect(request.invoiceLineItems[0]).toMatchObject({ quantity: 1000, price: 0 });
    expect(paths(warnings)).toEqual(['approximated:lines[0].unitAmountDecimal']);
    const exact = flowglad.toCreateRequest(invoice({ lines: [{ quantity: 1, unitAmountDecimal: '250' }] }));
    expect(exact.request.invoiceLineItems[0]?.price).toBe(250);
    expect(exact.warnings).toEqual([]);
  });

  it('amounts beyond int32 are refused', () => {
    expect(() =>
      flowglad.toCreateRequest(invoice({ lines: [{ quantity: 1, unitAmount: 2_147_483_648 }] })),
    ).toThrow(/32-bit/);
  });

  it('each field Flowglad cannot hold is reported when it is the only one', () => {
    const alone: Array<[string, Record<string, unknown>]> = [
      ['customer.externalId', { customer: { id: 'cust_test_1', externalId: 'c-1' } }],
      ['customer.email', { customer: { id: 'cust_test_1', email: 'x@example.com' } }],
      ['customer.name', { customer: { id: 'cust_test_1', name: 'Ada' } }],
      ['customer.phone', { customer: { id: 'cust_test_1', phone: '+3541234567' } }],
      ['customer.billingAddress', { customer: { id: 'cust_test_1', billingAddress: { country: 'IS' } } }],
      ['customer.shippingAddress', { customer: { id: 'cust_test_1', shippingAddress: { country: 'IS' } } }],
      ['billingReason', { billingReason: 'manual' }],
      ['recurrence', { recurrence: { interval: 'month', count: 1 } }],
      ['paymentTerms', { paymentTerms: { days: 30 } }],
      ['purchaseOrder', { purchaseOrder: 'PO-1' }],
      ['footer', { footer: 'f' }],
      ['metadata', { metadata: { a: 1 } }],
      ['imported', { imported: true }],
      [
        'collection.finalizeAt',
        { collection: { method: 'send_invoice', finalizeAt: '2026-01-06T00:00:00Z' } },
      ],
      [
        'lines[0].period',
        {
          lines: [
            {
              quantity: 1,
              unitAmount: 100,
              period: { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' },
            },
          ],
        },
      ],
      [
        'lines[0].recurrence',
        { lines: [{ quantity: 1, unitAmount: 100, recurrence: { interval: 'month', count: 1 } }] },
      ],
      ['lines[0].metadata', { lines: [{ quantity: 1, unitAmount: 100, metadata: { a: 1 } }] }],
    ];
    for (const [path, overrides] of alone) {
      const { warnings } = flowglad.toCreateRequest(invoice(overrides));
      expect(paths(warnings)).toEqual([`unsupported:${path}`]);
    }
  });

  it('everything Flowglad cannot hold is reported with its path', () => {
    const { warnings } = flowglad.toCreateRequest(
      invoice({
        externalId: 'ext-9',
        customer: { id: 'cust_test_1', email: 'x@example.com' },
        period: { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' },
        collection: { method: 'charge_automatically', paymentMethodId: 'pm_1' },
        footer: 'f',
        metadata: { a: 1 },
        paymentTerms: { days: 30 },
        purchaseOrder: 'PO-1',
        tax: { name: 'GST', inclusive: true, country: 'XK' },
        lines: [{ quantity: 1, unitAmount: 100, kind: 'usage', product: { id: 'p' }, tax: { amount: 1 } }],
      }),
    );
    expect(paths(warnings).sort()).toEqual(
      [
        'unsupported:externalId',
        'unsupported:customer.email',
        'unsupported:period',
        'unsupported:collection.method',
        'unsupported:collection.paymentMethodId',
        'unsupported:footer',
        'unsupported:metadata',
        'unsupported:paymentTerms',
        'unsupported:purchaseOrder',
        'unsupported:tax.name',
        'unsupported:tax.inclusive',
        'unsupported:tax.country',
        'unsupported:lines[0].kind',
        'unsupported:lines[0].product',
        'unsupported:lines[0].tax',
      ].sort(),
    );
  });

  it('tax amount and rate go only on standalone invoices', () => {
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({
        tax: { amount: 100, ratePercent: '5' },
        providerOptions: { flowglad: { purchaseId: 'prch_test_1' } },
      }),
    );
    expect(request.invoice).not.toHaveProperty('taxAmount');
    expect(paths(warnings)).toEqual(['unsupported:tax.amount', 'unsupported:tax.ratePercent']);
  });

  it('a currency outside Flowglad’s list is converted by its unit rule and flagged', () => {
    const { warnings } = flowglad.toCreateRequest(
      invoice({ currency: 'BHD', lines: [{ quantity: 1, unitAmount: 1000 }] }),
    );
    expect(paths(warnings)).toEqual(['unsupported:currency']);
  });

  it('an invoice with only a total sends it as the subtotal (less the tax sent beside it)', () => {
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({ lines: [], total: 12000, tax: { amount: 2000 } }),
    );
    expect(request.invoiceLineItems).toEqual([]);
    expect(request.invoice).toMatchObject({ subtotal: 10000, taxAmount: 2000 });
    expect(warnings).toEqual([]);
    expect(flowglad.fromProvider(request).value.total).toBe(12000);
  });

  it('unknown providerOptions.flowglad keys are refused, other providers’ options reported as not sent', () => {
    expect(() =>
      flowglad.toCreateRequest(invoice({ providerOptions: { flowglad: { purchaseID: 'x' } } })),
    ).toThrow(ValidationError);
    expect(
      flowglad.toCreateRequest(invoice({ providerOptions: { whop: { anything: 1 } } })).warnings,
    ).toEqual([expect.objectContaining({ code: 'unsupported', path: 'providerOptions.whop' })]);
  });

  it('accepts an Order, converting it to its first invoice', () => {
    const order: OrderInput = {
      number: 'ORD-1',
      currency: 'USD',
      customer: { id: 'cust_test_1' },
      startAt: '2026-03-01T00:00:00Z',
      autoSendBillingEmails: true,
      lines: [
        {
          product: { name: 'Pro' },
          name: 'Pro',
          charges: [{ name: 'Licence', type: 'one_time', quantity: 2, unitAmount: 4500 }],
        },
      ],
    };
    const { request, warnings } = flowglad.toCreateRequest(order);
    expect(request.invoice).toMatchObject({
      invoiceNumber: 'ORD-1',
      invoiceDate: '2026-03-01T00:00:00.000Z',
      status: 'draft',
    });
    expect(request.invoiceLineItems).toEqual([
      { type: 'static', quantity: 2, price: 4500, priceId: null, description: 'Pro: Licence' },
    ]);
    expect(request.autoSend).toBe(true);
    expect(paths(warnings)).toContain('unsupported:lines[0].product');
    expect(paths(warnings)).not.toContain('unsupported:billingReason');
  });

  it('invalid canonical input is refused before anything else', () => {
    expect(() => flowglad.toCreateRequest({ currency: 'USD' } as never)).toThrow(ValidationError);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
