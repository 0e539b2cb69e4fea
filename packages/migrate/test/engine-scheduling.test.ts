import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidRequestError } from '@billbridge/core';
import { startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import type { TargetClient } from '../src/types';
import { customerMap, sourceInvoice, toyAdapter, toyClient, toyFake } from './helpers/toy-provider';

const docs = (n: number) => Array.from({ length: n }, (_, i) => sourceInvoice(i));

/** A target that answers each create a few turns of the event loop later, counting creates in flight. */
function countingClient() {
  const seen = { inFlight: 0, max: 0, created: 0 };
  const client: TargetClient = {
    async create(doc) {
      seen.inFlight++;
      seen.max = Math.max(seen.max, seen.inFlight);
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      seen.inFlight--;
      seen.created++;
      return { value: { ...doc, id: `t_${seen.created}` } as never, warnings: [] };
    },
  };
  return { client, seen };
}

describe('the engine keeps `concurrency` creates in flight, and no more', () => {
  it('with a journal: every slot is used, none exceeded, and every answer is on disk when migrate() returns', async () => {
    const { client, seen } = countingClient();
    const journal = join(await mkdtemp(join(tmpdir(), 'bb-slots-')), 'j.ndjson');
    const { report } = await migrate({
      source: { kind: 'documents', documents: docs(120) },
      target: { adapter: toyAdapter(true), client },
      idMaps: { customers: customerMap },
      concurrency: 7,
      journal,
    });
    expect(report.created).toBe(120);
    expect(seen.max).toBe(7);
    const lines = (await readFile(journal, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.t === 'done')).toHaveLength(120);
    expect(lines.filter((l) => l.t === 'pending')).toHaveLength(120);
    // numbered in sequence, whatever order the answers came in
    expect(lines.map((l) => l.s)).toEqual(lines.map((_, i) => i));
  });

  it('without a journal, concurrency 1 sends one document at a time', async () => {
    const { client, seen } = countingClient();
    const { report } = await migrate({
      source: { kind: 'documents', documents: docs(20) },
      target: { adapter: toyAdapter(true), client },
      idMaps: { customers: customerMap },
      concurrency: 1,
    });
    expect(report.created).toBe(20);
    expect(seen.max).toBe(1);
  });

  it('an onProgress that throws ends the run with its error, after the documents in flight settle', async () => {
    const { client, seen } = countingClient();
    const boom = new Error('progress hook failed');
    let calls = 0;
    await expect(
      migrate({
        source: { kind: 'documents', documents: docs(50) },
        target: { adapter: toyAdapter(true), client },
        idMaps: { customers: customerMap },
        concurrency: 4,
        onProgress: () => {
          calls++;
          if (calls === 10) throw boom;
        },
      }),
    ).rejects.toBe(boom);
    expect(seen.inFlight).toBe(0);
    expect(seen.created).toBeLessThan(50);
  });
});

describe('documents read ahead when the run stops', () => {
  it('are never sent: each gets an `absent` record, and a resumed run sends it exactly once', async () => {
    const fake = await startFake(toyFake(true));
    try {
      const adapter = toyAdapter(true);
      const client = toyClient(adapter, fake.url);
      const journal = join(await mkdtemp(join(tmpdir(), 'bb-absent-')), 'j.ndjson');
      const base = {
        source: { kind: 'documents' as const, documents: docs(30) },
        target: { adapter, client },
        idMaps: { customers: customerMap },
        concurrency: 2,
        journal,
      };
      // The target refuses every create of the first run (an answer: nothing created); the first refusal stops it.
      const refusing: TargetClient = {
        create: () => Promise.reject(new InvalidRequestError('refused for the test')),
      };
      const stopped = await migrate({ ...base, target: { adapter, client: refusing }, onError: 'stop' });
      expect(stopped.report.stoppedEarly).toBe(true);
      expect(fake.records).toHaveLength(0);
      const records = (await readFile(journal, 'utf8'))
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      const outcomes = new Map<string, string>();
      for (const r of records) if (r.t !== 'pending' && r.k !== undefined) outcomes.set(r.k, r.t);
      // Every document with a pending record has an answer: failed (sent, refused) or absent (never sent).
      for (const r of records.filter((x) => x.t === 'pending'))
        expect(outcomes.get(r.k)).toMatch(/failed|absent/);
      expect([...outcomes.values()].filter((t) => t === 'absent').length).toBeGreaterThan(0);
      expect(stopped.report.failed).toBe([...outcomes.values()].filter((t) => t === 'failed').length);

      const resumed = await migrate({ ...base, resume: true });
      expect(resumed.report.created).toBe(30);
      const keys = (fake.records as Array<{ key: string }>).map((r) => r.key);
      expect(keys).toHaveLength(30);
      expect(new Set(keys).size).toBe(30);
    } finally {
      await fake.close();
    }
  });
});
