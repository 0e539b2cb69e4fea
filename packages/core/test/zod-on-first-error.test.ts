// Its own file, importing nothing that touches zod: vitest gives each file fresh modules, so whether zod
// was loaded is this file's doing alone.
import { describe, expect, it } from 'vitest';
import {
  documentKind,
  invoiceToOrder,
  isZodLoaded,
  orderToInvoice,
  parseDocument,
  parseInvoice,
  parseOrder,
  ValidationError,
} from '../src/index';

const invoice = {
  currency: 'USD',
  customer: { email: 'ada@example.com', billingAddress: { country: 'GB' } },
  issuedAt: '2026-01-05T10:00:00+01:00',
  lines: [
    {
      description: 'Seats',
      quantity: 3,
      unitAmount: 1250,
      kind: 'recurring',
      recurrence: { interval: 'month', count: 1 },
    },
    {
      description: 'Usage',
      quantity: '0.5',
      unitAmountDecimal: '0.04',
      tax: { type: 'vat', ratePercent: '20' },
    },
  ],
  collection: { method: 'send_invoice', autoSend: false },
  paymentTerms: { days: 30 },
  metadata: { source: 'test' },
};

describe('zod loads on the first document that needs its error messages, not before', () => {
  it('importing core and reading valid documents leaves zod unloaded', () => {
    expect(isZodLoaded()).toBe(false);
    const parsed = parseInvoice(invoice);
    expect(parsed.issuedAt).toBe('2026-01-05T09:00:00.000Z');
    const order = parseOrder(invoiceToOrder(parsed).value);
    expect(documentKind(orderToInvoice(order).value)).toBe('invoice');
    expect(parseDocument(parsed)).toEqual({ kind: 'invoice', value: parsed });
    expect(isZodLoaded()).toBe(false);
  });

  it('an invalid document loads zod and gets its issues by path', () => {
    const bad = { ...invoice, lines: [{ quantity: 1, unitAmount: 12.5 }] };
    let error: unknown;
    try {
      parseInvoice(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain('lines[0].unitAmount');
    expect(isZodLoaded()).toBe(true);
  });
});
