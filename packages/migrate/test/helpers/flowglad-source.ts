import { writeFile } from 'node:fs/promises';
import { createFlowgladClient } from '@billbridge/flowglad';
import { flowgladFake } from '@billbridge/flowglad/testing';
import { startFake } from '@billbridge/testing';

/**
 * Fills a Flowglad fake with `count` invoices through the Flowglad client (real HTTP), and writes the
 * fake's stored records, as Flowglad returns them, to an NDJSON file: the export a user would migrate.
 */
export async function flowgladExport(count: number, file: string): Promise<{ records: unknown[] }> {
  const fake = await startFake(flowgladFake);
  try {
    const client = createFlowgladClient({ apiKey: 'sk_test_source', baseUrl: fake.url });
    const inflight = new Set<Promise<unknown>>();
    for (let i = 0; i < count; i++) {
      const p = client
        .create({
          number: `FG-${String(i).padStart(6, '0')}`,
          currency: 'USD',
          customer: { id: i % 2 === 0 ? 'cust_test_1' : 'cust_test_2' },
          issuedAt: '2026-01-05T00:00:00Z',
          lines: [
            { description: 'Plan', quantity: 1 + (i % 3), unitAmount: 1250 + i },
            { description: 'Setup', quantity: 1, unitAmount: 500 },
          ],
          ...(i % 4 === 0 ? { memo: `Thanks #${i}` } : {}),
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= 64) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    const records = fake.records;
    await writeFile(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    return { records };
  } finally {
    await fake.close();
  }
}
