import type { InvoiceInput } from '@billbridge/core';

/**
 * One invoice as an app would write it: amounts in minor units of the currency (cents here), a
 * fractional quantity as a decimal string, instants in ISO 8601.
 */
export const invoice: InvoiceInput = {
  externalId: 'example-inv-1',
  number: 'INV-1001',
  currency: 'USD',
  customer: { externalId: 'cust-42', email: 'ada@example.com', name: 'Ada Lovelace' },
  issuedAt: '2026-11-01T00:00:00Z',
  dueAt: '2026-12-01T00:00:00Z',
  collection: { method: 'send_invoice' },
  lines: [
    { description: 'Consulting (hours)', quantity: '2.5', unitAmount: 2990 },
    { description: 'Setup fee', quantity: 1, unitAmount: 15000 },
  ],
};
