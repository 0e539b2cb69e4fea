import {
  AmbiguousResultError,
  ConflictError,
  IntegrityError,
  type ProviderAdapter,
  RateLimitError,
} from '@billbridge/core';
import { Journal, type JournalEntry, JournalError, type NewRecord, readJournalIdMap } from './journal';
import { DoneRecord, PendingRecord } from './journal-encode';
import { KeySet } from './key-set';
import { definitelyNotCreated } from './not-created';
import { prepareForTarget, sourceKey } from './prepare';
import { quietDocument } from './quiet';
import { RateLimiter } from './rate-limit';
import { journalFacts, type Verdict } from './reconcile';
import { type MigrationReport, ReportBuilder, reasonOf } from './report';
import { runIdentity } from './run-identity';
import { settleUnanswered } from './settle';
import { Slots } from './slots';
import { sourceBatches } from './sources';
import {
  migrateWithStore,
  type StoreMigrateOptions,
  type StoreMigrationResult,
} from './store/migrate-with-store';
import type {
  CanonicalDoc,
  CanonicalInput,
  IdMaps,
  OnError,
  SourceItem,
  SourceLocation,
  SourceSpec,
  TargetClient,
} from './types';

export interface TransformContext {
  /** The document's journal key (its source id). */
  key: string;
  location: SourceLocation;
  /** The document as read from the source, before ids were rewritten. */
  original: CanonicalDoc;
}

/** Returns the document to send, `undefined` to send it as it is (after in-place edits), `null` to skip it. */
export type Transform = (
  doc: CanonicalDoc,
  context: TransformContext,
) => CanonicalInput | null | undefined | Promise<CanonicalInput | null | undefined>;

export interface MigrationTarget {
  adapter: ProviderAdapter;
  /** Required for a real run; a dry run never sends. */
  client?: TargetClient;
  /** Adapter options for `toCreateRequest` (e.g. whop companyId, chargeover currencyIds). */
  options?: Record<string, unknown>;
  /** Passed as the second argument of `client.create`. */
  createOptions?: Record<string, unknown>;
  /** The target's base URL, recorded in the journal's run identity. */
  url?: string;
}

/** Counts as the summary names them, so the last progress line and the summary agree. */
export interface Progress {
  processed: number;
  total?: number;
  dryRun?: boolean;
  /** Created (dry run: would be created). */
  created: number;
  reconciled?: number;
  /** Already migrated according to the journal. */
  skipped: number;
  /** Failed, invalid or missing a reference. */
  failed: number;
  ambiguous: number;
}

export interface MigrateOptions {
  source: SourceSpec;
  target: MigrationTarget;
  dryRun?: boolean;
  transform?: Transform;
  idMaps?: IdMaps;
  /**
   * Creates in flight to the target at once (default 16). With a journal, up to three times as many
   * documents are read ahead (waiting for their pending record to reach the disk).
   */
  concurrency?: number;
  /** Requests per second to the target (default: unlimited; 429 answers still slow the run down). */
  rps?: number;
  /** Path of the journal file. Without one a real run cannot be resumed. */
  journal?: string;
  resume?: boolean;
  /** Start over knowingly: an existing journal is moved aside (kept as `<journal>.<time>.old`). */
  fresh?: boolean;
  /**
   * Let the migration email customers and charge cards as the source documents say. Off by default:
   * automatic sending is switched off, charging collections become send-invoice, imported flags are set.
   */
  notify?: boolean;
  /** After reviewing them, send the documents an earlier run reported ambiguous. */
  retryAmbiguous?: boolean;
  /** `continue` (default): record the problem and go on; `stop`: finish what is in flight and stop. */
  onError?: OnError;
  /** Refuse lossy mappings (LossyMappingError) instead of reporting losses. */
  strict?: boolean;
  /** Documents expected (for progress ETA). */
  total?: number;
  /** How often one document is re-sent after a 429 before it counts as failed (default 8). */
  maxRateLimitRetries?: number;
  onProgress?: (progress: Progress) => void;
  /** A label for the report, e.g. the source file. */
  sourceLabel?: string;
  signal?: AbortSignal;
}

export interface MigrationResult {
  report: MigrationReport;
  /**
   * Source key → target id, for every document done (this run and earlier ones). With a journal it is
   * read from the journal file when first accessed (the run itself keeps no per-document ids in memory).
   */
  idMap: Map<string, string>;
}

/** With a journal, documents read ahead per send slot (see `admitted` in migrate). */
const READ_AHEAD = 3;

