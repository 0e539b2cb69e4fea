import { type RunningFake, startFake } from '@billbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaidFakeState, paidFake } from '../src/fake';
import { PaidErrorResponse, PaidOrder } from '../src/wire';

let fake: RunningFake<PaidFakeState>;
beforeAll(async () => {
  fake = await startFake(paidFake);
});
afterAll(() => fake.close());

async function call(method: string, path: string, body?: unknown, auth: string | null = 'Bearer key') {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth !== null) headers.authorization = auth;
  const response = await fetch(`${fake.url}/api/v2${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const line = (
  pricing: Record<string, unknown> = { chargeType: 'oneTime', pricePoints: { unitPrice: 5 } },
) => ({
  productId: 'prod-id',
  attributes: [{ name: 'Fee', pricing }],
});

describe('paidFake enforces the documented request rules', () => {
  it('answers 201 with a Paid.Order', async () => {
    const { status, body } = await call('POST', '/orders/', { customerId: 'cus_abc123', lines: [line()] });
    expect(status).toBe(201);
    expect(PaidOrder.parse(body)).toMatchObject({ orderAmount: 5, creationState: 'draft', version: 1 });
  });

  it.each([
    ['customerId is required', {}, /customerId/],
    [
      'every line needs a productId',
      { customerId: 'cus_abc123', lines: [{ name: 'x' }] },
      /lines\[0\]\.productId/,
    ],
    [
      'every attribute needs a name',
      {
        customerId: 'cus_abc123',
        lines: [{ productId: 'prod-id', attributes: [{ pricing: line().attributes[0]?.pricing }] }],
      },
      /lines\[0\]\.attributes\[0\]\.name/,
    ],
    [
      'every attribute needs pricing',
      { customerId: 'cus_abc123', lines: [{ productId: 'prod-id', attributes: [{ name: 'Fee' }] }] },
      /attributes\[0\]\.pricing/,
    ],
    ['billingAnchor is at least 1', { customerId: 'cus_abc123', billingAnchor: 0 }, /billingAnchor/],
    ['billingAnchor is at most 31', { customerId: 'cus_abc123', billingAnchor: 32 }, /billingAnchor/],
    [
      'order lines use their own enum spelling',
      {
        customerId: 'cus_abc123',
        lines: [
          line({ chargeType: 'recurring', billingFrequency: 'Monthly', pricePoints: { unitPrice: 1 } }),
        ],
      },
      /billingFrequency/,
    ],
    [
      'pricePoints is one object',
      { customerId: 'cus_abc123', lines: [line({ chargeType: 'usage', pricePoints: [{ unitPrice: 1 }] })] },
      /pricePoints/,
    ],
    [
      'creationState is draft or active',
      { customerId: 'cus_abc123', creationState: 'posted' },
      /creationState/,
    ],
    ['the customer exists', { customerId: 'cus_other' }, /cus_other/],
    ['the product exists', { customerId: 'cus_abc123', lines: [{ productId: 'prod-other' }] }, /prod-other/],
    ['dates are ISO date-times', { customerId: 'cus_abc123', startDate: 'tomorrow' }, /startDate/],
  ])('400 when %s', async (_rule, body, detail) => {
    const before = fake.records.length;
    const answer = await call('POST', '/orders/', body);
    expect(answer.status).toBe(400);
    const error = PaidErrorResponse.parse(answer.body);
    expect(`${error.error} ${error.details}`).toMatch(detail);
    expect(fake.records.length).toBe(before);
  });

  it('accepts billingAnchor 31 and the order-line spellings', async () => {
    const answer = await call('POST', '/orders/', {
      customerId: 'cus_abc123',
      billingAnchor: 31,
      lines: [
        line({
          chargeType: 'recurring',
          billingFrequency: 'semiAnnually',
          billingType: 'advance',
          pricePoints: { unitPrice: 1 },
        }),
      ],
    });
    expect(answer.status).toBe(201);
  });

  it('401 without a Bearer token, 404 for unknown orders and routes, 400 for bad paging', async () => {
    expect((await call('GET', '/orders/', undefined, null)).status).toBe(401);
    expect((await call('GET', '/orders/', undefined, 'Basic abc')).status).toBe(401);
    const missing = await call('GET', '/orders/none');
    expect(missing.status).toBe(404);
    expect(PaidErrorResponse.safeParse(missing.body).success).toBe(true);
    expect((await call('GET', '/orders/none/lines')).status).toBe(404);
    expect((await call('GET', '/invoices/x')).status).toBe(404);
    expect((await call('GET', '/orders/?limit=0')).status).toBe(400);
    expect((await call('GET', '/orders/?limit=101')).status).toBe(400);
    expect((await call('GET', '/orders/?offset=-1')).status).toBe(400);
  });

  it('pages with offset, limit and hasMore', async () => {
    const total = fake.records.length;
    const first = await call('GET', `/orders/?limit=1&offset=0`);
    expect(first.body.pagination).toEqual({ limit: 1, offset: 0, total, hasMore: total > 1 });
    const last = await call('GET', `/orders/?limit=1&offset=${total - 1}`);
    expect(last.body.pagination).toMatchObject({ hasMore: false });
  });
});

describe('paidFake amounts (ISO minor units) and the two readings of totalAmount', () => {
  const body = {
    customerId: 'cus_abc123',
    subscriptionTerms: 3,
    lines: [
      {
        productId: 'prod-id',
        attributes: [
          {
            name: 'Fee',
            quantity: 1,
            pricing: { chargeType: 'recurring', pricePoints: { unitPrice: 1250 } },
          },
          { name: 'Setup', pricing: { chargeType: 'oneTime', pricePoints: { unitPrice: 500 } } },
          {
            name: 'Calls',
            quantity: 2500,
            pricing: { chargeType: 'usage', pricePoints: { unitPrice: 0.04 } },
          },
        ],
      },
    ],
  };

  it.each([
    ['one-period', 1850],
    ['all-terms', 3 * 1250 + 500 + 3 * 100],
  ] as const)('%s: totalAmount %d cents, orderAmount one period (1850)', async (covers, total) => {
    const own = await startFake(paidFake, { seed: { totalAmountCovers: covers } });
    try {
      const response = await fetch(`${own.url}/api/v2/orders/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer key' },
        body: JSON.stringify(body),
      });
      const order = PaidOrder.parse(await response.json());
      expect(order).toMatchObject({ orderAmount: 1850, totalAmount: total });
    } finally {
      await own.close();
    }
  });
});
