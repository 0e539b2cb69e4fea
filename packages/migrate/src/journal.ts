import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync, truncateSync } from 'node:fs';
import { type FileHandle, open, rename } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { writeFileAtomic } from './atomic-write';
import { encodeRecord } from './journal-encode';
import {
  checkpointPath,
  JOURNAL_VERSION,
  JournalError,
  type JournalRecord,
  type NewRecord,
  type RunIdentity,
  readCheckpoint,
  scanJournal,
} from './journal-file';
import { JournalState } from './journal-state';

export type { JournalFacts, JournalRecord, NewRecord, RunIdentity } from './journal-file';
export { JournalError } from './journal-file';
export type { JournalEntry, JournalStatus } from './journal-state';
export { JournalState } from './journal-state';

/** How a run treats an existing journal. */
export type JournalMode = 'new' | 'resume' | 'fresh';

export interface JournalOpenOptions {
  mode: JournalMode;
  run: RunIdentity;
  /** A label for people reading the header (the source file). */
  label?: string;
  /** fsync every batch (default true; tests of the format may turn it off). */
  sync?: boolean;
  /** Checkpoint at most this often (default every 10,000 records or 1 s, and at close). */
  checkpointEvery?: { records: number; ms: number };
}

function describeRun(run: RunIdentity): string {
  return `source ${run.source}, target ${run.target}, options ${run.options}`;
}

/** Differences between the run a journal records and this one, as `field: journal X, now Y`. */
function runDifferences(recorded: RunIdentity, now: RunIdentity): string[] {
  const out: string[] = [];
  for (const field of ['source', 'target', 'options', 'ordered'] as const) {
    if (recorded[field] !== now[field])
      out.push(`${field}: the journal has ${String(recorded[field])}, this run ${String(now[field])}`);
  }
  return out;
}

/**
 * Records appended while the previous batch is being written: written together with one fsync, and
 * awaited through one promise (a promise and two callbacks per record stayed alive for the whole fsync,
 * for every document in flight).
 */
interface Batch {
  lines: string[];
  /** The sequence of its last record. */
  seq: number;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function ignore(): void {}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // Records appended with `enqueue` leave nobody waiting on the batch: its failure is kept for `flushed()`.
  done.catch(ignore);
  return { lines: [], seq: -1, done, resolve, reject };
}

/**
 * The durable journal. Every document gets a `pending` record, synced to disk, before it is sent, and an
 * answer (`done`, `failed`, `ambiguous`) after. A run killed at any moment leaves at worst a pending
 * record without an answer, which the next run reconciles instead of re-sending.
 */
