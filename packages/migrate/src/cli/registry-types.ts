import type { ProviderAdapter, ProviderName } from '@billbridge/core';
import type { FakeDefinition } from '@billbridge/testing';
import type { SourceClient, TargetClient } from '../types';

/** What every provider client factory takes (plus provider keys such as companyId or siteId). */
export interface ClientSettings {
  apiKey: string;
  baseUrl?: string;
  maxRetries?: number;
  timeoutMs?: number;
  strict?: boolean;
  [key: string]: unknown;
}

export interface ProviderEntry {
  name: ProviderName;
  // biome-ignore lint/suspicious/noExplicitAny: adapters differ in request and option types; the CLI passes options through
  adapter: ProviderAdapter<unknown, any>;
  /**
   * Loads the provider's offline fake (its `./testing` entry) on demand, so nothing outside
   * `billbridge sandbox` and tests needs `@billbridge/testing` installed.
   */
  // biome-ignore lint/suspicious/noExplicitAny: each fake has its own state and seed types
  loadFake(): Promise<FakeDefinition<any, any>>;
  /** Path the client's base URL adds to the server's origin (Paid `/api/v2`, Whop `/api/v1`, others none). */
  apiPrefix: string;
  /** Environment variable read for the credential when no --*-key-env is given. */
  keyEnv: string;
  /** Adapter/client option keys worth knowing about (shown in help). */
  optionKeys: readonly string[];
  createClient(settings: ClientSettings): TargetClient & SourceClient;
  /**
   * Adapter options read from the account itself rather than typed in (ChargeOver's currency table), so
   * the engine maps documents as the account will.
   */
  accountOptions?(client: TargetClient & SourceClient): Promise<Record<string, unknown>>;
}

export type ProviderRegistry = Readonly<Record<ProviderName, ProviderEntry>>;
