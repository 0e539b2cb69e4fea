import {
  type InvoiceInput,
  LossyMappingError,
  MissingRequiredFieldError,
  type OrderInput,
  ValidationError,
} from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { WhopPlanPriceError, whop } from '../src/index';
import { createRequestIssues } from '../src/wire';

const companyId = 'biz_xxxxxxxxxxxxxx';
const base: InvoiceInput = {
  currency: 'USD',
  customer: { email: 'customer@example.com', name: 'Jane Doe' },
  dueAt: '2025-02-01T00:00:00Z',
  collection: { method: 'send_invoice' },
  lines: [
    { description: 'Hours', quantity: 3, unitAmount: 1500, product: { name: 'Consulting' } },
    { description: 'Travel', quantity: '0.5', unitAmount: 2000, product: { name: 'Consulting' } },
  ],
};

describe('toCreateRequest', () => {
  it('builds the plan price from the lines, in major units, lower-case currency', () => {
    const { request, warnings } = whop.toCreateRequest(base, { companyId });
    expect(request).toMatchInlineSnapshot(`
      {
        "collection_method": "send_invoice",
        "company_id": "biz_xxxxxxxxxxxxxx",
        "customer_name": "Jane Doe",
        "due_date": "2025-02-01T00:00:00.000Z",
        "email_address": "customer@example.com",
        "line_items": [
          {
            "label": "Hours",
            "quantity": 3,
            "unit_price": 15,
          },
          {
            "label": "Travel",
            "quantity": 0.5,
            "unit_price": 20,
          },
        ],
        "plan": {
          "currency": "usd",
          "initial_price": 55,
          "plan_type": "one_time",
        },
        "product": {
          "title": "Consulting",
        },
      }
    `);
    expect(warnings).toEqual([]);
    expect(createRequestIssues(request)).toEqual([]);
  });

  it('uses product_id when every line names the same product, and member_id for a member', () => {
    const { request } = whop.toCreateRequest(
      {
        ...base,
        customer: { id: 'mber_xxxxxxxxxxxxx' },
        lines: [{ quantity: 1, unitAmount: 999, description: 'Seat', product: { id: 'prod_xxxxxxxxxxxxx' } }],
      },
      { companyId },
    );
    expect(request).toMatchObject({ product_id: 'prod_xxxxxxxxxxxxx', member_id: 'mber_xxxxxxxxxxxxx' });
    expect('product' in request).toBe(false);
    expect('email_address' in request).toBe(false);
  });

  it('takes company_id from options only, and says which option is missing', () => {
    const error = (() => {
      try {
        whop.toCreateRequest(base);
      } catch (e) {
        return e;
      }
    })();
    expect(MissingRequiredFieldError.isInstance(error)).toBe(true);
    expect((error as MissingRequiredFieldError).option).toBe('companyId');
  });

  it('maps a yen price without decimals and a KWD price with three', () => {
    const jpy = whop.toCreateRequest(
      { ...base, currency: 'JPY', lines: [{ description: 'x', quantity: 2, unitAmount: 1500 }] },
      { companyId },
    );
    expect(jpy.request.plan).toMatchObject({ currency: 'jpy', initial_price: 3000 });
    expect(jpy.request.line_items).toEqual([{ label: 'x', quantity: 2, unit_price: 1500 }]);
    const kwd = whop.toCreateRequest(
      { ...base, currency: 'KWD', lines: [{ description: 'x', quantity: 1, unitAmount: 1005 }] },
      { companyId },
    );
    expect(kwd.request.plan).toMatchObject({ currency: 'kwd', initial_price: 1.005 });
  });

  it('a renewal plan carries renewal_price and billing_period days; months are approximated', () => {
    const weekly = whop.toCreateRequest(
      { ...base, recurrence: { interval: 'week', count: 2 } },
      { companyId },
    );
    expect(weekly.request.plan).toEqual({
      plan_type: 'renewal',
      renewal_price: 55,
      currency: 'usd',
      billing_period: 14,
    });
    expect(weekly.warnings).toEqual([]);
    const monthly = whop.toCreateRequest(
      { ...base, recurrence: { interval: 'month', count: 1 } },
      { companyId },
    );
    expect(monthly.request.plan.billing_period).toBe(30);
    expect(monthly.warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'recurrence' })]);
    expect(() =>
      whop.toCreateRequest(
        { ...base, recurrence: { interval: 'year', count: 1 } },
        { companyId, strict: true },
      ),
    ).toThrow(LossyMappingError);
  });

  it('charge_automatically needs a payment method; finalizeAt goes with it', () => {
    expect(() =>
      whop.toCreateRequest({ ...base, collection: { method: 'charge_automatically' } }, { companyId }),
    ).toThrow(/collection\.paymentMethodId/);
    const { request } = whop.toCreateRequest(
      {
        ...base,
        dueAt: undefined,
        collection: {
          method: 'charge_automatically',
          paymentMethodId: 'pmt_xxxxxxxxxxxxxx',
          finalizeAt: '2025-01-20T10:00:00+02:00',
        },
      },
      { companyId },
    );
    expect(request).toMatchObject({
      collection_method: 'charge_automatically',
      payment_method_id: 'pmt_xxxxxxxxxxxxxx',
      automatically_finalizes_at: '2025-01-20T08:00:00.000Z',
    });
    expect('due_date' in request).toBe(false);
  });

  it('send_invoice needs a due date unless saved as a draft', () => {
    const { dueAt: _, ...noDue } = base;
    expect(() => whop.toCreateRequest(noDue, { companyId })).toThrow(MissingRequiredFieldError);
    const draft = whop.toCreateRequest({ ...noDue, status: 'draft' }, { companyId });
    expect(draft.request.save_as_draft).toBe(true);
  });

  it('a new customer needs email and name; a membership id is refused', () => {
    expect(() => whop.toCreateRequest({ ...base, customer: { email: 'a@b.co' } }, { companyId })).toThrow(
      /customer\.name/,
    );
    expect(() => whop.toCreateRequest({ ...base, customer: { id: 'mem_123456' } }, { companyId })).toThrow(
      ValidationError,
    );
  });

  it('Whop-only fields come from providerOptions.whop', () => {
    const { request } = whop.toCreateRequest(
      {
        ...base,
        customer: { ...base.customer, phone: '+15550100' },
        providerOptions: {
          whop: {
            productId: 'prod_xxxxxxxxxxxxx',
            chargeBuyerFee: true,
            subscriptionBillingAnchorAt: '2025-03-01T00:00:00Z',
            mailingAddressId: 'ma_xxxxxxxxxxxxxxx',
          },
        },
      },
      { companyId },
    );
    expect(request).toMatchObject({
      product_id: 'prod_xxxxxxxxxxxxx',
      charge_buyer_fee: true,
      subscription_billing_anchor_at: '2025-03-01T00:00:00.000Z',
      mailing_address_id: 'ma_xxxxxxxxxxxxxxx',
    });
    expect(() =>
      whop.toCreateRequest({ ...base, providerOptions: { whop: { productld: 'typo' } } }, { companyId }),
    ).toThrow(ValidationError);
  });

  it('every field Whop cannot hold is a warning with its path', () => {
    const { warnings } = whop.toCreateRequest(
      {
        ...base,
        externalId: 'ext-1',
        memo: 'Thanks',
        tax: { amount: 100 },
        metadata: { a: 1 },
        customer: { ...base.customer, billingAddress: { line1: '1 Main', line3: 'Floor 2', country: 'US' } },
        lines: [
          { description: 'x', quantity: 1, unitAmount: 100, priceId: 'price_1', tax: { ratePercent: '10' } },
        ],
      },
      { companyId },
    );
    expect(warnings.map((w) => `${w.code}:${w.path}`).sort()).toEqual(
      [
        'unsupported:externalId',
        'unsupported:memo',
        'unsupported:tax',
        'unsupported:metadata',
        'unsupported:customer.billingAddress.line3',
        'unsupported:lines[0].priceId',
        'unsupported:lines[0].tax',
      ].sort(),
    );
  });

  it('accepts an Order through core conversion', () => {
    const order: OrderInput = {
      currency: 'EUR',
      customer: { email: 'o@example.com', name: 'Ola' },
      status: 'draft',
      lines: [
        { product: { id: 'prod_1' }, charges: [{ name: 'Setup', type: 'one_time', unitAmount: 5000 }] },
      ],
    };
    const { request } = whop.toCreateRequest(order, { companyId });
    expect(request).toMatchObject({
      product_id: 'prod_1',
      save_as_draft: true,
      plan: { currency: 'eur', initial_price: 50 },
    });
  });

  it('refuses a currency Whop does not bill in', () => {
    expect(() => whop.toCreateRequest({ ...base, currency: 'ISK' }, { companyId })).toThrow(/ISK/);
  });
});

