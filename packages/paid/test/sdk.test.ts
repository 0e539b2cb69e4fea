import type { Order, OrderInput } from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { Paid, PaidClient, type PaidError } from '@paid-ai/paid-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PaidFakeState, paidFake } from '../src/fake';
import { fromProvider } from '../src/from-provider';
import { toCreateRequest } from '../src/to-provider';
import {
  BILLING_FREQUENCIES,
  BILLING_TYPES,
  CHARGE_TYPES,
  CREATION_STATES,
  PaidOrder,
  PRICING_MODELS,
} from '../src/wire';
import sdkExample from './fixtures/create-order-request.json';

const KEY = 'paid-sdk-test-key';
let fake: RunningFake<PaidFakeState>;
let sdk: PaidClient;

beforeEach(async () => {
  fake = await startFake(paidFake, { seed: { apiKeys: [KEY] } });
  sdk = new PaidClient({ token: KEY, baseUrl: `${fake.url}/api/v2`, maxRetries: 0 });
});
afterEach(() => fake.close());

describe('the official Paid SDK against our fake', () => {
  it('creates, gets and lists orders, and reads their lines', async () => {
    const created = await sdk.orders.createOrder(sdkExample as Paid.CreateOrderRequest, { maxRetries: 0 });
    expect(PaidOrder.safeParse(created).success).toBe(true);
    expect(created).toMatchObject({
      customerId: 'cus_abc123',
      name: 'Pro plan',
      totalAmount: 9900, // $99.00 in cents (the fixture sends unitPrice 9900)
      creationState: 'draft',
    });

    const got = await sdk.orders.getOrderById({ id: created.id });
    expect(got).toEqual(created);

    await sdk.orders.createOrder({ customerId: 'string' });
    const page = await sdk.orders.listOrders({ limit: 1, offset: 1 });
    expect(page.pagination).toEqual({ limit: 1, offset: 1, total: 2, hasMore: false });
    expect(page.data[0]?.customerId).toBe('string');

    const lines = await sdk.orders.getOrderLines({ id: created.id });
    expect(lines.data).toEqual([expect.objectContaining({ productId: 'prod-id' })]);
  });

  it('sends what our adapter builds, and its answer maps back', async () => {
    const order: OrderInput = {
      currency: 'KWD',
      customer: { id: 'cus_abc123' },
      lines: [
        {
          product: { id: 'prod-id' },
          charges: [{ name: 'Fee', type: 'one_time', quantity: 3, unitAmount: 1234 }],
        },
      ],
    };
    const { request } = toCreateRequest(order);
    const created = await sdk.orders.createOrder(request);
    const back = fromProvider({ ...created, currency: request.currency, lines: request.lines })
      .value as Order;
    expect(back.total).toBe(3702);
    expect(back.lines[0]?.charges[0]).toMatchObject({ unitAmount: 1234, quantity: 3 });
  });

  it("throws the SDK's own errors for our fake's error bodies", async () => {
    const bad = await sdk.orders.createOrder({ customerId: '' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Paid.BadRequestError);
    expect((bad as PaidError).body).toMatchObject({ error: expect.any(String) });

    const missing = await sdk.orders.getOrderById({ id: 'nope' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Paid.NotFoundError);

    const denied = await new PaidClient({ token: 'other', baseUrl: `${fake.url}/api/v2` }).orders
      .listOrders()
      .catch((e: unknown) => e);
    expect((denied as PaidError).statusCode).toBe(401);
  });

  it('our enums are exactly the SDK runtime enums', () => {
    const values = (o: object) => Object.values(o).sort();
    const pricing = Paid.CreateOrderLineAttributeRequest.Pricing;
    expect([...CHARGE_TYPES].sort()).toEqual(values(pricing.ChargeType));
    expect([...PRICING_MODELS].sort()).toEqual(values(pricing.PricingModel));
    expect([...BILLING_FREQUENCIES].sort()).toEqual(values(pricing.BillingFrequency));
    expect([...BILLING_FREQUENCIES].sort()).toEqual(values(Paid.OrderBillingFrequencyOverride.Frequency));
    expect([...BILLING_TYPES].sort()).toEqual(values(pricing.BillingType));
    expect([...CREATION_STATES].sort()).toEqual(values(Paid.OrderCreationState));
  });
});