export class Journal {
  /** The batch filling while the one before it is written. */
  private filling: Batch | undefined;
  private flushing: Promise<void> | undefined;
  /** The first write that failed: every later `flushed()` reports it. */
  private failure: unknown;
  private closed = false;
  private sinceCheckpoint = 0;
  /** The checkpoint being written, if one is: the batches after it do not wait for it. */
  private checkpointing: Promise<void> | undefined;
  /** The sequence of the last record on disk (appends queued meanwhile are numbered ahead of it). */
  private writtenSeq: number;
  private lastCheckpoint = Date.now();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly state: JournalState,
    /** The run recorded in the header. */
    readonly run: RunIdentity,
    private seq: number,
    private bytes: number,
    private readonly hash: Hash,
    readonly tornBytes: number,
    private readonly sync: boolean,
    private readonly every: { records: number; ms: number },
  ) {
    this.writtenSeq = seq;
  }

  /**
   * Opens the journal. `new` refuses an existing journal (it records a run that starting over would
   * forget); `fresh` moves an existing one aside and starts over; `resume` needs the journal of this very
   * run, complete up to its checkpoint.
   */
  static async open(path: string, options: JournalOpenOptions): Promise<Journal> {
    const sync = options.sync ?? true;
    const every = options.checkpointEvery ?? { records: 10_000, ms: 1_000 };
    const exists = existsSync(path) && statSync(path).size > 0;
    if (options.mode === 'resume') {
      if (!exists)
        throw new JournalError(
          `--resume: there is no journal at ${path}${existsSync(checkpointPath(path)) ? ' (its checkpoint is there: the journal was deleted)' : ''}. Without it billbridge cannot know what was already created, and would create it all again. Restore the journal, or start over knowingly with --fresh.`,
        );
      const checkpoint = readCheckpoint(path);
      if (!checkpoint)
        throw new JournalError(
          `--resume: ${checkpointPath(path)} is missing, so nothing proves ${path} is complete. Restore it, or start over knowingly with --fresh.`,
        );
      const state = new JournalState(options.run.ordered);
      const scan = await scanJournal(path, checkpoint, (record) => state.apply(record));
      const differences = runDifferences(scan.header.run, options.run);
      if (differences.length > 0)
        throw new JournalError(
          `--resume: ${path} records another run (${differences.join('; ')}). Use that run's journal, or start this one over knowingly with --fresh.`,
        );
      // A torn last line is a write the kill interrupted (after the checkpoint, which scan checked).
      if (scan.tornBytes > 0) truncateSync(path, scan.bytes);
      const handle = await open(path, 'a');
      return new Journal(
        path,
        handle,
        state,
        scan.header.run,
        scan.lastSeq,
        scan.bytes,
        scan.hash,
        scan.tornBytes,
        sync,
        every,
      );
    }
    if (exists) {
      if (options.mode === 'new')
        throw new JournalError(
          `${path} already records an earlier run. Pass --resume to continue it, --fresh to start over knowingly (the old journal is kept as ${path}.<time>.old), or choose another journal file.`,
        );
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await rename(path, `${path}.${stamp}.old`);
      if (existsSync(checkpointPath(path)))
        await rename(checkpointPath(path), `${path}.${stamp}.old.checkpoint`);
    }
    const handle = await open(path, 'w');
    const journal = new Journal(
      path,
      handle,
      new JournalState(options.run.ordered),
      options.run,
      -1,
      0,
      createHash('sha256'),
      0,
      sync,
      every,
    );
    await journal.write([
      {
        t: 'header',
        v: JOURNAL_VERSION,
        s: 0,
        at: new Date().toISOString(),
        run: options.run,
        ...(options.label === undefined ? {} : { label: options.label }),
      },
    ]);
    await journal.checkpoint();
    return journal;
  }

  /** Human description of the run this journal records. */
  get description(): string {
    return describeRun(this.run);
  }

  /** Appends a record; resolves once it is on disk (records appended together share one fsync). */
  append(record: NewRecord): Promise<void> {
    if (this.closed) return Promise.reject(new JournalError('the journal is closed'));
    return this.add(record);
  }

  /**
   * Appends a record without waiting for it to reach the disk: it is written with the next batch, and a
   * failed write is reported by `flushed()` (and `writeError`). For a document's answer, whose pending
   * record is already on disk: if the run dies before the answer is written, the next run reconciles the
   * document, as it does one whose answer never came.
   */
  enqueue(record: NewRecord): void {
    if (this.closed) throw new JournalError('the journal is closed');
    void this.add(record);
  }

  /** The first write of this journal that failed, if any. */
  get writeError(): unknown {
    return this.failure;
  }

  private add(record: NewRecord): Promise<void> {
    const s = ++this.seq;
    // The state reads no sequence number: the record is applied as given, and numbered in its line.
    this.state.apply(record);
    this.filling ??= newBatch();
    const batch = this.filling;
    batch.lines.push(encodeRecord(record, s));
    batch.seq = s;
    this.flushing ??= this.flush();
    return batch.done;
  }

  private async write(records: JournalRecord[]): Promise<void> {
    if (records[0]?.t === 'header') this.seq = 0;
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    await this.writeText(text);
    this.writtenSeq = this.seq;
  }

  private async writeText(text: string): Promise<void> {
    const buffer = Buffer.from(text, 'utf8');
    await this.handle.write(buffer);
    if (this.sync) await this.handle.datasync();
    this.hash.update(buffer);
    this.bytes += buffer.length;
  }

  private async flush(): Promise<void> {
    for (let batch = this.filling; batch !== undefined; batch = this.filling) {
      this.filling = undefined;
      try {
        await this.writeText(batch.lines.join(''));
        this.writtenSeq = batch.seq;
        this.sinceCheckpoint += batch.lines.length;
        const due =
          this.sinceCheckpoint >= this.every.records || Date.now() - this.lastCheckpoint >= this.every.ms;
        // It records bytes already on disk, so the next batches are written meanwhile (one at a time).
        if (due && this.checkpointing === undefined) this.checkpointing = this.checkpointAside();
        batch.resolve();
      } catch (error) {
        this.failure ??= error;
        batch.reject(error);
      }
    }
    this.flushing = undefined;
  }

  /** A checkpoint written beside the batches; a failure is reported as a failed write. */
  private async checkpointAside(): Promise<void> {
    try {
      await this.checkpoint();
    } catch (error) {
      this.failure ??= error;
    } finally {
      this.checkpointing = undefined;
    }
  }

  /** Records the journal's length and hash beside it (after the bytes themselves are on disk). */
  private async checkpoint(): Promise<void> {
    this.sinceCheckpoint = 0;
    this.lastCheckpoint = Date.now();
    await writeFileAtomic(
      checkpointPath(this.path),
      `${JSON.stringify({ seq: this.writtenSeq, bytes: this.bytes, sha256: this.hash.copy().digest('hex') })}\n`,
    );
  }

  /**
   * Resolves once every record appended so far is on disk; rejects with the first write that failed
   * (for callers that append without awaiting each record).
   */
  async flushed(): Promise<void> {
    await this.quiet();
    if (this.failure !== undefined) throw this.failure;
  }

  /** Resolves once no write or checkpoint runs (one enqueued meanwhile starts another: it is waited for too). */
  private async quiet(): Promise<void> {
    while (this.flushing || this.checkpointing) await (this.flushing ?? this.checkpointing);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.quiet();
    this.closed = true;
    await this.checkpoint();
    await this.handle.close();
  }
}

