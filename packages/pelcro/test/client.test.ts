import {
  AmbiguousResultError,
  AuthenticationError,
  InvalidRequestError,
  NotFoundError,
  type TransportEvent,
} from '@billbridge/core';
import type { RunningFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPelcroClient } from '../src/index';
import type { PelcroFakeState } from '../src/testing';
import { API_KEY, clientFor, SITE_ID, sampleInvoice, startPelcro } from './helpers';

let fake: RunningFake<PelcroFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('createPelcroClient against the fake', () => {
  it('creates an invoice and returns it as Pelcro read it back, with the warnings of both directions', async () => {
    fake = await startPelcro();
    const result = await clientFor(fake).create(sampleInvoice({ memo: 'not carried' }));
    expect(result.raw).toMatchObject({ object: 'invoice', id: 100001, total: 3525, currency: 'usd' });
    expect(result.value).toMatchObject({
      id: '100001',
      provider: 'pelcro',
      status: 'open',
      currency: 'USD',
      total: 3525,
      customer: { id: '987654', email: 'reader@example.com', name: 'Ada Reader' },
      period: { start: '2025-01-01T00:00:00.000Z', end: '2025-02-01T00:00:00.000Z' },
      dueAt: '2025-01-08T00:00:00.000Z',
      imported: false,
    });
    expect(result.warnings.map((w) => w.path)).toEqual(['memo']);
    expect(fake.records).toHaveLength(1);
  });

  it('works when Pelcro answers bare objects instead of { data }', async () => {
    fake = await startPelcro({ envelope: 'bare' });
    const client = clientFor(fake);
    const created = await client.create(sampleInvoice());
    expect((await client.get(created.value.id!)).value).toEqual(created.value);
  });

  it('gets an invoice by id; an unknown id is NotFoundError', async () => {
    fake = await startPelcro();
    const client = clientFor(fake);
    const created = await client.create(sampleInvoice());
    const read = await client.get(created.value.id!);
    expect(read.value).toEqual(created.value);
    await expect(client.get('999')).rejects.toSatisfy((e) => NotFoundError.isInstance(e));
  });

  it('list walks every page, in order, asking with page and limit', async () => {
    fake = await startPelcro();
    const client = clientFor(fake);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await client.create(sampleInvoice({ footer: `n${i}` }))).value.id!);
    const events: TransportEvent[] = [];
    const paged = clientFor(fake, { onEvent: (e) => events.push(e) });
    const seen: string[] = [];
    for await (const item of paged.list({ limit: 3 })) seen.push(item.value.id!);
    expect(seen).toEqual(ids);
    const urls = events.filter((e) => e.type === 'attempt').map((e) => new URL(e.url).searchParams);
    expect(urls.map((q) => [q.get('page'), q.get('limit'), q.get('per_page')])).toEqual([
      ['1', '3', null],
      ['2', '3', null],
      ['3', '3', null],
    ]);
    // Filters go out as given; the fake, like the documented API, ignores parameters it does not know.
    events.length = 0;
    const filtered: string[] = [];
    for await (const item of paged.list({ filters: { status: 'draft' } })) filtered.push(item.value.id!);
    expect(filtered).toEqual(ids);
    const first = events.find((e) => e.type === 'attempt');
    expect(new URL(first!.url).searchParams.get('status')).toBe('draft');
    expect(new URL(first!.url).searchParams.get('limit')).toBe('100');
  });

  it('refuses a page size Pelcro does not allow (1 to 100)', async () => {
    fake = await startPelcro();
    for (const limit of [0, 101, 2.5]) {
      await expect(clientFor(fake).list({ limit })[Symbol.asyncIterator]().next()).rejects.toThrow(/limit/);
    }
  });

  it('sends Bearer auth: a wrong key is AuthenticationError and never appears in the error', async () => {
    fake = await startPelcro({ apiKeys: ['eyJ-the-right-key'] });
    const error = await clientFor(fake)
      .create(sampleInvoice())
      .catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(fake.records).toHaveLength(0);
    const ok = createPelcroClient({ apiKey: 'eyJ-the-right-key', siteId: SITE_ID, baseUrl: fake.url });
    await expect(ok.create(sampleInvoice())).resolves.toBeDefined();
  });

  it('refuses a malformed site id when the client is made', () => {
    expect(() => createPelcroClient({ apiKey: API_KEY, siteId: 'site-1' })).toThrow(/siteId/);
  });

  it('an unknown site is NotFoundError', async () => {
    fake = await startPelcro();
    const error = await clientFor(fake, { siteId: 99 })
      .get('1')
      .catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
  });

  it('never retries a create that may have arrived: AmbiguousResultError with the external id', async () => {
    fake = await startPelcro();
    fake.faults.set({ script: ['created_then_failed'] });
    const client = clientFor(fake, { maxRetries: 3 });
    const error = await client.create(sampleInvoice({ externalId: 'inv-42' })).catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect((error as AmbiguousResultError).externalId).toBe('inv-42');
    expect(fake.records).toHaveLength(1);
  });

  it('retries reads through a rate limit', async () => {
    fake = await startPelcro();
    const client = clientFor(fake, { maxRetries: 2 });
    const created = await client.create(sampleInvoice());
    fake.faults.set({ script: ['rate_limit'], retryAfterSeconds: 0 });
    await expect(client.get(created.value.id!)).resolves.toMatchObject({ value: { id: created.value.id } });
  });

  it('a currency the customer does not use is Pelcro’s field error', async () => {
    fake = await startPelcro({
      sites: [
        {
          id: SITE_ID,
          currencies: ['usd', 'cad'],
          customers: [{ id: 1, currency: 'cad' }],
          subscriptions: [],
          addresses: [],
        },
      ],
    });
    const error = await clientFor(fake)
      .create(sampleInvoice({ customer: { id: '1' } }))
      .catch((e: unknown) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).fieldIssues[0]?.field).toBe('currency');
  });

  it('uses stored addresses by id', async () => {
    fake = await startPelcro();
    const result = await clientFor(fake).create(
      sampleInvoice({ providerOptions: { pelcro: { billingAddressId: 7001, planShipmentsPerInterval: 3 } } }),
    );
    expect(result.value.customer.billingAddress).toMatchObject({
      name: 'Ada Reader',
      line1: '1 Press Row',
      country: 'CA',
    });
    expect(result.value.providerOptions).toEqual({
      pelcro: { billingAddressId: 7001, planShipmentsPerInterval: 3 },
    });
  });
});