/** A created document's `done` record (written field by field: see DoneRecord). */
function doneRecord(key: string, index: number, id: string | undefined): NewRecord {
  return new DoneRecord(key, index, id, 'created');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Streams the source through fromProvider → id rewriting → transform → the target adapter (and, in a
 * real run, the target client), with bounded concurrency, a shared rate limit and the journal.
 */
export async function migrate(options: StoreMigrateOptions): Promise<StoreMigrationResult>;
export async function migrate(options: MigrateOptions): Promise<MigrationResult>;
export async function migrate(input: MigrateOptions | StoreMigrateOptions): Promise<MigrationResult> {
  // A run kept in a shared store (PostgreSQL) instead of the journal file: see store/.
  if ('store' in input && input.store !== undefined) return migrateWithStore(input);
  const options = input as MigrateOptions;
  const { target, source } = options;
  const dryRun = options.dryRun ?? false;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const onError = options.onError ?? 'continue';
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 8;
  const adapter = target.adapter;
  const deduplicates = adapter.capabilities.deduplication.kind !== 'none';
  if (!dryRun && !target.client)
    throw new TypeError('A real run needs target.client (or pass dryRun: true).');

  const builder = new ReportBuilder({
    dryRun,
    target: adapter.provider,
    ...(options.sourceLabel === undefined ? {} : { source: options.sourceLabel }),
  });
  const report = builder.report;
  const limiter = new RateLimiter(options.rps === undefined ? {} : { rps: options.rps });
  // Without a journal the ids can only be kept in memory; with one, the file holds them (see the result).
  const idMap = new Map<string, string>();
  const notify = options.notify ?? false;
  const importedSupported = adapter.capabilities.invoice.imported === 'supported';
  if (options.resume && options.fresh) throw new TypeError('resume and fresh exclude each other.');
  const journal =
    !dryRun && options.journal
      ? await Journal.open(options.journal, {
          mode: options.resume ? 'resume' : options.fresh ? 'fresh' : 'new',
          run: await runIdentity(options, notify),
          ...(options.sourceLabel === undefined ? {} : { label: options.sourceLabel }),
        })
      : undefined;
  const verdicts = new Map<string, Verdict>();
  const reconciledKeys = new Set<string>();
  // Every key of this run, to refuse a second record with the same id: off the JS heap, exact.
  const seen = new KeySet();
  /** Creates in flight to the target: at most `concurrency`. */
  const sends = new Slots(concurrency);
  let stop = false;
  let fatal: unknown;
  let processed = 0;

  const onProgress = options.onProgress;
  const progress = () => {
    if (!onProgress) return;
    // Assigned, not spread: this runs once per document.
    const p: Progress = {
      processed,
      dryRun,
      created: report.created,
      reconciled: report.reconciled,
      skipped: report.skipped,
      failed: report.failed + report.invalid + report.missingReferences,
      ambiguous: report.ambiguous,
    };
    if (options.total !== undefined) p.total = options.total;
    onProgress(p);
  };

  /** The id of a document done in this run or an earlier one; kept in memory only without a journal. */
  const recordId = (key: string, id: string | undefined) => {
    if (!journal && id !== undefined) idMap.set(key, id);
  };
  /**
   * Whether the target client reports its request-side warnings apart (`requestWarnings`). Until one
   * answer shows it, the engine maps each document itself for the loss report; afterwards `client.create`
   * is the only mapping.
   */
  let clientSplitsWarnings = false;

  try {
    if (journal) {
      await journal.append({ t: 'run', at: new Date().toISOString(), resumed: options.resume ?? false });
      // Unanswered creates of the earlier run are settled before anything new is sent.
      if (target.client) {
        const settled = await settleUnanswered(journal, target.client, deduplicates);
        for (const found of settled.found) reconciledKeys.add(found.key);
        report.reconciled += settled.found.length;
        for (const [key, verdict] of settled.verdicts)
          if (verdict.kind !== 'found') verdicts.set(key, verdict);
      }
    }

    const failedStop = () => {
      if (onError === 'stop') stop = true;
    };

    // Without the engine's own mapping, `strict` must reach the client's (it throws before sending).
    const createOptions =
      options.strict === true ? { ...target.createOptions, strict: true } : target.createOptions;

    // Not async itself: each document's work is one async function (handleDocument), not two nested.
    const handle = (item: SourceItem): Promise<void> => {
      const index = item.location.index;
      if (!item.ok) {
        builder.problem(item.error, item.key, item.location);
        return refused(item.key ?? `#${index}`, index, 'unreadable');
      }
      builder.losses('source', item.warnings);
      const key = sourceKey(item.doc, item.location);
      if (!seen.add(key)) {
        // Two source records with one id would be one journal entry, and could be created twice.
        builder.problem(
          new Error(`another record of this source has the same id "${key}"; only the first is migrated`),
          key,
          item.location,
        );
        return refused(`#${index}`, index, 'duplicate id');
      }
      return handleDocument(item, key, index);
    };

    /** A document that cannot be sent: recorded as settled, and the run stops if told to. */
    const refused = async (key: string, index: number, why: string) => {
      await settle(key, index, why);
      failedStop();
    };

    /** Records a position settled without sending (looked at again on resume). */
    const settle = async (key: string, index: number, why: string) => {
      await journal?.append({ t: 'skipped', k: key, i: index, why });
    };

    // Records the run parsed from a file itself are nobody else's, and without a transform nobody sees
    // them as read: preparing may reuse their parts rather than copy them. (A list source's client, or a
    // caller's documents, may still hold the objects it hands over.)
    const ownsDocuments = options.transform === undefined && source.kind === 'file';

    const handleDocument = async (
      item: SourceItem & { ok: true },
      key: string,
      index: number,
    ): Promise<void> => {
      const entry: JournalEntry | undefined = journal?.state.lookup(key, index);
      if (entry && entry.key !== key && entry.status !== 'done' && entry.status !== 'skipped') {
        throw new JournalError(
          `${journal?.path}: position ${index} is "${entry.key}" in the journal but "${key}" in the source: the source changed since the run began. Use the original source, or start over knowingly with --fresh.`,
        );
      }
      if (entry?.status === 'done' || reconciledKeys.has(key)) {
        // Counted once: documents reconciled at start-up are not also "already migrated".
        if (!reconciledKeys.has(key)) report.skipped++;
        return;
      }
      const verdict = verdicts.get(key);
      // Reconciliation's verdict, when there is one, decides; it may have cleared an earlier ambiguity.
      const ambiguous = verdict ? verdict.kind === 'ambiguous' : entry?.status === 'ambiguous';
      if (ambiguous) {
        if (!options.retryAmbiguous) {
          builder.ambiguous({
            key,
            ...(entry?.externalId === undefined ? {} : { externalId: entry.externalId }),
            ...(entry?.number === undefined ? {} : { number: entry.number }),
            reason: verdict?.kind === 'ambiguous' ? verdict.why : (entry?.error ?? 'unknown'),
          });
          return;
        }
      }

      let doc: CanonicalInput = prepareForTarget(item.doc, options.idMaps, { owned: ownsDocuments });
      for (const change of quietDocument(doc, { notify, importedSupported })) builder.quieted(change);
      if (options.transform) {
        const out = await options.transform(doc as CanonicalDoc, {
          key,
          location: item.location,
          original: item.doc,
        });
        if (out === null) {
          report.skippedByTransform++;
          await settle(key, index, 'skipped by the transform');
          return;
        }
        if (out !== undefined) doc = out;
      }

      // A dry run, or a client that does not report its request-side warnings apart: map here for the
      // loss report (a document that cannot be mapped is reported and never journaled as pending).
      const premapped = dryRun || !clientSplitsWarnings;
      if (premapped) {
        try {
          const mapped = adapter.toCreateRequest(doc, { ...target.options, strict: options.strict ?? false });
          builder.losses('target', mapped.warnings);
        } catch (error) {
          builder.problem(error, key, item.location);
          await settle(key, index, reasonOf(error));
          failedStop();
          return;
        }
      }
      if (dryRun) {
        report.created++;
        return;
      }

      const client = target.client as TargetClient;
      const externalId = (doc as { externalId?: string }).externalId;
      const number = (doc as { number?: string }).number;
      // `entry` is still this document's state: no other document has its position or key.
      if (journal && entry?.status !== 'pending') {
        await journal.append(
          new PendingRecord(key, index, externalId, number, journalFacts(doc as CanonicalDoc)),
        );
      }
      // The send itself holds one of `concurrency` slots; waiting for the pending record above did not.
      if (!sends.tryTake()) await sends.take();
      try {
        if (stop || fatal !== undefined) {
          // The run is ending and this document was never sent: recorded as safe to send on resume.
          await journal?.append({ t: 'absent', k: key, i: index, why: 'not sent: the run stopped first' });
          return;
        }
        for (let attempt = 0; ; attempt++) {
          if (!limiter.tryTake()) await limiter.take();
          try {
            const result = await client.create(doc, createOptions);
            limiter.succeeded();
            const id = result.value.id;
            // Not awaited: the pending record is on disk, so a run killed before this one is written
            // reconciles the document on resume. The slot goes to the next document meanwhile.
            journal?.enqueue(doneRecord(key, index, id));
            recordId(key, id);
            if (Array.isArray(result.requestWarnings)) {
              // The client's own mapping was the only one: its request-side warnings are the target's losses.
              if (!premapped) builder.losses('target', result.requestWarnings);
              clientSplitsWarnings = true;
            }
            // A create the target refused as a resend and answered with the invoice already there (a
            // document sent by an earlier run the journal does not know of, e.g. with --fresh): found, not created.
            if (result.existing === true) report.reconciled++;
            else report.created++;
            return;
          } catch (error) {
            if (RateLimitError.isInstance(error) && attempt < maxRateLimitRetries) {
              // A 429 is an answer: the document was not taken, so sending it again is safe.
              report.rateLimited++;
              limiter.rateLimited(error.retryAfterMs);
              continue;
            }
            if (IntegrityError.isInstance(error)) {
              // Created, but stored differently from what was sent: never send it again; report it.
              const id = error.createdId;
              journal?.enqueue(doneRecord(key, index, id));
              recordId(key, id);
              report.created++;
              builder.mismatch({ key, targetId: id, differences: [...error.differences] });
              return;
            }
            if (definitelyNotCreated(error) || RateLimitError.isInstance(error)) {
              await journal?.append({
                t: 'failed',
                k: key,
                i: index,
                error: `${reasonOf(error)}: ${message(error)}`,
              });
              builder.problem(error, key, item.location);
              failedStop();
              return;
            }
            // Anything else may have created the record: never guess, record it for reconciliation.
            const why = ConflictError.isInstance(error)
              ? `the target says the document already exists (${message(error)})`
              : AmbiguousResultError.isInstance(error)
                ? message(error)
                : `${reasonOf(error)} after the request may have reached the target: ${message(error)}`;
            await journal?.append({ t: 'ambiguous', k: key, i: index, error: why });
            builder.ambiguous({
              key,
              ...(externalId === undefined ? {} : { externalId }),
              ...(number === undefined ? {} : { number }),
              reason: why,
            });
            return;
          }
        }
      } finally {
        sends.release();
      }
    };

    // Documents in flight are counted, and the reader waits for a free slot on one promise: a
    // Promise.race over every task in flight added a reaction to each of them per document read.
    let active = 0;
    // With a journal a document first waits for its pending record to reach the disk (several ms on a
    // busy machine); reading up to three times `concurrency` ahead keeps the send slots busy meanwhile (the
    // sends stay within `concurrency`). At twice, a third of the slots sat idle on average, waiting for an
    // fsync; at four times, the documents held doubled the run's peak heap (more of them outlived a
    // young-generation GC), breaking flat memory.
    const admitted = journal ? concurrency * READ_AHEAD : concurrency;
    let slotFree: (() => void) | undefined;
    const waitForSlot = () =>
      new Promise<void>((resolve) => {
        slotFree = resolve;
      });
    const run = async (item: SourceItem): Promise<void> => {
      try {
        await handle(item);
      } catch (error) {
        // Journal or transform failures: stop the run rather than send without a record.
        fatal ??= error;
      }
      processed++;
      try {
        progress();
      } catch (error) {
        fatal ??= error;
      }
      active--;
      const wake = slotFree;
      slotFree = undefined;
      wake?.();
    };
    // A batch of the source is read without awaiting (see sourceBatches).
    reading: for await (const batch of sourceBatches(source)) {
      for (const item of batch) {
        if (options.signal?.aborted) stop = true;
        if (journal?.writeError !== undefined) fatal ??= journal.writeError;
        if (stop || fatal !== undefined) break reading;
        report.read++;
        active++;
        void run(item);
        if (active >= admitted) await waitForSlot();
      }
    }
    while (active > 0) await waitForSlot();
    // Answers are journaled without waiting (see handleDocument): the run is done once they are on disk.
    if (journal) await journal.flushed().catch((error: unknown) => (fatal ??= error));
    report.interrupted = options.signal?.aborted ?? false;
    report.stoppedEarly = stop && !report.interrupted;
    if (fatal !== undefined) throw fatal;
    const finished = builder.finish();
    if (!journal) return { report: finished, idMap };
    const journalPath = journal.path;
    let fromJournal: Map<string, string> | undefined;
    return {
      report: finished,
      get idMap() {
        fromJournal ??= readJournalIdMap(journalPath);
        return fromJournal;
      },
    };
  } finally {
    await journal?.close();
  }
}
