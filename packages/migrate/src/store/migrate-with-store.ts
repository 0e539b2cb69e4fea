import type { MigrateOptions, MigrationResult } from '../engine';
import { ReportBuilder } from '../report';
import type { SourceSpec } from '../types';
import { loadSource } from './load-source';
import { openRunStore } from './open-store';
import { newRunId, runOptionsHash } from './run-options';
import type { RunInfo, RunStatus, RunStore } from './run-store';
import { runWorker, type WorkerResult } from './worker';

export interface StoreRunOptions {
  /** `postgres://…` (the `pg` driver is loaded only then), or a store already open. */
  store: string | RunStore;
  /** The run's id; every worker of one run gives the same. Default: a new id (a new run). */
  run?: string;
  /** Documents per chunk a worker claims at once (default 100; fixed when the run is created). */
  chunkSize?: number;
  /**
   * How long a claim lasts without a heartbeat, in ms (default 60,000; fixed when the run is created).
   * A document is sent only while its chunk's lease has half of this left, so half of it must exceed the
   * slowest create (the client's per-attempt timeout): a dead worker's chunks are taken over after it.
   */
  leaseMs?: number;
  /** Default `<host>:<pid>:<random>`. */
  workerId?: string;
  /** Called once the run exists (created or joined), before any document is claimed. */
  onRun?: (run: RunInfo, created: boolean) => void;
}

export interface StoreMigrationResult extends MigrationResult {
  run: RunInfo;
  /** Whether this process created the run (and loaded the source). */
  created: boolean;
  worker: WorkerResult;
  /** The run's state once this worker stopped (all of it when the run finished). */
  status: RunStatus;
}

export type StoreMigrateOptions = Omit<MigrateOptions, 'source' | 'journal' | 'resume' | 'fresh'> & {
  /** Needed by the process that creates the run; workers joining it read the documents from the store. */
  source?: SourceSpec;
} & StoreRunOptions;

async function openStore(spec: string | RunStore, runId: string, concurrency: number): Promise<RunStore> {
  if (typeof spec !== 'string') return spec;
  // One connection per document in flight, plus the heartbeat and claims.
  return openRunStore(spec, runId, Math.min(concurrency + 3, 40));
}

/**
 * A migration whose state lives in a shared store: the first process creates the run and loads the
 * source once; this process and every other started with the same store and run id then work as
 * workers until every chunk is settled.
 */
export async function migrateWithStore(options: StoreMigrateOptions): Promise<StoreMigrationResult> {
  const { target } = options;
  if (options.dryRun) throw new TypeError('A dry run sends nothing and needs no store: leave out store.');
  if (!target.client) throw new TypeError('A run needs target.client.');
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const runId = options.run ?? newRunId();
  const store = await openStore(options.store, runId, concurrency);
  const builder = new ReportBuilder({
    dryRun: false,
    target: target.adapter.provider,
    ...(options.sourceLabel === undefined ? {} : { source: options.sourceLabel }),
  });
  try {
    const source = options.source;
    const { run, created } = await store.open(
      {
        runId,
        target: target.url ? `${target.adapter.provider} ${target.url}` : target.adapter.provider,
        options: runOptionsHash({
          ...(target.options === undefined ? {} : { targetOptions: target.options }),
          ...(options.strict === undefined ? {} : { strict: options.strict }),
        }),
        ...(options.sourceLabel === undefined ? {} : { source: options.sourceLabel }),
        chunkSize: options.chunkSize ?? 100,
        leaseMs: options.leaseMs ?? 60_000,
        ...(options.rps === undefined ? {} : { rps: options.rps }),
      },
      source
        ? () =>
            loadSource({
              source,
              adapter: target.adapter,
              ...(target.options === undefined ? {} : { adapterOptions: target.options }),
              ...(options.idMaps === undefined ? {} : { idMaps: options.idMaps }),
              ...(options.transform === undefined ? {} : { transform: options.transform }),
              ...(options.strict === undefined ? {} : { strict: options.strict }),
              ...(options.notify === undefined ? {} : { notify: options.notify }),
              builder,
            })
        : undefined,
    );
    options.onRun?.(run, created);
    const createOptions =
      options.strict === true ? { ...target.createOptions, strict: true } : target.createOptions;
    const worker = await runWorker({
      store,
      client: target.client,
      adapter: target.adapter,
      ...(createOptions === undefined ? {} : { createOptions }),
      concurrency,
      ...(options.maxRateLimitRetries === undefined
        ? {}
        : { maxRateLimitRetries: options.maxRateLimitRetries }),
      ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
      total: run.total,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      builder,
    });
    const status = await store.status();
    const idMap = new Map<string, string>();
    for await (const done of store.done()) idMap.set(done.key, done.targetId);
    return { report: worker.report, idMap, run, created, worker, status };
  } finally {
    if (typeof options.store === 'string') await store.close();
  }
}
