/**
 * Must-show: an invoice read from another provider creates in Pelcro through customer_old_provider_id,
 * flagged as imported. The ChargeOver adapter is written in parallel and is not a dependency of this
 * package yet, so the document below is built by hand in the shape ChargeOver's fromProvider gives
 * (provider 'chargeover', ChargeOver ids, the customer's external key as externalId).
 */
import { IntegrityError, type Invoice } from '@billbridge/core';
import type { RunningFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import { PELCRO_FAKE_MIGRATED_CUSTOMER, type PelcroFakeState, pelcroFakeDefaultSites } from '../src/testing';
import { clientFor, startPelcro } from './helpers';

const fromChargeOver: Invoice = {
  id: '10042',
  provider: 'chargeover',
  externalId: 'co-inv-10042',
  number: '10042',
  status: 'paid',
  providerStatus: 'Paid',
  currency: 'USD',
  customer: { id: '57', externalId: PELCRO_FAKE_MIGRATED_CUSTOMER.old_provider_id, name: 'Migrated Reader' },
  issuedAt: '2024-11-01T05:00:00.000Z',
  dueAt: '2024-12-01T05:00:00.000Z',
  lines: [
    { description: 'Annual print subscription', quantity: 1, unitAmount: 12000, product: { id: '3' } },
    { description: 'Gift wrap', quantity: 2, unitAmount: 250 },
  ],
  total: 12500,
  subscription: { id: '881' },
  providerOptions: { chargeover: { terms_id: 2 } },
};

let fake: RunningFake<PelcroFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('migrating an invoice read from another provider', () => {
  it('maps to customer_old_provider_id, old_provider_id and is_imported, never to a Pelcro customer_id', () => {
    const { request, warnings } = pelcro.toCreateRequest(fromChargeOver, { siteId: 1234 });
    expect(request.body).toMatchObject({
      customer_old_provider_id: 'legacy-cus-1001',
      subscription_old_provider_id: '881',
      // The invoice's own id in the previous system, so the migrated invoice can be found again.
      old_provider_id: 'co-inv-10042',
      is_imported: true,
      status: 'paid',
      line_items: [
        { description: 'Annual print subscription', unit_price: 12000, quantity: 1 },
        { description: 'Gift wrap', unit_price: 250, quantity: 2 },
      ],
    });
    expect(request.body.customer_id).toBeUndefined();
    expect(request.body.subscription_id).toBeUndefined();
    expect(warnings.map((w) => `${w.code} ${w.path}`).sort()).toEqual([
      'defaulted subscription.id',
      'unsupported customer.name',
      'unsupported issuedAt',
      'unsupported lines[0].product',
      'unsupported number',
      'unsupported providerOptions.chargeover',
    ]);
  });

  it('creates in the fake against the migrated customer, flagged imported', async () => {
    fake = await startPelcro({
      sites: pelcroFakeDefaultSites().map((site) => ({
        ...site,
        subscriptions: [
          ...site.subscriptions,
          { id: 60001, customer_id: PELCRO_FAKE_MIGRATED_CUSTOMER.id, old_provider_id: '881' },
        ],
      })),
    });
    const client = clientFor(fake);
    const { value, raw } = await client.create(fromChargeOver);
    expect(raw).toMatchObject({
      is_imported: true,
      old_provider_id: 'co-inv-10042',
      total: 12500,
      status: 'paid',
      subscription_id: 60001,
    });
    expect(value).toMatchObject({
      provider: 'pelcro',
      externalId: 'co-inv-10042',
      imported: true,
      status: 'paid',
      total: 12500,
      customer: { id: String(PELCRO_FAKE_MIGRATED_CUSTOMER.id), externalId: 'legacy-cus-1001' },
      subscription: { id: '60001', externalId: '881' },
    });
    // Found again by its id in the previous system, through get and through the listing.
    expect((await client.get(value.id!)).value.externalId).toBe('co-inv-10042');
    const found: string[] = [];
    for await (const item of client.list()) {
      if (item.value.externalId === 'co-inv-10042') found.push(item.value.id!);
    }
    expect(found).toEqual([value.id]);
  });

  describe('the imported flag, whose wire name is unconfirmed (READINGS.importedFlag)', () => {
    it('reads back as sent when Pelcro reads the flag under the adapter’s name (is_imported)', async () => {
      fake = await startPelcro({ importedFlag: 'is_imported' });
      const { value } = await clientFor(fake).create({ ...fromChargeOver, subscription: undefined });
      expect(value.imported).toBe(true);
      expect(fake.records[0]).toMatchObject({ is_imported: true });
    });

    it('under the other reading (imported) the flag goes unread, and the create says so by name', async () => {
      fake = await startPelcro({ importedFlag: 'imported' });
      const error = await clientFor(fake)
        .create({ ...fromChargeOver, subscription: undefined })
        .catch((e: unknown) => e);
      expect(IntegrityError.isInstance(error)).toBe(true);
      expect((error as IntegrityError).differences).toEqual([
        { path: 'imported', expected: true, actual: false },
      ]);
      // The invoice exists (Pelcro stored it without the flag): the error names it for correcting.
      expect(fake.records).toHaveLength(1);
      expect((error as IntegrityError).createdId).toBe(String((fake.records[0] as { id: number }).id));
      expect(fake.records[0]).toMatchObject({ imported: false });
    });
  });

  it('falls back to the source customer id as the old-provider id when there is no externalId', () => {
    const { id: _id, externalId: _e, ...customer } = fromChargeOver.customer;
    const { request, warnings } = pelcro.toCreateRequest(
      { ...fromChargeOver, customer: { ...customer, id: '57' } },
      { siteId: 1234 },
    );
    expect(request.body.customer_old_provider_id).toBe('57');
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'defaulted', path: 'customer.id' }));
  });

  it('an explicit imported: false wins; a document read from Pelcro is native', () => {
    expect(
      pelcro.toCreateRequest({ ...fromChargeOver, imported: false }, { siteId: 1 }).request.body.is_imported,
    ).toBe(false);
    const native = pelcro.toCreateRequest(
      { ...fromChargeOver, provider: 'pelcro', customer: { id: '987654' } },
      { siteId: 1 },
    );
    expect(native.request.body).toMatchObject({ customer_id: 987654 });
    expect(native.request.body.is_imported).toBeUndefined();
  });
});
