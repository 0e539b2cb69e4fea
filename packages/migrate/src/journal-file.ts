import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';

/**
 * The journal's file format (v2). Line 1 is a header naming the run; every line after it carries `s`, a
 * sequence number one above the line before, so a removed or reordered line shows. A sidecar checkpoint
 * (`<journal>.checkpoint`) holds the sequence, byte length and SHA-256 of the journal as last synced,
 * so a journal cut short (or edited) before that point is refused instead of silently re-sending.
 */
export const JOURNAL_VERSION = 2;

/** What a run is: a resumed run must match the journal's on every field. */
export interface RunIdentity {
  /** Fingerprint of the source: `sha256:…` of a file's bytes, or `list:<provider>` for a live source. */
  source: string;
  /** The target provider (and base URL when known). */
  target: string;
  /** Fingerprint of the options that change what is sent (target options, id maps, notify). */
  options: string;
  /**
   * Whether the source yields documents in a stable order (files). Resume then tracks documents by
   * position, in memory that does not grow with the journal.
   */
  ordered: boolean;
}

/** Compact facts of a document, kept on its pending record for finding it on the target later. */
export interface JournalFacts {
  /** currency */
  c?: string;
  /** total, minor units */
  t?: number;
  /** line count */
  l?: number;
  /** target customer id */
  u?: string;
}

export type JournalRecord =
  | { t: 'header'; v: number; s: 0; at: string; run: RunIdentity; label?: string }
  | { t: 'run'; s: number; at: string; resumed: boolean }
  | { t: 'pending'; s: number; k: string; i: number; x?: string; n?: string; f?: JournalFacts }
  | { t: 'done'; s: number; k: string; i: number; id?: string; how?: 'created' | 'reconciled' }
  | { t: 'failed'; s: number; k: string; i: number; error: string }
  | { t: 'ambiguous'; s: number; k: string; i: number; error: string }
  /** Reconciliation proved the document is not on the target: sending it is safe. */
  | { t: 'absent'; s: number; k: string; i: number; why: string }
  /** Settled without sending (unreadable, invalid, skipped by the transform): looked at again on resume. */
  | { t: 'skipped'; s: number; k: string; i: number; why: string };

/** A record as the engine appends it (the journal numbers it). */
export type NewRecord = JournalRecord extends infer R
  ? R extends { t: 'header' }
    ? never
    : R extends JournalRecord
      ? Omit<R, 's'>
      : never
  : never;

export interface Checkpoint {
  seq: number;
  bytes: number;
  sha256: string;
}

/** The journal or its checkpoint does not hold what a run needs; the message says what was found and what to do. */
export class JournalError extends Error {
  override name = 'JournalError';
}

export const checkpointPath = (path: string) => `${path}.checkpoint`;

export function readCheckpoint(path: string): Checkpoint | undefined {
  const file = checkpointPath(path);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new JournalError(`${file}: the checkpoint is not valid JSON.`);
  }
  const c = parsed as Partial<Checkpoint> | null;
  if (
    !c ||
    typeof c.seq !== 'number' ||
    typeof c.bytes !== 'number' ||
    typeof c.sha256 !== 'string' ||
    c.seq < 0 ||
    c.bytes < 0
  )
    throw new JournalError(`${file}: the checkpoint lacks seq, bytes or sha256.`);
  return c as Checkpoint;
}

const KINDS = new Set(['run', 'pending', 'done', 'failed', 'ambiguous', 'absent', 'skipped']);

/** Checks one parsed line is a record of this format; anything else is a JournalError naming file and line. */
export function asRecord(value: unknown, where: string): JournalRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new JournalError(`${where}: not a journal record (${JSON.stringify(value)?.slice(0, 60)}).`);
  const r = value as Record<string, unknown>;
  if (r.t === 'header') {
    if (r.v !== JOURNAL_VERSION || r.s !== 0 || typeof r.run !== 'object' || r.run === null)
      throw new JournalError(`${where}: a journal header of another version or without the run.`);
    return r as unknown as JournalRecord;
  }
  if (typeof r.t !== 'string' || !KINDS.has(r.t))
    throw new JournalError(`${where}: unknown record type ${JSON.stringify(r.t)}.`);
  if (typeof r.s !== 'number' || !Number.isInteger(r.s))
    throw new JournalError(`${where}: the record has no sequence number.`);
  if (r.t !== 'run' && (typeof r.k !== 'string' || typeof r.i !== 'number'))
    throw new JournalError(`${where}: the record lacks its document key or position.`);
  return r as unknown as JournalRecord;
}

