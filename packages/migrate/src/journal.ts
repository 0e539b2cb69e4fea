import { closeSync, existsSync, ftruncateSync, openSync, readFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/**
 * The durable journal: an append-only NDJSON file. Every document gets a `pending` record, synced to disk,
 * before it is sent, and an answer (`done`, `failed`, `ambiguous`) after. A run killed at any moment leaves
 * at worst a pending record without an answer, which the next run reconciles instead of re-sending.
 */
export type JournalRecord =
  | { t: 'run'; at: string; target: string; source?: string; resumed: boolean }
  | { t: 'pending'; k: string; x?: string; n?: string }
  | { t: 'done'; k: string; id?: string; how?: 'created' | 'reconciled' }
  | { t: 'failed'; k: string; error: string }
  | { t: 'ambiguous'; k: string; error: string };

export type JournalStatus = 'pending' | 'done' | 'failed' | 'ambiguous';

export interface JournalEntry {
  status: JournalStatus;
  /** The target's id, once known. */
  targetId?: string;
  /** The prepared document's external key and number, for finding it on the target. */
  externalId?: string;
  number?: string;
  error?: string;
}

export class JournalError extends Error {
  override name = 'JournalError';
}

export interface JournalLoad {
  entries: Map<string, JournalEntry>;
  /** Bytes of a torn last line that were dropped (the run was killed mid-write). */
  tornBytes: number;
  runs: number;
  /** The target of the recorded runs. */
  target?: string;
}

/** Reads a journal, tolerating (and cutting off) a torn last line; a corrupt line elsewhere is an error. */
export function loadJournal(path: string): JournalLoad {
  const entries = new Map<string, JournalEntry>();
  if (!existsSync(path)) return { entries, tornBytes: 0, runs: 0 };
  const buffer = readFileSync(path);
  const end = buffer.lastIndexOf(0x0a) + 1;
  const tornBytes = buffer.length - end;
  if (tornBytes > 0) {
    // Records are always written with their newline; bytes after the last one are an interrupted write.
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, end);
    } finally {
      closeSync(fd);
    }
  }
  const text = buffer.subarray(0, end).toString('utf8');
  let runs = 0;
  let target: string | undefined;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '') continue;
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch {
      throw new JournalError(`${path}:${lineNo}: the journal line is not valid JSON; the file is corrupt.`);
    }
    applyRecord(entries, record);
    if (record.t === 'run') {
      runs++;
      target = record.target;
    }
  }
  return { entries, tornBytes, runs, ...(target === undefined ? {} : { target }) };
}

function applyRecord(entries: Map<string, JournalEntry>, record: JournalRecord): void {
  if (record.t === 'run') return;
  const entry = entries.get(record.k) ?? { status: 'pending' };
  if (record.t === 'pending') {
    entry.status = 'pending';
    if (record.x !== undefined) entry.externalId = record.x;
    if (record.n !== undefined) entry.number = record.n;
    delete entry.error;
  } else if (record.t === 'done') {
    entry.status = 'done';
    if (record.id !== undefined) entry.targetId = record.id;
    delete entry.error;
  } else {
    entry.status = record.t;
    entry.error = record.error;
  }
  entries.set(record.k, entry);
}

/**
 * Source key → target id of every document whose last record is `done` with an id, read from the file
 * (the engine's id map when it runs with a journal: nothing per document is held in memory meanwhile).
 */
export function readJournalIdMap(path: string): Map<string, string> {
  const ids = new Map<string, string>();
  if (!existsSync(path)) return ids;
  const text = readFileSync(path, 'utf8');
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    // A torn last line (no newline) is not a record.
    if (end < 0) break;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    const record = JSON.parse(line) as JournalRecord;
    if (record.t === 'run') continue;
    if (record.t === 'done') {
      if (record.id !== undefined) ids.set(record.k, record.id);
    } else ids.delete(record.k);
  }
  return ids;
}

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Journal {
  private queue: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly entries: Map<string, JournalEntry>,
    readonly tornBytes: number,
    private readonly sync: boolean,
  ) {}

  /**
   * Opens (creating) the journal. Without `resume`, an existing non-empty journal is refused: it belongs to
   * an earlier run, and starting over would forget what that run created.
   */
  static async open(
    path: string,
    options: { resume: boolean; target?: string; sync?: boolean },
  ): Promise<Journal> {
    const loaded = loadJournal(path);
    if (options.target !== undefined && loaded.target !== undefined && loaded.target !== options.target) {
      // Its "done" records are about another provider: trusting them would skip documents never sent here.
      throw new JournalError(
        `${path} records a migration to ${loaded.target}, not ${options.target}; use another journal file.`,
      );
    }
    if (!options.resume && loaded.runs > 0) {
      throw new JournalError(
        `${path} already records an earlier run. Pass --resume (resume: true) to continue it, or choose another journal file.`,
      );
    }
    const handle = await open(path, 'a');
    return new Journal(path, handle, loaded.entries, loaded.tornBytes, options.sync ?? true);
  }

  get(key: string): JournalEntry | undefined {
    return this.entries.get(key);
  }

  /**
   * Drops a key's entry from memory (its records stay in the file). The engine calls this once it is done
   * with a document, so a run holds entries for documents in flight, not for every document it has seen.
   */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Appends a record; resolves once it is on disk (records appended together share one fsync). */
  append(record: JournalRecord): Promise<void> {
    if (this.closed) return Promise.reject(new JournalError('the journal is closed'));
    applyRecord(this.entries, record);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.handle.write(batch.map((w) => w.line).join(''));
        if (this.sync) await this.handle.datasync();
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushing;
    this.closed = true;
    await this.handle.close();
  }
}
