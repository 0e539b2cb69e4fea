import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFlowgladClient, flowglad } from '@billbridge/flowglad';
import { flowgladFake } from '@billbridge/flowglad/testing';
import { startFake } from '@billbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { PROVIDERS } from '../src/providers';
import { flowgladExport } from './helpers/flowglad-source';
import { startTarget, type TargetSetup } from './helpers/targets';

/** The suite's one large run: Flowglad → Pelcro with 10,000 invoices; the other targets get a few hundred. */
const LARGE = Number(process.env.BB_E2E_COUNT ?? 10_000);
const SMALL = Number(process.env.BB_E2E_SMALL_COUNT ?? 300);
const countFor = (name: string) => (name === 'pelcro' ? LARGE : SMALL);
let dir: string;
let exportFile: string;

describe('a live source: the Flowglad client lists, the engine migrates', () => {
  it('flowglad (live list over HTTP) → pelcro', async () => {
    const source = await startFake(flowgladFake);
    const target = await startTarget('pelcro');
    try {
      const fg = createFlowgladClient({ apiKey: 'sk_test_live', baseUrl: source.url });
      for (let i = 0; i < 120; i++) {
        await fg.create({
          number: `LIVE-${i}`,
          currency: 'EUR',
          customer: { id: 'cust_test_2' },
          lines: [{ quantity: 1, unitAmount: 100 + i }],
        });
      }
      const { report } = await migrate({
        source: { kind: 'list', client: fg },
        target: { adapter: PROVIDERS.pelcro.adapter, client: target.client, options: target.options },
        concurrency: 8,
      });
      expect(report).toMatchObject({ read: 120, created: 120, failed: 0 });
      // Pelcro found the customer by its old-provider id: Flowglad's customer id, kept as customer.externalId
      const stored = target.fake.records as Array<{ customer: { id: number; old_provider_id: string } }>;
      expect(stored).toHaveLength(120);
      expect(
        stored.every((r) => r.customer.id === 500002 && r.customer.old_provider_id === 'cust_test_2'),
      ).toBe(true);
    } finally {
      await Promise.all([source.close(), target.fake.close()]);
    }
  }, 120_000);
});

describe(`end to end: invoices from the Flowglad fake's records into each other fake (${LARGE} into pelcro, ${SMALL} into the others)`, () => {
  const running: TargetSetup[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bb-e2e-'));
    exportFile = join(dir, 'flowglad.ndjson');
    await flowgladExport(LARGE, exportFile);
    // the small runs read the first SMALL records of the same export
    const { readFile, writeFile } = await import('node:fs/promises');
    const lines = (await readFile(exportFile, 'utf8')).split('\n').slice(0, SMALL);
    await writeFile(join(dir, 'flowglad-small.ndjson'), `${lines.join('\n')}\n`);
  }, 600_000);
  afterAll(async () => {
    await Promise.all(running.map((t) => t.fake.close()));
  });

  for (const name of ['paid', 'whop', 'chargeover', 'pelcro'] as const) {
    it(`flowglad → ${name} (${countFor(name)} invoices)`, async () => {
      const COUNT = countFor(name);
      const target = await startTarget(name);
      running.push(target);
      const started = Date.now();
      const { report, idMap } = await migrate({
        source: {
          kind: 'file',
          path: COUNT === LARGE ? exportFile : join(dir, 'flowglad-small.ndjson'),
          adapter: flowglad,
        },
        target: { adapter: PROVIDERS[name].adapter, client: target.client, options: target.options },
        idMaps: target.idMaps,
        ...(target.transform ? { transform: target.transform } : {}),
        concurrency: 128,
        journal: join(dir, `${name}.journal.ndjson`),
      });
      const seconds = (Date.now() - started) / 1000;
      expect(
        {
          failed: report.failed,
          invalid: report.invalid,
          missing: report.missingReferences,
          ambiguous: report.ambiguous,
        },
        JSON.stringify(
          [...report.failures.slice(0, 3), ...report.invalidDocuments.slice(0, 3), ...report.missing],
          null,
          1,
        ),
      ).toEqual({ failed: 0, invalid: 0, missing: 0, ambiguous: 0 });
      expect(report.created).toBe(COUNT);
      expect(target.fake.records).toHaveLength(COUNT);
      expect(idMap.size).toBe(COUNT);
      expect(new Set(idMap.values()).size).toBe(COUNT);
      console.log(
        `flowglad → ${name}: ${COUNT} in ${seconds.toFixed(1)}s; losses:`,
        report.losses.map((l) => `${l.path} ${l.code} ×${l.documents}`).join(', '),
      );
    }, 600_000);
  }
});
