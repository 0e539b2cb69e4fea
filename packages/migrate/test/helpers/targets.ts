/**
 * The four other providers as migration targets against their fakes: how each is configured, which
 * target ids stand for Flowglad's two default customers, and how to read what landed on the fake.
 */
import { DEFAULT_CURRENCY_IDS } from '@billbridge/chargeover/testing';
import type { ProviderName } from '@billbridge/core';
import { PELCRO_FAKE_SITE_ID, pelcroFakeDefaultSites } from '@billbridge/pelcro/testing';
import { type RunningFake, startFake } from '@billbridge/testing';
import { WHOP_FAKE_DEFAULT_COMPANY, WHOP_FAKE_DEFAULT_MEMBER } from '@billbridge/whop/testing';
import type { Transform } from '../../src/engine';
import { PROVIDERS } from '../../src/providers';
import type { IdMaps, TargetClient } from '../../src/types';

export interface TargetSetup {
  name: ProviderName;
  fake: RunningFake<unknown>;
  client: TargetClient;
  options: Record<string, unknown>;
  idMaps: IdMaps;
  transform?: Transform;
  /** Target-side settings for the CLI (`--target-url`, options, key). */
  url: string;
  key: string;
}

/** Lines from Flowglad carry no product; targets that need one get it by transform. */
const withProduct =
  (id: string): Transform =>
  (doc) => {
    for (const line of doc.lines as Array<{ product?: { id?: string } }>) line.product = { id };
    return undefined;
  };

export async function startTarget(name: Exclude<ProviderName, 'flowglad'>): Promise<TargetSetup> {
  const entry = PROVIDERS[name];
  if (name === 'paid') {
    const fake = await startFake(await entry.loadFake());
    const url = `${fake.url}${entry.apiPrefix}`;
    const key = 'paid_test_key';
    return {
      name,
      fake,
      url,
      key,
      options: {},
      // Paid's order records carry no currency: reading them back (reconcile, verify) needs it.
      client: entry.createClient({ apiKey: key, baseUrl: url, currency: 'USD' }),
      idMaps: { customers: { cust_test_1: 'cus_abc123', cust_test_2: 'customerId' } },
      transform: withProduct('prod-id'),
    };
  }
  if (name === 'whop') {
    const fake = await startFake(await entry.loadFake());
    const url = `${fake.url}${entry.apiPrefix}`;
    const key = 'whop_test_key';
    const options = { companyId: WHOP_FAKE_DEFAULT_COMPANY };
    return {
      name,
      fake,
      url,
      key,
      options,
      client: entry.createClient({ apiKey: key, baseUrl: url, ...options }),
      idMaps: {
        customers: { cust_test_1: WHOP_FAKE_DEFAULT_MEMBER.id, cust_test_2: WHOP_FAKE_DEFAULT_MEMBER.id },
      },
    };
  }
  if (name === 'chargeover') {
    const fake = await startFake(await entry.loadFake());
    const key = 'pubkey:privkey';
    const options = { currencyIds: DEFAULT_CURRENCY_IDS };
    return {
      name,
      fake,
      url: fake.url,
      key,
      options,
      client: entry.createClient({ apiKey: key, baseUrl: fake.url, ...options }),
      idMaps: { customers: { cust_test_1: '1', cust_test_2: '2' } },
      transform: withProduct('4'),
    };
  }
  // Pelcro: the site knows both Flowglad customers by their old-provider id, so no id map is needed.
  const sites = pelcroFakeDefaultSites();
  const site = sites.find((s) => s.id === PELCRO_FAKE_SITE_ID);
  site?.customers.push(
    { id: 500001, old_provider_id: 'cust_test_1' },
    { id: 500002, old_provider_id: 'cust_test_2' },
  );
  const fake = await startFake(await entry.loadFake(), { seed: { sites } });
  const key = 'pelcro_test_key';
  const options = { siteId: PELCRO_FAKE_SITE_ID };
  return {
    name,
    fake,
    url: fake.url,
    key,
    options,
    client: entry.createClient({ apiKey: key, baseUrl: fake.url, ...options }),
    idMaps: {},
  };
}
