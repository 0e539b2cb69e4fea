import { type FileHandle, mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { PROVIDERS } from '../src/providers';
import type { TargetClient } from '../src/types';
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

async function toyTarget(dedup: boolean, seed: { hideKeys?: boolean } = {}, maxRetries = 2) {
  const fake = await startFake(toyFake(dedup), { seed });
  fakes.push(fake);
  const adapter = toyAdapter(dedup);
  return { fake, adapter, client: toyClient(adapter, fake.url, maxRetries) };
}

const docs = (n: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => sourceInvoice(i, extra(i)));

describe('migrate (engine, toy provider over HTTP)', () => {
  it('creates every document once, rewriting ids through the id maps and keeping the source id as external key', async () => {
    const { fake, adapter, client } = await toyTarget(true);
    const dir = await mkdtemp(join(tmpdir(), 'bb-engine-'));
    const { report, idMap } = await migrate({
      source: { kind: 'documents', documents: docs(300) },
      target: { adapter, client },
      idMaps: { customers: customerMap },
      concurrency: 32,
      journal: join(dir, 'journal.ndjson'),
    });
    expect(report.created).toBe(300);
    expect(report.failed + report.ambiguous + report.skipped).toBe(0);
    const records = fake.records as Array<{ key: string; customer: string; number: string; id: string }>;
    expect(records).toHaveLength(300);
    expect(new Set(records.map((r) => r.key)).size).toBe(300);
    const first = records.find((r) => r.key === 'src_8');
    expect(first).toMatchObject({ customer: 'cus_1', number: 'N-8' });
    expect(idMap.get('src_8')).toBe(first?.id);
    expect(idMap.size).toBe(300);
  });

  it('a second run with the same journal and --resume skips everything already migrated', async () => {
    const { fake, adapter, client } = await toyTarget(false);
    const journal = join(await mkdtemp(join(tmpdir(), 'bb-engine-')), 'j.ndjson');
    const run = (resume: boolean) =>
      migrate({
        source: { kind: 'documents', documents: docs(50) },
        target: { adapter, client },
        idMaps: { customers: customerMap },
        journal,
        resume,
      });
    await run(false);
    await expect(run(false)).rejects.toThrow(/already records an earlier run/);
    const { report, idMap } = await run(true);
    expect(report).toMatchObject({ created: 0, skipped: 50, reconciled: 0 });
    expect(idMap.size).toBe(50);
    expect(fake.records).toHaveLength(50);
  });

  it('reports a document without a target reference as a missing reference and sends nothing for it', async () => {
    const { fake, adapter, client } = await toyTarget(true);
    const { report } = await migrate({
      source: { kind: 'documents', documents: docs(10) },
      target: { adapter, client },
      idMaps: { customers: { c1: 'cus_1' } },
    });
    // customers c0..c6 cycle; only c1 is mapped (documents 1 and 8)
    expect(report.created).toBe(2);
    expect(report.missingReferences).toBe(8);
    expect(report.missing).toEqual([
      expect.objectContaining({ path: 'customer.id', option: 'idMaps.customers', documents: 8 }),
    ]);
    expect(fake.records).toHaveLength(2);
  });

  it('backs off on 429 and sends again (a 429 is an answer: nothing was created)', async () => {
    const { fake, adapter, client } = await toyTarget(false, {}, 0);
    fake.state.throttleNext = 6;
    const { report } = await migrate({
      source: { kind: 'documents', documents: docs(20) },
      target: { adapter, client },
      idMaps: { customers: customerMap },
      concurrency: 4,
    });
    expect(report.created).toBe(20);
    expect(report.rateLimited).toBe(6);
    expect(fake.records).toHaveLength(20);
  });

  it('records refused documents as failed with the reason; --on-error stop stops reading', async () => {
    const { adapter, client } = await toyTarget(true);
    // cus_-less target ids are refused by the fake with 400
    const bad = { c0: 'x_0', c1: 'cus_1', c2: 'cus_2', c3: 'cus_3', c4: 'cus_4', c5: 'cus_5', c6: 'cus_6' };
    const cont = await migrate({
      source: { kind: 'documents', documents: docs(21) },
      target: { adapter, client },
      idMaps: { customers: bad },
    });
    expect(cont.report.failed).toBe(3);
    expect(cont.report.created).toBe(18);
    expect(cont.report.failures[0]).toMatchObject({ key: 'src_0', reason: 'InvalidRequestError' });
    expect(cont.report.failures[0]?.error).toMatch(/unknown customer/);

    const other = await toyTarget(true);
    const stopped = await migrate({
      source: { kind: 'documents', documents: docs(200) },
      target: { adapter: other.adapter, client: other.client },
      idMaps: { customers: bad },
      concurrency: 1,
      onError: 'stop',
    });
    expect(stopped.report.stoppedEarly).toBe(true);
    expect(stopped.report.failed).toBe(1);
    expect(other.fake.records).toHaveLength(0);
  });

  it('refuses a second source record with the same id instead of creating it twice', async () => {
    const { fake, adapter, client } = await toyTarget(false);
    const { report } = await migrate({
      source: { kind: 'documents', documents: [...docs(3), sourceInvoice(1, { memo: 'again' })] },
      target: { adapter, client },
      idMaps: { customers: customerMap },
    });
    expect(report).toMatchObject({ created: 3, failed: 1 });
    expect(report.failures[0]?.error).toMatch(/same id "src_1"/);
    expect(fake.records).toHaveLength(3);
  });

  it('the transform hook can edit or skip documents', async () => {
    const { fake, adapter, client } = await toyTarget(true);
    const { report } = await migrate({
      source: { kind: 'documents', documents: docs(10) },
      target: { adapter, client },
      idMaps: { customers: customerMap },
      transform: (doc, { key }) => {
        if (key === 'src_3') return null;
        doc.number = `MIG-${doc.number}`;
        return undefined;
      },
    });
    expect(report).toMatchObject({ created: 9, skippedByTransform: 1 });
    expect((fake.records as Array<{ number: string }>).every((r) => r.number.startsWith('MIG-N-'))).toBe(
      true,
    );
  });

  describe('a client that reports its request-side warnings apart (requestWarnings)', () => {
    /** The toy client, plus a read-back warning, optionally with the request's warnings apart. */
    async function splitTarget(split: boolean) {
      const target = await toyTarget(true);
      const calls = { engine: 0 };
      const adapter = {
        ...target.adapter,
        toCreateRequest: (doc: Parameters<typeof target.adapter.toCreateRequest>[0], o?: object) => {
          calls.engine++;
          return target.adapter.toCreateRequest(doc, o);
        },
      };
      const readBack = { code: 'unrecognized' as const, path: 'status', message: 'read back' };
      const client: TargetClient = {
        async create(doc, opts) {
          // What the client's own mapping says, computed outside the counted adapter.
          const sent = target.adapter.toCreateRequest(doc, opts);
          const result = await target.client.create(doc, opts);
          return {
            ...result,
            warnings: [...result.warnings, readBack],
            ...(split ? { requestWarnings: sent.warnings } : {}),
          };
        },
      };
      return { ...target, adapter, client, calls };
    }
    const withMemo = (i: number) => (i % 2 === 0 ? { memo: 'm' } : {});

    it('maps each document once (in the client) and reports only what the target could not carry', async () => {
      const { fake, adapter, client, calls } = await splitTarget(true);
      const journal = join(await mkdtemp(join(tmpdir(), 'bb-')), 'j.ndjson');
      const { report, idMap } = await migrate({
        source: { kind: 'documents', documents: docs(40, withMemo) },
        target: { adapter, client },
        idMaps: { customers: { ...customerMap, c3: undefined as unknown as string } },
        concurrency: 1,
        journal,
      });
      // Only the documents read before the client showed it reports requestWarnings apart: with a journal
      // the engine reads up to three times `concurrency` ahead (documents waiting for their pending record),
      // so the first three here (the next is read only once the first is answered).
      expect(calls.engine).toBe(3);
      // c3: documents 3, 10, 17, 24, 31, 38 lack a target customer; the client refuses them before sending.
      expect(report).toMatchObject({ created: 34, missingReferences: 6, failed: 0 });
      expect(fake.records).toHaveLength(34);
      expect(report.losses).toEqual([
        expect.objectContaining({ side: 'target', code: 'unsupported', path: 'memo', documents: 17 }),
      ]);
      expect(idMap.size).toBe(34);
      const records = (await readFile(journal, 'utf8'))
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      // Read after the first answer, src_3 and src_10 were mapped by the client only: refused after their
      // pending record, before sending.
      const of = (key: string) => records.filter((r) => r.k === key).map((r) => r.t);
      expect(of('src_3')).toEqual(['pending', 'failed']);
      expect(of('src_10')).toEqual(['pending', 'failed']);
    });

    it('passes strict to the client, which refuses lossy documents before sending', async () => {
      const { fake, adapter, client } = await splitTarget(true);
      const { report } = await migrate({
        source: { kind: 'documents', documents: docs(10, withMemo) },
        target: { adapter, client },
        idMaps: { customers: customerMap },
        concurrency: 1,
        strict: true,
      });
      expect(report).toMatchObject({ created: 5, failed: 5 });
      expect(report.failures.every((f) => f.reason === 'LossyMappingError')).toBe(true);
      expect(fake.records).toHaveLength(5);
    });

    it('without them, the engine maps for the loss report and read-back warnings stay out of it', async () => {
      const { adapter, client, calls } = await splitTarget(false);
      const { report } = await migrate({
        source: { kind: 'documents', documents: docs(10, withMemo) },
        target: { adapter, client },
        idMaps: { customers: customerMap },
      });
      expect(calls.engine).toBe(10);
      expect(report.created).toBe(10);
      expect(report.losses).toEqual([expect.objectContaining({ path: 'memo', documents: 5 })]);
    });
  });

  it('writes nothing in a dry run', async () => {
    const { fake, adapter } = await toyTarget(true);
    const { report } = await migrate({
      source: { kind: 'documents', documents: docs(5) },
      target: { adapter },
      idMaps: { customers: customerMap },
      dryRun: true,
      journal: join(await mkdtemp(join(tmpdir(), 'bb-')), 'j.ndjson'),
    });
    expect(report.created).toBe(5);
    expect(fake.records).toHaveLength(0);
  });

  it('reads NDJSON files and names the file and line of an unreadable line', async () => {
    const { adapter, client } = await toyTarget(true);
    const file = join(await mkdtemp(join(tmpdir(), 'bb-')), 'in.ndjson');
    const lines = docs(3).map((d) => JSON.stringify(d));
    await writeFile(file, `${lines[0]}\n\n{"id": broken\n${lines[1]}\n${lines[2]}\n`);
    const { report } = await migrate({
      source: { kind: 'file', path: file },
      target: { adapter, client },
      idMaps: { customers: customerMap },
    });
    expect(report.created).toBe(3);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]?.location).toBe(`${file}:3`);
    expect(report.failures[0]?.error).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: not valid JSON`),
    );
    expect(await readFile(file, 'utf8')).toContain('broken');
  });
});

/*
 * The journal's promise: a document is sent only once its pending record is on disk, whatever the
 * target (seen by holding the journal's fsyncs: nothing reaches the target meanwhile). And a document the
 * target already holds by its natural key is never created twice: it is reported reconciled.
 */

/** Every FileHandle#datasync after the first `allowed` waits until `release()`. */
async function holdFsyncs(allowed: number) {
  const probe = await open(join(await mkdtemp(join(tmpdir(), 'bb-pending-')), 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { datasync: (this: FileHandle) => Promise<void> };
  await probe.close();
  const original = proto.datasync;
  let calls = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  proto.datasync = async function (this: FileHandle) {
    if (++calls > allowed) await released;
    return original.call(this);
  };
  return {
    release,
    restore: () => {
      proto.datasync = original;
    },
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A run with the journal's fsyncs held: what reached the target meanwhile, then the run's outcome. */
async function runHoldingFsyncs(dedup: boolean, count: number, concurrency: number) {
  const { fake, adapter, client } = await toyTarget(dedup);
  const journal = join(await mkdtemp(join(tmpdir(), 'bb-pending-')), 'j.ndjson');
  // The journal's header and the run's first record are synced before any document is read.
  const fsyncs = await holdFsyncs(2);
  try {
    const finished = migrate({
      source: { kind: 'documents', documents: docs(count) },
      target: { adapter, client },
      idMaps: { customers: customerMap },
      concurrency,
      journal,
    });
    // A wait: what it can show is only a send that did not wait for the disk (no upper bound asserted).
    await delay(500);
    const whileHeld = fake.records.length;
    fsyncs.release();
    const { report } = await finished;
    return { whileHeld, report };
  } finally {
    fsyncs.release();
    fsyncs.restore();
  }
}

describe('the pending record before the send', () => {
  it('without deduplication, nothing is sent until its pending record is on disk', async () => {
    const { whileHeld, report } = await runHoldingFsyncs(false, 6, 8);
    expect(whileHeld).toBe(0);
    expect(report.created).toBe(6);
  });

  it('with a natural key (a target that refuses a second create), nothing is sent before its pending record either', async () => {
    const { whileHeld, report } = await runHoldingFsyncs(true, 6, 8);
    expect(whileHeld).toBe(0);
    expect(report.created).toBe(6);
  });

  it('a document the target already holds by its key (sent by a run this journal does not know of) is not created twice, and is reported reconciled', async () => {
    const { startTarget } = await import('./helpers/targets');
    const target = await startTarget('chargeover');
    try {
      const documents = Array.from({ length: 5 }, (_, i) => ({
        id: `legacy_${i}`,
        currency: 'USD',
        customer: { id: 'cust_test_1' },
        lines: [{ description: 'Plan', quantity: 1, unitAmount: 1000 + i, product: { id: '4' } }],
      }));
      const journal = join(await mkdtemp(join(tmpdir(), 'bb-pending-')), 'j.ndjson');
      const options = {
        target: { adapter: PROVIDERS.chargeover.adapter, client: target.client, options: target.options },
        idMaps: { ...target.idMaps, products: { '4': '4' } },
        journal,
      };
      const first = await migrate({ source: { kind: 'documents', documents }, ...options });
      expect(first.report).toMatchObject({ created: 5, reconciled: 0 });
      // --fresh: a new journal that knows none of them.
      const again = await migrate({ source: { kind: 'documents', documents }, ...options, fresh: true });
      expect(again.report).toMatchObject({ created: 0, reconciled: 5, failed: 0, ambiguous: 0 });
      expect(target.fake.records).toHaveLength(5);
      expect([...again.idMap.values()].sort()).toEqual([...first.idMap.values()].sort());
    } finally {
      await target.fake.close();
    }
  });
});
