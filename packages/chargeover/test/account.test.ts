/**
 * The account's own currencies, rounding, time zone and datetime forms, against the fake on a real
 * HTTP server: nothing is created silently wrong.
 */
import { IntegrityError, type InvoiceInput, LossyMappingError, type TransportEvent } from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CurrencyTableError, chargeover, createChargeOverClient } from '../src/index';
import { type ChargeOverFakeSeed, type ChargeOverFakeState, chargeoverFake } from '../src/testing';

const publicKey = 'pubKeyAccount0123456789abcdef01';
const privateKey = 'privKeyAccount9f8e7d6c5b4a39281';

/** An account where currency_id 2 is AED, as in the sandbox the README's table was tried against. */
const ACCOUNT_IDS = { USD: 1, AED: 2, EUR: 3, JPY: 4 };

let fakes: RunningFake<ChargeOverFakeState>[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

async function account(seed: ChargeOverFakeSeed = {}) {
  const fake = await startFake(chargeoverFake, { seed: { currencyIds: ACCOUNT_IDS, ...seed } });
  fakes.push(fake);
  return fake;
}

function clientFor(
  fake: RunningFake<ChargeOverFakeState>,
  overrides: Partial<Parameters<typeof createChargeOverClient>[0]> = {},
) {
  const events: TransportEvent[] = [];
  const client = createChargeOverClient({
    publicKey,
    privateKey,
    baseUrl: fake.url,
    maxRetries: 0,
    onEvent: (e) => events.push(e),
    ...overrides,
  });
  const requests = () =>
    events
      .filter((e) => e.type === 'attempt')
      .map((e) => `${e.method} ${decodeURIComponent(new URL(e.url).pathname)}`);
  return { client, requests };
}

const eur = (overrides: Partial<InvoiceInput> = {}): InvoiceInput => ({
  currency: 'EUR',
  customer: { id: '1' },
  issuedAt: '2026-03-09T06:00:00Z',
  lines: [{ description: 'Consulting', quantity: 2, unitAmount: 10000, product: { id: '4' } }],
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

describe("the account's currency table", () => {
  it('refuses a configured table the account contradicts, before any invoice is sent', async () => {
    const fake = await account();
    // The README's old table: EUR is 3 in this account, and 2 is AED.
    const { client, requests } = clientFor(fake, { currencyIds: { USD: 1, EUR: 2 } });
    const error = await rejection(client.create(eur({ externalId: 'eur-1' })));
    expect(CurrencyTableError.isInstance(error)).toBe(true);
    expect((error as CurrencyTableError).differences).toEqual([
      { currency: 'EUR', configured: 2, account: 3, accountCurrencyOfId: 'AED' },
    ]);
    expect((error as Error).message).toMatch(/currencyIds\.EUR = 2.*currency_id 3 \(2 is AED\)/);
    expect(requests()).toEqual(['GET /api/v3/currency']);
    expect(fake.records).toEqual([]);
    // And it stays refused: no later create slips through.
    expect(CurrencyTableError.isInstance(await rejection(client.create(eur())))).toBe(true);
    expect(fake.records).toEqual([]);
  });

  it("with no table, uses the account's: EUR goes out as the account's EUR id and is stored in EUR", async () => {
    const fake = await account();
    const { client, requests } = clientFor(fake);
    const created = await client.create(eur({ externalId: 'eur-2' }));
    const stored = fake.records[0] as { currency_id: number; currency_iso4217: string };
    expect(stored.currency_id).toBe(3);
    expect(stored.currency_iso4217).toBe('EUR');
    expect(created.value).toMatchObject({ currency: 'EUR', total: 20000 });
    await client.create(eur({ externalId: 'eur-3' }));
    // The table is read once.
    expect(requests().filter((r) => r === 'GET /api/v3/currency')).toHaveLength(1);
    expect(await client.currencies()).toMatchObject({ ids: ACCOUNT_IDS });
  });

  it('a configured table that agrees is accepted', async () => {
    const fake = await account();
    const { client } = clientFor(fake, { currencyIds: { EUR: 3, JPY: 4 } });
    await expect(client.create(eur())).resolves.toMatchObject({ value: { currency: 'EUR' } });
  });

  it('reads a table whose ids are strings', async () => {
    const fake = await account({ stringIds: true });
    const { client } = clientFor(fake);
    expect((await client.currencies()).ids).toEqual(ACCOUNT_IDS);
  });
});

describe("the account's rounding", () => {
  it('a rate the rounding would change is approximated with a warning, and strict refuses it', async () => {
    // This account keeps whole US dollars.
    const fake = await account({ currencyRounding: { USD: 0 } });
    const { client } = clientFor(fake);
    const doc: InvoiceInput = {
      currency: 'USD',
      customer: { id: '1' },
      lines: [{ description: 'Plan', quantity: 1, unitAmount: 2995, product: { id: '4' } }],
    };
    const strict = await rejection(client.create(doc, { strict: true }));
    expect(LossyMappingError.isInstance(strict)).toBe(true);
    expect(fake.records).toEqual([]);

    const created = await client.create(doc);
    expect((fake.records[0] as { line_items: Array<{ line_rate: number }> }).line_items[0]!.line_rate).toBe(
      30,
    );
    expect(created.requestWarnings).toContainEqual(
      expect.objectContaining({ code: 'approximated', path: 'lines[0].unitAmount' }),
    );
    expect(created.value.total).toBe(3000);
  });

  it('the adapter takes the rounding as a mapping option, exact amounts pass untouched', () => {
    const options = { currencyIds: { JPY: 4, USD: 1 }, currencyRounding: { USD: 0 } };
    const whole = chargeover.toCreateRequest(
      {
        currency: 'USD',
        customer: { id: '1' },
        lines: [{ quantity: 3, unitAmount: 1500, product: { id: '4' } }],
      },
      options,
    );
    expect(whole.warnings).toEqual([]);
    expect(whole.request.line_items[0]!.line_rate).toBe(15);
    // Fractional quantities: the line amount 2.5 × $15 = $37.50 is not whole dollars.
    const fraction = chargeover.toCreateRequest(
      {
        currency: 'USD',
        customer: { id: '1' },
        lines: [{ quantity: '2.5', unitAmount: 1500, product: { id: '4' } }],
      },
      options,
    );
    expect(fraction.warnings).toContainEqual(
      expect.objectContaining({ code: 'approximated', path: 'lines[0].amount' }),
    );
  });
});

describe('verified creates', () => {
  it('a create the account stores in another currency throws IntegrityError naming the created id', async () => {
    const fake = await account({ storeCurrencyAs: { EUR: 'AED' } });
    const { client } = clientFor(fake);
    const error = await rejection(client.create(eur({ externalId: 'eur-aed' })));
    expect(IntegrityError.isInstance(error)).toBe(true);
    const stored = fake.records[0] as { invoice_id: number; currency_iso4217: string };
    expect(stored.currency_iso4217).toBe('AED');
    expect((error as IntegrityError).createdId).toBe(String(stored.invoice_id));
    expect((error as IntegrityError).differences).toContainEqual({
      path: 'currency',
      expected: 'EUR',
      actual: 'AED',
    });
  });

  it("verify: 'response' skips the read-back: one request per create, the value is what was sent", async () => {
    const fake = await account({ storeCurrencyAs: { EUR: 'AED' } });
    const { client, requests } = clientFor(fake, { verify: 'response' });
    const created = await client.create(eur());
    expect(created.verified).toBe(false);
    // The risk accepted: ChargeOver stored AED, and nothing said so.
    expect(created.value.currency).toBe('EUR');
    expect((fake.records[0] as { currency_iso4217: string }).currency_iso4217).toBe('AED');
    expect(requests()).toEqual(['GET /api/v3/currency', 'POST /api/v3/invoice']);
  });

  it('a 2xx create answer that is an HTML page is ambiguous, never a validation error', async () => {
    const fake = await account();
    const { client } = clientFor(fake);
    await client.currencies();
    fake.faults.set({ script: ['created_then_garbled'] });
    const error = (await rejection(client.create(eur({ externalId: 'garbled-1' })))) as Error;
    expect(error.name).toBe('AmbiguousResultError');
    expect(fake.records).toHaveLength(1);
  });
});

describe('time zone and datetimes', () => {
  it('03:00Z on 9 March 2026 goes out dated 8 March with the default zone (America/Chicago)', async () => {
    const doc = eur({ issuedAt: '2026-03-09T03:00:00Z' });
    const { request, warnings } = chargeover.toCreateRequest(doc, { currencyIds: ACCOUNT_IDS });
    expect(request.date).toBe('2026-03-08');
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'approximated', path: 'issuedAt' }));
    const fake = await account();
    const { client } = clientFor(fake);
    await client.create(doc);
    expect((fake.records[0] as { date: string }).date).toBe('2026-03-08');
  });

  // 2026-03-09T03:00:00Z is 22:00 on 8 March in Chicago (CDT, -05:00 since the 8th).
  const now = Date.parse('2026-03-09T03:00:00Z');
  describe.each([
    ['ISO 8601 with an offset, numeric ids', { datetimeFormat: 'iso8601', stringIds: false }],
    ['ISO 8601 with an offset, string ids', { datetimeFormat: 'iso8601', stringIds: true }],
    ['naive, numeric ids', { datetimeFormat: 'naive', stringIds: false }],
    ['naive, string ids', { datetimeFormat: 'naive', stringIds: true }],
  ] as const)('an account answering %s', (_name, form) => {
    it('reads records, query rows and lines to the same instants and ids', async () => {
      const fake = await account({ ...form, now: () => now });
      const { client } = clientFor(fake);
      const created = await client.create(eur({ externalId: 'form-1' }));
      const raw = created.raw as { write_datetime: string; invoice_id: unknown };
      if (form.datetimeFormat === 'iso8601') expect(raw.write_datetime).toBe('2026-03-08T22:00:00-05:00');
      else expect(raw.write_datetime).toBe('2026-03-08 22:00:00');
      expect(typeof raw.invoice_id).toBe('number'); // parsed: a string id reads as a number
      expect(created.value.createdAt).toBe('2026-03-09T03:00:00.000Z');
      const id = String((fake.records[0] as { invoice_id: number }).invoice_id);
      expect(created.value.id).toBe(id);

      const headers = [];
      for await (const row of client.listHeaders()) headers.push(row);
      expect(headers.map((h) => [h.value.id, h.value.createdAt, h.value.customer.id])).toEqual([
        [id, '2026-03-09T03:00:00.000Z', '1'],
      ]);
      const full = [];
      for await (const row of client.list()) full.push(row);
      expect(full[0]!.value.lines[0]!.product).toEqual({ id: '4' });
    });
  });
});

