import { PROVIDER_NAMES, type ProviderName } from '@billbridge/core';
import { type IdMapReadOptions, loadIdMaps, mergeIdMaps } from '../id-map';
import type { IdMaps } from '../types';
import { type FlagValues, keyValues, list, str, UsageError } from './args';
import type { CliIO } from './io';
import type { ClientSettings, ProviderEntry, ProviderRegistry } from './registry-types';

export function providerOf(
  registry: ProviderRegistry,
  name: string | undefined,
  flag: string,
): ProviderEntry {
  if (name === undefined)
    throw new UsageError(`--${flag} is required (one of ${PROVIDER_NAMES.join(', ')}).`);
  const entry = registry[name as ProviderName];
  if (!entry)
    throw new UsageError(
      `--${flag} must be one of ${PROVIDER_NAMES.join(', ')}, got ${JSON.stringify(name)}.`,
    );
  return entry;
}

/** `canonical` or a provider; undefined means canonical. */
export function recordsOf(
  registry: ProviderRegistry,
  name: string | undefined,
  flag: string,
): ProviderEntry | undefined {
  if (name === undefined || name === 'canonical') return undefined;
  return providerOf(registry, name, flag);
}

/**
 * Client settings from flags: `--<side>-url`, `--<side>-key-env` (the NAME of the variable holding the key,
 * so the key never appears in the process list or in shell history), `--<side>-option k=v`.
 */
export function clientSettings(
  entry: ProviderEntry,
  flags: FlagValues,
  side: 'source' | 'target',
  io: CliIO,
  extra: Partial<ClientSettings> = {},
): ClientSettings {
  const envName = str(flags, `${side}-key-env`) ?? entry.keyEnv;
  const apiKey = io.env[envName];
  if (!apiKey) {
    throw new UsageError(
      `No ${entry.name} credential: set the environment variable ${envName}${str(flags, `${side}-key-env`) ? '' : ` (or name another one with --${side}-key-env)`}.`,
    );
  }
  const baseUrl = str(flags, `${side}-url`);
  return {
    ...keyValues(list(flags, `${side}-option`), `${side}-option`),
    ...extra,
    apiKey,
    ...(baseUrl === undefined ? {} : { baseUrl }),
  };
}

export async function idMapsFrom(flags: FlagValues, options: IdMapReadOptions = {}): Promise<IdMaps> {
  const files = list(flags, 'id-map');
  return mergeIdMaps(...(await Promise.all(files.map((f) => loadIdMaps(f, options)))));
}

export const PROVIDERS_HELP = `Providers: ${PROVIDER_NAMES.join(', ')}; "canonical" means billbridge's own documents.`;
