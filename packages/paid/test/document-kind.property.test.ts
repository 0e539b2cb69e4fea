/** src/document-kind.ts restates core's documentKind: the same answer on any value. */
import { documentKind } from '@billbridge/core';
import { invoiceArbitrary, orderArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentKindOf } from '../src/document-kind';

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

/** Documents of both kinds with order-only keys added or lines' charges taken away, and any value. */
const values = fc.oneof(
  invoiceArbitrary({ maxLines: 3 }),
  orderArbitrary({ maxLines: 3 }),
  fc
    .tuple(
      fc.oneof(invoiceArbitrary({ maxLines: 2 }), orderArbitrary({ maxLines: 2 })),
      fc.subarray([...ORDER_ONLY, 'lines', 'charges', 'other']),
      fc.anything(),
    )
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

describe("Paid's document kind test is core's documentKind", () => {
  it('same kind for any value', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(documentKindOf(value)).toBe(documentKind(value));
      }),
      { numRuns: 1000 },
    );
  });
});
