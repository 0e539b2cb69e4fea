/**
 * The official SDKs pointed at our fake: current @flowglad/node 0.29.0 retrieves and lists the invoices
 * billbridge created; the create-era 0.21.0 creates one through the documented endpoint.
 */
import { type RunningFake, startFake } from '@billbridge/testing';
import Flowglad021 from 'flowglad-node-0-21';
import Flowglad029 from 'flowglad-node-0-29';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlowgladClient, flowglad } from '../src/index';
import { type FlowgladFakeState, flowgladFake } from '../src/testing';
import { invoice, TEST_KEY } from './helpers';

let fake: RunningFake<FlowgladFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('official SDK against the fake', () => {
  it('@flowglad/node 0.29.0 retrieves and lists invoices created by billbridge', async () => {
    fake = await startFake(flowgladFake, { seed: { apiKeys: [TEST_KEY] } });
    const ours = createFlowgladClient({ apiKey: TEST_KEY, baseUrl: fake.url });
    const a = await ours.create(invoice({ number: 'SDK-1' }));
    const b = await ours.create(
      invoice({
        number: 'SDK-2',
        currency: 'JPY',
        subscription: { id: 'sub_test_1' },
        period: { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' },
        lines: [{ description: 'Seats', quantity: 3, unitAmount: 1500 }],
        providerOptions: { flowglad: { billingPeriodId: 'billing_period_test_1' } },
      }),
    );

    const sdk = new Flowglad029({ apiKey: TEST_KEY, baseURL: fake.url, maxRetries: 0 });
    const retrieved = await sdk.invoices.retrieve(b.value.id!);
    expect(retrieved.invoice).toMatchObject({
      id: b.value.id,
      type: 'subscription',
      invoiceNumber: 'SDK-2',
      currency: 'JPY',
      subscriptionId: 'sub_test_1',
      invoiceDate: Date.parse('2026-01-05T00:00:00Z'),
      billingPeriodStartDate: Date.parse('2026-01-01T00:00:00Z'),
    });
    expect(retrieved.invoiceLineItems).toMatchObject([
      { type: 'static', quantity: 3, price: 1500, description: 'Seats' },
    ]);
    // What the SDK got maps to what billbridge created.
    expect(flowglad.fromProvider(retrieved).value).toEqual(b.value);

    const first = await sdk.invoices.list({ limit: '1' });
    expect(first).toMatchObject({ hasMore: true, total: 2 });
    expect(first.data.map((r) => r.id)).toEqual([a.value.id]);
    const second = await sdk.invoices.list({ limit: '1', cursor: first.nextCursor! });
    expect(second.data.map((r) => r.id)).toEqual([b.value.id]);
    expect(second.hasMore).toBe(false);
  });

  it('@flowglad/node 0.29.0 gets the fake’s plain-text 401 as its AuthenticationError', async () => {
    fake = await startFake(flowgladFake, { seed: { apiKeys: [TEST_KEY] } });
    const sdk = new Flowglad029({ apiKey: 'sk_test_wrong', baseURL: fake.url, maxRetries: 0 });
    await expect(sdk.invoices.list()).rejects.toBeInstanceOf(Flowglad029.AuthenticationError);
  });

  it('@flowglad/node 0.21.0 creates an invoice with our request, which billbridge then reads', async () => {
    fake = await startFake(flowgladFake);
    const { request } = flowglad.toCreateRequest(invoice({ number: 'SDK-021' }));
    const sdk = new Flowglad021({ apiKey: TEST_KEY, baseURL: fake.url, maxRetries: 0 });
    const created = await sdk.invoices.create(request);
    expect(created.invoice.invoiceNumber).toBe('SDK-021');
    const read = await createFlowgladClient({ apiKey: TEST_KEY, baseUrl: fake.url }).get(created.invoice.id);
    expect(read.value).toMatchObject({
      number: 'SDK-021',
      total: 8998,
      issuedAt: '2026-01-05T00:00:00.000Z',
    });
  });
});
