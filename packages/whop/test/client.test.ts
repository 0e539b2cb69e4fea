import {
  AuthenticationError,
  InvalidRequestError,
  type InvoiceInput,
  NotFoundError,
  RateLimitError,
  type TransportEvent,
} from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createWhopClient, WhopPlanPriceError } from '../src/index';
import {
  WHOP_FAKE_DEFAULT_COMPANY,
  WHOP_FAKE_DEFAULT_MEMBER,
  type WhopFakeSeed,
  type WhopFakeState,
  whopFake,
} from '../src/testing';

const apiKey = 'whop_sk_test_client_9d1e4b2a';
const doc: InvoiceInput = {
  currency: 'USD',
  customer: { email: 'jane@example.com', name: 'Jane Doe' },
  dueAt: '2026-02-01T00:00:00Z',
  collection: { method: 'send_invoice' },
  lines: [
    { description: 'Design', quantity: 2, unitAmount: 12_500, product: { name: 'Studio work' } },
    { description: 'Hosting', quantity: 1, unitAmount: 999, product: { name: 'Studio work' } },
  ],
};

let fake: RunningFake<WhopFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  seed?: WhopFakeSeed,
  extra: { maxRetries?: number; onEvent?: (e: TransportEvent) => void } = {},
) {
  fake = await startFake(whopFake, seed === undefined ? {} : { seed });
  const client = createWhopClient({
    apiKey,
    companyId: WHOP_FAKE_DEFAULT_COMPANY,
    baseUrl: `${fake.url}/api/v1`,
    maxRetries: extra.maxRetries ?? 0,
    ...(extra.onEvent ? { onEvent: extra.onEvent } : {}),
  });
  return { fake, client };
}