/**
 * Streams a journal's records (checked against its checkpoint when there is one), for the commands
 * that read a finished run: verify, reconcile, the id map.
 */
export async function readJournal(
  path: string,
  onRecord: (record: JournalRecord) => void,
): Promise<RunIdentity> {
  if (!existsSync(path)) throw new JournalError(`There is no journal at ${path}.`);
  const scan = await scanJournal(path, readCheckpoint(path), onRecord);
  return scan.header.run;
}

/**
 * Source key → target id of every document whose last record is `done` with an id, read from the file in
 * chunks (the engine's id map when it runs with a journal: nothing per document is held in memory meanwhile).
 */
export function readJournalIdMap(path: string): Map<string, string> {
  const ids = new Map<string, string>();
  if (!existsSync(path)) return ids;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const text = rest + decoder.write(chunk.subarray(0, n));
      const lines = text.split('\n');
      // The last piece has no newline yet (or is a torn write): not a record.
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') continue;
        const record = JSON.parse(line) as JournalRecord;
        if (record.t === 'header' || record.t === 'run') continue;
        if (record.t === 'done') {
          if (record.id !== undefined) ids.set(record.k, record.id);
        } else if (record.t !== 'absent') ids.delete(record.k);
      }
    }
  } finally {
    closeSync(fd);
  }
  return ids;
}

/** Loads a journal's state (for tests and tools); `ordered` as the run recorded it. */
export async function loadJournal(path: string): Promise<{ state: JournalState; run: RunIdentity }> {
  let state: JournalState | undefined;
  const pending: JournalRecord[] = [];
  const run = await readJournal(path, (record) => {
    if (state) state.apply(record);
    else pending.push(record);
  });
  state = new JournalState(run.ordered);
  for (const record of pending) state.apply(record);
  return { state, run };
}
