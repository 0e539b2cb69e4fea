import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { Journal, loadJournal } from '../src/journal';
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

const docs = (n: number) => Array.from({ length: n }, (_, i) => sourceInvoice(i));
const line = (record: object) => `${JSON.stringify(record)}\n`;

/** A journal as a run killed mid-flight leaves it: 0..done-1 answered, then some pending without answer. */
async function killedRun(
  ctx: Awaited<ReturnType<typeof setup>>,
  options: { done: number; pendingCreated: number[]; pendingNotCreated: number[] },
) {
  let text = line({ t: 'run', at: '2026-01-01T00:00:00Z', target: 'whop', resumed: false });
  const all = docs(20);
  for (let i = 0; i < options.done; i++) {
    const created = await ctx.client.create({
      ...all[i],
      id: undefined,
      externalId: `src_${i}`,
      customer: { id: 'cus_1' },
    } as never);
    text += line({ t: 'pending', k: `src_${i}`, x: `src_${i}`, n: `N-${i}` });
    text += line({ t: 'done', k: `src_${i}`, id: created.value.id, how: 'created' });
  }
  for (const i of options.pendingCreated) {
    // the create reached the target, the process died before writing the answer
    await ctx.client.create({
      ...all[i],
      id: undefined,
      externalId: `src_${i}`,
      customer: { id: 'cus_1' },
    } as never);
    text += line({ t: 'pending', k: `src_${i}`, x: `src_${i}`, n: `N-${i}` });
  }
  for (const i of options.pendingNotCreated)
    text += line({ t: 'pending', k: `src_${i}`, x: `src_${i}`, n: `N-${i}` });
  await writeFile(ctx.journal, text);
}

const resume = (ctx: Awaited<ReturnType<typeof setup>>, extra: object = {}) =>
  migrate({
    source: { kind: 'documents', documents: docs(20) },
    target: { adapter: ctx.adapter, client: ctx.client },
    idMaps: { customers: customerMap },
    journal: ctx.journal,
    resume: true,
    ...extra,
  });

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
    const entries = loadJournal(ctx.journal).entries;
    expect([...entries.values()].every((e) => e.status === 'done')).toBe(true);
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

  it('non-dedup target that echoes keys: found → reconciled; absent from a complete listing → sent', async () => {
    const ctx = await setup(false);
    await killedRun(ctx, { done: 3, pendingCreated: [3], pendingNotCreated: [4] });
    const { report } = await resume(ctx);
    expect(report).toMatchObject({ reconciled: 1, ambiguous: 0, created: 16, skipped: 3 });
    const keys = (ctx.fake.records as Array<{ key: string }>).map((r) => r.key);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
  });

  it('dedup target: a document an earlier run left ambiguous is sent again when the listing does not hold it', async () => {
    const ctx = await setup(true);
    await killedRun(ctx, { done: 2, pendingCreated: [], pendingNotCreated: [] });
    await appendFile(
      ctx.journal,
      line({ t: 'pending', k: 'src_2', x: 'src_2', n: 'N-2' }) +
        line({ t: 'ambiguous', k: 'src_2', error: 'dropped' }),
    );
    const { report } = await resume(ctx);
    expect(report).toMatchObject({ ambiguous: 0, created: 18, skipped: 2 });
    expect(ctx.fake.records).toHaveLength(20);
  });

  it('ambiguous documents are re-sent only on explicit request after review (retryAmbiguous)', async () => {
    const ctx = await setup(false, { hideKeys: true });
    await killedRun(ctx, { done: 0, pendingCreated: [], pendingNotCreated: [0] });
    expect((await resume(ctx)).report.ambiguous).toBe(1);
    const { report } = await resume(ctx, { retryAmbiguous: true });
    expect(report).toMatchObject({ ambiguous: 0, created: 1, skipped: 19 });
  });

  it('tolerates a torn last line (killed mid-write) and cuts it off before appending', async () => {
    const ctx = await setup(true);
    await killedRun(ctx, { done: 2, pendingCreated: [], pendingNotCreated: [] });
    await appendFile(ctx.journal, '{"t":"pending","k":"src_2","x":"sr');
    const loaded = loadJournal(ctx.journal);
    expect(loaded.tornBytes).toBe(34);
    expect(loaded.entries.size).toBe(2);
    const { report } = await resume(ctx);
    expect(report).toMatchObject({ skipped: 2, created: 18 });
    const text = await readFile(ctx.journal, 'utf8');
    for (const l of text.trimEnd().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('refuses to resume a journal that records a migration to another target', async () => {
    const ctx = await setup(true);
    await writeFile(ctx.journal, line({ t: 'run', at: 'x', target: 'pelcro', resumed: false }));
    await expect(resume(ctx)).rejects.toThrow(/records a migration to pelcro, not whop/);
  });

  it('refuses a journal corrupted before its last line, naming the line', async () => {
    const ctx = await setup(true);
    await writeFile(
      ctx.journal,
      `${line({ t: 'run', at: 'x', target: 'whop', resumed: false })}garbage\n${line({ t: 'pending', k: 'a' })}`,
    );
    await expect(Journal.open(ctx.journal, { resume: true })).rejects.toThrow(/journal\.ndjson:2: .*corrupt/);
  });

  it('records pending before sending and the answer after, in that order', async () => {
    const ctx = await setup(true);
    await migrate({
      source: { kind: 'documents', documents: docs(20) },
      target: { adapter: ctx.adapter, client: ctx.client },
      idMaps: { customers: customerMap },
      journal: ctx.journal,
      concurrency: 8,
    });
    const records = (await readFile(ctx.journal, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; k?: string });
    for (let i = 0; i < 20; i++) {
      const at = (t: string) => records.findIndex((r) => r.t === t && r.k === `src_${i}`);
      expect(at('pending')).toBeGreaterThan(0);
      expect(at('done')).toBeGreaterThan(at('pending'));
    }
  });

  it('an ambiguous create (stored, then answered 500) is recorded, then reconciled on resume', async () => {
    const ctx = await setup(false);
    ctx.fake.faults.set({ script: [null, 'created_then_failed'] });
    const first = await migrate({
      source: { kind: 'documents', documents: docs(4) },
      target: { adapter: ctx.adapter, client: ctx.client },
      idMaps: { customers: customerMap },
      journal: ctx.journal,
      concurrency: 1,
    });
    expect(first.report.ambiguous).toBe(1);
    expect(first.report.created).toBe(3);
    ctx.fake.faults.clear();
    const second = await migrate({
      source: { kind: 'documents', documents: docs(4) },
      target: { adapter: ctx.adapter, client: ctx.client },
      idMaps: { customers: customerMap },
      journal: ctx.journal,
      resume: true,
    });
    expect(second.report).toMatchObject({ reconciled: 1, skipped: 3, created: 0, ambiguous: 0 });
    expect(ctx.fake.records).toHaveLength(4);
  });
});
