import {
  AuthenticationError,
  ConflictError,
  InvalidRequestError,
  MissingRequiredFieldError,
  NotFoundError,
  ProviderServerError,
} from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CreateEndpointWithdrawnError,
  createFlowgladClient,
  InvoiceInsertFailedError,
  UnknownReferenceError,
} from '../src/index';
import { type FlowgladFakeState, flowgladFake } from '../src/testing';
import { invoice, TEST_KEY } from './helpers';

let fake: RunningFake<FlowgladFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(seed: Parameters<typeof flowgladFake.createState>[0] = {}) {
  fake = await startFake(flowgladFake, { seed });
  return fake;
}

const client = (url: string, extra: Partial<Parameters<typeof createFlowgladClient>[0]> = {}) =>
  createFlowgladClient({ apiKey: TEST_KEY, baseUrl: url, ...extra });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createFlowgladClient against the fake', () => {
  it('creates, gets and lists an invoice (epoch-ms records read back to the same document)', async () => {
    const { url, records } = await start();
    const flow = client(url);
    const created = await flow.create(
      invoice({ memo: 'hello', collection: { method: 'send_invoice', autoSend: true } }),
    );
    expect(created.value).toMatchObject({
      provider: 'flowglad',
      number: 'INV-1001',
      status: 'open',
      issuedAt: '2026-01-05T00:00:00.000Z',
      dueAt: '2026-02-04T00:00:00.000Z',
      memo: 'hello',
      total: 2 * 1999 + 5000,
      lines: [
        { description: 'Pro plan', quantity: 2, unitAmount: 1999, priceId: 'price_test_1' },
        { description: 'Setup', quantity: 1, unitAmount: 5000 },
      ],
    });
    expect(created.value.id).toMatch(/^inv_[0-9A-Za-z]{21}$/);
    expect(records).toHaveLength(1);
    // The raw answer is Flowglad's current read shape.
    expect((created.raw as { invoice: { invoiceDate: unknown } }).invoice.invoiceDate).toBe(
      Date.parse('2026-01-05T00:00:00Z'),
    );

    const read = await flow.get(created.value.id!);
    expect(read.value).toEqual(created.value);

    const listed = [];
    for await (const item of flow.list()) listed.push(item.value);
    expect(listed).toEqual([created.value]);
  });

  it('list walks every page, with or without fetching line items', async () => {
    const { url } = await start();
    const flow = client(url);
    for (let i = 0; i < 7; i++) await flow.create(invoice({ number: `PAGE-${i}` }));
    const numbers: string[] = [];
    for await (const item of flow.list({ limit: 3 })) numbers.push(item.value.number!);
    expect(numbers).toEqual(['PAGE-0', 'PAGE-1', 'PAGE-2', 'PAGE-3', 'PAGE-4', 'PAGE-5', 'PAGE-6']);
    const bare = [];
    for await (const item of flow.list({ limit: 2, withLineItems: false })) bare.push(item);
    expect(bare).toHaveLength(7);
    expect(bare[0]!.value.lines).toEqual([]);
    expect(bare[0]!.value.total).toBe(8998);
    await expect(async () => {
      for await (const _ of flow.list({ limit: 101 })) break;
    }).rejects.toThrow(RangeError);
  });

  it('says plainly that Flowglad withdrew the create endpoint, and reads still work', async () => {
    const { url, records } = await start({ createWithdrawn: true });
    const error = await caught(client(url).create(invoice()));
    expect(CreateEndpointWithdrawnError.isInstance(error)).toBe(true);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/Flowglad withdrew POST \/api\/v1\/invoices/);
    expect((error as Error).message).toMatch(/Reading invoices \(get, list\) still works/);
    expect(records).toHaveLength(0);
    const listed = [];
    for await (const item of client(url).list()) listed.push(item);
    expect(listed).toEqual([]);
  });

  it('created, then failed: the retry meets its own invoice number and resolves to that one invoice', async () => {
    const { url, records, faults } = await start();
    faults.set({ script: ['created_then_failed'] });
    const result = await client(url, { maxRetries: 2 }).create(invoice({ number: 'RETRY-1' }));
    expect(faults.injected.map((f) => f.kind)).toEqual(['created_then_failed']);
    expect(records).toHaveLength(1);
    expect(result.value.id).toBe((records[0] as { invoice: { id: string } }).invoice.id);
    expect(result.value.number).toBe('RETRY-1');
  });

  it('a number already used by a different invoice is a ConflictError, never a second invoice', async () => {
    const { url, records } = await start();
    const flow = client(url, { maxRetries: 0 });
    await flow.create(invoice({ number: 'DUP-1' }));
    // The same document again is recognised as the same invoice (a safe, idempotent retry).
    const again = await flow.create(invoice({ number: 'DUP-1' }));
    expect(records).toHaveLength(1);
    expect(again.value.number).toBe('DUP-1');
    const error = await caught(
      flow.create(invoice({ number: 'DUP-1', lines: [{ quantity: 1, unitAmount: 1 }] })),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/already belongs to invoice inv_/);
    expect(records).toHaveLength(1);
    // A number held outside this account cannot be found, so it is not proven taken: the failure is
    // reported with its possible causes, another organisation's number among them (the old reading
    // called every such failure "already taken").
    fake!.state.numbers.add('TAKEN-ELSEWHERE');
    const elsewhere = await caught(flow.create(invoice({ number: 'TAKEN-ELSEWHERE' })));
    expect(InvoiceInsertFailedError.isInstance(elsewhere)).toBe(true);
    expect(ConflictError.isInstance(elsewhere)).toBe(false);
    expect((elsewhere as Error).message).toMatch(/held by another Flowglad organisation/);
    expect((elsewhere as Error).message).not.toMatch(/already taken/);
    expect(records).toHaveLength(1);
  });

  it('Flowglad’s validation errors, unknown customer, unknown invoice', async () => {
    const { url } = await start();
    const flow = client(url, { maxRetries: 0 });
    const unknownCustomer = await caught(flow.create(invoice({ customer: { id: 'cust_nobody' } })));
    expect(NotFoundError.isInstance(unknownCustomer)).toBe(true);
    expect(CreateEndpointWithdrawnError.isInstance(unknownCustomer)).toBe(false);
    // Flowglad answers 500 ("No customers found with id"); it is a not-found error for the customer.
    expect(UnknownReferenceError.isInstance(unknownCustomer)).toBe(true);
    expect((unknownCustomer as UnknownReferenceError).field).toBe('invoice.customerId');
    expect((unknownCustomer as UnknownReferenceError).status).toBe(500);
    expect((unknownCustomer as Error).message).toMatch(/customer cust_nobody does not exist/);

    const badCurrency = await caught(flow.create(invoice({ currency: 'KWD' })));
    expect(InvalidRequestError.isInstance(badCurrency)).toBe(true);
    expect((badCurrency as InvalidRequestError).fieldIssues.map((i) => i.field)).toContain(
      'invoice.currency',
    );

    const missing = await caught(flow.get('inv_doesnotexist0000000000'));
    expect(NotFoundError.isInstance(missing)).toBe(true);
  });

  it('bad input is refused before any request is sent', async () => {
    const { url, faults } = await start();
    await expect(client(url).create(invoice({ customer: { email: 'a@example.com' } }))).rejects.toThrow(
      MissingRequiredFieldError,
    );
    expect(faults.injected).toEqual([]);
  });

  it('auth: plain-text 401 for a wrong key; bare and Bearer keys are both accepted by the fake', async () => {
    const { url } = await start({ apiKeys: [TEST_KEY] });
    const error = await caught(
      createFlowgladClient({ apiKey: 'sk_test_wrong', baseUrl: url }).create(invoice()),
    );
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as AuthenticationError).raw).toBe('Unauthorized: invalid API key');
    expect(String((error as Error).message)).not.toContain('sk_test_wrong');
    for (const authorization of [TEST_KEY, `Bearer ${TEST_KEY}`]) {
      const res = await fetch(`${url}/api/v1/invoices`, { headers: { authorization } });
      expect(res.status).toBe(200);
    }
    const none = await fetch(`${url}/api/v1/invoices`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/text\/plain/);
  });

  it('reads are retried through server errors; with no retries left the error surfaces', async () => {
    const { url, faults } = await start();
    const flow = client(url, { maxRetries: 2 });
    const created = await flow.create(invoice());
    faults.set({ script: ['server_error', 'unavailable'] });
    expect((await flow.get(created.value.id!)).value.id).toBe(created.value.id);
    faults.set({ script: ['server_error'] });
    const error = await caught(client(url, { maxRetries: 0 }).get(created.value.id!));
    expect(ProviderServerError.isInstance(error)).toBe(true);
  });

  it('the fake answers Flowglad’s own error bodies', async () => {
    const { url } = await start();
    const post = (body: string) =>
      fetch(`${url}/api/v1/invoices`, {
        method: 'POST',
        headers: { authorization: TEST_KEY, 'content-type': 'application/json' },
        body,
      });
    const notJson = await post('{oops');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'Invalid JSON in request body' });
    const usage = await post(
      JSON.stringify({
        invoice: {
          type: 'standalone',
          customerId: 'cust_test_1',
          invoiceNumber: 'U-1',
          invoiceDate: 0,
          status: 'draft',
          currency: 'USD',
        },
        invoiceLineItems: [{ type: 'usage', quantity: 1, price: 1 }],
      }),
    );
    expect(usage.status).toBe(400);
    expect(await usage.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const badLimit = await fetch(`${url}/api/v1/invoices?limit=0`, { headers: { authorization: TEST_KEY } });
    expect(badLimit.status).toBe(400);
    const noRoute = await fetch(`${url}/api/v1/nothing`, { headers: { authorization: TEST_KEY } });
    expect([noRoute.status, await noRoute.text()]).toEqual([404, 'Not Found']);
  });
});
