import type { MappingWarning } from '@billbridge/core';
import type { JournalFacts } from '../journal-file';
import type { CanonicalInput } from '../types';

/**
 * A run's state kept outside one process, so several workers on several machines can share it. The
 * embedded journal is the default store of a run; this is the contract of the shared ones (PostgreSQL).
 *
 * The store is the coordinator: it hands out chunks of documents under a lease, fences every write with
 * the claim it was made under, and holds the one rate budget of the target.
 */

/** todo → pending (sent, unanswered) → done | failed | ambiguous; skipped and failed also at load. */
export type DocumentState = 'todo' | 'pending' | 'done' | 'failed' | 'ambiguous' | 'skipped';

export const DOCUMENT_STATES: readonly DocumentState[] = [
  'todo',
  'pending',
  'done',
  'failed',
  'ambiguous',
  'skipped',
];

/** Compact facts a document is searched by on the target (currency, total, lines, customer). */
export type SearchFacts = JournalFacts;

/** One source position, as loaded into the run. */
export interface LoadItem {
  key: string;
  /** The document to send, already prepared (ids rewritten, quieted, transformed); absent when final. */
  doc?: CanonicalInput;
  state: 'todo' | 'failed' | 'skipped';
  externalId?: string;
  number?: string;
  facts?: SearchFacts;
  warnings: MappingWarning[];
  error?: string;
}

/** What identifies a run; a worker whose target differs is refused. */
export interface RunDefinition {
  runId: string;
  /** The target provider and URL, e.g. `chargeover https://…`. */
  target: string;
  /** A hash of what changes what is sent (target options, id maps, strictness). */
  options: string;
  source?: string;
  chunkSize: number;
  leaseMs: number;
  /** Requests per second for the whole run; undefined = unlimited (429s still pause everyone). */
  rps?: number;
}

export interface RunInfo extends RunDefinition {
  total: number;
  createdAt: string;
}

export interface StoredDocument {
  seq: number;
  key: string;
  state: DocumentState;
  doc: CanonicalInput;
  externalId?: string;
  number?: string;
  facts?: SearchFacts;
  /** Sends so far; the fence of the document's current send. */
  attempt: number;
  error?: string;
}

/** A chunk held under a lease: its fence is (worker, claim). */
export interface ChunkClaim {
  chunk: number;
  claim: number;
  /** The worker that held it before, when its lease expired (it died or stalled). */
  previousOwner?: string;
  /** Its documents still to do: todo, or pending (a send nobody recorded the answer of). */
  documents: StoredDocument[];
}

export type ClaimResult =
  | { kind: 'claimed'; claim: ChunkClaim }
  /** Every chunk left is held by a live worker: ask again after `ms` (one of them may die). */
  | { kind: 'wait'; ms: number }
  | { kind: 'finished' };

export type Outcome =
  | {
      state: 'done';
      targetId?: string;
      how: 'created' | 'reconciled';
      warnings?: readonly MappingWarning[];
      /** Created but stored differently from what was sent (an IntegrityError): reported, never resent. */
      mismatch?: string;
    }
  | { state: 'failed' | 'ambiguous'; error: string }
  /** Proven not created (reconciliation): back to todo, to be sent under this claim. */
  | { state: 'todo'; error: string };

export interface WorkerStatus {
  worker: string;
  host: string;
  pid: number;
  startedAt: string;
  heartbeatAt: string;
  alive: boolean;
  settled: number;
}

export interface RunStatus {
  run: RunInfo;
  counts: Record<DocumentState, number>;
  /** Done, but stored differently from what was sent (an IntegrityError at create). */
  mismatched: number;
  /** Documents settled per second over the last minute. */
  rate: number;
  /** Seconds until todo + pending are settled at that rate; undefined when nothing moves. */
  etaSeconds?: number;
  workers: WorkerStatus[];
  chunks: { todo: number; claimed: number; done: number };
  rateLimit: { rps?: number; currentRate?: number; backoffs: number; pausedMs: number };
}

/** A document done on the target: for verify and the id map. */
export interface DoneDocument {
  key: string;
  targetId: string;
  doc: CanonicalInput;
}

export interface RateBudget {
  /** Resolves when one request may be sent (shared by every worker of the run). */
  take(): Promise<void>;
  /** The target answered: let a halved rate recover. */
  succeeded(): Promise<void>;
  /** The target answered 429: pause every worker and halve the rate. Returns the pause in ms. */
  rateLimited(retryAfterMs?: number): Promise<number>;
}

export interface RunStore {
  readonly runId: string;
  /** A label without secrets (the password of a URL is never shown). */
  readonly label: string;
  /**
   * Creates the run and loads its documents once (all in one transaction: a loader killed midway leaves
   * no run), or joins the run that exists. Concurrent callers wait for the loader.
   */
  open(
    definition: RunDefinition,
    load: (() => AsyncIterable<LoadItem>) | undefined,
  ): Promise<{ run: RunInfo; created: boolean }>;
  /** Opens a run that exists, for status, verify and reconcile (nothing is checked or loaded). */
  attach(): Promise<RunInfo>;
  /** Registers this process as a worker and starts its heartbeat. */
  startWorker(worker: { id: string; host: string; pid: number }): Promise<void>;
  stopWorker(): Promise<void>;
  claim(): Promise<ClaimResult>;
  /** Marks a document pending before it is sent; undefined = the claim is lost (do not send). */
  markPending(claim: ChunkClaim, doc: StoredDocument): Promise<number | undefined>;
  /** Records a document's outcome and its chunk's progress in one transaction. False = fence lost. */
  record(claim: ChunkClaim, doc: StoredDocument, attempt: number, outcome: Outcome): Promise<boolean>;
  /** Marks the chunk done (all its documents settled) or hands it back. */
  release(claim: ChunkClaim): Promise<void>;
  readonly rate: RateBudget;
  status(): Promise<RunStatus>;
  /** Documents done with a target id, in source order. */
  done(): AsyncIterable<DoneDocument>;
  /** Recently done documents (id → entry), to learn whether the target echoes keys on read. */
  recentDone(
    limit: number,
  ): Promise<Array<{ key: string; targetId: string; externalId?: string; number?: string }>>;
  /** Of these target ids, those recorded as some document's. */
  claimedIds(ids: readonly string[]): Promise<Set<string>>;
  /** Documents whose send is unanswered with no live worker on them, and ambiguous ones: for reconcile. */
  unsettled(): Promise<StoredDocument[]>;
  /** Records a reconcile verdict outside any claim (the `reconcile` command). */
  settle(doc: StoredDocument, outcome: Outcome): Promise<boolean>;
  close(): Promise<void>;
}