describe('createWhopClient against the fake', () => {
  it('creates, retrieves and reads back an invoice', async () => {
    const { fake, client } = await setup();
    const created = await client.create(doc);
    expect(fake.records).toHaveLength(1);
    expect(created.raw).toMatchObject({
      status: 'open',
      number: '#0001',
      current_plan: { currency: 'usd', formatted_price: '$259.99' },
    });
    expect(created.value).toMatchObject({
      id: created.raw.id,
      provider: 'whop',
      number: '#0001',
      status: 'open',
      currency: 'USD',
      dueAt: '2026-02-01T00:00:00.000Z',
      customer: { email: 'jane@example.com', name: 'Jane Doe' },
      lines: [
        { description: 'Design', quantity: 2, unitAmount: 12_500 },
        { description: 'Hosting', quantity: 1, unitAmount: 999 },
      ],
    });
    // What Whop answered, not the request echoed: the invoice object carries no collection method or product.
    expect(created.value.collection).toBeUndefined();
    expect(created.value.lines[0]?.product).toBeUndefined();
    expect(created.warnings).toEqual([]);

    const read = await client.get(created.raw.id);
    expect(read.raw).toEqual(created.raw);
    expect(read.value.lines.map((l) => l.unitAmount)).toEqual([12_500, 999]);
  });

  it('creates for a known member and as a renewal plan', async () => {
    const { fake, client } = await setup();
    const created = await client.create({
      ...doc,
      customer: { id: WHOP_FAKE_DEFAULT_MEMBER.id },
      recurrence: { interval: 'month', count: 1 },
    });
    expect(created.warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'recurrence' })]);
    // The answer names the member's user and email; the member id and the plan's period are in the request.
    expect(created.value.customer).toMatchObject({ email: WHOP_FAKE_DEFAULT_MEMBER.email });
    expect(fake.state.invoices[0]?.request.member_id).toBe(WHOP_FAKE_DEFAULT_MEMBER.id);
    expect(fake.state.invoices[0]?.request.plan).toMatchObject({
      plan_type: 'renewal',
      renewal_price: 259.99,
      billing_period: 30,
    });
  });

  it('lists every invoice across cursor pages, with filters', async () => {
    const { client } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await client.create({ ...doc, ...(i % 2 ? { status: 'draft' as const } : {}) })).raw.id);
    const listed: string[] = [];
    for await (const item of client.list({ pageSize: 2, order: 'created_at', direction: 'asc' }))
      listed.push(item.raw.id);
    expect(listed).toEqual(ids);
    const drafts: string[] = [];
    for await (const item of client.list({ pageSize: 1, statuses: ['draft'] }))
      drafts.push(item.value.status ?? '');
    expect(drafts).toEqual(['draft', 'draft']);
  });

  it('an unknown invoice is a NotFoundError', async () => {
    const { client } = await setup();
    await expect(client.get('inv_missing')).rejects.toSatisfy((e) => NotFoundError.isInstance(e));
  });

  it('a rejected key is an AuthenticationError that never shows the key', async () => {
    const { fake, client } = await setup({ apiKeys: ['some-other-key-123'] });
    const error = await client.create(doc).catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(apiKey);
    expect(String((error as Error).stack)).not.toContain(apiKey);
    expect(fake.records).toHaveLength(0);
  });

  it('Whop validation errors from the fake map to InvalidRequestError', async () => {
    const { client } = await setup();
    const body = {
      collection_method: 'send_invoice',
      company_id: WHOP_FAKE_DEFAULT_COMPANY,
      product: { title: 'X' },
      plan: { plan_type: 'one_time', initial_price: 10, currency: 'usd' },
      due_date: '2026-01-01T00:00:00.000Z',
      email_address: 'a@example.com',
      customer_name: 'A',
      line_items: [{ label: 'x', unit_price: 9.99 }],
    };
    const error = await client.transport
      .request({ method: 'POST', path: '/invoices', body, operation: 'create' })
      .catch((e: unknown) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('add up to 9.99');
    expect((error as InvalidRequestError).status).toBe(422);
    expect((error as InvalidRequestError).raw).toMatchObject({ error: { code: 'unprocessable_entity' } });
  });

  it('a create that was stored and then failed is sent again under its key: Whop replays it, one invoice exists', async () => {
    const events: TransportEvent[] = [];
    const { fake, client } = await setup(undefined, { maxRetries: 3, onEvent: (e) => events.push(e) });
    fake.faults.set({ script: ['created_then_failed'] });
    const created = await client.create({ ...doc, externalId: 'order-77' });
    expect(fake.records).toHaveLength(1);
    expect(created.raw.id).toBe(fake.state.invoices[0]?.invoice.id);
    expect(events.filter((e) => e.type === 'attempt')).toHaveLength(2);
    expect(fake.state.invoices[0]?.idempotencyKey).toMatch(/^billbridge-whop-[0-9a-f]{64}$/);
  });

  it('without retries left the same failure is ambiguous and names the externalId', async () => {
    const { fake, client } = await setup(undefined, { maxRetries: 0 });
    fake.faults.set({ script: ['created_then_failed'] });
    const error = await client.create({ ...doc, externalId: 'order-78' }).catch((e: unknown) => e);
    expect(fake.records).toHaveLength(1);
    // Retries spent on a deduplicated create: the provider's 500 is the answer (a resend is safe).
    expect((error as { status?: number }).status).toBe(500);
    // A resumed run sends the same key and gets the stored invoice, not a second one.
    const again = await client.create({ ...doc, externalId: 'order-78' });
    expect(fake.records).toHaveLength(1);
    expect(again.raw.id).toBe(fake.state.invoices[0]?.invoice.id);
  });

  it('reads are retried after a 429 with Retry-After', async () => {
    const { fake, client } = await setup(undefined, { maxRetries: 2 });
    const created = await client.create(doc);
    fake.faults.set({ script: ['rate_limit'], retryAfterSeconds: 0 });
    const read = await client.get(created.raw.id);
    expect(read.raw.id).toBe(created.raw.id);
    fake.faults.set({ script: ['rate_limit', 'rate_limit'], retryAfterSeconds: 0 });
    const noRetry = createWhopClient({
      apiKey,
      companyId: WHOP_FAKE_DEFAULT_COMPANY,
      baseUrl: `${fake.url}/api/v1`,
      maxRetries: 0,
    });
    await expect(noRetry.get(created.raw.id)).rejects.toSatisfy((e) => RateLimitError.isInstance(e));
  });

  it('lines that cannot make a Whop plan price are refused before any request is sent', async () => {
    const events: TransportEvent[] = [];
    const { fake, client } = await setup(undefined, { onEvent: (e) => events.push(e) });
    const bad: InvoiceInput = {
      ...doc,
      lines: [{ description: 'API calls', quantity: 7, unitAmountDecimal: '0.05' }],
    };
    const error = await client.create(bad).catch((e: unknown) => e);
    expect(WhopPlanPriceError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/add up to exactly 0\.0035 USD, which is not a whole amount/);
    expect(events).toEqual([]);
    expect(fake.records).toHaveLength(0);
  });
});
