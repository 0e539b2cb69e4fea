import { type RunningFake, startFake } from '@billbridge/testing';
import { treeDifference } from '@billbridge/testing/readers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateResponse,
  CurrencyListResponse,
  GetInvoiceResponse,
  isDuplicateExternalKeyMessage,
  QueryInvoicesResponse,
} from '../src/index';
import {
  type ChargeOverFakeState,
  chargeoverFake,
  duplicateExternalKeyMessage,
  MISSING_AUTH_BODY,
} from '../src/testing';
import minimal from './fixtures/create-request-minimal.json';

const AUTH = `Basic ${Buffer.from('pub0123456789:priv0123456789').toString('base64')}`;

let fake: RunningFake<ChargeOverFakeState>;
beforeEach(async () => {
  fake = await startFake(chargeoverFake);
});
afterEach(() => fake.close());

async function call(method: string, path: string, body?: unknown, auth: string | null = AUTH) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = auth;
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    location: res.headers.get('location'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe('chargeoverFake', () => {
  it("serves the account currency table on GET /api/v3/currency, in the official clients' shape", async () => {
    const res = await call('GET', '/api/v3/currency');
    expect(res.status).toBe(200);
    const rows = CurrencyListResponse.parse(res.body).response;
    expect(rows.find((r) => r.iso4217 === 'USD')).toMatchObject({ currency_id: 1, symbol: '$', rounding: 2 });
    expect(rows.find((r) => r.iso4217 === 'JPY')).toMatchObject({ rounding: 0 });
    expect(rows.find((r) => r.iso4217 === 'KWD')).toMatchObject({ rounding: 3 });
    const custom = await startFake(chargeoverFake, {
      seed: { currencyIds: { USD: 1, AED: 2 }, currencyRounding: { USD: 0 }, stringIds: true },
    });
    try {
      const answer = await fetch(`${custom.url}/api/v3/currency`, { headers: { authorization: AUTH } });
      expect(((await answer.json()) as { response: unknown }).response).toEqual([
        { currency_id: '1', currency: 'US Dollar', iso4217: 'USD', symbol: '$', rounding: 0 },
        {
          currency_id: '2',
          currency: 'United Arab Emirates Dirham',
          iso4217: 'AED',
          symbol: 'AED',
          rounding: 2,
        },
      ]);
    } finally {
      await custom.close();
    }
  });

  it('answers GET /api/v3/invoice/external_key:<key>, and 404 for an unknown key', async () => {
    const created = await call('POST', '/api/v3/invoice', { ...minimal, external_key: 'k, 1/2' });
    expect(created.status).toBe(201);
    const found = await call('GET', `/api/v3/invoice/external_key:${encodeURIComponent('k, 1/2')}`);
    expect(found.status).toBe(200);
    expect(GetInvoiceResponse.parse(found.body).response.external_key).toBe('k, 1/2');
    expect((await call('GET', '/api/v3/invoice/external_key:nope')).status).toBe(404);
  });

  it('answers a missing Authorization header with the documented 401 body, exactly', async () => {
    const res = await call('POST', '/api/v3/invoice', minimal, null);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 401,
      status: 'Error',
      message: 'Invalid or incorrect authorization [Missing (basic) authorization header.]',
      details: {},
      response: false,
    });
    expect(res.body).toEqual(MISSING_AUTH_BODY);
    expect(fake.records).toEqual([]);
  });

  it('accepts only the seeded key pair when apiKeys is set', async () => {
    const strict = await startFake(chargeoverFake, { seed: { apiKeys: ['pub0123456789:priv0123456789'] } });
    try {
      const other = `Basic ${Buffer.from('pub0123456789:wrong-private').toString('base64')}`;
      const denied = await fetch(`${strict.url}/api/v3/invoice/1`, { headers: { authorization: other } });
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${strict.url}/api/v3/invoice/1`, { headers: { authorization: AUTH } });
      expect(allowed.status).toBe(404);
    } finally {
      await strict.close();
    }
  });

  it('creates the documented minimal example: 201, envelope, Location of the new invoice', async () => {
    const res = await call('POST', '/api/v3/invoice', minimal);
    expect(res.status).toBe(201);
    const created = CreateResponse.parse(res.body);
    expect(res.body).toMatchObject({ code: 201, status: 'OK', message: '', details: {} });
    expect(res.location).toBe(`${fake.url}/api/v3/invoice/${created.response.id}`);
    const read = await call('GET', `/api/v3/invoice/${created.response.id}`);
    const record = GetInvoiceResponse.parse(read.body).response;
    expect(record).toMatchObject({
      customer_id: 1,
      date: '2014-01-02',
      currency_iso4217: 'USD',
      refnumber: String(created.response.id),
      invoice_status_str: 'open-unpaid',
      terms_name: 'Due on Receipt',
      total: 89.85,
      line_items: [{ item_id: 4, line_rate: 29.95, line_quantity: 3, is_taxed: '0' }],
    });
  });

  it("answers records with their keys in ChargeOver's own order (CO32), the order the schemas declare", async () => {
    const res = await call('POST', '/api/v3/invoice', {
      ...minimal,
      paycycle: 'mon',
      line_items: [{ item_id: 4, paycycle: 'mon', custom_1: 'x' }],
    });
    const read = await call('GET', `/api/v3/invoice/${(res.body.response as { id: number }).id}`);
    // The schema outputs declared keys in shape order, then unknown ones: the same tree means the same order.
    expect(treeDifference(read.body, GetInvoiceResponse.parse(read.body))).toBeUndefined();
  });

  it.each([
    [
      'no customer reference',
      { line_items: [{ item_id: 4 }] },
      /customer_id, customer_token, or customer_external_key/,
    ],
    [
      'two customer references',
      { customer_id: 1, customer_external_key: 'cust-0001', line_items: [{ item_id: 4 }] },
      /one customer reference/,
    ],
    ['an unknown customer', { customer_id: 99, line_items: [{ item_id: 4 }] }, /customer .*does not exist/],
    [
      'an unknown customer token',
      { customer_token: 'zzzzzzzzzzzz', line_items: [{ item_id: 4 }] },
      /does not exist/,
    ],
    ['no lines', { customer_id: 1, line_items: [] }, /at least one line item/],
    ['a line without item_id', { customer_id: 1, line_items: [{ descrip: 'x' }] }, /item_id/],
    [
      'an unknown item',
      { customer_id: 1, line_items: [{ item_id: 4 }, { item_id: 77 }] },
      /#2: item_id 77 does not exist/,
    ],
    [
      'an unknown currency_id',
      { customer_id: 1, currency_id: 9999, line_items: [{ item_id: 4 }] },
      /currency_id/,
    ],
    [
      'an undocumented paycycle',
      { customer_id: 1, paycycle: 'fortnightly', line_items: [{ item_id: 4 }] },
      /paycycle/,
    ],
    ['no body', undefined, /No data/],
  ])('refuses %s with a 400 envelope', async (_name, body, message) => {
    const res = await call('POST', '/api/v3/invoice', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, status: 'Error', details: {}, response: false });
    expect(res.body.message).toMatch(message);
    expect(fake.records).toEqual([]);
  });

  it('finds customers by token and external key, and items seeded by the caller', async () => {
    const seeded = await startFake(chargeoverFake, { seed: { items: [501] } });
    try {
      const post = (body: unknown) =>
        fetch(`${seeded.url}/api/v3/invoice`, {
          method: 'POST',
          headers: { authorization: AUTH },
          body: JSON.stringify(body),
        });
      expect((await post({ customer_token: 'k4xq2m9s7wpa', line_items: [{ item_id: 501 }] })).status).toBe(
        201,
      );
      expect(
        (await post({ customer_external_key: 'cust-0002', line_items: [{ item_id: 501 }] })).status,
      ).toBe(201);
      expect((await post({ customer_id: 1, line_items: [{ item_id: 4 }] })).status).toBe(400);
      expect(seeded.records.map((r) => (r as { customer_id: number }).customer_id)).toEqual([1, 2]);
    } finally {
      await seeded.close();
    }
  });

  it('keeps external_key unique, with a message the client recognises', async () => {
    const body = { ...minimal, external_key: 'order-42' };
    expect((await call('POST', '/api/v3/invoice', body)).status).toBe(201);
    const again = await call('POST', '/api/v3/invoice', body);
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(duplicateExternalKeyMessage('order-42'));
    expect(isDuplicateExternalKeyMessage(String(again.body.message))).toBe(true);
    expect(fake.records).toHaveLength(1);
  });

  it('answers unknown invoices with a 404 envelope', async () => {
    const res = await call('GET', '/api/v3/invoice/424242');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 404, status: 'Error', response: false });
  });

  it('queries with where, order, limit and offset; rows omit line items', async () => {
    for (let i = 0; i < 5; i += 1) {
      await call('POST', '/api/v3/invoice', {
        customer_id: i % 2 ? 2 : 1,
        external_key: `k-${i}`,
        line_items: [{ item_id: 4, line_rate: i + 1, line_quantity: 1 }],
      });
    }
    const page = await call(
      'GET',
      '/api/v3/invoice?where=customer_id:EQUALS:1&order=invoice_id:DESC&limit=2&offset=0',
    );
    const rows = QueryInvoicesResponse.parse(page.body).response;
    expect(rows.map((r) => r.external_key)).toEqual(['k-4', 'k-2']);
    expect(rows.every((r) => r.line_items === undefined)).toBe(true);
    const next = QueryInvoicesResponse.parse(
      (await call('GET', '/api/v3/invoice?where=customer_id:EQUALS:1&order=invoice_id:DESC&limit=2&offset=2'))
        .body,
    ).response;
    expect(next.map((r) => r.external_key)).toEqual(['k-0']);
    const combined = QueryInvoicesResponse.parse(
      (
        await call(
          'GET',
          '/api/v3/invoice?where=total:GTE:2,line_items.item_id:EQUALS:4,external_key:NOTEQUALS:k-3',
        )
      ).body,
    ).response;
    expect(combined.map((r) => r.external_key)).toEqual(['k-1', 'k-2', 'k-4']);
    expect((await call('GET', '/api/v3/invoice?where=memo:IS:NULL&limit=1')).body.response).toHaveLength(1);
    expect((await call('GET', '/api/v3/invoice?where=total:BETWEEN:1')).status).toBe(400);
    expect((await call('GET', '/api/v3/invoice?limit=501')).status).toBe(400);
  });
});
