import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal, type NewRecord } from '../src/journal';
import { DoneRecord, encodeRecord, PendingRecord } from '../src/journal-encode';

/** Any text a key, id, number or error message may hold (quotes, backslashes, lone surrogates). */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', '\\', '\u2028', '\ud800'),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const position = fc.oneof(fc.nat(), fc.integer(), fc.constantFrom(0, 2 ** 53 - 1));

/** Records as the engine and reconciliation append them, optional fields present, absent or undefined. */
const records: fc.Arbitrary<NewRecord> = fc.oneof(
  fc.record({ t: fc.constant('run' as const), at: text, resumed: fc.boolean() }),
  fc.record(
    {
      t: fc.constant('pending' as const),
      k: text,
      i: position,
      x: maybe(text),
      n: maybe(text),
      f: maybe(fc.record({ c: text, t: fc.integer(), l: fc.nat(), u: text }, { requiredKeys: [] })),
    },
    { requiredKeys: ['t', 'k', 'i'] },
  ),
  fc.record(
    {
      t: fc.constant('done' as const),
      k: text,
      i: position,
      id: maybe(text),
      how: maybe(fc.constantFrom('created' as const, 'reconciled' as const)),
    },
    { requiredKeys: ['t', 'k', 'i'] },
  ),
  fc.record({
    t: fc.constantFrom('failed' as const, 'ambiguous' as const),
    k: text,
    i: position,
    error: text,
  }),
  fc.record({ t: fc.constantFrom('absent' as const, 'skipped' as const), k: text, i: position, why: text }),
);

/** The engine's own pending and done records, built by their classes (written field by field). */
const engineRecords: fc.Arbitrary<NewRecord> = fc.oneof(
  fc
    .tuple(
      text,
      position,
      maybe(text),
      maybe(text),
      maybe(fc.record({ c: text, t: fc.integer(), l: fc.nat(), u: text }, { requiredKeys: [] })),
    )
    .map(([k, i, x, n, f]) => new PendingRecord(k, i, x, n, f)),
  fc
    .tuple(text, position, maybe(text), fc.constantFrom('created' as const, 'reconciled' as const))
    .map(([k, i, id, how]) => new DoneRecord(k, i, id, how)),
);

describe('encodeRecord', () => {
  it("writes the engine's pending and done records by hand, byte for byte as the spread form", () => {
    fc.assert(
      fc.property(engineRecords, fc.nat(), (record, s) => {
        expect(encodeRecord(record, s)).toBe(`${JSON.stringify({ ...record, s })}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the very line the spread form wrote: JSON.stringify({ ...record, s }) and a newline', () => {
    fc.assert(
      fc.property(records, fc.nat(), (record, s) => {
        expect(encodeRecord(record, s)).toBe(`${JSON.stringify({ ...record, s })}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for any plain object too, one carrying its own `s` or `__proto__` included', () => {
    const objects = fc.oneof(
      fc.object(),
      fc.dictionary(fc.constantFrom('s', 't', 'k', '__proto__'), fc.jsonValue()),
      fc.constant({}),
    );
    fc.assert(
      fc.property(objects, fc.nat(), (record, s) => {
        const r = record as unknown as NewRecord;
        expect(encodeRecord(r, s)).toBe(`${JSON.stringify({ ...r, s })}\n`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Journal.enqueue', () => {
  const run = { source: 'documents:x', target: 'toy', options: 'sha256:0', ordered: true };

  it('writes the record with the next batch, in sequence; flushed() resolves once it is on disk', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'bb-enqueue-')), 'j.ndjson');
    const journal = await Journal.open(path, { mode: 'new', run });
    const pending = journal.append({ t: 'pending', k: 'a', i: 0 });
    journal.enqueue({ t: 'done', k: 'a', i: 0, id: 'x1', how: 'created' });
    await pending;
    await journal.flushed();
    const lines = (await readFile(path, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(1)).toEqual([
      { t: 'pending', k: 'a', i: 0, s: 1 },
      { t: 'done', k: 'a', i: 0, id: 'x1', how: 'created', s: 2 },
    ]);
    expect(journal.state.lookup('a', 0)?.status).toBe('done');
    await journal.close();
  });

  it('a write that fails is reported by flushed() and writeError, never as an unhandled rejection', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'bb-enqueue-')), 'j.ndjson');
    const journal = await Journal.open(path, { mode: 'new', run });
    // The file handle closed under the journal: its next write fails (EBADF), as a full disk would.
    await (journal as unknown as { handle: { close(): Promise<void> } }).handle.close();
    journal.enqueue({ t: 'done', k: 'a', i: 0, id: 'x1', how: 'created' });
    await expect(journal.flushed()).rejects.toThrow();
    expect(journal.writeError).toBeInstanceOf(Error);
    // Every later write is refused as well, and so is a record awaited on its own.
    await expect(journal.append({ t: 'pending', k: 'b', i: 1 })).rejects.toThrow();
    await expect(journal.flushed()).rejects.toBe(journal.writeError);
  });
});
