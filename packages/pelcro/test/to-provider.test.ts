import { LossyMappingError, type OrderInput, ValidationError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import { PelcroCreateRequest } from '../src/wire';
import { sampleInvoice } from './helpers';

const site = { siteId: 1234 };

describe('toCreateRequest', () => {
  it('maps every Pelcro field of a full invoice', () => {
    const { request, warnings } = pelcro.toCreateRequest(
      sampleInvoice({
        customer: {
          id: '987654',
          externalId: 'legacy-1',
          billingAddress: {
            name: 'Ada Lovelace Byron',
            line1: '1 Press Row',
            city: 'Toronto',
            state: 'ON',
            country: 'CA',
            postalCode: 'M5V 2T6',
          },
          shippingAddress: { name: 'Ada', line1: '2 Mail Lane', line2: 'Unit 4', country: 'CA' },
        },
        subscription: { id: '55501', externalId: 'legacy-sub-2001' },
        imported: true,
        metadata: { campaign: 'spring', seats: 3, renew: true, note: null },
        footer: 'Thank you for reading.',
        purchaseOrder: 'PO-77',
        providerOptions: { pelcro: { planShipmentsPerInterval: 4 }, whop: { ignored: true } },
      }),
      site,
    );
    // One reference per record: with Pelcro ids given, the previous system's ids are not sent as well.
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['unsupported', 'customer.externalId'],
      ['unsupported', 'subscription.externalId'],
      ['unsupported', 'providerOptions.whop'],
    ]);
    expect(PelcroCreateRequest.safeParse(request).success).toBe(true);
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "billing_reason": "manual",
          "currency": "usd",
          "customer_address": {
            "city": "Toronto",
            "country": "CA",
            "first_name": "Ada",
            "last_name": "Lovelace Byron",
            "line1": "1 Press Row",
            "postal_code": "M5V 2T6",
            "state": "ON",
          },
          "customer_id": 987654,
          "customer_shipping": {
            "country": "CA",
            "first_name": "Ada",
            "line1": "2 Mail Lane",
            "line2": "Unit 4",
          },
          "due_date": 1736294400,
          "footer": "Thank you for reading.",
          "is_imported": true,
          "line_items": [
            {
              "description": "Back issue bundle",
              "quantity": 2,
              "unit_price": 1500,
            },
            {
              "description": "Handling",
              "quantity": 1,
              "tax_name": "GST",
              "tax_rate": 5,
              "unit_price": 500,
            },
          ],
          "metadata": {
            "campaign": "spring",
            "note": null,
            "renew": true,
            "seats": 3,
          },
          "period_end": 1738368000,
          "period_start": 1735689600,
          "plan_shipments_per_interval": 4,
          "purchase_order": "PO-77",
          "status": "open",
          "subscription_id": 55501,
        },
        "query": {
          "site_id": 1234,
        },
      }
    `);
  });

  it('sends a bare total in minor units when there are no lines', () => {
    const { request } = pelcro.toCreateRequest(sampleInvoice({ lines: [], total: 123456 }), site);
    expect(request.body.total).toBe(123456);
    expect(request.body.line_items).toBeUndefined();
  });

  it('accepts siteId as a numeric string and refuses anything else', () => {
    expect(pelcro.toCreateRequest(sampleInvoice(), { siteId: '1234' }).request.query.site_id).toBe(1234);
    expect(() => pelcro.toCreateRequest(sampleInvoice(), { siteId: 'abc' })).toThrow(ValidationError);
    expect(() => pelcro.toCreateRequest(sampleInvoice(), { siteId: 2_147_483_648 })).toThrow(/siteId/);
  });

  it('warns for every field Pelcro cannot hold, and strict lists them all', () => {
    const doc = sampleInvoice({
      externalId: 'inv-1',
      number: 'INV-1',
      issuedAt: '2025-01-01T00:00:00Z',
      memo: 'hello',
      tax: { name: 'VAT', amount: 10 },
      paymentTerms: { days: 30 },
      collection: { method: 'charge_automatically', autoSend: true },
      customer: { id: '987654', email: 'reader@example.com', name: 'Ada' },
      lines: [
        {
          quantity: 1,
          unitAmount: 100,
          kind: 'recurring',
          product: { id: 'p1' },
          period: { start: '2025-01-01T00:00:00Z', end: '2025-02-01T00:00:00Z' },
        },
      ],
    });
    const { warnings } = pelcro.toCreateRequest(doc, site);
    expect(warnings.map((w) => w.path).sort()).toEqual(
      [
        'collection.autoSend',
        'collection.method',
        'customer.email',
        'customer.name',
        'issuedAt',
        'lines[0].kind',
        'lines[0].period',
        'lines[0].product',
        'memo',
        'number',
        'paymentTerms',
        'tax',
      ].sort(),
    );
    expect(warnings.every((w) => w.code === 'unsupported')).toBe(true);
    const error = (() => {
      try {
        pelcro.toCreateRequest(doc, { ...site, strict: true });
      } catch (e) {
        return e;
      }
    })();
    expect(LossyMappingError.isInstance(error)).toBe(true);
    expect((error as LossyMappingError).warnings).toHaveLength(12);
    // externalId is carried: it is the invoice's own old_provider_id.
    expect(pelcro.toCreateRequest(doc, site).request.body.old_provider_id).toBe('inv-1');
  });

  it('keeps a sub-cent unit price exact as one unit of the line amount, and says so', () => {
    const { request, warnings } = pelcro.toCreateRequest(
      sampleInvoice({ lines: [{ description: 'API calls', quantity: 12345, unitAmountDecimal: '0.04' }] }),
      site,
    );
    // 12345 × 0.04 = 493.8 cents, rounded half away from zero once = 494.
    expect(request.body.line_items).toEqual([{ description: 'API calls', unit_price: 494, quantity: 1 }]);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'approximated', path: 'lines[0].unitAmountDecimal' }),
    ]);
  });

  it('sends a whole unitAmountDecimal as an integer; a fractional quantity folds into one unit at the line amount', () => {
    const whole = pelcro.toCreateRequest(
      sampleInvoice({ lines: [{ quantity: 2, unitAmountDecimal: '300' }] }),
      site,
    );
    expect(whole.request.body.line_items).toEqual([{ unit_price: 300, quantity: 2 }]);
    expect(whole.warnings).toEqual([]);
    // Pelcro quantities are whole and > 0 ("create bills"): 2.5 × 300 goes out as 1 × 750, exact.
    const { request, warnings } = pelcro.toCreateRequest(
      sampleInvoice({ lines: [{ quantity: '2.5', unitAmountDecimal: '300' }] }),
      site,
    );
    expect(request.body.line_items).toEqual([{ unit_price: 750, quantity: 1 }]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'lines[0].quantity' })]);
  });

  it('drops a fraction of a second with a warning, flooring to epoch seconds', () => {
    const { request, warnings } = pelcro.toCreateRequest(
      sampleInvoice({ period: undefined, dueAt: '2025-01-08T00:00:00.999Z' }),
      site,
    );
    expect(request.body.due_date).toBe(1736294400);
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'dueAt' })]);
  });

  it('accepts an Order through core’s conversion', () => {
    const order: OrderInput = {
      currency: 'CAD',
      customer: { id: '987654' },
      status: 'active',
      lines: [
        { product: {}, name: 'Print', charges: [{ name: 'Monthly', type: 'one_time', unitAmount: 2500 }] },
      ],
    };
    const { request, warnings } = pelcro.toCreateRequest(order, site);
    expect(request.body).toMatchObject({
      currency: 'cad',
      status: 'open',
      billing_reason: 'order_create',
      line_items: [{ description: 'Print: Monthly', unit_price: 2500, quantity: 1 }],
    });
    expect(warnings.map((w) => w.path)).toEqual(['lines[0].kind']);
  });

  it('refers to customers through the customerIds map, and refuses a non-Pelcro id on a native document', () => {
    const mapped = pelcro.toCreateRequest(sampleInvoice({ customer: { id: 'cus_abc' } }), {
      ...site,
      customerIds: { cus_abc: 987654 },
    });
    expect(mapped.request.body.customer_id).toBe(987654);
    expect(() => pelcro.toCreateRequest(sampleInvoice({ customer: { id: 'cus_abc' } }), site)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'customer.id' })] }),
    );
    // A prototype key is not a mapping.
    expect(() =>
      pelcro.toCreateRequest(sampleInvoice({ customer: { id: 'constructor' } }), {
        ...site,
        customerIds: {},
      }),
    ).toThrow(ValidationError);
  });

  it('prefers an address id from providerOptions over the inline address, with a warning', () => {
    const { request, warnings } = pelcro.toCreateRequest(
      sampleInvoice({
        customer: { id: '987654', billingAddress: { line1: 'x' } },
        providerOptions: { pelcro: { billingAddressId: 7001, shippingAddressId: 7002 } },
      }),
      site,
    );
    expect(request.body).toMatchObject({ billing_address_id: 7001, shipping_address_id: 7002 });
    expect(request.body.customer_address).toBeUndefined();
    expect(warnings.map((w) => w.path)).toEqual(['customer.billingAddress']);
  });

  it('refuses a misspelt providerOptions.pelcro key', () => {
    expect(() =>
      pelcro.toCreateRequest(
        sampleInvoice({ providerOptions: { pelcro: { shipmentsPerInterval: 2 } } }),
        site,
      ),
    ).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'providerOptions.pelcro' })] }),
    );
  });

  it('says when the document total is not what Pelcro will compute, and when a tax amount differs from the rate', () => {
    const { warnings } = pelcro.toCreateRequest(
      sampleInvoice({
        total: 9999,
        lines: [{ quantity: 1, unitAmount: 1000, tax: { name: 'HST', ratePercent: '13', amount: 131 } }],
      }),
      site,
    );
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'approximated', path: 'lines[0].tax.amount' }),
      expect.objectContaining({ code: 'approximated', path: 'total' }),
    ]);
    const exact = pelcro.toCreateRequest(
      sampleInvoice({
        total: 1130,
        lines: [{ quantity: 1, unitAmount: 1000, tax: { name: 'HST', ratePercent: '13', amount: 130 } }],
      }),
      site,
    );
    expect(exact.warnings).toEqual([]);
  });

  it('lists a missing customer reference with the other refusals instead of hiding them', () => {
    expect(() =>
      pelcro.toCreateRequest(
        sampleInvoice({ customer: { email: 'a@b.c' }, dueAt: '2024-01-01T00:00:00Z' }),
        site,
      ),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: 'dueAt' }), expect.objectContaining({ path: 'customer' })],
      }),
    );
  });

  it('lists every refusal at once', () => {
    const error = (() => {
      try {
        pelcro.toCreateRequest(
          sampleInvoice({
            dueAt: '2024-01-01T00:00:00Z',
            subscription: { id: 'sub_x' },
            lines: [{ quantity: 1, unitAmount: 3_000_000_000, tax: { name: 'GST' } }],
          }),
          site,
        );
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.issues.map((i) => i.path)).toEqual([
      'lines[0].unitAmount',
      'lines[0].tax.ratePercent',
      'dueAt',
      'subscription.id',
    ]);
  });
});
