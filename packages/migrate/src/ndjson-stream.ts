import { open } from 'node:fs/promises';
import type { RawRecord } from './json-stream';

/** Bytes read at a time; a line longer than this grows the buffer to fit it. */
const CHUNK = 1 << 16;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The non-blank lines of an NDJSON file, each decoded only when the reader asks for it. The file is read
 * into one reused buffer, so reading ahead holds at most one chunk of raw bytes and no strings: a record
 * is a string only from the moment it is wanted until it is parsed. (`readline` queues up to 1,024
 * decoded lines ahead of a slow reader; every one of them outlived a young-generation GC and was copied
 * into the old generation, which then grew with the run until a full GC.) Lines end at `\n` or `\r\n`.
 */
export async function* ndjsonRecords(path: string, chunkSize = CHUNK): AsyncGenerator<RawRecord> {
  const handle = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.max(1, chunkSize));
    /** Bytes of `buffer` holding file content; `start` is where the next line begins. */
    let end = 0;
    let start = 0;
    let line = 0;
    let eof = false;
    for (;;) {
      let nl = buffer.indexOf(LF, start);
      // Bytes past `end` are left over from an earlier read, not the file.
      if (nl >= end) nl = -1;
      if (nl === -1) {
        if (eof) {
          if (start < end) {
            line++;
            const text = buffer.toString('utf8', start, end);
            if (!isBlank(text)) yield { text, line };
          }
          return;
        }
        // Keep the unfinished line at the front, then fill the rest (a buffer full of one line grows).
        if (start > 0) {
          buffer.copy(buffer, 0, start, end);
          end -= start;
          start = 0;
        } else if (end === buffer.length) {
          const bigger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(bigger, 0, 0, end);
          buffer = bigger;
        }
        const { bytesRead } = await handle.read(buffer, end, buffer.length - end, null);
        if (bytesRead === 0) eof = true;
        end += bytesRead;
        continue;
      }
      line++;
      const stop = nl > start && buffer[nl - 1] === CR ? nl - 1 : nl;
      const from = start;
      start = nl + 1;
      if (stop === from) continue;
      const text = buffer.toString('utf8', from, stop);
      if (!isBlank(text)) yield { text, line };
    }
  } finally {
    await handle.close();
  }
}

/** Whitespace only (a blank line between records is skipped); a record's first character answers quickly. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 0x7b || first === 0x5b) return false;
  return text.trim() === '';
}
