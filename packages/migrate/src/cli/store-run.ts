import { writeFileAtomic } from '../atomic-write';
import { writeIdMap } from '../id-map';
import { migrateWithStore } from '../store/migrate-with-store';
import { openRunStore } from '../store/open-store';
import { redactUrl } from '../store/postgres/connect';
import type { RunStatus, RunStore } from '../store/run-store';
import { verifyStoredRun } from '../store/verify-stored';
import type { IdMaps, SourceSpec, TargetClient } from '../types';
import type { VerifyReport } from '../verify';
import {
  bool,
  type FlagSpec,
  type FlagValues,
  int,
  keyValues,
  list,
  positiveNumber,
  str,
  UsageError,
} from './args';
import { clientSettings, providerOf } from './common';
import { renderReport, renderVerify, table, verifyClean } from './format';
import { onInterrupt } from './interrupt';
import { type CliIO, EXIT } from './io';
import { ProgressReporter } from './progress';
import type { ProviderEntry, ProviderRegistry } from './registry-types';
import { runSetup, shellWord } from './run-setup';
import { writeSettled } from './settled-report';

/** The flags that name a run kept in PostgreSQL, shared by migrate, status, verify and reconcile. */
export const STORE_FLAGS: FlagSpec[] = [
  {
    name: 'store',
    type: 'string',
    value: '<postgres://…>',
    description:
      'keep the run in PostgreSQL instead of the journal, so workers on several machines share it (password: PGPASSWORD)',
  },
  {
    name: 'run',
    type: 'string',
    value: '<id>',
    description: 'the run in the store (migrate: default a new run; more workers join with the same id)',
  },
];

export const STORE_MIGRATE_FLAGS: FlagSpec[] = [
  {
    name: 'lease',
    type: 'string',
    value: '<seconds>',
    description:
      "with --store: a dead worker's chunks are taken over after this (default 60; set by the first)",
  },
  {
    name: 'chunk-size',
    type: 'string',
    value: '<n>',
    description: 'with --store: documents per claimed chunk (default 100; set by the first)',
  },
];

/** What a command needs of the target alone (a worker joining a run reads no source). */
interface TargetSetup {
  target: ProviderEntry;
  targetUrl?: string;
  targetOptions: Record<string, unknown>;
  strict: boolean;
  client: TargetClient;
}

