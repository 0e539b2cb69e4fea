import { type RunningFake, startFake } from '@billbridge/testing';
import { treeDifference } from '@billbridge/testing/readers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOP_API_VERSION } from '../src/index';
import { type WhopFakeState, whopFake } from '../src/testing';
import { Invoice } from '../src/wire';
import cardExample from './fixtures/create-request.json';

let fake: RunningFake<WhopFakeState>;
beforeAll(async () => {
  fake = await startFake(whopFake, { seed: { strictMembers: true } });
});
afterAll(() => fake.close());

const headers = {
  authorization: 'Bearer whop_fake_key_123',
  'api-version-date': WHOP_API_VERSION,
  'content-type': 'application/json',
};

async function call(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string | undefined> = {},
) {
  const merged = Object.fromEntries(
    Object.entries({ ...headers, ...extra }).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
  const res = await fetch(`${fake.url}/api/v1${path}`, {
    method,
    headers: merged,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { code?: string; type?: string; message: string } } & Record<
      string,
      unknown
    >,
  };
}

const create = (patch: Record<string, unknown>, drop: string[] = []) => {
  const body: Record<string, unknown> = { ...cardExample, ...patch };
  for (const key of drop) delete body[key];
  return call('POST', '/invoices', body);
};

describe('the Whop fake enforces the documented rules', () => {
  it('accepts the card example', async () => {
    const { status, body } = await create({});
    expect(status).toBe(200);
    expect(body.id).toMatch(/^inv_/);
  });

  it("answers invoices with their keys in the order of Whop's retrieve-invoice example (W24)", async () => {
    const { body } = await create({});
    // The schema outputs declared keys in shape order, then unknown ones: the same tree means the same order.
    expect(treeDifference(body, Invoice.parse(body))).toBeUndefined();
  });

  it.each([
    ['no Authorization', { authorization: undefined }, 401, 'unauthorized'],
    ['a non-Bearer scheme', { authorization: 'Basic abc' }, 401, 'unauthorized'],
    ['an unknown Api-Version-Date', { 'api-version-date': '2031-01-01' }, 400, 'invalid_request'],
  ])('refuses %s', async (_name, extra, status, code) => {
    const res = await call('GET', '/invoices?company_id=biz_xxxxxxxxxxxxxx', undefined, extra);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
  });

  it.each([
    [
      'both product and product_id',
      { product_id: 'prod_xxxxxxxxxxxxx' },
      [],
      /exactly one of product or product_id/,
    ],
    ['neither product nor product_id', {}, ['product'], /exactly one of product or product_id/],
    ['no company_id', {}, ['company_id'], /Missing required parameter: company_id/],
    ['a new customer without a name', {}, ['customer_name'], /customer_name is required/],
    ['send_invoice without due_date', {}, ['due_date'], /due_date is required/],
    [
      'charge_automatically without a payment method',
      { collection_method: 'charge_automatically' },
      [],
      /payment_method_id is required/,
    ],
    [
      'line items not adding up to the price',
      { line_items: [{ label: 'Hours', quantity: 2, unit_price: 10.43 }] },
      [],
      /add up to 20\.86/,
    ],
    [
      'an upper-case currency',
      { plan: { plan_type: 'one_time', initial_price: 10.43, currency: 'USD' } },
      [],
      /plan\.currency/,
    ],
    ['a membership id', { member_id: 'mem_123' }, [], /not a membership id/],
    ['both address forms', { billing_address: { line1: 'x' }, mailing_address_id: 'ma_1' }, [], /not both/],
  ])(
    'answers 422 for %s (validation failures are 422, as documented)',
    async (_name, patch, drop, message) => {
      const res = await create(patch, drop);
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('unprocessable_entity');
      expect(res.body.error?.message).toMatch(message);
    },
  );

  it('serves a request without Api-Version-Date instead of refusing it', async () => {
    const before = fake.state.unversionedRequests;
    const res = await call('GET', '/invoices?company_id=biz_xxxxxxxxxxxxxx', undefined, {
      'api-version-date': undefined,
    });
    expect(res.status).toBe(200);
    expect(fake.state.unversionedRequests).toBe(before + 1);
  });

  it('accepts automatically_finalizes_at with send_invoice: a scheduled send', async () => {
    const res = await create({ automatically_finalizes_at: '2026-01-01T00:00:00Z' });
    expect(res.status).toBe(200);
    const stored = fake.state.invoices.find((row) => row.invoice.id === res.body.id);
    expect(stored?.request).toMatchObject({
      collection_method: 'send_invoice',
      automatically_finalizes_at: '2026-01-01T00:00:00Z',
    });
  });

  it('replays a keyed POST, and refuses the key with another request', async () => {
    const key = { 'idempotency-key': 'fake-test-key-1' };
    const first = await call('POST', '/invoices', cardExample, key);
    const count = fake.state.invoices.length;
    const again = await fetch(`${fake.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { ...headers, ...key },
      body: JSON.stringify(cardExample),
    });
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first.body);
    expect(fake.state.invoices).toHaveLength(count);
    const other = await call('POST', '/invoices', { ...cardExample, customer_name: 'Someone Else' }, key);
    expect(other.status).toBe(400);
    expect(other.body.error?.code).toBe('idempotency_key_mismatch');
    expect(fake.state.invoices).toHaveLength(count);
    // Keys are scoped to the caller: another credential with the same key creates its own invoice.
    const otherCaller = await call('POST', '/invoices', cardExample, {
      ...key,
      authorization: 'Bearer whop_fake_key_456',
    });
    expect(otherCaller.status).toBe(200);
    expect(fake.state.invoices).toHaveLength(count + 1);
  });

  it('a draft needs no due date or customer', async () => {
    const res = await create({ save_as_draft: true }, ['due_date', 'customer_name']);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('draft');
  });

  it('answers 404 for an unknown company or (strict) member', async () => {
    expect((await create({ company_id: 'biz_other' })).status).toBe(404);
    expect((await create({ member_id: 'mber_unknown' }, ['email_address', 'customer_name'])).status).toBe(
      404,
    );
  });

  it('pages forwards and backwards with cursors', async () => {
    const all = await call(
      'GET',
      '/invoices?company_id=biz_xxxxxxxxxxxxxx&order=created_at&direction=asc&first=100',
    );
    const ids = (all.body.data as Array<{ id: string }>).map((i) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const first = await call('GET', '/invoices?company_id=biz_xxxxxxxxxxxxxx&direction=asc&first=1');
    const info = first.body.page_info as { end_cursor: string; has_next_page: boolean };
    expect(info.has_next_page).toBe(true);
    const second = await call(
      'GET',
      `/invoices?company_id=biz_xxxxxxxxxxxxxx&direction=asc&first=1&after=${info.end_cursor}`,
    );
    expect((second.body.data as Array<{ id: string }>)[0]?.id).toBe(ids[1]);
    const back = await call(
      'GET',
      `/invoices?company_id=biz_xxxxxxxxxxxxxx&direction=asc&last=1&before=${(second.body.page_info as { start_cursor: string }).start_cursor}`,
    );
    expect((back.body.data as Array<{ id: string }>).map((i) => i.id)).toEqual([ids[0]]);
    expect((await call('GET', '/invoices?direction=asc')).status).toBe(422);
    expect((await call('GET', '/invoices?company_id=biz_xxxxxxxxxxxxxx&after=bogus')).status).toBe(422);
  });

  it('the rate-limit error uses `type`, as documented', () => {
    expect(whopFake.errorResponse(429, 'Try again in 12 seconds.').body).toEqual({
      error: { type: 'rate_limit_exceeded', message: 'Try again in 12 seconds.' },
    });
  });
});
