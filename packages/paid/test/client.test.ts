import {
  AmbiguousResultError,
  AuthenticationError,
  computeTotals,
  InvalidRequestError,
  type Invoice,
  MissingRequiredFieldError,
  NotFoundError,
  type Order,
  type OrderInput,
  PermissionError,
  ProviderServerError,
  RateLimitError,
  ValidationError,
} from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPaidClient } from '../src/client';
import { type PaidFakeSeed, type PaidFakeState, paidFake } from '../src/fake';

const KEY = 'pk_live_secret_never_shown_1234';
let fake: RunningFake<PaidFakeState>;

async function start(seed: PaidFakeSeed = { apiKeys: [KEY] }) {
  fake = await startFake(paidFake, { seed });
}
const client = (overrides: Partial<Parameters<typeof createPaidClient>[0]> = {}) =>
  createPaidClient({
    apiKey: KEY,
    baseUrl: `${fake.url}/api/v2`,
    currency: 'USD',
    maxRetries: 0,
    ...overrides,
  });

const order: OrderInput = {
  externalId: 'ext-1',
  name: 'Starter',
  currency: 'USD',
  customer: { id: 'cus_abc123' },
  startAt: '2026-01-05T00:00:00Z',
  lines: [
    {
      product: { id: 'prod-id' },
      name: 'Platform',
      charges: [
        { name: 'Fee', type: 'recurring', unitAmount: 9900, recurrence: { interval: 'month', count: 1 } },
        { name: 'Calls', type: 'usage', quantity: 1000, unitAmountDecimal: '0.04' },
      ],
    },
  ],
};

beforeEach(() => start());
afterEach(() => fake.close());

