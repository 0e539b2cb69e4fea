import type { InvoiceInput } from '@billbridge/core';

/** A small valid canonical invoice for Flowglad's default fake data. */
export function invoice(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    number: 'INV-1001',
    status: 'open',
    currency: 'USD',
    customer: { id: 'cust_test_1' },
    issuedAt: '2026-01-05T00:00:00.000Z',
    dueAt: '2026-02-04T00:00:00.000Z',
    lines: [
      { description: 'Pro plan', quantity: 2, unitAmount: 1999, priceId: 'price_test_1' },
      { description: 'Setup', quantity: 1, unitAmount: 5000 },
    ],
    ...overrides,
  };
}

export const TEST_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
