import { type FileHandle, mkdtemp, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { PROVIDERS } from '../src/providers';
import {
  customerMap,
  sourceInvoice,
  type ToyState,
  toyAdapter,
  toyClient,
  toyFake,
} from './helpers/toy-provider';

/*
 * The journal's promise: a document is sent only once its pending record is on disk, whatever the
 * target (seen by holding the journal's fsyncs: nothing reaches the target meanwhile). And a document the
 * target already holds by its natural key is never created twice: it is reported reconciled.
 */

const fakes: RunningFake<ToyState>[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

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
async function run(dedup: boolean, count: number, concurrency: number) {
  const fake = await startFake(toyFake(dedup));
  fakes.push(fake);
  const adapter = toyAdapter(dedup);
  const journal = join(await mkdtemp(join(tmpdir(), 'bb-pending-')), 'j.ndjson');
  // The journal's header and the run's first record are synced before any document is read.
  const fsyncs = await holdFsyncs(2);
  try {
    const documents = Array.from({ length: count }, (_, i) => sourceInvoice(i));
    const finished = migrate({
      source: { kind: 'documents', documents },
      target: { adapter, client: toyClient(adapter, fake.url) },
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
    const { whileHeld, report } = await run(false, 6, 8);
    expect(whileHeld).toBe(0);
    expect(report.created).toBe(6);
  });

  it('with a natural key (a target that refuses a second create), nothing is sent before its pending record either', async () => {
    const { whileHeld, report } = await run(true, 6, 8);
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
