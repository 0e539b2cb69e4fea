import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentKind } from '../src/model/parse';
import { invoice, order } from './document-arbitraries';

/** The keys only an Order has, as the Order schema defines them; documentKind tests each by name. */
const ORDER_ONLY = [
  'name',
  'startAt',
  'endAt',
  'termCount',
  'billingAnchorDay',
  'billingFrequency',
  'billingCustomer',
  'autoPostInvoices',
  'autoSendBillingEmails',
  'autoSendPaymentEmails',
];

/** The rule written plainly, as a loop over the key list. */
function referenceKind(input: unknown): 'invoice' | 'order' {
  if (input === null || typeof input !== 'object') return 'invoice';
  const doc = input as Record<string, unknown>;
  const lines = Array.isArray(doc.lines) ? doc.lines : [];
  for (const line of lines)
    if (line !== null && typeof line === 'object' && 'charges' in line) return 'order';
  return ORDER_ONLY.some((key) => key in doc) ? 'order' : 'invoice';
}

/** Documents of both kinds with order-only keys added or lines' charges taken away, and any value. */
const values = fc.oneof(
  invoice,
  order,
  fc
    .tuple(fc.oneof(invoice, order), fc.subarray([...ORDER_ONLY, 'lines', 'charges', 'other']), fc.anything())
    .map(([doc, keys, value]) => {
      const out: Record<string, unknown> = { ...doc };
      for (const key of keys) {
        if (key === 'charges' && Array.isArray(out.lines))
          out.lines = (out.lines as unknown[]).map((line) => {
            if (line === null || typeof line !== 'object') return line;
            const { charges: _, ...rest } = line as Record<string, unknown>;
            return rest;
          });
        else if (key === 'lines') out.lines = value;
        else out[key] = value;
      }
      return out;
    }),
  fc.anything(),
  fc.record({ lines: fc.array(fc.oneof(fc.anything(), fc.record({ charges: fc.anything() }))) }),
);

describe('documentKind', () => {
  it('each order-only key alone makes an order', () => {
    for (const key of ORDER_ONLY)
      expect(documentKind({ currency: 'USD', lines: [], [key]: undefined })).toBe('order');
    expect(documentKind({ currency: 'USD', lines: [{ charges: [] }] })).toBe('order');
    expect(documentKind({ currency: 'USD', lines: [{ quantity: 1 }] })).toBe('invoice');
  });

  it('answers as the plain rule does on any value', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(documentKind(value)).toBe(referenceKind(value));
      }),
      { numRuns: 1000 },
    );
  });
});
