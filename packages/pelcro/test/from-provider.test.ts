import { ValidationError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import epochInvoice from './fixtures/invoice-epoch-dates.json';
import webhookInvoice from './fixtures/invoice-webhook.json';

describe('fromProvider: invoice records', () => {
  it('reads the webhook-shaped invoice: ISO dates with microseconds, cents, nested customer and address', () => {
    const { value, warnings } = pelcro.fromProvider(webhookInvoice);
    expect(warnings).toEqual([]);
    expect(value).toEqual({
      id: '4821',
      provider: 'pelcro',
      status: 'open',
      providerStatus: 'open',
      currency: 'CAD',
      customer: {
        id: '987654',
        email: 'reader@example.com',
        name: 'Ada Reader',
        shippingAddress: {
          name: 'Ada Reader',
          line1: '2 Mail Lane',
          city: 'Toronto',
          state: 'ON',
          country: 'CA',
          postalCode: 'M5V 2T7',
        },
      },
      lines: [],
      total: 3500,
      billingReason: 'subscription_create',
      createdAt: '2023-02-21T13:06:47.000Z',
      collection: { method: 'send_invoice' },
      subscription: { id: '55501' },
    });
  });

  it('reads the { data } envelope with epoch-second dates, past_due and the migration fields', () => {
    const { value, warnings } = pelcro.fromProvider(epochInvoice);
    expect(warnings).toEqual([]);
    expect(value).toMatchObject({
      id: '4822',
      status: 'open',
      providerStatus: 'past_due',
      customer: { id: '987655', externalId: 'legacy-cus-1001' },
      createdAt: '2022-01-01T00:00:00.000Z',
      period: { start: '2025-01-01T00:00:00.000Z', end: '2025-02-01T00:00:00.000Z' },
      dueAt: '2025-01-08T00:00:00.000Z',
      imported: true,
      metadata: { source: 'legacy' },
      footer: 'Thank you for reading.',
      purchaseOrder: 'PO-77',
      total: 1575,
      lines: [
        { description: 'Handling', quantity: 1, unitAmount: 1500, tax: { name: 'GST', ratePercent: '5' } },
      ],
    });
  });

  it('reads ISO and epoch forms of the same instant identically', () => {
    const base = { id: 1, currency: 'usd', customer_id: 5, total: 100 };
    const asEpoch = pelcro.fromProvider({ ...base, due_date: 1736294400, created_at: '1736294400' }).value;
    const asIso = pelcro.fromProvider({
      ...base,
      due_date: '2025-01-08T00:00:00.000000Z',
      created_at: '2025-01-08T01:00:00+01:00',
    }).value;
    expect(asEpoch.dueAt).toBe('2025-01-08T00:00:00.000Z');
    expect(asIso.dueAt).toBe(asEpoch.dueAt);
    expect(asIso.createdAt).toBe(asEpoch.createdAt);
  });

  it('reads a naive Laravel timestamp as UTC and says so; drops an unreadable one with a warning', () => {
    const { value, warnings } = pelcro.fromProvider({
      id: 1,
      currency: 'usd',
      customer_id: 5,
      total: 100,
      created_at: '2025-01-08 10:30:00',
      due_date: 'next tuesday',
    });
    expect(value.createdAt).toBe('2025-01-08T10:30:00.000Z');
    expect(value.dueAt).toBeUndefined();
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'unrecognized', path: 'due_date' }),
      expect.objectContaining({ code: 'defaulted', path: 'created_at' }),
    ]);
  });

  it('keeps an unknown status as providerStatus only, with a warning', () => {
    const { value, warnings } = pelcro.fromProvider({
      id: 1,
      currency: 'usd',
      customer_id: 5,
      total: 1,
      status: 'refunded',
    });
    expect(value.status).toBeUndefined();
    expect(value.providerStatus).toBe('refunded');
    expect(warnings).toEqual([expect.objectContaining({ code: 'unrecognized', path: 'status' })]);
  });

  it('keeps __proto__ in metadata as data', () => {
    const record = JSON.parse(
      '{"id":1,"currency":"usd","customer_id":5,"total":1,"metadata":{"__proto__":"x","a":1}}',
    );
    const { value } = pelcro.fromProvider(record);
    expect(Object.keys(value.metadata ?? {})).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(value.metadata)).toBe(Object.prototype);
  });

  it('refuses a record that is not an invoice', () => {
    expect(() => pelcro.fromProvider({ id: 'x' })).toThrow(ValidationError);
    expect(() => pelcro.fromProvider({ currency: 'usd' })).toThrow(ValidationError);
  });
});

describe('fromProvider: create requests', () => {
  it('reads a bare body and the { query, body } request alike, deriving the total Pelcro will compute', () => {
    const body = {
      currency: 'eur',
      customer_old_provider_id: 'legacy-1',
      line_items: [{ unit_price: 999, quantity: 3, tax_name: 'VAT', tax_rate: 20.5 }],
      billing_address_id: 7001,
      plan_shipments_per_interval: 2,
    };
    const bare = pelcro.fromProvider(body).value;
    expect(pelcro.fromProvider({ query: { site_id: 1 }, body }).value).toEqual(bare);
    expect(bare).toEqual({
      currency: 'EUR',
      customer: { externalId: 'legacy-1' },
      lines: [{ quantity: 3, unitAmount: 999, tax: { name: 'VAT', ratePercent: '20.5' } }],
      // 2997 + 20.5 % of 2997 = 614.385 → 614.
      total: 3611,
      providerOptions: { pelcro: { billingAddressId: 7001, planShipmentsPerInterval: 2 } },
    });
  });
});
