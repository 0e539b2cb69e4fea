import { isPostgresUrl, StoreError } from './postgres/connect';
import type { RunStore } from './run-store';

/**
 * Opens the store a URL names, for a run id. Only `postgres://` exists; its driver is imported here, so
 * a run without a store never loads it.
 */
export async function openRunStore(url: string, runId: string, connections = 8): Promise<RunStore> {
  if (!isPostgresUrl(url))
    throw new StoreError(`--store takes a postgres:// (or postgresql://) URL; got "${url.split(':')[0]}:…".`);
  const { PostgresRunStore } = await import('./postgres/store');
  return PostgresRunStore.connect(url, runId, connections);
}
