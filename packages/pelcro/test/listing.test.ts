/**
 * Must-show: a listing of 35 invoices against a server paging by `page`/`limit` returns all 35, with and
 * without `meta` in the answers (the fake, and a raw node:http server that answers `{ data }` or a bare
 * array). Pelcro documents `page` and `limit` (default 10, maximum 100); `per_page` is not a parameter.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPelcroClient } from '../src/index';
import type { PelcroFakeState } from '../src/testing';
import { API_KEY, clientFor, SITE_ID, sampleInvoice, startPelcro } from './helpers';

let fake: RunningFake<PelcroFakeState> | undefined;
let server: Server | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (server) {
    server.close();
    await once(server, 'close');
    server = undefined;
  }
});

async function ids(list: AsyncIterable<{ value: { id?: string } }>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of list) out.push(item.value.id!);
  return out;
}

interface Seen {
  page: string | null;
  limit: string | null;
  per_page: string | null;
}

/**
 * Pages `count` invoices exactly as the pagination page documents (`page`, `limit`, 10 by default, 100 at
 * most), ignoring every other parameter, and answering without `meta`: `{ data }` or a bare array.
 */
async function startPagingServer(
  count: number,
  shape: 'data' | 'array',
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const invoices = Array.from({ length: count }, (_, i) => ({
    object: 'invoice',
    id: 500 + i,
    currency: 'usd',
    customer_id: 987654,
    total: 100 * (i + 1),
    line_items: [{ unit_price: 100 * (i + 1), quantity: 1, amount: 100 * (i + 1) }],
  }));
  server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    seen.push({ page: query.get('page'), limit: query.get('limit'), per_page: query.get('per_page') });
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const asked = Number(query.get('limit'));
    const limit = Math.min(100, asked >= 1 ? asked : 10);
    const data = invoices.slice((page - 1) * limit, page * limit);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(shape === 'data' ? { data } : data));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const rawClient = (baseUrl: string) =>
  createPelcroClient({ apiKey: API_KEY, siteId: SITE_ID, baseUrl, maxRetries: 0 });

describe('listing every invoice, page by page', () => {
  it('35 invoices from the fake, answers with links and meta: all 35, in order', async () => {
    fake = await startPelcro();
    const client = clientFor(fake);
    const created: string[] = [];
    for (let i = 0; i < 35; i++) created.push((await client.create(sampleInvoice())).value.id!);
    expect(await ids(client.list())).toEqual(created);
    expect(await ids(client.list({ limit: 10 }))).toEqual(created);
    expect(await ids(client.list({ limit: 7 }))).toEqual(created); // 5 full pages, then an empty one

    // The fake itself pages as documented: 10 by default, 100 at most, per_page ignored.
    const page = async (query: string) => {
      const response = await fetch(`${fake!.url}/api/v1/core/invoices?site_id=${SITE_ID}&${query}`, {
        headers: { authorization: `Bearer ${API_KEY}` },
      });
      return (await response.json()) as { data: unknown[]; meta: { per_page: number; last_page: number } };
    };
    expect(await page('page=1')).toMatchObject({
      data: expect.any(Array),
      meta: { per_page: 10, last_page: 4 },
    });
    expect((await page('page=1')).data).toHaveLength(10);
    expect((await page('page=1&per_page=50')).data).toHaveLength(10);
    expect((await page('page=4')).data).toHaveLength(5);
    expect((await page('page=1&limit=1000')).meta.per_page).toBe(100);
    expect((await page('page=1&limit=1000')).data).toHaveLength(35);
  });

  it('35 invoices from the fake answering { data } only: all 35', async () => {
    fake = await startPelcro({ listMeta: false });
    const client = clientFor(fake);
    const created: string[] = [];
    for (let i = 0; i < 35; i++) created.push((await client.create(sampleInvoice())).value.id!);
    expect(await ids(client.list({ limit: 10 }))).toEqual(created);
  });

  for (const shape of ['data', 'array'] as const) {
    it(`35 invoices from a raw server paging by page/limit, ${shape === 'data' ? '{ data }' : 'a bare array'} without meta: all 35`, async () => {
      const { url, seen } = await startPagingServer(35, shape);
      const client = rawClient(url);
      const expected = Array.from({ length: 35 }, (_, i) => String(500 + i));
      expect(await ids(client.list())).toEqual(expected);
      expect(seen).toEqual([{ page: '1', limit: '100', per_page: null }]);
      seen.length = 0;
      expect(await ids(client.list({ limit: 10 }))).toEqual(expected);
      expect(seen.map((s) => [s.page, s.limit])).toEqual([
        ['1', '10'],
        ['2', '10'],
        ['3', '10'],
        ['4', '10'],
      ]);
      seen.length = 0;
      // 35 = 5 full pages of 7: the sixth, empty, ends the listing.
      expect(await ids(client.list({ limit: 7 }))).toEqual(expected);
      expect(seen.map((s) => s.page)).toEqual(['1', '2', '3', '4', '5', '6']);
    });
  }

  it('what the old per_page listing met: a server that ignores per_page answers 10, and page/limit gets all 35', async () => {
    const { url } = await startPagingServer(35, 'data');
    const first = await fetch(`${url}/api/v1/core/invoices?site_id=${SITE_ID}&page=1&per_page=50`);
    expect(((await first.json()) as { data: unknown[] }).data).toHaveLength(10);
    expect(await ids(rawClient(url).list())).toHaveLength(35);
  });
});