describe('listing loses nothing', () => {
  it('a live list of an invoice with three lines returns three lines', async () => {
    const fake = await account();
    const { client, requests } = clientFor(fake);
    const lines = [
      { description: 'A', quantity: 1, unitAmount: 1000, product: { id: '4' } },
      { description: 'B', quantity: 2, unitAmount: 250, product: { id: '6' } },
      { description: 'C', quantity: '1.5', unitAmount: 999, product: { id: '4' } },
    ];
    await client.create(eur({ externalId: 'three', lines }));
    const listed = [];
    for await (const item of client.list()) listed.push(item);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.value.lines.map((l) => [l.description, l.quantity, l.unitAmount])).toEqual([
      ['A', 1, 1000],
      ['B', 2, 250],
      ['C', '1.5', 999],
    ]);
    expect(listed[0]!.value.total).toBe(1000 + 500 + 1499);
    expect(requests().slice(-2)).toEqual([
      'GET /api/v3/invoice',
      `GET /api/v3/invoice/${(fake.records[0] as { invoice_id: number }).invoice_id}`,
    ]);
  });

  it('keeps query order across pages while fetching several invoices at once', async () => {
    const fake = await account();
    const { client } = clientFor(fake);
    for (let i = 0; i < 9; i += 1) await client.create(eur({ externalId: `order-${i}` }));
    const seen: string[] = [];
    for await (const item of client.list({ pageSize: 4, concurrency: 3, order: 'invoice_id:DESC' }))
      seen.push(item.value.externalId!);
    expect(seen).toEqual(Array.from({ length: 9 }, (_, i) => `order-${8 - i}`));
  });
});

