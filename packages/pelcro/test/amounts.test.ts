/**
 * Must-show: per-currency wire amounts for a zero-decimal (JPY), a two-decimal (USD), the Stripe exceptions
 * (ISK in hundredths, MGA in whole units) and a three-decimal currency (KWD), both directions, through the
 * adapter, the client and the fake.
 */
import { LossyMappingError } from '@billbridge/core';
import type { RunningFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PELCRO_ZERO_DECIMAL_CURRENCIES } from '../src/amounts';
import { pelcro } from '../src/index';
import type { PelcroFakeState } from '../src/testing';
import table from './fixtures/currency-wire-amounts.json';
import { clientFor, postRaw, startPelcro } from './helpers';

const site = { siteId: 1234 };
const customer = { id: '987654' };
const oneLine = (currency: string, unitAmount: number) => ({
  currency,
  customer,
  lines: [{ description: 'Issue', quantity: 1, unitAmount }],
});

let fake: RunningFake<PelcroFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('Pelcro amounts are Stripe-style minor units', () => {
  it('uses react-pelcro-js’s zero-decimal list: MGA in it, ISK not', () => {
    expect([...PELCRO_ZERO_DECIMAL_CURRENCIES].sort()).toEqual(
      'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '),
    );
  });

  for (const row of table.exact) {
    it(`${row.kind}: ${row.display} goes out as ${row.wire} and reads back as ${row.canonical}`, () => {
      const { request, warnings } = pelcro.toCreateRequest(oneLine(row.currency, row.canonical), site);
      expect(warnings).toEqual([]);
      expect(request.body.line_items?.[0]).toMatchObject({ unit_price: row.wire, quantity: 1 });
      const bare = pelcro.toCreateRequest(
        { currency: row.currency, customer, lines: [], total: row.canonical },
        site,
      );
      expect(bare.request.body.total).toBe(row.wire);
      const back = pelcro.fromProvider({
        id: 1,
        customer_id: 987654,
        currency: row.currency.toLowerCase(),
        total: row.wire,
        line_items: [{ unit_price: row.wire, quantity: 1, amount: row.wire }],
      });
      expect(back.warnings).toEqual([]);
      expect(back.value).toMatchObject({ total: row.canonical, lines: [{ unitAmount: row.canonical }] });
    });
  }

  for (const row of table.inexact) {
    it(`${row.kind}: ${row.display} is approximated as ${row.wire} with a warning, and strict refuses it`, () => {
      const doc = oneLine(row.currency, row.canonical);
      const { request, warnings } = pelcro.toCreateRequest(doc, site);
      expect(request.body.line_items).toEqual([{ description: 'Issue', unit_price: row.wire, quantity: 1 }]);
      expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
        'approximated lines[0].amount',
        'approximated lines[0].unitAmount',
      ]);
      expect(() => pelcro.toCreateRequest(doc, { ...site, strict: true })).toThrow(
        expect.objectContaining({ name: 'LossyMappingError' }),
      );
      const total = { currency: row.currency, customer, lines: [], total: row.canonical };
      const bare = pelcro.toCreateRequest(total, site);
      expect(bare.request.body.total).toBe(row.wire);
      expect(bare.warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'total' })]);
      let error: unknown;
      try {
        pelcro.toCreateRequest(total, { ...site, strict: true });
      } catch (e) {
        error = e;
      }
      expect(LossyMappingError.isInstance(error)).toBe(true);
      expect(pelcro.fromProvider({ query: { site_id: 1234 }, body: request.body }).value.total).toBe(
        row.readBack,
      );
    });
  }

  it('the client sends each currency in Pelcro’s unit and returns what the fake stored, in canonical units', async () => {
    fake = await startPelcro();
    const client = clientFor(fake);
    for (const row of table.exact) {
      const { value, raw } = await client.create(oneLine(row.currency, row.canonical));
      expect(raw).toMatchObject({
        currency: row.currency.toLowerCase(),
        total: row.wire,
        line_items: [{ unit_price: row.wire, quantity: 1, amount: row.wire }],
      });
      expect(value).toMatchObject({ currency: row.currency, total: row.canonical });
      expect(value.lines[0]?.unitAmount).toBe(row.canonical);
    }
    // KWD 1.234 is approximated on the way out; the read-back says what Pelcro holds: KD 1.230.
    const { value, warnings } = await client.create(oneLine('KWD', 1234));
    expect(value.total).toBe(1230);
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toContain('approximated lines[0].unitAmount');
  });

  it('the fake takes only whole, non-negative int32 amounts, as Pelcro’s integer fields do', async () => {
    fake = await startPelcro();
    const body = (unit_price: unknown) => ({
      currency: 'kwd',
      customer_id: 987654,
      line_items: [{ unit_price, quantity: 1 }],
    });
    expect((await postRaw(fake, body(123))).status).toBe(201);
    for (const bad of [123.4, -1, 2_147_483_648, '123']) {
      const answer = await postRaw(fake, body(bad));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ errors: { 'line_items.0.unit_price': [expect.any(String)] } });
    }
    const total = await postRaw(fake, { currency: 'isk', customer_id: 987654, total: 150000.5 });
    expect(total.status).toBe(400);
    expect(total.body).toMatchObject({ errors: { total: [expect.any(String)] } });
  });

  it('the fake accepts only the currencies configured for its site', async () => {
    fake = await startPelcro({
      sites: [
        {
          id: 1234,
          currencies: ['usd', 'isk'],
          customers: [{ id: 987654 }],
          subscriptions: [],
          addresses: [],
        },
      ],
    });
    const client = clientFor(fake);
    await expect(client.create(oneLine('ISK', 1500))).resolves.toMatchObject({ raw: { total: 150000 } });
    const error = await client.create(oneLine('MGA', 1000)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidRequestError', fieldIssues: [{ field: 'currency' }] });
    expect(fake.records).toHaveLength(1);
  });
});
