import { inspect } from 'node:util';
import {
  AmbiguousResultError,
  AuthenticationError,
  computeTotals,
  InvalidRequestError,
  type InvoiceInput,
  MissingRequiredFieldError,
  NotFoundError,
  type TransportEvent,
} from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChargeOverClient } from '../src/index';
import { type ChargeOverFakeState, chargeoverFake, DEFAULT_CURRENCY_IDS } from '../src/testing';

const publicKey = 'pubKey7f3c9a1e5b2d8f4a6c0e1b3d5f7a9c2e';
const privateKey = 'privKey2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b';

let fake: RunningFake<ChargeOverFakeState>;
beforeEach(async () => {
  fake = await startFake(chargeoverFake, { seed: { apiKeys: [`${publicKey}:${privateKey}`] } });
});
afterEach(() => fake.close());

function client(overrides: Partial<Parameters<typeof createChargeOverClient>[0]> = {}) {
  return createChargeOverClient({
    publicKey,
    privateKey,
    baseUrl: fake.url,
    currencyIds: DEFAULT_CURRENCY_IDS,
    timeZone: 'America/New_York',
    maxRetries: 2,
    ...overrides,
  });
}

const invoice = (overrides: Partial<InvoiceInput> = {}): InvoiceInput => ({
  currency: 'USD',
  customer: { id: '1' },
  issuedAt: '2026-03-08T05:00:00.000Z',
  lines: [{ description: 'Consulting', quantity: 3, unitAmount: 2995, product: { id: '4' } }],
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createChargeOverClient against the fake', () => {
  it('creates, gets and lists invoices', async () => {
    const co = client();
    const created = await co.create(invoice({ externalId: 'inv-1', number: 'A-1', memo: 'Thanks' }));
    expect(created.warnings).toEqual([]);
    expect(created.value).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      provider: 'chargeover',
      externalId: 'inv-1',
    });
    // ChargeOver answers a create with an id only: the client reads the invoice back, and returns that.
    expect(created.verified).toBe(true);
    expect(created.raw).toMatchObject({ invoice_id: Number(created.value.id), total: 89.85 });
    expect(created.value).toMatchObject({ status: 'open', total: 8985, providerStatus: 'open-unpaid' });
    expect(fake.records).toHaveLength(1);

    const read = await co.get(created.value.id!);
    expect(read.value).toMatchObject({
      id: created.value.id,
      number: 'A-1',
      externalId: 'inv-1',
      memo: 'Thanks',
      status: 'open',
      providerStatus: 'open-unpaid',
      currency: 'USD',
      issuedAt: '2026-03-08T05:00:00.000Z',
      total: 8985,
      lines: [{ description: 'Consulting', quantity: 3, unitAmount: 2995, product: { id: '4' } }],
    });
    expect(read.raw).toMatchObject({ invoice_id: Number(created.value.id), total: 89.85 });

    for (let i = 2; i <= 5; i += 1)
      await co.create(invoice({ externalId: `inv-${i}`, customer: { id: String((i % 2) + 1) } }));
    const all: string[] = [];
    for await (const item of co.list({ pageSize: 2 })) all.push(item.value.externalId!);
    expect(all).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4', 'inv-5']);
    const mine: string[] = [];
    for await (const item of co.list({
      where: 'customer_id:EQUALS:2',
      order: 'invoice_id:DESC',
      pageSize: 1,
    })) {
      mine.push(item.value.externalId!);
      // Query rows carry no lines; list fetches each invoice, so its lines come with it.
      expect(item.value.lines).toEqual([
        { description: 'Consulting', quantity: 3, unitAmount: 2995, product: { id: '4' }, kind: 'one_time' },
      ]);
      expect(item.value.total).toBe(8985);
    }
    expect(mine).toEqual(['inv-5', 'inv-3']);
    const headers = [];
    for await (const item of co.listHeaders({ where: 'customer_id:EQUALS:2', pageSize: 1 }))
      headers.push(item);
    expect(headers.map((h) => [h.value.externalId, h.value.lines, h.value.total, h.headersOnly])).toEqual([
      ['inv-3', [], 8985, true],
      ['inv-5', [], 8985, true],
    ]);
  });

  it('refuses bad input before sending anything', async () => {
    const events: TransportEvent[] = [];
    const co = client({ onEvent: (e) => events.push(e) });
    const error = await rejection(
      co.create(
        invoice({
          lines: [
            { quantity: 1, unitAmount: 1 },
            { quantity: 1, unitAmount: 1, product: { name: 'x' } },
          ],
        }),
      ),
    );
    expect(MissingRequiredFieldError.isInstance(error)).toBe(true);
    expect((error as MissingRequiredFieldError).path).toBe('lines[0].product.id');
    await expect(co.create(invoice({ currency: 'XCG' }))).resolves.toBeDefined();
    // A currency the account does not have names the table it was looked up in.
    const narrow = await startFake(chargeoverFake, { seed: { currencyIds: { USD: 1 } } });
    try {
      const unknown = await rejection(
        client({ baseUrl: narrow.url, currencyIds: undefined }).create(invoice({ currency: 'EUR' })),
      );
      expect(
        MissingRequiredFieldError.isInstance(unknown) && (unknown as MissingRequiredFieldError).option,
      ).toBe('currencyIds');
      expect(narrow.records).toEqual([]);
    } finally {
      await narrow.close();
    }
    // The currency table (once), then the one create that was valid, and its read-back.
    const attempts = events.filter((e) => e.type === 'attempt') as Array<{ method: string; url: string }>;
    expect(attempts.map((a) => `${a.method} ${new URL(a.url).pathname}`)).toEqual([
      'GET /api/v3/currency',
      'POST /api/v3/invoice',
      `GET /api/v3/invoice/${(fake.records[0] as { invoice_id: number }).invoice_id}`,
    ]);
  });

  it('maps ChargeOver errors to typed errors without showing the keys', async () => {
    const wrong = createChargeOverClient({
      publicKey,
      privateKey: 'privKeyWrong0000000000000000000000',
      baseUrl: fake.url,
      currencyIds: DEFAULT_CURRENCY_IDS,
    });
    const auth = await rejection(wrong.create(invoice()));
    expect(AuthenticationError.isInstance(auth)).toBe(true);
    expect((auth as AuthenticationError).status).toBe(401);

    const co = client();
    const bad = await rejection(co.create(invoice({ customer: { id: '99' } })));
    expect(InvalidRequestError.isInstance(bad)).toBe(true);
    expect((bad as Error).message).toMatch(/customer you specified does not exist/);
    expect((bad as InvalidRequestError).raw).toMatchObject({ code: 400, status: 'Error' });

    const missing = await rejection(co.get('424242'));
    expect(NotFoundError.isInstance(missing)).toBe(true);

    const basic = Buffer.from(`${publicKey}:${privateKey}`).toString('base64');
    for (const error of [auth, bad, missing]) {
      const text = [String(error), inspect(error, { depth: 8 }), JSON.stringify(error)].join('\n');
      for (const secret of [privateKey, basic]) expect(text).not.toContain(secret);
    }
    expect(fake.records).toEqual([]);
  });
});