describe('line sum must be a representable plan price (refused before anything is sent)', () => {
  it('lines adding up to a fraction of a cent', () => {
    const doc: InvoiceInput = {
      ...base,
      lines: [{ description: 'API calls', quantity: 3, unitAmountDecimal: '0.04' }],
    };
    let error: unknown;
    try {
      whop.toCreateRequest(doc, { companyId });
    } catch (e) {
      error = e;
    }
    expect(WhopPlanPriceError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as WhopPlanPriceError).issues[0]).toMatchObject({
      path: 'lines',
      code: 'unrepresentable_plan_price',
    });
    expect((error as Error).message).toContain('0.0012 USD');
  });

  it('lines whose exact sum differs from the per-line rounded total', () => {
    const doc: InvoiceInput = {
      ...base,
      lines: [
        { description: 'a', quantity: 1, unitAmountDecimal: '0.5' },
        { description: 'b', quantity: 1, unitAmountDecimal: '0.5' },
      ],
    };
    expect(() => whop.toCreateRequest(doc, { companyId })).toThrow(WhopPlanPriceError);
  });

  it('sub-cent unit prices are fine when every line is a whole amount', () => {
    const doc: InvoiceInput = {
      ...base,
      lines: [{ description: 'API calls', quantity: 250, unitAmountDecimal: '0.04' }],
    };
    const { request } = whop.toCreateRequest(doc, { companyId });
    expect(request.line_items).toEqual([{ label: 'API calls', quantity: 250, unit_price: 0.0004 }]);
    expect(request.plan.initial_price).toBe(0.1);
  });

  it('a negative total is refused', () => {
    const doc: InvoiceInput = { ...base, lines: [{ description: 'credit', quantity: 1, unitAmount: -500 }] };
    expect(() => whop.toCreateRequest(doc, { companyId })).toThrow(WhopPlanPriceError);
  });
});

describe('one product per invoice', () => {
  it('a product name that only rides along with a product id is reported, not dropped silently', () => {
    const { request, warnings } = whop.toCreateRequest(
      {
        ...base,
        lines: [{ description: 'a', quantity: 1, unitAmount: 100, product: { id: 'prod_1', name: 'Alpha' } }],
      },
      { companyId },
    );
    expect(request).toMatchObject({ product_id: 'prod_1' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'lines[0].product' })]);
  });

  it('lines with different products: the first line product is not forced on the others', () => {
    const { request, warnings } = whop.toCreateRequest(
      {
        ...base,
        lines: [
          { description: 'a', quantity: 1, unitAmount: 100, product: { id: 'prod_1' } },
          { description: 'b', quantity: 1, unitAmount: 100, product: { id: 'prod_2' } },
        ],
      },
      { companyId, strict: false },
    );
    expect('product' in request && request.product.title).toBe('Invoice');
    expect(warnings.map((w) => w.path)).toEqual(['lines.product', 'lines[0].product', 'lines[1].product']);
  });
});
