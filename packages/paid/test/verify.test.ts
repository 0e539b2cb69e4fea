/**
 * Verified creates: the client compares Paid's answer (or the order read back) with what it sent, and an
 * ambiguous create says why it cannot be looked up and what can be done. Real HTTP against the fake, with
 * variants of the fake standing in for a Paid that stored something else.
 */
import {
  AmbiguousResultError,
  IntegrityError,
  type Order,
  type OrderInput,
  ProviderServerError,
} from '@billbridge/core';
import { type FakeDefinition, type FakeResponse, type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaidClient, type PaidClientConfig } from '../src/client';
import { type PaidFakeSeed, type PaidFakeState, paidFake } from '../src/fake';
import type { PaidOrderLinesResponse } from '../src/wire';

let fake: RunningFake<PaidFakeState>;
afterEach(() => fake?.close());

async function start(
  seed: PaidFakeSeed = {},
  definition: FakeDefinition<PaidFakeState, PaidFakeSeed> = paidFake,
) {
  fake = await startFake(definition, { seed });
}
const client = (config: Partial<PaidClientConfig> = {}) =>
  createPaidClient({ apiKey: 'k', baseUrl: `${fake.url}/api/v2`, maxRetries: 0, ...config });

/** $99 a month for 3 terms plus a one-time $50 setup fee. */
const order: OrderInput = {
  externalId: 'ext-verify',
  currency: 'USD',
  customer: { id: 'cus_abc123' },
  termCount: 3,
  lines: [
    {
      product: { id: 'prod-id' },
      name: 'Plan',
      charges: [
        { name: 'Fee', type: 'recurring', unitAmount: 9900, recurrence: { interval: 'month', count: 1 } },
        { name: 'Setup', type: 'one_time', unitAmount: 5000 },
      ],
    },
  ],
};

/** A variant of the fake whose answers to `method path` are rewritten by `edit`. */
function tampered(
  method: string,
  suffix: string,
  edit: (answer: FakeResponse) => FakeResponse,
): FakeDefinition<PaidFakeState, PaidFakeSeed> {
  return {
    ...paidFake,
    routes: paidFake.routes.map((route) =>
      route.method === method && route.path.endsWith(suffix)
        ? { ...route, handle: async (req, state) => edit(await route.handle(req, state)) }
        : route,
    ),
  };
}

describe("totalAmount's two readings (unconfirmed: one period, or every term)", () => {
  it('one period: the default client verifies against the default fake', async () => {
    await start();
    const created = await client().create(order);
    expect(created.value).toMatchObject({ total: 14900 });
    expect(fake.state.orders[0]?.order.totalAmount).toBe(14900);
  });

  it('all terms: a client told so verifies against a fake serving that reading', async () => {
    await start({ totalAmountCovers: 'all-terms' });
    const created = await client({ totalAmountCovers: 'all-terms' }).create(order);
    expect(created.value).toMatchObject({ total: 3 * 9900 + 5000 });
    expect(fake.state.orders[0]?.order.orderAmount).toBe(14900);
  });

  it('a client on the other reading than Paid gets an IntegrityError naming the created order', async () => {
    await start({ totalAmountCovers: 'all-terms' });
    const error = await client()
      .create(order)
      .catch((e: unknown) => e);
    expect(IntegrityError.isInstance(error)).toBe(true);
    const integrity = error as IntegrityError;
    expect(integrity.createdId).toBe(fake.state.orders[0]?.order.id);
    expect(integrity.differences).toEqual([{ path: 'total', expected: 14900, actual: 34700 }]);
    expect(fake.records).toHaveLength(1);

    // The other way round, too.
    await fake.close();
    await start();
    const reverse = await client({ totalAmountCovers: 'all-terms' })
      .create(order)
      .catch((e: unknown) => e);
    expect((reverse as IntegrityError).differences).toEqual([
      { path: 'total', expected: 34700, actual: 14900 },
    ]);
  });

  it('both readings agree when there is a single term', async () => {
    for (const covers of ['one-period', 'all-terms'] as const) {
      await start({ totalAmountCovers: covers });
      const { termCount: _terms, ...single } = order;
      for (const reading of ['one-period', 'all-terms'] as const) {
        const created = await client({ totalAmountCovers: reading }).create(single);
        expect(created.value).toMatchObject({ total: 14900 });
      }
      await fake.close();
    }
  });
});

describe('verify: response', () => {
  it('a Paid that stored 100x the amounts (a price read in major units) is an IntegrityError, never a success', async () => {
    await start(
      {},
      tampered('POST', '/orders/', (answer) => {
        const body = answer.body as { totalAmount: number };
        return { ...answer, body: { ...body, totalAmount: body.totalAmount * 100 } };
      }),
    );
    const error = await client()
      .create({ ...order, termCount: 1 })
      .catch((e: unknown) => e);
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect((error as IntegrityError).differences).toEqual([
      { path: 'total', expected: 14900, actual: 1490000 },
    ]);
    expect((error as Error).message).toMatch(/the record exists/);
  });

  it('returns what Paid answered, not the request: a name Paid changed comes back as Paid has it', async () => {
    await start(
      {},
      tampered('POST', '/orders/', (answer) => ({
        ...answer,
        body: { ...(answer.body as object), name: 'Renamed by Paid' },
      })),
    );
    const created = await client().create({ ...order, name: 'Sent name' });
    expect((created.value as Order).name).toBe('Renamed by Paid');
  });
});

describe('verify: read-back', () => {
  it('reads the order and its lines back, and passes when they match', async () => {
    await start();
    const created = await client({ verify: 'read-back' }).create(order);
    expect(created.value.id).toBe(fake.state.orders[0]?.order.id);
  });

  it('a line Paid did not keep is an IntegrityError at lines.length', async () => {
    await start(
      {},
      tampered('GET', '/lines', (answer) => {
        const body = answer.body as PaidOrderLinesResponse;
        return { ...answer, body: { ...body, data: body.data.slice(1) } };
      }),
    );
    const twoLines: OrderInput = {
      ...order,
      lines: [order.lines[0]!, { product: { id: 'prod-id' }, charges: [{ name: 'x', type: 'one_time' }] }],
    };
    // The create answer has no lines: only reading back can see it.
    await expect(client().create(twoLines)).resolves.toBeDefined();
    const error = await client({ verify: 'read-back' })
      .create(twoLines)
      .catch((e: unknown) => e);
    expect((error as IntegrityError).differences).toEqual([{ path: 'lines.length', expected: 2, actual: 1 }]);
  });
});

describe('ambiguous creates say what can and cannot be done', () => {
  const hint = /cannot be found by externalId.*client\.findCandidates\(doc, \{ createdAfter: '[^']+' \}\)/s;

  it('a 2xx HTML answer after the order was stored is ambiguous, never a ValidationError', async () => {
    await start();
    fake.faults.set({ script: ['created_then_garbled'] });
    const error = await client()
      .create(order)
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ externalId: 'ext-verify', request: { method: 'POST' } });
    expect((error as Error).message).toMatch(hint);
    expect((error as Error).message).toMatch(/no idempotency key, its order list has no filter/);
    expect(fake.records).toHaveLength(1);
  });

  it('a 500 after the order was stored keeps the server error as its cause', async () => {
    await start();
    fake.faults.set({ script: ['created_then_failed'] });
    const error = await client({ maxRetries: 3 })
      .create(order)
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(hint);
    expect(ProviderServerError.isInstance((error as Error).cause)).toBe(true);
    expect(fake.records).toHaveLength(1);
  });
});