export interface ScanResult {
  header: Extract<JournalRecord, { t: 'header' }>;
  lastSeq: number;
  /** Bytes of complete records (a torn last line excluded). */
  bytes: number;
  /** Hash of those bytes, to continue appending. */
  hash: Hash;
  /** A torn last line: the run was killed mid-write. */
  tornBytes: number;
}

/**
 * Streams a journal, calling `onRecord` for every record, and checks it against its checkpoint: the
 * sequence has no gaps, the file reaches the checkpoint's length, and its bytes up to there hash the same.
 * Memory stays flat: one chunk and one line at a time.
 */
export async function scanJournal(
  path: string,
  checkpoint: Checkpoint | undefined,
  onRecord: (record: JournalRecord, line: number) => void,
): Promise<ScanResult> {
  const hash = createHash('sha256');
  let header: ScanResult['header'] | undefined;
  let lastSeq = -1;
  let bytes = 0;
  let lineNo = 0;
  let checkpointSeen = checkpoint === undefined || checkpoint.bytes === 0;
  let rest: Buffer = Buffer.alloc(0);

  const line = (buffer: Buffer) => {
    lineNo++;
    const where = `${path}:${lineNo}`;
    hash.update(buffer);
    bytes += buffer.length;
    const text = buffer.toString('utf8', 0, buffer.length - 1);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new JournalError(
        `${where}: the line is not valid JSON; the journal was edited or cut mid-file. Restore it, or start over knowingly with --fresh.`,
      );
    }
    const record = asRecord(parsed, where);
    if (lineNo === 1) {
      if (record.t !== 'header')
        throw new JournalError(
          `${where}: the journal has no header (written by an older billbridge, or not a journal). Start over knowingly with --fresh.`,
        );
      header = record;
    } else if (record.t === 'header') {
      throw new JournalError(`${where}: a second header; two journals were joined.`);
    } else if (record.s !== lastSeq + 1) {
      throw new JournalError(
        `${where}: the sequence jumps from ${lastSeq} to ${record.s}: records were removed or reordered. Restore the journal, or start over knowingly with --fresh.`,
      );
    } else onRecord(record, lineNo);
    lastSeq = record.s;
    if (checkpoint && bytes === checkpoint.bytes) {
      checkpointSeen = true;
      const digest = hash.copy().digest('hex');
      if (lastSeq !== checkpoint.seq || digest !== checkpoint.sha256)
        throw new JournalError(
          `${path}: the first ${checkpoint.bytes} bytes differ from what the run checkpointed (sequence ${lastSeq} vs ${checkpoint.seq}); the journal was edited. Restore it, or start over knowingly with --fresh.`,
        );
    }
  };

  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl >= 0; nl = data.indexOf(0x0a, start)) {
      line(data.subarray(start, nl + 1));
      start = nl + 1;
    }
    data = data.subarray(start);
    rest = Buffer.from(data);
  }
  if (!header) throw new JournalError(`${path}: the journal is empty (no header). Start over with --fresh.`);
  if (!checkpointSeen && checkpoint) {
    throw new JournalError(
      `${path}: the journal ends at sequence ${lastSeq} (${bytes + rest.length} bytes) but the run had recorded up to sequence ${checkpoint.seq} (${checkpoint.bytes} bytes): it was cut. Documents after the cut would be sent again. Restore the journal, or start over knowingly with --fresh.`,
    );
  }
  return { header, lastSeq, bytes, hash, tornBytes: rest.length };
}
