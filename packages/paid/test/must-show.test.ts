/** Canonical invoices in JPY, in KWD and with a $0.0004 unit price, through the client, the fake, and back. */
import { computeTotals, type Invoice, type InvoiceInput, parseInvoice } from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaidClient } from '../src/client';
import { type PaidFakeState, paidFake } from '../src/fake';

let fake: RunningFake<PaidFakeState>;
beforeAll(async () => {
  fake = await startFake(paidFake);
});
afterAll(() => fake.close());

const invoice = (currency: string, lines: InvoiceInput['lines']): InvoiceInput => ({
  externalId: `inv-${currency}-${lines.length}`,
  currency,
  customer: { id: 'cus_abc123' },
  issuedAt: '2026-03-01T00:00:00Z',
  lines: lines.map((line) => ({ ...line, product: { id: 'prod-id' } })),
});

const cases: Array<[string, InvoiceInput, number[]]> = [
  [
    'JPY (no minor unit)',
    invoice('JPY', [
      { description: 'Plan', quantity: 1, unitAmount: 1500 },
      { description: 'Seats', quantity: 3, unitAmount: 980, kind: 'recurring' },
    ]),
    [1500, 980],
  ],
  [
    'KWD (three decimals)',
    invoice('KWD', [
      { description: 'Plan', quantity: 1, unitAmount: 1234 },
      { description: 'Extra', quantity: 2, unitAmount: 5 },
    ]),
    [1.234, 0.005],
  ],
  [
    'USD at $0.0004 per call',
    invoice('USD', [
      { description: 'API calls', quantity: 2500, unitAmountDecimal: '0.04', kind: 'usage' },
      { description: 'Base', quantity: 1, unitAmount: 7910 },
    ]),
    [0.0004, 79.1],
  ],
];

describe.each(cases)('a canonical invoice in %s', (_name, input, wirePrices) => {
  it('reaches the fake as exact doubles and maps back with identical amounts', async () => {
    const paid = createPaidClient({ apiKey: 'k', baseUrl: `${fake.url}/api/v2`, currency: input.currency });
    const expected = parseInvoice(input);
    const created = await paid.create(input);

    const stored = fake.state.orders.at(-1)!;
    const sentPrices = stored.request.lines!.flatMap((l) =>
      l.attributes!.map((a) => a.pricing.pricePoints.unitPrice),
    );
    expect(sentPrices).toEqual(wirePrices);
    expect(JSON.stringify(stored.request)).not.toMatch(/\d\.\d*0{4,}\d|\d\.\d*9{4,}\d/); // no float noise

    const back = created.value as Invoice;
    expect(back.currency).toBe(input.currency);
    const amounts = (doc: Invoice) => doc.lines.map((l) => [l.quantity, l.unitAmount, l.unitAmountDecimal]);
    expect(amounts(back)).toEqual(amounts(expected));
    expect(computeTotals(back)).toEqual(computeTotals(expected));

    // Paid's own total of the stored order, read back: the same minor units.
    expect(created.value.provider).toBe('paid');
    const reader = createPaidClient({
      apiKey: 'k',
      baseUrl: `${fake.url}/api/v2`,
      currency: input.currency,
      rememberCreated: 0,
    });
    const got = await reader.get(created.raw.id, { as: 'invoice' });
    expect((got.value as Invoice).total).toBe(computeTotals(expected).total);
    // and the client that created it reads the lines back as sent
    const again = await paid.get(created.raw.id, { as: 'invoice' });
    expect(amounts(again.value as Invoice)).toEqual(amounts(expected));
  });
});
