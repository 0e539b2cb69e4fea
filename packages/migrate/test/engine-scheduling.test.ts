import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import type { TargetClient } from '../src/types';
import { customerMap, sourceInvoice, toyAdapter } from './helpers/toy-provider';

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

describe('the engine keeps `concurrency` documents in flight, and no more', () => {
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
