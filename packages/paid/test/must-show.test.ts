/**
 * Issue #15's must-shows: Paid amounts are ISO minor units. $12.50 goes out as 1250, ¥1,500 as 1500,
 * $0.0004 per call as 0.04 (KWD 1.234 as 1234), and each reads back unchanged: through the client that
 * created the order, through the order's own totals read by a client that did not, and through the
 * mapping alone. A foreign order read without a currency fails with a clear, typed error.
 */
import {
  computeTotals,
  type Invoice,
  type InvoiceInput,
  MissingRequiredFieldError,
  type Order,
  type OrderInput,
  parseInvoice,
} from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaidClient } from '../src/client';
import { type PaidFakeState, paidFake } from '../src/fake';
import { fromProvider } from '../src/from-provider';
import { toCreateRequest } from '../src/to-provider';

let fake: RunningFake<PaidFakeState>;
beforeAll(async () => {
  fake = await startFake(paidFake);
});
afterAll(() => fake.close());
const baseUrl = () => `${fake.url}/api/v2`;

const order = (
  currency: string,
  unit: { unitAmount: number } | { unitAmountDecimal: string },
  quantity = 1,
) =>
  ({
    currency,
    externalId: `must-${currency}-${JSON.stringify(unit)}`,
    customer: { id: 'cus_abc123' },
    lines: [{ product: { id: 'prod-id' }, charges: [{ name: 'Fee', type: 'one_time', quantity, ...unit }] }],
  }) satisfies OrderInput;

const cases = [
  { name: '$12.50', doc: order('USD', { unitAmount: 1250 }), wire: 1250, total: 1250 },
  { name: '¥1,500', doc: order('JPY', { unitAmount: 1500 }), wire: 1500, total: 1500 },
  {
    name: '$0.0004 per call (2,500 calls)',
    doc: order('USD', { unitAmountDecimal: '0.04' }, 2500),
    wire: 0.04,
    total: 100,
  },
  { name: 'KWD 1.234', doc: order('KWD', { unitAmount: 1234 }), wire: 1234, total: 1234 },
];

describe.each(cases)('$name', ({ doc, wire, total }) => {
  it('goes out in minor units and reads back unchanged', async () => {
    const charge = doc.lines[0]!.charges[0]!;
    const unit = 'unitAmount' in charge ? { unitAmount: charge.unitAmount } : charge;

    // The mapping alone, there and back.
    const { request } = toCreateRequest(doc);
    expect(request.lines?.[0]?.attributes?.[0]?.pricing.pricePoints.unitPrice).toBe(wire);
    const mapped = fromProvider(JSON.parse(JSON.stringify(request))).value as Order;
    expect(mapped.lines[0]?.charges[0]).toMatchObject(unit);

    // Through the client and the fake: what Paid received, what it answered, what comes back.
    const paid = createPaidClient({ apiKey: 'k', baseUrl: baseUrl() });
    const created = await paid.create(doc);
    const stored = fake.state.byId.get(created.raw.id)!;
    expect(stored.request.lines?.[0]?.attributes?.[0]?.pricing.pricePoints.unitPrice).toBe(wire);
    expect(stored.order.totalAmount).toBe(total);
    expect(created.value).toMatchObject({ currency: doc.currency, total });
    expect((created.value as Order).lines[0]?.charges[0]).toMatchObject(unit);
    expect(created.joinedFromRequest.sort()).toEqual(['currency', 'externalId', 'lines']);

    const again = await paid.get(created.raw.id);
    expect(again.value).toMatchObject({ currency: doc.currency, total });
    expect((again.value as Order).lines[0]?.charges[0]).toMatchObject(unit);

    // A client that did not create it reads Paid's own total, in the currency it is told, and says so.
    const stranger = createPaidClient({
      apiKey: 'k',
      baseUrl: baseUrl(),
      currency: doc.currency,
      rememberCreated: 0,
    });
    const foreign = await stranger.get(created.raw.id);
    expect(foreign.value).toMatchObject({ currency: doc.currency, total });
    expect(foreign.joinedFromRequest).toEqual([]);
    expect(foreign.warnings).toContainEqual(expect.objectContaining({ code: 'defaulted', path: 'currency' }));
  });
});

it('a foreign order read without a currency fails with a typed error that says why and what to pass', async () => {
  const created = await createPaidClient({ apiKey: 'k', baseUrl: baseUrl() }).create(cases[0]!.doc);
  const stranger = createPaidClient({ apiKey: 'k', baseUrl: baseUrl(), rememberCreated: 0 });
  const error = await stranger.get(created.raw.id).catch((e: unknown) => e);
  expect(MissingRequiredFieldError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ path: 'currency', option: 'currency' });
  expect((error as Error).message).toContain(`Paid order ${created.raw.id} carries no currency`);
  expect((error as Error).message).toMatch(/createPaidClient\(\{ currency: 'USD' \}\)/);
});

/** Canonical invoices in JPY, in KWD and with a $0.0004 unit price, through the client, the fake, and back. */
const invoice = (currency: string, lines: InvoiceInput['lines']): InvoiceInput => ({
  externalId: `inv-${currency}-${lines.length}`,
  currency,
  customer: { id: 'cus_abc123' },
  issuedAt: '2026-03-01T00:00:00Z',
  lines: lines.map((line) => ({ ...line, product: { id: 'prod-id' } })),
});

const invoices: Array<[string, InvoiceInput, number[]]> = [
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
    [1234, 5],
  ],
  [
    'USD at $0.0004 per call',
    invoice('USD', [
      { description: 'API calls', quantity: 2500, unitAmountDecimal: '0.04', kind: 'usage' },
      { description: 'Base', quantity: 1, unitAmount: 7910 },
    ]),
    [0.04, 7910],
  ],
];

describe.each(invoices)('a canonical invoice in %s', (_name, input, wirePrices) => {
  it('reaches the fake in minor units and maps back with identical amounts', async () => {
    const paid = createPaidClient({ apiKey: 'k', baseUrl: baseUrl(), currency: input.currency });
    const expected = parseInvoice(input);
    const created = await paid.create(input);

    const stored = fake.state.byId.get(created.raw.id)!;
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

    // Paid's own total of the stored order, read back by a client that did not create it.
    const reader = createPaidClient({
      apiKey: 'k',
      baseUrl: baseUrl(),
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
