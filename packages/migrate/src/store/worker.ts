import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { ProviderAdapter } from '@billbridge/core';
import type { Progress } from '../engine';
import { type MigrationReport, ReportBuilder } from '../report';
import type { TargetClient } from '../types';
import { classifyCreateFailure } from './outcome';
import { reconcileStored } from './reconcile-stored';
import type { ChunkClaim, RunStore, StoredDocument } from './run-store';

export interface WorkerOptions {
  store: RunStore;
  client: TargetClient;
  adapter: ProviderAdapter;
  /** Passed as the second argument of `client.create`. */
  createOptions?: Record<string, unknown>;
  /** Documents in flight at once in this process (default 16). */
  concurrency?: number;
  /** How often one document is re-sent after a 429 before it counts as failed (default 8). */
  maxRateLimitRetries?: number;
  /** Default: `<host>:<pid>:<random>`. */
  workerId?: string;
  /** Documents in the run, for progress. */
  total?: number;
  sourceLabel?: string;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Adds this worker's counts to a report already under way (the loader's). */
  builder?: ReportBuilder;
}

export interface WorkerResult {
  workerId: string;
  /** What this worker did (the run's totals are in the store's status). */
  report: MigrationReport;
  /** Chunks this worker took over from a worker whose lease expired. */
  takenOver: number;
  /** When this worker sent its first document and recorded its last outcome (epoch ms), if it sent any. */
  firstSentAt?: number;
  lastSettledAt?: number;
  /** Answers not recorded because another worker had settled or re-sent the document meanwhile. */
  fencedOff: number;
}

function abortable(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return delay(ms, undefined, signal ? { signal } : {}).catch(() => {});
}

