/**
 * The documents the demo page offers. Each is a canonical Invoice or Order as a user would write it; the
 * provider-specific references (Paid product, ChargeOver item, Whop company…) come from the demo's
 * provider options, which point at the fakes' default data sets.
 */
export interface Sample {
  id: string;
  title: string;
  about: string;
  document: unknown;
}

/** Products by the seller's own SKU; each provider's demo settings map the SKU to its product/item id. */
export const CONSULTING = { externalId: 'sku-consulting', name: 'Consulting' };
export const PLAN = { externalId: 'sku-pro-plan', name: 'Pro plan' };
export const API = { externalId: 'sku-api', name: 'API platform' };

const customer = {
  externalId: 'cust-42',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
};

export const SAMPLES: Sample[] = [
  {
    id: 'one-off',
    title: 'One-off invoice (USD)',
    about: 'Two lines, one with a fractional quantity: 2.5 × $29.95 must stay $74.88, not $74.87.',
    document: {
      externalId: 'demo-one-off-1',
      number: 'INV-1001',
      currency: 'USD',
      customer,
      issuedAt: '2026-11-01T00:00:00Z',
      dueAt: '2026-12-01T00:00:00Z',
      collection: { method: 'send_invoice' },
      memo: 'Thank you for your business.',
      lines: [
        { description: 'Consulting (hours)', quantity: '2.5', unitAmount: 2995, product: CONSULTING },
        { description: 'Setup fee', quantity: 1, unitAmount: 15000, product: CONSULTING },
      ],
    },
  },
  {
    id: 'subscription',
    title: 'Subscription invoice (EUR, monthly)',
    about: 'A recurring line with a service period; month → days is an approximation for Whop.',
    document: {
      externalId: 'demo-sub-1',
      currency: 'EUR',
      customer,
      issuedAt: '2026-11-01T00:00:00Z',
      dueAt: '2026-11-15T00:00:00Z',
      period: { start: '2026-11-01T00:00:00Z', end: '2026-12-01T00:00:00Z' },
      billingReason: 'subscription_cycle',
      subscription: { externalId: 'sub-7' },
      // Flowglad refers to the subscription by its own id: a provider-only field.
      providerOptions: {
        flowglad: { subscriptionId: 'sub_test_1', billingPeriodId: 'billing_period_test_1' },
      },
      recurrence: { interval: 'month', count: 1 },
      lines: [
        {
          description: 'Pro plan',
          quantity: 1,
          unitAmount: 4900,
          kind: 'recurring',
          recurrence: { interval: 'month', count: 1 },
          period: { start: '2026-11-01T00:00:00Z', end: '2026-12-01T00:00:00Z' },
          product: PLAN,
        },
      ],
    },
  },
  {
    id: 'usage-order',
    title: 'Usage order with sub-cent prices',
    about: 'An Order (Paid’s native document): $0.0004 per API call must survive every conversion.',
    document: {
      externalId: 'demo-order-1',
      name: 'API platform',
      currency: 'USD',
      customer,
      startAt: '2026-11-01T00:00:00Z',
      billingAnchorDay: 1,
      lines: [
        {
          product: API,
          charges: [
            {
              name: 'Platform fee',
              type: 'recurring',
              unitAmount: 9900,
              recurrence: { interval: 'month', count: 1 },
            },
            {
              name: 'API calls',
              type: 'usage',
              quantity: 250000,
              unitAmountDecimal: '0.04',
              eventName: 'api_call',
            },
          ],
        },
      ],
    },
  },
  {
    id: 'jpy',
    title: 'JPY invoice (zero-decimal)',
    about: '¥1,500 is 1500 minor units: a library that divides by 100 sends ¥15.',
    document: {
      externalId: 'demo-jpy-1',
      currency: 'JPY',
      customer,
      issuedAt: '2026-11-01T00:00:00Z',
      dueAt: '2026-11-30T00:00:00Z',
      lines: [{ description: 'Monthly seat', quantity: 3, unitAmount: 1500, product: CONSULTING }],
    },
  },
  {
    id: 'kwd',
    title: 'KWD invoice (three decimals)',
    about: '12.345 KD is 12345 fils; Flowglad counts KWD in 1/100 and must say it rounds.',
    document: {
      externalId: 'demo-kwd-1',
      currency: 'KWD',
      customer,
      issuedAt: '2026-11-01T00:00:00Z',
      dueAt: '2026-11-30T00:00:00Z',
      lines: [{ description: 'Support plan', quantity: 1, unitAmount: 12345, product: CONSULTING }],
    },
  },
  {
    id: 'tax-address',
    title: 'Addresses and tax (CAD)',
    about: 'Billing and shipping addresses and 13 % HST: not every provider can hold them.',
    document: {
      externalId: 'demo-tax-1',
      purchaseOrder: 'PO-889',
      currency: 'CAD',
      customer: {
        ...customer,
        billingAddress: {
          line1: '1 King St W',
          city: 'Toronto',
          state: 'ON',
          postalCode: 'M5H 1A1',
          country: 'CA',
        },
        shippingAddress: {
          line1: '2 Queen St E',
          city: 'Toronto',
          state: 'ON',
          postalCode: 'M5C 1R6',
          country: 'CA',
        },
      },
      issuedAt: '2026-11-01T00:00:00Z',
      dueAt: '2026-12-01T00:00:00Z',
      footer: 'HST #123456789RT0001',
      lines: [
        {
          description: 'Widgets',
          quantity: 4,
          unitAmount: 2500,
          product: CONSULTING,
          tax: { type: 'hst', name: 'HST', ratePercent: '13', amount: 1300 },
        },
      ],
    },
  },
  {
    id: 'invalid',
    title: 'A deliberately invalid invoice',
    about: 'Every problem is reported at once, each at its path.',
    document: {
      currency: 'usd',
      customer: { name: 'Nobody' },
      dueAt: 'next Tuesday',
      lines: [{ description: 'Half a cent', quantity: 1, unitAmount: 12.5 }],
      colour: 'blue',
    },
  },
];
