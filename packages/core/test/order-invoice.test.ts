import { describe, expect, it } from 'vitest';
import { invoiceToOrder, orderToInvoice, parseInvoice, parseOrder } from '../src/index';

describe('Order → Invoice', () => {
  it('becomes the invoice of the first billing period, one line per charge', () => {
    const order = parseOrder({
      currency: 'USD',
      customer: { id: 'cus_abc123' },
      status: 'active',
      startAt: '2026-01-31T00:00:00Z',
      termCount: 12,
      lines: [
        {
          product: { id: 'prod-id' },
          name: 'Pro',
          charges: [
            {
              name: 'Platform',
              type: 'recurring',
              unitAmount: 9900,
              recurrence: { interval: 'month', count: 1 },
            },
            { name: 'Calls', type: 'usage', unitAmountDecimal: '0.04', quantity: 1000, eventName: 'call' },
          ],
        },
      ],
    });
    const { value, warnings } = orderToInvoice(order);
    expect(parseInvoice(value)).toEqual(value);
    expect(value.status).toBe('open');
    expect(value.period).toEqual({ start: '2026-01-31T00:00:00.000Z', end: '2026-02-28T00:00:00.000Z' });
    expect(value.lines.map((l) => [l.description, l.kind, l.unitAmount ?? l.unitAmountDecimal])).toEqual([
      ['Pro: Platform', 'recurring', 9900],
      ['Pro: Calls', 'usage', '0.04'],
    ]);
    expect(warnings.map((w) => w.path).sort()).toEqual(['lines[0].charges[1].eventName', 'termCount']);
  });
});

describe('Invoice → Order', () => {
  it('becomes one order line per invoice line, warning for what an order cannot hold', () => {
    const invoice = parseInvoice({
      currency: 'JPY',
      number: 'INV-7',
      status: 'paid',
      customer: { email: 'a@example.jp', billingAddress: { country: 'JP' } },
      issuedAt: '2026-03-01T00:00:00Z',
      dueAt: '2026-03-31T00:00:00Z',
      tax: { type: 'jct', ratePercent: '10' },
      lines: [{ description: 'Consulting', quantity: 3, unitAmount: 15000, tax: { amount: 4500 } }],
    });
    const { value, warnings } = invoiceToOrder(invoice);
    expect(parseOrder(value)).toEqual(value);
    expect(value.lines).toEqual([
      {
        product: {},
        name: 'Consulting',
        charges: [{ name: 'Consulting', type: 'one_time', quantity: 3, unitAmount: 15000 }],
      },
    ]);
    expect(value.startAt).toBe('2026-03-01T00:00:00.000Z');
    expect(value.status).toBeUndefined();
    expect(warnings.map((w) => w.path).sort()).toEqual(
      ['customer.billingAddress', 'dueAt', 'lines[0].tax', 'number', 'status', 'tax'].sort(),
    );
    expect(warnings.every((w) => w.code === 'unsupported')).toBe(true);
  });

  it('round-trips the amounts of a simple invoice through an order and back', () => {
    const invoice = parseInvoice({
      currency: 'KWD',
      customer: { id: 'c1' },
      lines: [
        { description: 'A', quantity: '1.5', unitAmount: 1234, kind: 'one_time' },
        { description: 'B', quantity: 2, unitAmountDecimal: '0.125', kind: 'usage' },
      ],
    });
    const back = orderToInvoice(invoiceToOrder(invoice).value).value;
    expect(back.lines.map((l) => [l.quantity, l.unitAmount, l.unitAmountDecimal, l.kind])).toEqual(
      invoice.lines.map((l) => [l.quantity, l.unitAmount, l.unitAmountDecimal, l.kind]),
    );
  });
});
