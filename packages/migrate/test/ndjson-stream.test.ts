import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ndjsonBatches, ndjsonRecords } from '../src/ndjson-stream';

const dir = mkdtempSync(join(tmpdir(), 'ndjson-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function read(content: string | Buffer, chunkSize?: number) {
  const path = join(dir, `f${files++}.ndjson`);
  writeFileSync(path, content);
  const out: Array<{ text: string; line: number }> = [];
  for await (const record of ndjsonRecords(path, chunkSize)) out.push(record);
  return out;
}

/** What a reader that holds the whole file would yield: split at \n, drop a \r before it, skip blanks. */
function reference(content: string) {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines
    .map((text, i) => ({ text: text.endsWith('\r') ? text.slice(0, -1) : text, line: i + 1 }))
    .filter((r) => r.text.trim() !== '');
}

describe('ndjsonRecords (the NDJSON file reader)', () => {
  it('yields every non-blank line with its line number, whatever the chunk size and line endings', async () => {
    const record = fc
      .record({ id: fc.string(), note: fc.string({ unit: 'grapheme' }), n: fc.integer() })
      .map((r) => JSON.stringify(r));
    const line = fc.oneof(record, record, fc.constantFrom('', ' ', '\t'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 70 }),
        async (lines, finalNewline, chunkSize) => {
          let content = lines.map(([text, end]) => text + end).join('');
          if (!finalNewline && content.endsWith('\n')) content = content.replace(/\r?\n$/, '');
          // Multi-byte characters split across reads are decoded whole (the line is decoded, not the chunk).
          expect(await read(content, chunkSize)).toEqual(reference(content));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ndjsonBatches: after a batch dropped part-way the next one starts at the line after, numbers intact (property)', async () => {
    const record = fc.record({ id: fc.string(), n: fc.integer() }).map((r) => JSON.stringify(r));
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.nat(4), { minLength: 1, maxLength: 10 }),
        async (lines, chunkSize, takes) => {
          const content = lines.map((l) => `${l}\n`).join('');
          const path = join(dir, `f${files++}.ndjson`);
          writeFileSync(path, content);
          const yielded: Array<{ text: string; line: number }> = [];
          let turn = 0;
          for await (const batch of ndjsonBatches(path, chunkSize)) {
            // Take a few lines of the batch, then drop it (as a reader that stops early does).
            let left = takes[turn++ % takes.length] as number;
            for (const r of batch) {
              yielded.push(r);
              if (left-- === 0) break;
            }
          }
          // Every line comes out once, at its number, in order: none lost or repeated by the drops.
          expect(yielded).toEqual(reference(content));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a line longer than its buffer, and a last line without a newline', async () => {
    const long = JSON.stringify({ note: 'é€𝄞'.repeat(40_000) });
    expect(await read(`${long}\n{"a":1}`)).toEqual([
      { text: long, line: 1 },
      { text: '{"a":1}', line: 2 },
    ]);
  });

  it('yields nothing for an empty file or one of blank lines', async () => {
    expect(await read('')).toEqual([]);
    expect(await read('\n \r\n\t\n')).toEqual([]);
  });

  it('rejects when the file is missing', async () => {
    const records = ndjsonRecords(join(dir, 'missing.ndjson'));
    await expect(records.next()).rejects.toThrow(/ENOENT/);
  });
});