describe('creates are safe to retry through external_key', () => {
  it('a create retried after "created, then failed" ends with exactly one invoice, and returns it', async () => {
    const co = client();
    await co.currencies(); // the account's table is read first; the fault is meant for the create
    fake.faults.set({ script: ['created_then_failed'] });
    const result = await co.create(invoice({ externalId: 'order-7781' }));
    expect(fake.faults.injected.map((f) => f.kind)).toEqual(['created_then_failed']);
    expect(fake.records).toHaveLength(1);
    const stored = fake.records[0] as { invoice_id: number; external_key: string };
    expect(stored.external_key).toBe('order-7781');
    expect(result.existing).toBe(true);
    expect(result.value).toMatchObject({
      id: String(stored.invoice_id),
      externalId: 'order-7781',
      total: 8985,
    });
    // And nothing more is created by asking again.
    const again = await co.create(invoice({ externalId: 'order-7781' }));
    expect(again.value.id).toBe(String(stored.invoice_id));
    expect(fake.records).toHaveLength(1);
  });

  it('an external key with a comma is still found (the query language splits on commas)', async () => {
    const co = client();
    await co.currencies();
    fake.faults.set({ script: ['created_then_failed'] });
    const result = await co.create(invoice({ externalId: 'batch 7, row 12' }));
    expect(result.existing).toBe(true);
    expect(result.value.externalId).toBe('batch 7, row 12');
    expect(fake.records).toHaveLength(1);
  });

  it('without an external_key the create is never resent: the caller gets AmbiguousResultError', async () => {
    const co = client();
    await co.currencies();
    fake.faults.set({ script: ['created_then_failed'] });
    const error = await rejection(co.create(invoice()));
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect(fake.records).toHaveLength(1);
  });

  it('retries a dropped connection when the external_key makes it safe', async () => {
    const co = client();
    await co.currencies();
    fake.faults.set({ script: ['drop', 'unavailable'] });
    const result = await co.create(invoice({ externalId: 'order-9' }));
    expect(result.existing).toBeUndefined();
    expect(fake.records).toHaveLength(1);
  });
});