/**
 * One worker of a run kept in a store: claims chunks until none is left (waiting while other live
 * workers hold the last ones, in case one dies), reconciles what a dead worker left pending, and sends
 * the rest — each document marked pending before it is sent and its outcome recorded with the chunk's
 * progress. Stops early, finishing what is in flight, when `signal` aborts.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerResult> {
  const { store, client, adapter } = options;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 8;
  const deduplicates = adapter.capabilities.deduplication.kind !== 'none';
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const signal = options.signal;
  const builder =
    options.builder ??
    new ReportBuilder({
      dryRun: false,
      target: adapter.provider,
      ...(options.sourceLabel === undefined ? {} : { source: options.sourceLabel }),
    });
  const report = builder.report;
  let takenOver = 0;
  let firstSentAt: number | undefined;
  let lastSettledAt: number | undefined;
  let fencedOff = 0;
  let processed = 0;
  let fatal: unknown;
  const inflight = new Set<Promise<void>>();
  const chunks = new Set<Promise<void>>();
  const lost = new Set<ChunkClaim>();

  const progress = () => {
    processed++;
    options.onProgress?.({
      processed,
      ...(options.total === undefined ? {} : { total: options.total }),
      created: report.created + report.reconciled,
      skipped: report.skipped,
      failed: report.failed + report.invalid + report.missingReferences,
      ambiguous: report.ambiguous,
    });
  };
  const location = (doc: StoredDocument) => ({ index: doc.seq });
  const record = async (...args: Parameters<RunStore['record']>) => {
    const written = await store.record(...args);
    lastSettledAt = Date.now();
    if (!written) fencedOff++;
    return written;
  };

  const send = async (claim: ChunkClaim, doc: StoredDocument): Promise<void> => {
    let attempt: number | undefined;
    for (let tries = 0; ; tries++) {
      await store.rate.take();
      if (attempt === undefined) {
        if (lost.has(claim) || signal?.aborted) return;
        attempt = await store.markPending(claim, doc);
        if (attempt === undefined) {
          // The lease ran short or another worker holds the chunk now: send nothing more from it.
          lost.add(claim);
          return;
        }
      }
      let result: Awaited<ReturnType<TargetClient['create']>>;
      firstSentAt ??= Date.now();
      try {
        result = await client.create(doc.doc, options.createOptions);
      } catch (error) {
        // Only the create's own failure is classified here: a store error below is not an answer.
        const failure = classifyCreateFailure(error);
        if (failure.kind === 'rate-limited' && tries < maxRateLimitRetries) {
          // A 429 is an answer: not taken, so sending again is safe, after everyone's pause.
          report.rateLimited++;
          await store.rate.rateLimited(failure.retryAfterMs);
          continue;
        }
        await settleFailure(claim, doc, attempt, error, failure);
        return;
      }
      await store.rate.succeeded();
      const id = result.value.id;
      await record(claim, doc, attempt, {
        state: 'done',
        how: 'created',
        ...(id === undefined ? {} : { targetId: id }),
        ...(result.requestWarnings ? { warnings: result.requestWarnings } : {}),
      });
      report.created++;
      return;
    }
  };

  const settleFailure = async (
    claim: ChunkClaim,
    doc: StoredDocument,
    attempt: number,
    error: unknown,
    failure: ReturnType<typeof classifyCreateFailure>,
  ): Promise<void> => {
    if (failure.kind === 'mismatch') {
      await record(claim, doc, attempt, {
        state: 'done',
        how: 'created',
        targetId: failure.targetId,
        mismatch: failure.why,
      });
      report.created++;
      builder.mismatch({ key: doc.key, targetId: failure.targetId, differences: failure.differences });
      return;
    }
    if (failure.kind === 'ambiguous') {
      await record(claim, doc, attempt, { state: 'ambiguous', error: failure.why });
      builder.ambiguous({
        key: doc.key,
        ...(doc.externalId === undefined ? {} : { externalId: doc.externalId }),
        ...(doc.number === undefined ? {} : { number: doc.number }),
        reason: failure.why,
      });
      return;
    }
    const why = failure.kind === 'failed' ? failure.why : 'still rate limited after every retry';
    await record(claim, doc, attempt, { state: 'failed', error: why });
    builder.problem(error, doc.key, location(doc));
  };

  /** Settles what the chunk's last holder left unanswered; returns the documents to send. */
  const settlePending = async (claim: ChunkClaim): Promise<StoredDocument[]> => {
    const pending = claim.documents.filter((d) => d.state === 'pending');
    const toSend = claim.documents.filter((d) => d.state === 'todo');
    if (pending.length === 0) return toSend;
    const verdicts = await reconcileStored(store, pending, client, deduplicates);
    for (const doc of pending) {
      const verdict = verdicts.get(doc.key);
      if (!verdict) continue;
      if (verdict.kind === 'resend') {
        toSend.push(doc);
        continue;
      }
      if (verdict.kind === 'found') {
        const id = verdict.targetId;
        if (
          await record(claim, doc, doc.attempt, {
            state: 'done',
            how: 'reconciled',
            ...(id ? { targetId: id } : {}),
          })
        )
          report.reconciled++;
      } else if (await record(claim, doc, doc.attempt, { state: 'ambiguous', error: verdict.why })) {
        builder.ambiguous({
          key: doc.key,
          ...(doc.externalId === undefined ? {} : { externalId: doc.externalId }),
          ...(doc.number === undefined ? {} : { number: doc.number }),
          reason: verdict.why,
        });
      }
      progress();
    }
    return toSend.sort((a, b) => a.seq - b.seq);
  };

  const dispatch = async (claim: ChunkClaim): Promise<void> => {
    if (claim.previousOwner !== undefined) takenOver++;
    const toSend = await settlePending(claim);
    const tasks: Promise<void>[] = [];
    for (const doc of toSend) {
      if (lost.has(claim) || signal?.aborted || fatal !== undefined) break;
      while (inflight.size >= concurrency) await Promise.race(inflight);
      const task: Promise<void> = send(claim, doc)
        .catch((error: unknown) => {
          // The store failed: stop rather than send without a record.
          fatal ??= error;
        })
        .finally(() => {
          inflight.delete(task);
          progress();
        });
      inflight.add(task);
      tasks.push(task);
    }
    const finish: Promise<void> = Promise.all(tasks)
      .then(() => store.release(claim))
      .catch((error: unknown) => {
        fatal ??= error;
      })
      .finally(() => chunks.delete(finish));
    chunks.add(finish);
  };

  await store.startWorker({ id: workerId, host: hostname(), pid: process.pid });
  try {
    while (fatal === undefined && !signal?.aborted) {
      while (inflight.size >= concurrency) await Promise.race(inflight);
      const next = await store.claim();
      if (next.kind === 'finished') break;
      if (next.kind === 'wait') {
        // Our own chunks finishing, or another worker's lease running out, is what changes the answer.
        await Promise.race([abortable(next.ms, signal), ...chunks]);
        continue;
      }
      await dispatch(next.claim);
    }
    await Promise.all(inflight);
    await Promise.all(chunks);
  } finally {
    await store.stopWorker().catch(() => {});
  }
  if (fatal !== undefined) throw fatal;
  report.stoppedEarly = signal?.aborted ?? false;
  return {
    workerId,
    report: builder.finish(),
    takenOver,
    fencedOff,
    ...(firstSentAt === undefined ? {} : { firstSentAt }),
    ...(lastSettledAt === undefined ? {} : { lastSettledAt }),
  };
}
