import { type FileHandle, mkdtemp, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { loadJournal } from '../src/journal';
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
 * A document carrying the target's natural key is sent without waiting for its pending record to reach
 * the disk (the target refuses a resend for good); any other waits. Seen here by holding the journal's
 * fsyncs: what reaches the target meanwhile is what did not wait.
 */

const fakes: RunningFake<ToyState>[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/** Every FileHandle#datasync after the first `allowed` waits until `release()`. */
async function holdFsyncs(allowed: number) {
  const probe = await open(join(await mkdtemp(join(tmpdir(), 'bb-nk-')), 'probe'), 'w');
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

/** What reached the target while the fsyncs were held, as `held(fake)` waits for and reads it. */
type Held = (fake: RunningFake<ToyState>) => Promise<number>;

/** All `count` documents arrive (no deadline but the test's: a send that waits for the disk never does). */
const allArrive =
  (count: number): Held =>
  async (fake) => {
    while (fake.records.length < count) await delay(10);
    return fake.records.length;
  };
/** Nothing may arrive: a wait (what it shows can only be a send that did not wait), then the count. */
const noneArrive: Held = async (fake) => {
  await delay(500);
  return fake.records.length;
};
/** Some arrive, then no more (checked every 300 ms). */
const someThenNone: Held = async (fake) => {
  while (fake.records.length === 0) await delay(10);
  let seen = -1;
  while (seen !== fake.records.length) {
    seen = fake.records.length;
    await delay(300);
  }
  return seen;
};

async function run(dedup: boolean, count: number, concurrency: number, held: Held, withKey = true) {
  const fake = await startFake(toyFake(dedup));
  fakes.push(fake);
  const adapter = toyAdapter(dedup);
  const journal = join(await mkdtemp(join(tmpdir(), 'bb-nk-')), 'j.ndjson');
  // The journal's header and the run's first record are synced before any document is read.
  const fsyncs = await holdFsyncs(2);
  try {
    const documents = Array.from({ length: count }, (_, i) =>
      // Without a source id the document carries no external key (the toy's natural key).
      withKey ? sourceInvoice(i) : { ...sourceInvoice(i), id: undefined, number: `N-${i}` },
    );
    const finished = migrate({
      source: { kind: 'documents', documents },
      target: { adapter, client: toyClient(adapter, fake.url) },
      idMaps: { customers: customerMap },
      concurrency,
      journal,
    });
    const whileHeld = await held(fake);
    fsyncs.release();
    const { report } = await finished;
    return { whileHeld, report, fake, journal };
  } finally {
    fsyncs.release();
    fsyncs.restore();
  }
}

describe('sending before the pending record is on disk', () => {
  it('a document with the natural key of a target that refuses it twice is sent at once', async () => {
    const { whileHeld, report, fake, journal } = await run(true, 6, 8, allArrive(6));
    expect(whileHeld).toBe(6);
    expect(report.created).toBe(6);
    expect(fake.records).toHaveLength(6);
    // Every document is journaled all the same: pending, then done.
    const { state } = await loadJournal(journal);
    expect(state.count('done')).toBe(6);
    expect(state.count('pending')).toBe(0);
  });

  it('without deduplication, nothing is sent until its pending record is on disk', async () => {
    const { whileHeld, report } = await run(false, 6, 8, noneArrive);
    expect(whileHeld).toBe(0);
    expect(report.created).toBe(6);
  });

  it('a document without the natural key waits, on a target that has one', async () => {
    const { whileHeld, report } = await run(true, 6, 8, noneArrive, false);
    expect(whileHeld).toBe(0);
    expect(report.created).toBe(6);
  });

  it('while the journal falls behind (8 × concurrency records waiting), sends wait for the disk again', async () => {
    // concurrency 1: at most 8 records may wait; each document sent adds a pending and a done record.
    const { whileHeld, report, fake } = await run(true, 30, 1, someThenNone);
    expect(whileHeld).toBeGreaterThan(0);
    expect(whileHeld).toBeLessThan(30);
    expect(report.created).toBe(30);
    expect(fake.records).toHaveLength(30);
  });

  it('a document sent again with no journal record of it (a run killed before its pending reached the disk) makes no second invoice, and is reported reconciled', async () => {
    const { startTarget } = await import('./helpers/targets');
    const target = await startTarget('chargeover');
    try {
      const documents = Array.from({ length: 5 }, (_, i) => ({
        id: `legacy_${i}`,
        currency: 'USD',
        customer: { id: 'cust_test_1' },
        lines: [{ description: 'Plan', quantity: 1, unitAmount: 1000 + i, product: { id: '4' } }],
      }));
      const journal = join(await mkdtemp(join(tmpdir(), 'bb-nk-')), 'j.ndjson');
      const options = {
        target: { adapter: PROVIDERS.chargeover.adapter, client: target.client, options: target.options },
        idMaps: { ...target.idMaps, products: { '4': '4' } },
        journal,
      };
      const first = await migrate({ source: { kind: 'documents', documents }, ...options });
      expect(first.report).toMatchObject({ created: 5, reconciled: 0 });
      // As if the first run's records had never reached the disk: a journal that knows none of them.
      const again = await migrate({ source: { kind: 'documents', documents }, ...options, fresh: true });
      expect(again.report).toMatchObject({ created: 0, reconciled: 5, failed: 0, ambiguous: 0 });
      expect(target.fake.records).toHaveLength(5);
      expect([...again.idMap.values()].sort()).toEqual([...first.idMap.values()].sort());
    } finally {
      await target.fake.close();
    }
  });
});