describe('money keeps every cent', () => {
  it('a USD invoice of 2.5 × $29.95 lines', async () => {
    const co = client();
    const doc = invoice({
      externalId: 'usd-cents',
      lines: [
        { description: 'Half-day A', quantity: '2.5', unitAmount: 2995, product: { id: '4' } },
        { description: 'Half-day B', quantity: 2.5, unitAmount: 2995, product: { id: '4' } },
        { description: 'Usage', quantity: 12345, unitAmountDecimal: '0.04', product: { id: '4' } },
      ],
    });
    const expected = computeTotals(doc as never);
    // 74.875 rounds once per line to 74.88; 12345 × $0.0004 = $4.938 → 4.94.
    expect(expected.total).toBe(7488 + 7488 + 494);
    const created = await co.create(doc);
    const sent = fake.records[0] as {
      line_items: Array<{ line_rate: number; line_quantity: number }>;
      total: number;
    };
    expect(sent.line_items.map((l) => [l.line_rate, l.line_quantity])).toEqual([
      [29.95, 2.5],
      [29.95, 2.5],
      [0.0004, 12345],
    ]);
    expect(sent.total).toBe(154.7);
    const read = await co.get(created.value.id!);
    expect(read.value.total).toBe(expected.total);
    expect(computeTotals(read.value)).toEqual(expected);
    expect(read.value.lines.map((l) => [l.quantity, l.unitAmount ?? l.unitAmountDecimal])).toEqual([
      ['2.5', 2995],
      ['2.5', 2995],
      [12345, '0.04'],
    ]);
  });

  it('a JPY invoice is sent in whole yen, never divided by 100', async () => {
    const co = client();
    const doc = invoice({
      currency: 'JPY',
      externalId: 'jpy-yen',
      lines: [
        { description: 'Plan', quantity: 3, unitAmount: 1500, product: { id: '4' } },
        { description: 'Extra', quantity: '2.5', unitAmount: 333, product: { id: '4' } },
      ],
    });
    const created = await co.create(doc);
    const sent = fake.records[0] as {
      currency_id: number;
      line_items: Array<{ line_rate: number }>;
      total: number;
    };
    expect(sent.currency_id).toBe(DEFAULT_CURRENCY_IDS.JPY);
    expect(sent.line_items.map((l) => l.line_rate)).toEqual([1500, 333]);
    // 2.5 × ¥333 = ¥832.5 → ¥833 (half away from zero, once per line).
    expect(sent.total).toBe(4500 + 833);
    const read = await co.get(created.value.id!);
    expect(read.value.currency).toBe('JPY');
    expect(read.value.total).toBe(5333);
    expect(computeTotals(read.value)).toEqual(computeTotals(doc as never));
  });
});
