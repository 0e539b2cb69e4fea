import { describe, expect, it } from 'vitest';
import {
  documentKind,
  type InvoiceInput,
  parseDocument,
  parseInvoice,
  parseOrder,
  ValidationError,
} from '../src/index';

const base: InvoiceInput = {
  currency: 'USD',
  customer: { email: 'ada@example.com' },
  lines: [{ description: 'Seat', quantity: 2, unitAmount: 1500 }],
};

function issuesOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

describe('parseInvoice', () => {
  it('accepts a full invoice and normalises instants to UTC', () => {
    const invoice = parseInvoice({
      ...base,
      externalId: 'inv-1',
      number: 'INV-0001',
      status: 'open',
      issuedAt: '2026-01-05T09:00:00+09:00',
      dueAt: '2026-02-04T00:00:00Z',
      period: { start: '2026-01-01T00:00:00Z', end: '2026-01-31T23:59:59Z' },
      collection: { method: 'send_invoice', autoSend: true },
      tax: { type: 'gst', name: 'GST', ratePercent: '13', amount: 390, country: 'CA', state: 'ON' },
      recurrence: { interval: 'week', count: 2 },
      paymentTerms: { name: 'Net 30', days: 30 },
      metadata: { plan: 'pro', seats: 2, trial: false, note: null },
      lines: [
        {
          description: 'Usage',
          quantity: '1000000',
          unitAmountDecimal: '0.04',
          amount: 40000,
          kind: 'usage',
        },
        { description: 'Seat', quantity: '2.5', unitAmount: 2995, amount: 7488 },
      ],
    });
    expect(invoice.issuedAt).toBe('2026-01-05T00:00:00.000Z');
    expect(JSON.parse(JSON.stringify(invoice))).toEqual(invoice);
  });

  it('rejects a fractional minor-unit amount, naming the path', () => {
    const issues = issuesOf(() =>
      parseInvoice({ ...base, lines: [{ quantity: 1, unitAmount: 12.5 }], total: 10.01 }),
    );
    expect(issues.map((i) => i.path)).toEqual(['lines[0].unitAmount', 'total']);
    expect(issues[0]?.message).toMatch(/whole number of minor units/);
  });

  it('rejects a line amount that is not quantity × unit price', () => {
    const issues = issuesOf(() =>
      parseInvoice({ ...base, lines: [{ quantity: 3, unitAmount: 100, amount: 301 }] }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: 'lines[0].amount', message: expect.stringMatching(/300/) }),
    ]);
  });

  it('rejects unknown and lower-case currencies with the path', () => {
    for (const currency of ['XYZ', 'usd', 'HRK']) {
      const issues = issuesOf(() => parseInvoice({ ...base, currency }));
      expect(issues).toEqual([
        expect.objectContaining({ path: 'currency', message: expect.stringMatching(/ISO 4217/) }),
      ]);
    }
  });

  it('lists every issue at once', () => {
    const issues = issuesOf(() =>
      parseInvoice({
        currency: 'USD',
        customer: {},
        lines: [{ quantity: -1, unitAmount: 1, unitAmountDecimal: '1' }],
        period: { start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
        dueAt: 'tomorrow',
        colour: 'blue',
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['', 'customer', 'dueAt', 'lines[0].quantity', 'lines[0].unitAmount', 'period.end'].sort(),
    );
    expect(issues.find((i) => i.path === '')?.message).toMatch(/Unknown field "colour"/);
  });

  it('needs lines or a total, and a customer identity', () => {
    expect(issuesOf(() => parseInvoice({ ...base, lines: [] }))[0]?.path).toBe('lines');
    expect(parseInvoice({ ...base, lines: [], total: 5000 }).total).toBe(5000);
    expect(issuesOf(() => parseInvoice({ ...base, customer: { name: 'x' } }))[0]?.path).toBe('customer');
  });

  it('keeps metadata keys such as __proto__ and constructor as ordinary data', () => {
    const input = JSON.parse(
      '{"currency":"EUR","customer":{"id":"c"},"lines":[],"total":1,"metadata":{"__proto__":"p","constructor":"c","x":1}}',
    );
    const invoice = parseInvoice(input);
    expect(Object.keys(invoice.metadata ?? {})).toEqual(['__proto__', 'constructor', 'x']);
    expect(Object.getPrototypeOf(invoice.metadata)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(invoice))).toEqual(input);
    expect(issuesOf(() => parseInvoice({ ...input, metadata: { nested: { a: 1 } } }))[0]?.path).toBe(
      'metadata',
    );
  });

  it('rejects non-finite quantities and impossible dates', () => {
    expect(
      issuesOf(() =>
        parseInvoice({ ...base, lines: [{ quantity: Number.POSITIVE_INFINITY, unitAmount: 1 }] }),
      )[0]?.path,
    ).toBe('lines[0].quantity');
    expect(issuesOf(() => parseInvoice({ ...base, issuedAt: '2025-02-29T00:00:00Z' }))[0]?.path).toBe(
      'issuedAt',
    );
  });
});

describe('parseOrder and document kinds', () => {
  const order = {
    currency: 'USD',
    customer: { id: 'cus_abc123' },
    startAt: '2026-01-01T00:00:00Z',
    billingAnchorDay: 1,
    lines: [
      {
        product: { id: 'prod-id' },
        charges: [{ name: 'API calls', type: 'usage', unitAmountDecimal: '0.04', eventName: 'api_call' }],
      },
    ],
  } as const;

  it('parses an order and tells it from an invoice', () => {
    expect(parseOrder(order).lines[0]?.charges[0]?.type).toBe('usage');
    expect(documentKind(order)).toBe('order');
    expect(documentKind(base)).toBe('invoice');
    expect(parseDocument(order).kind).toBe('order');
    expect(parseDocument(base).kind).toBe('invoice');
  });

  it('names the path of order problems', () => {
    const issues = issuesOf(() =>
      parseOrder({ ...order, billingAnchorDay: 32, lines: [{ product: {}, charges: [] }] }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['billingAnchorDay', 'lines[0].charges']);
  });
});