/** As runSetup's target half: the client, and the options typed in plus those read from the account. */
async function targetSetup(flags: FlagValues, io: CliIO, registry: ProviderRegistry): Promise<TargetSetup> {
  const target = providerOf(registry, str(flags, 'target'), 'target');
  const maxRetries = int(flags, 'max-retries', 0);
  const timeoutMs = int(flags, 'timeout-ms', 1);
  const strict = bool(flags, 'strict');
  const targetUrl = str(flags, 'target-url');
  const targetOptions = keyValues(list(flags, 'target-option'), 'target-option');
  const client = target.createClient(
    clientSettings(target, flags, 'target', io, {
      ...(maxRetries === undefined ? {} : { maxRetries }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      strict,
    }),
  );
  // The same account options the loader merged (ChargeOver's currency table), so the run's options agree.
  if (target.accountOptions) Object.assign(targetOptions, await target.accountOptions(client));
  return { target, ...(targetUrl === undefined ? {} : { targetUrl }), targetOptions, strict, client };
}

function storeUrl(flags: FlagValues): string {
  const url = str(flags, 'store');
  if (url === undefined) throw new UsageError('--store <postgres://…> is required.');
  return url;
}

function runId(flags: FlagValues, command: string): string {
  const id = str(flags, 'run');
  if (id === undefined) throw new UsageError(`--run <id> is required: the run to ${command}.`);
  return id;
}

/** The command that starts one more worker of this run on any machine: target flags only, no source. */
export function workerCommand(flags: FlagValues, run: string): string {
  const words = ['billbridge', 'migrate', '--store', redactUrl(storeUrl(flags)), '--run', run];
  for (const name of ['target', 'target-url', 'target-key-env', 'max-retries', 'timeout-ms', 'concurrency']) {
    const value = str(flags, name);
    if (value !== undefined) words.push(`--${name}`, value);
  }
  for (const option of list(flags, 'target-option')) words.push('--target-option', option);
  if (bool(flags, 'strict')) words.push('--strict');
  return words.map((w) => (w.startsWith('postgres') ? w : shellWord(w))).join(' ');
}

function describeStatus(status: RunStatus): string {
  const c = status.counts;
  const eta = status.etaSeconds === undefined ? '?' : `${Math.ceil(status.etaSeconds)}s`;
  const alive = status.workers.filter((w) => w.alive).length;
  const lines = [
    `Run ${status.run.runId} → ${status.run.target} (${status.run.total.toLocaleString('en-US')} documents)`,
    '',
    table(
      ['state', 'documents'],
      (['todo', 'pending', 'done', 'failed', 'ambiguous', 'skipped'] as const).map((s) => [
        s,
        c[s].toLocaleString('en-US'),
      ]),
    ),
    '',
    `rate: ${status.rate.toFixed(1)} documents/s over the last minute; ETA ${c.todo + c.pending === 0 ? 'done' : eta}`,
    `workers alive: ${alive} of ${status.workers.length}; chunks: ${status.chunks.todo} to do, ${status.chunks.claimed} claimed, ${status.chunks.done} done`,
    `rate limit: ${status.rateLimit.rps === undefined ? 'none' : `${status.rateLimit.rps}/s (now ${status.rateLimit.currentRate?.toFixed(2)}/s)`}, 429 backoffs ${status.rateLimit.backoffs}${status.rateLimit.pausedMs > 0 ? `, paused ${status.rateLimit.pausedMs} ms` : ''}`,
  ];
  if (status.mismatched > 0)
    lines.push(`created but stored differently (verify lists them): ${status.mismatched}`);
  if (status.workers.length > 0) {
    lines.push(
      '',
      table(
        ['worker', 'alive', 'settled', 'last heartbeat'],
        status.workers.map((w) => [w.worker, w.alive ? 'yes' : 'no', String(w.settled), w.heartbeatAt]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function exitFor(status: RunStatus, verified?: VerifyReport): number {
  if (status.counts.failed > 0) return EXIT.problems;
  if (status.counts.ambiguous > 0) return EXIT.ambiguous;
  if (status.mismatched > 0 || (verified && !verifyClean(verified))) return EXIT.mismatch;
  return EXIT.ok;
}

/**
 * `billbridge migrate --store postgres://… [--run <id>]`: creates the run (with --input/--source: the
 * source is loaded once) or joins it, prints the command that starts more workers, and works until
 * every chunk of the run is settled.
 */
export async function runStoreMigrate(
  flags: FlagValues,
  positionals: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  for (const excluded of ['journal', 'resume', 'fresh', 'dry-run', 'retry-ambiguous'])
    if (flags[excluded] !== undefined && flags[excluded] !== false)
      throw new UsageError(
        `--${excluded} is for a journaled run; with --store the run's state is in PostgreSQL (billbridge reconcile --store settles ambiguous documents).`,
      );
  const url = storeUrl(flags);
  const loads =
    str(flags, 'input') !== undefined || positionals.length > 0 || str(flags, 'source') !== undefined;
  let source: SourceSpec | undefined;
  let setup: TargetSetup & { idMaps?: IdMaps; notify?: boolean; sourceLabel?: string };
  if (loads) {
    const run = await runSetup(flags, positionals, io, registry, { needClient: true });
    source = run.source;
    setup = {
      target: run.target,
      ...(run.targetUrl === undefined ? {} : { targetUrl: run.targetUrl }),
      targetOptions: run.targetOptions,
      strict: run.strict,
      client: run.client as TargetClient,
      idMaps: run.idMaps,
      notify: run.notify,
      sourceLabel: run.sourceLabel,
    };
  } else {
    setup = await targetSetup(flags, io, registry);
  }
  const concurrency = int(flags, 'concurrency', 1);
  const rps = positiveNumber(flags, 'rps');
  const lease = positiveNumber(flags, 'lease');
  const chunkSize = int(flags, 'chunk-size', 1);
  const progress = new ProgressReporter(io.err, (positiveNumber(flags, 'progress-interval') ?? 5) * 1000);
  const interrupt = onInterrupt(io, 'finishing the documents in flight and handing back the chunks');
  let command = '';
  try {
    const result = await migrateWithStore({
      store: url,
      ...(str(flags, 'run') === undefined ? {} : { run: str(flags, 'run') as string }),
      ...(source === undefined ? {} : { source }),
      target: {
        adapter: setup.target.adapter,
        client: setup.client,
        options: setup.targetOptions,
        ...(setup.targetUrl === undefined ? {} : { url: setup.targetUrl }),
      },
      ...(setup.idMaps === undefined ? {} : { idMaps: setup.idMaps }),
      ...(setup.notify === undefined ? {} : { notify: setup.notify }),
      strict: setup.strict,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(rps === undefined ? {} : { rps }),
      ...(lease === undefined ? {} : { leaseMs: Math.round(lease * 1000) }),
      ...(chunkSize === undefined ? {} : { chunkSize }),
      ...(setup.sourceLabel === undefined ? {} : { sourceLabel: setup.sourceLabel }),
      signal: interrupt.signal,
      onProgress: (p) => progress.update(p),
      onRun: (run, created) => {
        command = workerCommand(flags, run.runId);
        io.err.write(
          `${created ? 'Created' : 'Joined'} run ${run.runId} in ${redactUrl(url)}: ${run.total.toLocaleString('en-US')} documents.\nStart more workers (any machine, same target key in the environment) with:\n  ${command}\n`,
        );
      },
    });
    progress.finish();
    io.out.write(renderReport(result.report));
    io.out.write(`\n${describeStatus(result.status)}`);
    const idMapOut = str(flags, 'id-map-out');
    if (idMapOut) {
      await writeIdMap(idMapOut, result.idMap);
      io.out.write(`Id map (${result.idMap.size} documents) written to ${idMapOut}\n`);
    }
    if (interrupt.signal.aborted) {
      io.err.write(
        `interrupted: this worker stopped; the run goes on with the others, or start one with:\n  ${command}\n`,
      );
      return EXIT.interrupted;
    }
    let verified: VerifyReport | undefined;
    // The process that created the run verifies it (the others would only repeat the same reads).
    if (result.created && !bool(flags, 'no-verify')) {
      io.err.write('Verifying: comparing every created invoice with what the target stored…\n');
      const store = await openRunStore(url, result.run.runId, 4);
      try {
        await store.attach();
        verified = await verifyStoredRun(store, setup.client);
      } finally {
        await store.close();
      }
      io.out.write(renderVerify(verified));
    }
    const reportPath = str(flags, 'report');
    if (reportPath)
      await writeFileAtomic(
        reportPath,
        `${JSON.stringify({ ...result.report, run: result.status, ...(verified ? { verify: verified } : {}) }, null, 2)}\n`,
      );
    return exitFor(result.status, verified);
  } finally {
    interrupt.dispose();
  }
}

/** Opens an existing run for status, verify or reconcile. */
async function withRun<T>(
  flags: FlagValues,
  command: string,
  body: (store: RunStore) => Promise<T>,
): Promise<T> {
  const store = await openRunStore(storeUrl(flags), runId(flags, command), 4);
  try {
    await store.attach();
    return await body(store);
  } finally {
    await store.close();
  }
}

export async function storeStatus(flags: FlagValues, io: CliIO): Promise<number> {
  return withRun(flags, 'show', async (store) => {
    const status = await store.status();
    io.out.write(bool(flags, 'json') ? `${JSON.stringify(status, null, 2)}\n` : describeStatus(status));
    return EXIT.ok;
  });
}

export async function storeVerify(flags: FlagValues, io: CliIO, registry: ProviderRegistry): Promise<number> {
  const { client } = await targetSetup(flags, io, registry);
  return withRun(flags, 'verify', async (store) => {
    const report = await verifyStoredRun(store, client);
    io.out.write(renderVerify(report));
    const reportPath = str(flags, 'report');
    if (reportPath) await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return verifyClean(report) ? EXIT.ok : EXIT.mismatch;
  });
}

export async function storeReconcile(
  flags: FlagValues,
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const { client, target } = await targetSetup(flags, io, registry);
  const { reconcileRun } = await import('../store/reconcile-run');
  return withRun(flags, 'reconcile', async (store) => {
    const result = await reconcileRun(
      store,
      client,
      target.adapter.capabilities.deduplication.kind !== 'none',
    );
    return writeSettled(io, result, {
      subject: `run ${store.runId}`,
      absent: 'the next worker of the run sends them',
    });
  });
}
