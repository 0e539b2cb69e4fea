import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { Journal, JournalError, loadJournal } from '../src/journal';
import { checkpointPath, readCheckpoint } from '../src/journal-file';
import { runIdentity } from '../src/run-identity';
import {
  customerMap,
  sourceInvoice,
  type ToyState,
  toyAdapter,
  toyClient,
  toyFake,
} from './helpers/toy-provider';

const fakes: RunningFake<ToyState>[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(dedup: boolean, seed: { hideKeys?: boolean } = {}) {
  const fake = await startFake(toyFake(dedup), { seed });
  fakes.push(fake);
  const adapter = toyAdapter(dedup);
  const client = toyClient(adapter, fake.url);
  const journal = join(await mkdtemp(join(tmpdir(), 'bb-journal-')), 'journal.ndjson');
  return { fake, adapter, client, journal };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

const docs = (n: number) => Array.from({ length: n }, (_, i) => sourceInvoice(i));

const options = (ctx: Ctx, n = 20) => ({
  source: { kind: 'documents' as const, documents: docs(n) },
  target: { adapter: ctx.adapter, client: ctx.client },
  idMaps: { customers: customerMap },
  journal: ctx.journal,
});

/** A journal as a run killed mid-flight leaves it: 0..done-1 answered, then some pending without answer. */
async function killedRun(
  ctx: Ctx,
  o: { done: number; pendingCreated: number[]; pendingNotCreated: number[]; facts?: boolean },
) {
  const journal = await Journal.open(ctx.journal, {
    mode: 'new',
    run: await runIdentity(options(ctx), false),
  });
  await journal.append({ t: 'run', at: '2026-01-01T00:00:00Z', resumed: false });
  const all = docs(20);
  const send = (i: number) =>
    ctx.client.create({
      ...all[i],
      id: undefined,
      externalId: `src_${i}`,
      customer: { id: 'cus_1' },
    } as never);
  const pending = (i: number) =>
    journal.append({
      t: 'pending',
      k: `src_${i}`,
      i,
      x: `src_${i}`,
      n: `N-${i}`,
      ...(o.facts ? { f: { c: 'USD', t: 1000 + i, l: 1, u: 'cus_1' } } : {}),
    });
  for (let i = 0; i < o.done; i++) {
    const created = await send(i);
    await pending(i);
    await journal.append({ t: 'done', k: `src_${i}`, i, id: created.value.id as string, how: 'created' });
  }
  for (const i of o.pendingCreated) {
    // the create reached the target, the process died before writing the answer
    await send(i);
    await pending(i);
  }
  for (const i of o.pendingNotCreated) await pending(i);
  await journal.close();
}

const resume = (ctx: Ctx, extra: object = {}) => migrate({ ...options(ctx), resume: true, ...extra });

describe('journal and resume', () => {
  it('dedup target: a pending document found on the target is reconciled, one not found is sent again', async () => {
    const ctx = await setup(true);
    await killedRun(ctx, { done: 5, pendingCreated: [5, 6], pendingNotCreated: [7] });
    const { report, idMap } = await resume(ctx);
    expect(report).toMatchObject({ skipped: 5, reconciled: 2, created: 13, ambiguous: 0, failed: 0 });
    const keys = (ctx.fake.records as Array<{ key: string }>).map((r) => r.key);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
    expect(idMap.size).toBe(20);
    const { state } = await loadJournal(ctx.journal);
    expect(state.count('done')).toBe(20);
    expect(state.open.size).toBe(0);
  });

  it('non-dedup target that does not echo keys on read: pending documents are ambiguous and never re-sent', async () => {
    const ctx = await setup(false, { hideKeys: true });
    await killedRun(ctx, { done: 3, pendingCreated: [3], pendingNotCreated: [4] });
    const { report } = await resume(ctx);
    expect(report.ambiguous).toBe(2);
    expect(report.ambiguousDocuments.map((a) => a.key).sort()).toEqual(['src_3', 'src_4']);
    expect(report.ambiguousDocuments[0]?.reason).toMatch(/absence cannot be proven/);
    expect(report.created).toBe(15);
    expect(ctx.fake.records).toHaveLength(4 + 15);
    // still ambiguous on a further resume; nothing sent
    const again = await resume(ctx);
    expect(again.report).toMatchObject({ ambiguous: 2, created: 0, skipped: 18 });
    expect(ctx.fake.records).toHaveLength(19);
  });

  it('candidate search: a target that echoes no key still finds the one unclaimed record with the same facts', async () => {
    const ctx = await setup(false, { hideKeys: true });
    await killedRun(ctx, { done: 3, pendingCreated: [3], pendingNotCreated: [4], facts: true });
    const { report } = await resume(ctx);
    // src_3 is on the target (same currency, total, lines, customer; no done record claims it): found.
    // src_4 is not, but absence cannot be proven without an echoed key: it stays ambiguous.
    expect(report).toMatchObject({ reconciled: 1, ambiguous: 1, created: 15, skipped: 3 });
    expect(report.ambiguousDocuments.map((a) => a.key)).toEqual(['src_4']);
    expect(ctx.fake.records).toHaveLength(4 + 15);
  });

  it('non-dedup target that echoes keys: found → reconciled; absent from a complete listing → sent', async () => {
    const ctx = await setup(false);
    await killedRun(ctx, { done: 3, pendingCreated: [3], pendingNotCreated: [4] });
    const { report } = await resume(ctx);
    expect(report).toMatchObject({ reconciled: 1, ambiguous: 0, created: 16, skipped: 3 });
    const keys = (ctx.fake.records as Array<{ key: string }>).map((r) => r.key);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
  });

  it('ambiguous documents are re-sent only on explicit request after review (retryAmbiguous)', async () => {
    const ctx = await setup(false, { hideKeys: true });
    await killedRun(ctx, { done: 0, pendingCreated: [], pendingNotCreated: [0] });
    expect((await resume(ctx)).report.ambiguous).toBe(1);
    const { report } = await resume(ctx, { retryAmbiguous: true });
    expect(report).toMatchObject({ ambiguous: 0, created: 1, skipped: 19 });
  });

  it('tolerates a torn last line (killed mid-write, after the checkpoint) and cuts it off before appending', async () => {
    const ctx = await setup(true);
    await killedRun(ctx, { done: 2, pendingCreated: [], pendingNotCreated: [] });
    await appendFile(ctx.journal, '{"t":"pending","s":7,"k":"src_2","x":"sr');
    const { report } = await resume(ctx);
    expect(report).toMatchObject({ skipped: 2, created: 18 });
    const text = await readFile(ctx.journal, 'utf8');
    for (const l of text.trimEnd().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('records pending before sending and the answer after, each line numbered in sequence', async () => {
    const ctx = await setup(true);
    await migrate({ ...options(ctx), concurrency: 8 });
    const records = (await readFile(ctx.journal, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; k?: string; s: number });
    expect(records[0]).toMatchObject({ t: 'header', s: 0, run: { target: 'whop', ordered: true } });
    expect(records.map((r) => r.s)).toEqual(records.map((_, n) => n));
    for (let i = 0; i < 20; i++) {
      const at = (t: string) => records.findIndex((r) => r.t === t && r.k === `src_${i}`);
      expect(at('pending')).toBeGreaterThan(0);
      expect(at('done')).toBeGreaterThan(at('pending'));
    }
  });

  it('an ambiguous create (stored, then answered 500) is recorded, then reconciled on resume', async () => {
    const ctx = await setup(false);
    ctx.fake.faults.set({ script: [null, 'created_then_failed'] });
    const first = await migrate({ ...options(ctx, 4), concurrency: 1 });
    expect(first.report.ambiguous).toBe(1);
    expect(first.report.created).toBe(3);
    ctx.fake.faults.clear();
    const second = await migrate({ ...options(ctx, 4), resume: true });
    expect(second.report).toMatchObject({ reconciled: 1, skipped: 3, created: 0, ambiguous: 0 });
    expect(ctx.fake.records).toHaveLength(4);
  });
});

/** A new journal in a fresh directory, checkpointing as often as `every` says. */
async function newJournal(every: { records: number; ms: number }) {
  const path = join(await mkdtemp(join(tmpdir(), 'bb-ckpt-')), 'j.ndjson');
  const run = { source: 'documents:x', target: 'whop', options: 'sha256:0', ordered: true };
  return { path, journal: await Journal.open(path, { mode: 'new', run, checkpointEvery: every }) };
}

describe('the checkpoint under concurrent appends', () => {
  it('always names a sequence and length that are on disk together (group commits in flight)', async () => {
    const { path, journal } = await newJournal({ records: 3, ms: 0 });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 500; i++) {
      writes.push(journal.append({ t: 'pending', k: `k${i}`, i }));
      if (i % 7 === 0) await Promise.race(writes);
    }
    await Promise.all(writes);
    // as a kill would leave it: the checkpoint of the last batch, not of close()
    const mid = await loadJournal(path);
    expect(mid.state.count('pending')).toBe(500);
    await journal.close();
    expect((await loadJournal(path)).state.count('pending')).toBe(500);
  });

  it('is written as the run goes, beside the batches, and flushed() waits for the one in flight', async () => {
    const { path, journal } = await newJournal({ records: 50, ms: 1e9 });
    for (let i = 0; i < 200; i++) journal.enqueue({ t: 'pending', k: `k${i}`, i });
    await journal.flushed();
    // Before close(): a checkpoint of the run so far, naming bytes that are on disk, hashed as they are.
    const checkpoint = readCheckpoint(path);
    expect(checkpoint?.seq).toBeGreaterThanOrEqual(50);
    const bytes = (await readFile(path)).subarray(0, checkpoint?.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(checkpoint?.sha256);
    await journal.close();
    expect(readCheckpoint(path)?.seq).toBe(200);
  });
});

describe('a checkpoint that cannot be written', () => {
  it('is reported by flushed() and writeError, as a failed write is', async () => {
    const { path, journal } = await newJournal({ records: 1, ms: 1e9 });
    // The checkpoint's place taken by a directory that is not empty: moving a file onto it fails.
    await rm(checkpointPath(path));
    await mkdir(join(checkpointPath(path), 'in-the-way'), { recursive: true });
    journal.enqueue({ t: 'pending', k: 'a', i: 0 });
    await expect(journal.flushed()).rejects.toThrow();
    expect(journal.writeError).toBeInstanceOf(Error);
    await expect(journal.append({ t: 'pending', k: 'b', i: 1 })).resolves.toBeUndefined();
    await expect(journal.flushed()).rejects.toBe(journal.writeError);
  });
});

describe('a tamper-evident journal: what --resume refuses', () => {
  async function finishedRun(ctx: Ctx) {
    const { report } = await migrate({ ...options(ctx), concurrency: 1 });
    expect(report.created).toBe(20);
  }

  it('a deleted journal: refused, naming --fresh, and nothing is sent', async () => {
    const ctx = await setup(false);
    await finishedRun(ctx);
    await rm(ctx.journal);
    const error = await resume(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as Error).message).toMatch(/no journal at .*journal\.ndjson.*deleted.*--fresh/s);
    expect(ctx.fake.records).toHaveLength(20);
  });

  it('a journal of another run (other options, other target): refused with the differences', async () => {
    const ctx = await setup(false);
    await finishedRun(ctx);
    await expect(resume(ctx, { idMaps: { customers: { ...customerMap, c0: 'cus_other' } } })).rejects.toThrow(
      /records another run \(options: the journal has sha256:\w+, this run sha256:\w+\).*--fresh/,
    );
    await expect(
      resume(ctx, { target: { adapter: ctx.adapter, client: ctx.client, url: 'https://other.example' } }),
    ).rejects.toThrow(/target: the journal has whop, this run whop https:\/\/other\.example/);
    expect(ctx.fake.records).toHaveLength(20);
  });

  it('a journal from another source file: refused', async () => {
    const ctx = await setup(false);
    const dir = join(ctx.journal, '..');
    const file = join(dir, 'in.ndjson');
    await writeFile(
      file,
      `${docs(5)
        .map((d) => JSON.stringify(d))
        .join('\n')}\n`,
    );
    const run = (resume: boolean) =>
      migrate({ ...options(ctx), source: { kind: 'file', path: file }, resume });
    await run(false);
    await appendFile(file, `${JSON.stringify(sourceInvoice(5))}\n`);
    await expect(run(true)).rejects.toThrow(/records another run \(source: the journal has sha256:/);
  });

  it('a journal cut at a line boundary (its tail removed): refused as cut, nothing re-sent', async () => {
    const ctx = await setup(false);
    await finishedRun(ctx);
    const text = await readFile(ctx.journal, 'utf8');
    const lines = text.split('\n');
    await writeFile(ctx.journal, `${lines.slice(0, 15).join('\n')}\n`);
    await expect(resume(ctx)).rejects.toThrow(/ends at sequence 14 .* recorded up to sequence 41.*cut/s);
    expect(ctx.fake.records).toHaveLength(20);
  });

  it('a journal cut mid-line in the middle, or with a line removed: refused with file and line', async () => {
    const ctx = await setup(false);
    await finishedRun(ctx);
    const text = await readFile(ctx.journal, 'utf8');
    const lines = text.split('\n');
    await writeFile(ctx.journal, [...lines.slice(0, 9), ...lines.slice(10)].join('\n'));
    await expect(resume(ctx)).rejects.toThrow(/journal\.ndjson:10: the sequence jumps from 8 to 10/);
    const bytes = (await stat(ctx.journal)).size;
    await writeFile(ctx.journal, text.slice(0, 300) + text.slice(330));
    expect(bytes).toBeGreaterThan(330);
    await expect(resume(ctx)).rejects.toThrow(/journal\.ndjson:\d+: the line is not valid JSON/);
  });

  it('an edited record before the checkpoint: refused (the checkpoint hash differs)', async () => {
    const ctx = await setup(false);
    await finishedRun(ctx);
    const text = await readFile(ctx.journal, 'utf8');
    // same length, another target id: not a JSON or sequence error, only the hash can tell
    await writeFile(ctx.journal, text.replace('"id":"inv_3"', '"id":"inv_9"'));
    await expect(resume(ctx)).rejects.toThrow(/differ from what the run checkpointed.*edited/);
  });

  it('a null line or a non-record is a JournalError with file and line, not a TypeError', async () => {
    const ctx = await setup(false);
    await finishedRun(ctx);
    const lines = (await readFile(ctx.journal, 'utf8')).split('\n');
    lines.splice(3, 0, 'null');
    await writeFile(ctx.journal, lines.join('\n'));
    const error = await resume(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as Error).message).toMatch(/journal\.ndjson:4: not a journal record \(null\)/);
  });

  it('--fresh starts over knowingly: the old journal is kept aside', async () => {
    const ctx = await setup(true);
    await finishedRun(ctx);
    await rm(`${ctx.journal}.checkpoint`);
    await expect(resume(ctx)).rejects.toThrow(/checkpoint is missing|\.checkpoint is missing/);
    await expect(migrate(options(ctx))).rejects.toThrow(/already records an earlier run.*--fresh/);
    const { report } = await migrate({ ...options(ctx), fresh: true });
    // the dedup target refuses the keys it holds: nothing is created twice
    expect(report.created + report.ambiguous).toBe(20);
    expect(new Set((ctx.fake.records as Array<{ key: string }>).map((r) => r.key)).size).toBe(20);
    const dir = join(ctx.journal, '..');
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).some((f) => /journal\.ndjson\..*\.old$/.test(f))).toBe(true);
    expect(existsSync(`${ctx.journal}.checkpoint`)).toBe(true);
  });

  it('a journal too short for its checkpoint after truncate() is refused too', async () => {
    const ctx = await setup(false);
    await finishedRun(ctx);
    await truncate(ctx.journal, 0);
    await expect(resume(ctx)).rejects.toThrow(/no journal at/);
  });
});