describe('createPaidClient against the fake', () => {
  it('creates an order and maps the answer back', async () => {
    const result = await client().create(order);
    expect(result.warnings).toEqual([]);
    const value = result.value as Order;
    expect(value).toMatchObject({
      id: expect.any(String),
      provider: 'paid',
      number: '1',
      externalId: 'ext-1',
      currency: 'USD',
      total: 9940, // 99.00 + 1000 × 0.0004
      lines: [{ charges: [{ unitAmount: 9900 }, { unitAmountDecimal: '0.04', quantity: 1000 }] }],
    });
    expect(fake.records).toHaveLength(1);
    // $0.0004 per call is 0.04 cents: Paid counts in the currency's smallest unit.
    expect(fake.state.orders[0]?.request.lines?.[0]?.attributes?.[1]?.pricing.pricePoints.unitPrice).toBe(
      0.04,
    );
    expect(result.joinedFromRequest.sort()).toEqual(['currency', 'externalId', 'lines']);
  });

  it('gets and lists what it created, completed with the priced lines it sent', async () => {
    const paid = client();
    const created: string[] = [];
    for (let i = 0; i < 5; i++)
      created.push((await paid.create({ ...order, externalId: `ext-${i}` })).value.id!);

    const got = await paid.get(created[2]!);
    expect(got.warnings).toEqual([]);
    expect(got.value).toMatchObject({
      id: created[2],
      number: '3',
      total: 9940,
      currency: 'USD',
      externalId: 'ext-2',
    });
    expect((got.value as Order).lines[0]?.charges[1]).toMatchObject({
      unitAmountDecimal: '0.04',
      quantity: 1000,
    });

    const ids: string[] = [];
    for await (const item of paid.list({ limit: 2 })) ids.push(item.value.id!);
    expect(ids).toEqual(created);

    const invoices: Invoice[] = [];
    for await (const item of paid.list({ as: 'invoice' })) invoices.push(item.value as Invoice);
    expect(invoices.map((invoice) => invoice.total ?? computeTotals(invoice).total)).toEqual([
      9940, 9940, 9940, 9940, 9940,
    ]);
  });

  it('reads orders it did not create from what Paid returns, in the configured currency', async () => {
    const id = (await client().create(order)).value.id!;
    const other = client({ rememberCreated: 0 });

    const bare = await other.get(id);
    expect(bare.value).toMatchObject({ id, total: 9940, currency: 'USD', lines: [] });
    expect(bare.value.externalId).toBeUndefined();
    // Paid's order has no currency: the configured one is used, and the result says it was assumed.
    expect(bare.warnings).toEqual([expect.objectContaining({ code: 'defaulted', path: 'currency' })]);

    const withLines = await other.get(id, { includeLines: true });
    expect((withLines.value as Order).lines).toEqual([
      expect.objectContaining({
        product: { id: 'prod-id' },
        name: 'Platform',
        charges: [{ name: 'Platform', type: 'one_time' }],
      }),
    ]);
    expect(withLines.warnings).toEqual([
      expect.objectContaining({ code: 'defaulted', path: 'currency' }),
      expect.objectContaining({ code: 'defaulted', path: 'lines[0].charges' }),
    ]);

    const noCurrency = createPaidClient({ apiKey: KEY, baseUrl: `${fake.url}/api/v2`, rememberCreated: 0 });
    await expect(noCurrency.get(id)).rejects.toSatisfy(
      (e) =>
        MissingRequiredFieldError.isInstance(e) && (e as MissingRequiredFieldError).option === 'currency',
    );
  });

  it("keeps an end date that falls before Paid's default start date", async () => {
    const { startAt: _start, ...noStart } = order;
    const result = await client().create({ ...noStart, endAt: '2020-01-01T00:00:00Z' });
    expect(result.value).toMatchObject({ endAt: '2020-01-01T00:00:00.000Z' });
    expect((result.value as Order).startAt).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unrecognized', path: 'startAt' })]);
  });

  it('maps Paid error bodies to billbridge errors', async () => {
    const paid = client();
    await expect(paid.get('nope')).rejects.toSatisfy(
      (e) => NotFoundError.isInstance(e) && (e as NotFoundError).status === 404,
    );
    const unknownCustomer = paid.create({ ...order, customer: { id: 'cus_missing' } });
    await expect(unknownCustomer).rejects.toSatisfy(
      (e) => InvalidRequestError.isInstance(e) && /cus_missing/.test((e as Error).message),
    );
    await expect(client({ apiKey: 'wrong-key' }).get('x')).rejects.toSatisfy((e) =>
      AuthenticationError.isInstance(e),
    );
  });

  it('reports a 403 for a key that may not create', async () => {
    await fake.close();
    await start({ readOnlyApiKeys: [KEY] });
    await expect(client().create(order)).rejects.toSatisfy((e) => PermissionError.isInstance(e));
    expect(fake.records).toHaveLength(0);
  });

  it('never sends an invalid document', async () => {
    await expect(client().create({ ...order, lines: [{ product: {}, charges: [] }] })).rejects.toSatisfy(
      (e) => ValidationError.isInstance(e),
    );
    await expect(
      client().create({ ...order, lines: [{ product: {}, charges: [{ name: 'x', type: 'one_time' }] }] }),
    ).rejects.toThrow(/lines\[0\]\.product\.id/);
    expect(fake.faults.injected).toHaveLength(0);
    expect(fake.records).toHaveLength(0);
  });

  it('a create that was stored and then failed is ambiguous, never retried', async () => {
    fake.faults.set({ script: ['created_then_failed'] });
    const error = await client({ maxRetries: 3 })
      .create(order)
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ externalId: 'ext-1', request: { method: 'POST' } });
    expect(fake.records).toHaveLength(1);
  });

  it('retries reads, and names rate limits and server errors', async () => {
    const created = await client().create(order);
    fake.faults.set({ script: ['server_error', 'rate_limit'], retryAfterSeconds: 0 });
    const got = await client({ maxRetries: 2 }).get(created.value.id!);
    expect(got.value.id).toBe(created.value.id);

    fake.faults.set({ script: ['rate_limit'], retryAfterSeconds: 0 });
    await expect(client().get(created.value.id!)).rejects.toSatisfy((e) => RateLimitError.isInstance(e));
    fake.faults.set({ script: ['server_error'] });
    await expect(client().get(created.value.id!)).rejects.toSatisfy((e) => ProviderServerError.isInstance(e));
  });

  it('never shows the API key in an error', async () => {
    const error = await client({ apiKey: `${KEY}-bad` })
      .get('x')
      .catch((e: unknown) => e);
    const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(text).not.toContain(KEY);
  });
});
