import { open } from 'node:fs/promises';
import type { RawRecord } from './json-stream';

/** Bytes read at a time; a line longer than this grows the buffer to fit it. */
const CHUNK = 1 << 16;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The non-blank lines of an NDJSON file, a batch per read: each batch lists, without awaiting, the lines
 * the last read completed, each decoded only when the reader asks for it. A batch must be read to its end
 * (or dropped) before the next is asked for: the file is read into one reused buffer, which the next read
 * overwrites. So reading ahead holds at most one chunk of raw bytes and no strings: a record is a string
 * only from the moment it is wanted until it is parsed. (`readline` queues up to 1,024 decoded lines ahead
 * of a slow reader; every one of them outlived a young-generation GC and was copied into the old
 * generation, which then grew with the run until a full GC.) Batches, rather than a line per `await`:
 * each step of an async generator costs promises and microtask turns, paid once per read instead of once
 * per line. Lines end at `\n` or `\r\n`.
 */
export async function* ndjsonBatches(path: string, chunkSize = CHUNK): AsyncGenerator<Iterable<RawRecord>> {
  const handle = await open(path, 'r');
  try {
    const lines = new LineBuffer(chunkSize);
    for (;;) {
      if (lines.hasLine()) {
        yield lines.completeLines();
        continue;
      }
      if (lines.eof) {
        const last = lines.lastLine();
        if (last !== undefined) yield [last];
        return;
      }
      const { buffer, offset, length } = lines.space();
      const { bytesRead } = await handle.read(buffer, offset, length, null);
      lines.filled(bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The non-blank lines of an NDJSON file, one at a time (see ndjsonBatches). */
export async function* ndjsonRecords(path: string, chunkSize = CHUNK): AsyncGenerator<RawRecord> {
  for await (const batch of ndjsonBatches(path, chunkSize)) yield* batch;
}

/** The file's bytes not yet handed out as lines, in one buffer reused from read to read. */
class LineBuffer {
  private buffer: Buffer;
  /** Bytes of `buffer` holding file content; `start` is where the next line begins. */
  private end = 0;
  private start = 0;
  private line = 0;
  eof = false;

  constructor(chunkSize: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(1, chunkSize));
  }

  /** Where the next read goes: after the unfinished line, moved to the front (a buffer full of one line grows). */
  space(): { buffer: Buffer; offset: number; length: number } {
    if (this.start > 0) {
      this.buffer.copy(this.buffer, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    } else if (this.end === this.buffer.length) {
      const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, 0, this.end);
      this.buffer = bigger;
    }
    return { buffer: this.buffer, offset: this.end, length: this.buffer.length - this.end };
  }

  filled(bytesRead: number): void {
    if (bytesRead === 0) this.eof = true;
    this.end += bytesRead;
  }

  /** Whether a whole line (ended by a newline) is waiting. */
  hasLine(): boolean {
    return this.newline() !== -1;
  }

  /** The whole lines waiting, non-blank ones as records, taken as they are iterated. */
  *completeLines(): Generator<RawRecord> {
    for (let nl = this.newline(); nl !== -1; nl = this.newline()) {
      this.line++;
      const from = this.start;
      const stop = nl > from && this.buffer[nl - 1] === CR ? nl - 1 : nl;
      this.start = nl + 1;
      if (stop === from) continue;
      const text = this.buffer.toString('utf8', from, stop);
      if (!isBlank(text)) yield { text, line: this.line };
    }
  }

  /** At the end of the file: what follows the last newline, when it is a record. */
  lastLine(): RawRecord | undefined {
    if (this.start >= this.end) return undefined;
    this.line++;
    const text = this.buffer.toString('utf8', this.start, this.end);
    this.start = this.end;
    return isBlank(text) ? undefined : { text, line: this.line };
  }

  private newline(): number {
    const nl = this.buffer.indexOf(LF, this.start);
    // Bytes past `end` are left over from an earlier read, not the file.
    return nl === -1 || nl >= this.end ? -1 : nl;
  }
}

/** Whitespace only (a blank line between records is skipped); a record's first character answers quickly. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 0x7b || first === 0x5b) return false;
  return text.trim() === '';
}
