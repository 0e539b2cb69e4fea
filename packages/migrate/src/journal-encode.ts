import type { JournalFacts, NewRecord } from './journal-file';

/**
 * A document's pending record as the engine appends it. A class, so its keys are always in this order and
 * `encodeRecord` can write it by hand (once per document, it was the larger half of the journal's CPU).
 */
export class PendingRecord {
  readonly t = 'pending' as const;
  readonly k: string;
  readonly i: number;
  readonly x: string | undefined;
  readonly n: string | undefined;
  readonly f: JournalFacts | undefined;

  constructor(k: string, i: number, x?: string, n?: string, f?: JournalFacts) {
    this.k = k;
    this.i = i;
    this.x = x;
    this.n = n;
    this.f = f;
  }
}

/** A document's done record as the engine appends it (see PendingRecord). */
export class DoneRecord {
  readonly t = 'done' as const;
  readonly k: string;
  readonly i: number;
  readonly id: string | undefined;
  readonly how: 'created' | 'reconciled' | undefined;

  constructor(k: string, i: number, id: string | undefined, how: 'created' | 'reconciled') {
    this.k = k;
    this.i = i;
    this.id = id;
    this.how = how;
  }
}

const json = JSON.stringify;

/**
 * A record's journal line, exactly `JSON.stringify({ ...record, s })` followed by a newline: the
 * record's own keys in their order, then the sequence. The engine's pending and done records are written
 * field by field; any other record is spliced into its own serialisation rather than spread into a new
 * object (the spread object cost more than its serialisation). test/journal-encode.test.ts holds both
 * equal to the spread form.
 */
export function encodeRecord(record: NewRecord, s: number): string {
  if (record instanceof PendingRecord) {
    let line = `{"t":"pending","k":${json(record.k)},"i":${json(record.i)}`;
    if (record.x !== undefined) line += `,"x":${json(record.x)}`;
    if (record.n !== undefined) line += `,"n":${json(record.n)}`;
    if (record.f !== undefined) line += `,"f":${json(record.f)}`;
    return `${line},"s":${s}}\n`;
  }
  if (record instanceof DoneRecord) {
    let line = `{"t":"done","k":${json(record.k)},"i":${json(record.i)}`;
    if (record.id !== undefined) line += `,"id":${json(record.id)}`;
    if (record.how !== undefined) line += `,"how":${json(record.how)}`;
    return `${line},"s":${s}}\n`;
  }
  // A record carrying its own `s` (the type forbids it) keeps the spread's key order.
  if (Object.hasOwn(record, 's')) return `${JSON.stringify({ ...record, s })}\n`;
  const text = JSON.stringify(record);
  // A record always has its `t`; the empty object is handled only so the function is total.
  if (text === '{}') return `{"s":${s}}\n`;
  return `${text.slice(0, -1)},"s":${s}}\n`;
}
