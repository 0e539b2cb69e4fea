import { ValidationError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { fromWhop, WhopUnsupportedCurrencyError, whop } from '../src/index';
import { NON_ISO_WHOP_CURRENCIES } from '../src/wire-enums';
import createRequest from './fixtures/create-request.json';
import invoice from './fixtures/invoice.json';

describe('fromProvider: the Invoice object', () => {
  it.each([
    ['draft', 'draft'],
    ['open', 'open'],
    ['paid', 'paid'],
    ['past_due', 'open'],
    ['uncollectible', 'uncollectible'],
    ['void', 'void'],
  ])('status %s reads as %s and is kept verbatim', (status, canonical) => {
    const { value } = fromWhop({ ...invoice, status });
    expect(value.status).toBe(canonical);
    expect(value.providerStatus).toBe(status);
  });

  it('an undocumented status is passed through with an unrecognized warning', () => {
    const { value, warnings } = fromWhop({ ...invoice, status: 'refunded' });
    expect(value.status).toBeUndefined();
    expect(value.providerStatus).toBe('refunded');
    expect(warnings).toEqual([expect.objectContaining({ code: 'unrecognized', path: 'status' })]);
  });

  it.each(NON_ISO_WHOP_CURRENCIES)(
    'non-ISO currency %s is a typed error naming field and value',
    (currency) => {
      let error: unknown;
      try {
        fromWhop({ ...invoice, current_plan: { ...invoice.current_plan, currency } });
      } catch (e) {
        error = e;
      }
      expect(WhopUnsupportedCurrencyError.isInstance(error)).toBe(true);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field: 'current_plan.currency', value: currency });
      expect((error as Error).message).toContain(`"${currency}"`);
    },
  );

  it('reads sub-cent unit prices as unitAmountDecimal, and line items in position order', () => {
    const { value } = fromWhop({
      ...invoice,
      line_items: [
        { label: 'second', position: 1, quantity: 2, total: 20, unit_price: 10 },
        { label: 'first', position: 0, quantity: 1000, total: 0.4, unit_price: 0.0004 },
      ],
    });
    expect(value.lines).toEqual([
      { description: 'first', quantity: 1000, unitAmountDecimal: '0.04' },
      { description: 'second', quantity: 2, unitAmount: 1000 },
    ]);
  });

  it('a customer without email is identified by the Whop user id', () => {
    const { value } = fromWhop({ ...invoice, email_address: null });
    expect(value.customer).toEqual({ externalId: 'user_xxxxxxxxxxxxx', name: 'Jane Doe' });
  });

  it('an unreadable display price without line items is a clear error', () => {
    const record = {
      ...invoice,
      line_items: [],
      current_plan: { ...invoice.current_plan, formatted_price: '$10.00 / month' },
    };
    expect(() => fromWhop(record)).toThrow(/formatted_price/);
    const ok = fromWhop({
      ...record,
      current_plan: { ...invoice.current_plan, formatted_price: '$1,234.50' },
    });
    expect(ok.value.total).toBe(123450);
  });

  it('refuses a record that is neither shape', () => {
    expect(() => fromWhop({ hello: 'world' })).toThrow(ValidationError);
  });
});

describe('fromProvider: the create request', () => {
  it('reads a renewal plan back as a recurrence (30 days → 1 month, approximated)', () => {
    const { value, warnings } = fromWhop({
      ...createRequest,
      plan: { plan_type: 'renewal', renewal_price: 10.43, billing_period: 30, currency: 'usd' },
    });
    expect(value.recurrence).toEqual({ interval: 'month', count: 1 });
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'recurrence' })]);
  });

  it('round-trips what the adapter sends', () => {
    const doc = {
      currency: 'EUR',
      customer: {
        id: 'mber_xxxxxxxxxxxxx',
        email: 'c@example.com',
        name: 'C',
        phone: '+4915550100',
        billingAddress: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
      },
      dueAt: '2026-01-05T00:00:00.000Z',
      collection: { method: 'send_invoice' as const },
      status: 'open' as const,
      recurrence: { interval: 'week' as const, count: 2 },
      lines: [
        { description: 'A', quantity: 2, unitAmount: 1999, product: { id: 'prod_1' } },
        { description: 'B', quantity: 0.25, unitAmount: 400, product: { id: 'prod_1' } },
      ],
      providerOptions: { whop: { chargeBuyerFee: false } },
    };
    const { request } = whop.toCreateRequest(doc, { companyId: 'biz_xxxxxxxxxxxxxx' });
    const { value, warnings } = whop.fromProvider(request);
    expect(warnings).toEqual([]);
    expect(value).toEqual({ provider: 'whop', ...doc });
  });
});
