/**
 * The five providers as the demo runs them: the CLI's registry (adapter, fake, client factory) plus the
 * settings that point each adapter at its fake's default data, so the samples' customer `cust-42` and
 * products (by SKU) resolve everywhere without accounts.
 */

import { DEFAULT_CURRENCY_IDS, DEFAULT_CUSTOMERS } from '@billbridge/chargeover/testing';
import {
  type FieldSupport,
  INVOICE_CAPABILITY_FIELDS,
  type MappingOptions,
  PROVIDER_NAMES,
  type ProviderAdapter,
  type ProviderName,
} from '@billbridge/core';
import { FLOWGLAD_FAKE_DEFAULTS } from '@billbridge/flowglad/testing';
import { PROVIDERS, type SourceClient, type TargetClient } from '@billbridge/migrate';
import { PAID_FAKE_DEFAULTS } from '@billbridge/paid/testing';
import { PELCRO_FAKE_SITE_ID, pelcroFakeDefaultSites } from '@billbridge/pelcro/testing';
import { type RunningFake, startFake } from '@billbridge/testing';
import { WHOP_FAKE_DEFAULT_COMPANY, WHOP_FAKE_DEFAULT_MEMBER } from '@billbridge/whop/testing';
import { WEBHOOK_SECRETS } from './webhook-feed';

export const DEMO_CUSTOMER = 'cust-42';
export const DEMO_EMAIL = 'ada@example.com';
const PELCRO_DEMO_CUSTOMER = 424242;

/** The demo customer's id on each provider's fake: what a migration's customer id map points to. */
export const DEMO_CUSTOMER_IDS: Record<ProviderName, string> = {
  paid: PAID_FAKE_DEFAULTS.customers[0],
  flowglad: FLOWGLAD_FAKE_DEFAULTS.customers[0],
  whop: WHOP_FAKE_DEFAULT_MEMBER.id,
  chargeover: '42',
  pelcro: String(PELCRO_DEMO_CUSTOMER),
};

/** Pelcro knows the demo customer and subscription by their ids in the system they came from. */
function pelcroSites() {
  const sites = pelcroFakeDefaultSites();
  const site = sites.find((s) => s.id === PELCRO_FAKE_SITE_ID);
  site?.customers.push({ id: PELCRO_DEMO_CUSTOMER, old_provider_id: DEMO_CUSTOMER });
  site?.subscriptions.push({ id: 424243, customer_id: PELCRO_DEMO_CUSTOMER, old_provider_id: 'sub-7' });
  return sites;
}

interface DemoSettings {
  label: string;
  /** Reference data the fake starts with, beyond its defaults. */
  seed?: unknown;
  /** Adapter options (and client settings) that resolve the samples' references on the fake. */
  options: MappingOptions & Record<string, unknown>;
  /** The credential the demo client sends; the fakes accept any well-formed one. */
  apiKey: string;
}

const SETTINGS: Record<ProviderName, DemoSettings> = {
  paid: {
    label: 'Paid (orders)',
    apiKey: 'demo_paid_key',
    // Paid's order record has no currency: reads of orders this client did not create need one.
    options: {
      customerIds: { [DEMO_CUSTOMER]: PAID_FAKE_DEFAULTS.customers[0] },
      // The fake's catalogue has one product: every line sells it.
      resolveProductId: () => PAID_FAKE_DEFAULTS.products[0],
      currency: 'USD',
    },
  },
  flowglad: {
    label: 'Flowglad',
    apiKey: 'demo_flowglad_key',
    options: { customerIds: { [DEMO_CUSTOMER]: FLOWGLAD_FAKE_DEFAULTS.customers[0] } },
  },
  whop: {
    label: 'Whop',
    apiKey: 'demo_whop_key',
    options: { companyId: WHOP_FAKE_DEFAULT_COMPANY },
  },
  chargeover: {
    label: 'ChargeOver',
    apiKey: 'demo_public_key:demo_private_key',
    seed: {
      customers: [
        ...DEFAULT_CUSTOMERS,
        {
          customer_id: Number(DEMO_CUSTOMER_IDS.chargeover),
          token: 'demo42token',
          external_key: DEMO_CUSTOMER,
        },
      ],
    },
    // The fake's item 4 ("Consulting hour") stands for every product.
    options: { currencyIds: DEFAULT_CURRENCY_IDS, resolveItemId: () => 4 },
  },
  pelcro: {
    label: 'Pelcro',
    apiKey: 'demo_pelcro_key',
    seed: { sites: pelcroSites() },
    options: { siteId: PELCRO_FAKE_SITE_ID },
  },
};

export interface DemoProvider {
  name: ProviderName;
  label: string;
  // biome-ignore lint/suspicious/noExplicitAny: adapters differ in request and option types
  adapter: ProviderAdapter<unknown, any>;
  mappingOptions: MappingOptions & Record<string, unknown>;
  url: string;
  client: TargetClient & SourceClient;
  /** A fresh client on another fake of the same provider (migration panel). */
  startFake(): Promise<{
    url: string;
    client: TargetClient & SourceClient;
    records: () => unknown[];
    close(): Promise<void>;
  }>;
}

export interface DemoProviders {
  list: DemoProvider[];
  close(): Promise<void>;
}

/** Where the demo's own fakes deliver webhooks: `/webhooks/<provider>` on the demo server. */
export type WebhookUrl = (provider: ProviderName) => string;

async function startOne(name: ProviderName, webhookUrl?: WebhookUrl) {
  const entry = PROVIDERS[name];
  const settings = SETTINGS[name];
  const fake: RunningFake<unknown> = await startFake(await entry.loadFake(), {
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    // Retries come fast on a laptop: a hundredth of each provider's schedule.
    ...(webhookUrl
      ? { webhooks: { url: webhookUrl(name), secret: WEBHOOK_SECRETS[name], retryScale: 0.01 } }
      : {}),
  });
  const baseUrl = `${fake.url.replace(/\/$/, '')}${entry.apiPrefix}`;
  const client = entry.createClient({ apiKey: settings.apiKey, baseUrl, ...settings.options });
  return { url: baseUrl, client, records: () => fake.records, close: () => fake.close() };
}

/** The five fakes the page talks to; with `webhookUrl`, each delivers its webhooks there. */
export async function startDemoProviders(webhookUrl?: WebhookUrl): Promise<DemoProviders> {
  const running = await Promise.all(PROVIDER_NAMES.map((name) => startOne(name, webhookUrl)));
  const list = PROVIDER_NAMES.map((name, i): DemoProvider => {
    const fake = running[i]!;
    return {
      name,
      label: SETTINGS[name].label,
      adapter: PROVIDERS[name].adapter,
      mappingOptions: SETTINGS[name].options,
      url: fake.url,
      client: fake.client,
      startFake: () => startOne(name),
    };
  });
  return { list, close: async () => void (await Promise.all(running.map((r) => r.close()))) };
}

export interface CapabilitiesTable {
  providers: ProviderName[];
  rows: Array<{ field: string; support: FieldSupport[] }>;
}

/** The Invoice capability table of all five adapters, from their own declarations. */
export function capabilitiesTable(list: DemoProvider[]): CapabilitiesTable {
  return {
    providers: list.map((p) => p.name),
    rows: INVOICE_CAPABILITY_FIELDS.map((field) => ({
      field,
      support: list.map((p) => p.adapter.capabilities.invoice[field]),
    })),
  };
}
