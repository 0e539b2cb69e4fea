/**
 * The five providers the CLI knows: adapter, client factory, fake, and where credentials come from. The
 * only file that imports the provider packages, so the engine itself stays provider-neutral. The fakes
 * are imported only when asked for (`loadFake`), so running needs no test tooling.
 */
import { type ChargeOverClient, chargeover, createChargeOverClient } from '@billbridge/chargeover';
import { createFlowgladClient, flowglad } from '@billbridge/flowglad';
import { createPaidClient, paid } from '@billbridge/paid';
import { createPelcroClient, pelcro } from '@billbridge/pelcro';
import { createWhopClient, whop } from '@billbridge/whop';
import { UsageError } from './cli/args';
import type { ProviderEntry, ProviderRegistry } from './cli/registry-types';
import type { SourceClient, TargetClient } from './types';

type AnyClient = TargetClient & SourceClient;

function need(settings: Record<string, unknown>, key: string, provider: string, hint: string): void {
  if (settings[key] === undefined) throw new UsageError(`${provider} needs ${hint}.`);
}

export const PROVIDERS: ProviderRegistry = {
  paid: {
    name: 'paid',
    apiPrefix: '/api/v2',
    adapter: paid,
    loadFake: async () => (await import('@billbridge/paid/testing')).paidFake,
    keyEnv: 'PAID_API_KEY',
    optionKeys: ['customerIds', 'productIds', 'currency'],
    createClient: (settings) =>
      createPaidClient(settings as Parameters<typeof createPaidClient>[0]) as unknown as AnyClient,
  },
  flowglad: {
    name: 'flowglad',
    apiPrefix: '',
    adapter: flowglad,
    loadFake: async () => (await import('@billbridge/flowglad/testing')).flowgladFake,
    keyEnv: 'FLOWGLAD_SECRET_KEY',
    optionKeys: ['customerIds'],
    createClient: (settings) =>
      createFlowgladClient(
        settings as unknown as Parameters<typeof createFlowgladClient>[0],
      ) as unknown as AnyClient,
  },
  whop: {
    name: 'whop',
    apiPrefix: '/api/v1',
    adapter: whop,
    loadFake: async () => (await import('@billbridge/whop/testing')).whopFake,
    keyEnv: 'WHOP_API_KEY',
    optionKeys: ['companyId', 'appId'],
    createClient: (settings) => {
      need(settings, 'companyId', 'whop', 'a company: --target-option companyId=biz_…');
      return createWhopClient(
        settings as unknown as Parameters<typeof createWhopClient>[0],
      ) as unknown as AnyClient;
    },
  },
  chargeover: {
    name: 'chargeover',
    apiPrefix: '',
    adapter: chargeover as ProviderEntry['adapter'],
    loadFake: async () => (await import('@billbridge/chargeover/testing')).chargeoverFake,
    // ChargeOver authenticates with a key pair: the variable holds "<public key>:<private key>".
    keyEnv: 'CHARGEOVER_API_KEY',
    optionKeys: ['currencyIds', 'baseCurrency', 'timeZone', 'itemIds', 'customFields', 'countryFormat'],
    createClient: ({ apiKey, ...settings }) => {
      const colon = apiKey.indexOf(':');
      if (colon <= 0) throw new UsageError('The ChargeOver credential must be "<public key>:<private key>".');
      need(settings, 'baseUrl', 'chargeover', "the account's URL: --target-url https://acme.chargeover.com");
      // The currency table is read from the account (GET /api/v3/currency); a configured one is checked against it.
      return createChargeOverClient({
        ...(settings as unknown as Parameters<typeof createChargeOverClient>[0]),
        publicKey: apiKey.slice(0, colon),
        privateKey: apiKey.slice(colon + 1),
      }) as unknown as AnyClient;
    },
    async accountOptions(client) {
      // The client reads the account's table once and refuses a configured table that contradicts it
      // (CurrencyTableError, before anything is sent); the account's ids and rounding are what apply.
      const { ids, rounding } = await (client as unknown as ChargeOverClient).currencies();
      return { currencyIds: ids, currencyRounding: rounding };
    },
  },
  pelcro: {
    name: 'pelcro',
    apiPrefix: '',
    adapter: pelcro,
    loadFake: async () => (await import('@billbridge/pelcro/testing')).pelcroFake,
    keyEnv: 'PELCRO_API_KEY',
    optionKeys: ['siteId', 'customerIds'],
    createClient: (settings) => {
      need(settings, 'siteId', 'pelcro', 'a site: --target-option siteId=…');
      return createPelcroClient(
        settings as unknown as Parameters<typeof createPelcroClient>[0],
      ) as unknown as AnyClient;
    },
  },
};