describe('the unconfirmed amount readings, against both readings of the fake', () => {
  const usage: InvoiceInput = {
    currency: 'USD',
    customer: { id: '1' },
    lines: [
      { description: 'Calls', quantity: 12345, unitAmountDecimal: '0.04', product: { id: '4' } },
      { description: 'Half day', quantity: '2.5', unitAmount: 2995, product: { id: '4' } },
    ],
  };

  it('an account that takes fractional quantities and sub-cent rates stores them and verifies', async () => {
    const fake = await account();
    const { client } = clientFor(fake);
    const created = await client.create(usage);
    expect(created.verified).toBe(true);
    // 12345 × $0.0004 = $4.938 → $4.94; 2.5 × $29.95 = $74.875 → $74.88.
    expect(created.value.total).toBe(494 + 7488);
  });

  it.each([
    ['whole quantities only', { fractionalQuantity: false }, /line_quantity must be a whole number/],
    ['rates in whole cents only', { subRoundingRates: false }, /line_rate has more decimals/],
  ] as const)(
    'an account taking %s refuses with a typed 400, and nothing is stored',
    async (_n, seed, message) => {
      const fake = await account(seed);
      const { client } = clientFor(fake);
      const error = (await rejection(client.create(usage))) as Error;
      expect(error.name).toBe('InvalidRequestError');
      expect(error.message).toMatch(message);
      expect(fake.records).toEqual([]);
    },
  );
});
