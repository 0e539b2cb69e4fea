import type { JournalFacts, JournalRecord, NewRecord } from './journal-file';

export type JournalStatus = 'pending' | 'done' | 'failed' | 'ambiguous' | 'absent' | 'skipped';

export interface JournalEntry {
  status: JournalStatus;
  key: string;
  index: number;
  /** The target's id, once known. */
  targetId?: string;
  /** The prepared document's external key and number, for finding it on the target. */
  externalId?: string;
  number?: string;
  facts?: JournalFacts;
  error?: string;
}

/** How many recently done documents are remembered, to learn whether the target echoes our keys. */
const RECENT_DONE = 1_000;

/**
 * What the journal says about each document, in memory that grows with the documents still open (pending,
 * failed, ambiguous), not with the documents done. For an ordered source (a file), done documents are a
 * watermark (every position below it is done unless open) plus the few done above it; for an unordered
 * one (a live list, whose order may change between runs), done keys are kept in a set.
 */
export class JournalState {
  /** Every position below is done or open. */
  private watermark = 0;
  private readonly doneAbove = new Set<number>();
  private readonly doneKeys = new Set<string>();
  /** Documents not done: pending, failed, ambiguous, absent. By position (ordered) or key. */
  readonly open = new Map<number | string, JournalEntry>();
  /** The last documents done with a target id: id → entry. */
  readonly recentDone = new Map<string, JournalEntry>();
  doneCount = 0;
  runs = 0;

  constructor(readonly ordered: boolean) {}

  private slot(key: string, index: number): number | string {
    return this.ordered ? index : key;
  }

  private isDone(slot: number | string): boolean {
    if (typeof slot === 'string') return this.doneKeys.has(slot);
    if (slot < this.watermark) return !this.open.has(slot);
    return this.doneAbove.has(slot);
  }

  private markDone(slot: number | string): void {
    this.open.delete(slot);
    if (typeof slot === 'string') {
      this.doneKeys.add(slot);
      return;
    }
    if (slot >= this.watermark) this.doneAbove.add(slot);
    this.advance();
  }

  private advance(): void {
    while (this.doneAbove.has(this.watermark) || this.open.has(this.watermark)) {
      this.doneAbove.delete(this.watermark);
      this.watermark++;
    }
  }

  /** The journal's view of one document, or undefined when it has never been sent. */
  lookup(key: string, index: number): JournalEntry | undefined {
    const slot = this.slot(key, index);
    const entry = this.open.get(slot);
    if (entry) return entry;
    if (this.isDone(slot)) return { status: 'done', key, index };
    return undefined;
  }

  /** Applies a record (its sequence number, when it has one, plays no part). */
  apply(record: JournalRecord | NewRecord): void {
    if (record.t === 'header') return;
    if (record.t === 'run') {
      this.runs++;
      return;
    }
    const slot = this.slot(record.k, record.i);
    if (record.t === 'done') {
      if (!this.isDone(slot)) this.doneCount++;
      const previous = this.open.get(slot);
      this.markDone(slot);
      if (record.id !== undefined) {
        // Assigned, not spread: this runs once per document done.
        const entry: JournalEntry = { status: 'done', key: record.k, index: record.i, targetId: record.id };
        if (previous?.externalId !== undefined) entry.externalId = previous.externalId;
        if (previous?.number !== undefined) entry.number = previous.number;
        this.recentDone.set(record.id, entry);
        if (this.recentDone.size > RECENT_DONE) {
          const oldest = this.recentDone.keys().next().value as string;
          this.recentDone.delete(oldest);
        }
      }
      return;
    }
    const entry = this.open.get(slot) ?? { status: 'pending', key: record.k, index: record.i };
    if (this.isDone(slot)) {
      // A document done earlier and sent again (e.g. --retry-ambiguous after a manual mark): reopen it.
      this.doneCount--;
      if (typeof slot === 'string') this.doneKeys.delete(slot);
      else this.doneAbove.delete(slot);
    }
    if (record.t === 'pending') {
      entry.status = 'pending';
      if (record.x !== undefined) entry.externalId = record.x;
      if (record.n !== undefined) entry.number = record.n;
      if (record.f !== undefined) entry.facts = record.f;
      delete entry.error;
    } else if (record.t === 'absent' || record.t === 'skipped') {
      entry.status = record.t;
      entry.error = record.why;
    } else {
      entry.status = record.t;
      entry.error = record.error;
    }
    this.open.set(slot, entry);
    if (typeof slot === 'number') this.advance();
  }

  /** Entries whose create went unanswered or ended ambiguous: to reconcile. */
  unsettled(): JournalEntry[] {
    return [...this.open.values()].filter((e) => e.status === 'pending' || e.status === 'ambiguous');
  }

  count(status: JournalStatus): number {
    if (status === 'done') return this.doneCount;
    let n = 0;
    for (const entry of this.open.values()) if (entry.status === status) n++;
    return n;
  }
}
