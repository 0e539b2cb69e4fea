import { PROVIDERS, type Provider } from './docs';
/** Durations and sizes: the full run, and a smoke run that only proves every bench still works. */
export interface Settings {
  smoke: boolean;
  mappingSeconds: number;
  mappingWarmup: number;
  /** Mapping measurements interleave over this many rounds; the best of each counts. */
  mappingRounds: number;
  clientSeconds: number;
  clientWarmup: number;
  /** Each client case runs this many times, interleaved with the others; the best run counts. */
  clientRounds: number;
  concurrency: number;
  migrationSizes: { small: number; large: number };
  importRuns: number;
  /** The providers the mapping and client sections run (`--providers=paid,whop`; all by default). */
  providers: readonly Provider[];
}

export function settingsFor(smoke: boolean, providers: readonly Provider[] = PROVIDERS): Settings {
  return smoke
    ? {
        smoke,
        mappingSeconds: 0.05,
        mappingWarmup: 0.02,
        mappingRounds: 1,
        clientSeconds: 0.3,
        clientWarmup: 0.1,
        clientRounds: 1,
        concurrency: 64,
        migrationSizes: { small: 200, large: 1000 },
        importRuns: 1,
        providers,
      }
    : {
        smoke,
        mappingSeconds: 0.3,
        mappingWarmup: 0.1,
        mappingRounds: 3,
        clientSeconds: 2.5,
        clientWarmup: 0.5,
        clientRounds: 2,
        concurrency: 64,
        migrationSizes: { small: 10_000, large: 100_000 },
        importRuns: 7,
        providers,
      };
}
