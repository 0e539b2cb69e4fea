/**
 * A target that stores every create but garbles one answer in five (a 2xx whose body is an HTML page):
 * the documents are journaled ambiguous, never failed, and `resume` never sends one again without
 * reconciling it first, so the target ends with each document once.
 *
 * The toy provider reads its answers through core's parseCreateAnswer. The five provider clients do so
 * after the core issue's client changes are merged; until a client makes a garbled answer an
 * AmbiguousResultError, its case here fails (it counts the answer as a refusal and re-sends).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowglad } from '@billbridge/flowglad';
import { startFake } from '@billbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/engine';
import { PROVIDERS } from '../src/providers';
import { flowgladExport } from './helpers/flowglad-source';
import { startTarget, type TargetSetup } from './helpers/targets';
import { customerMap, sourceInvoice, toyAdapter, toyClient, toyFake } from './helpers/toy-provider';

const COUNT = 300;
const GARBLED = { rate: 0.2, kinds: ['created_then_garbled' as const], seed: 7 };

describe('a target that garbles one create answer in five', () => {
  for (const dedup of [false, true]) {
    it(`toy target (${dedup ? 'deduplicating' : 'no deduplication, keys not echoed'}): ambiguous, then reconciled, 0 duplicates`, async () => {
      const fake = await startFake(toyFake(dedup), { seed: { hideKeys: !dedup }, faults: GARBLED });
      try {
        const adapter = toyAdapter(dedup);
        const client = toyClient(adapter, fake.url);
        const journal = join(await mkdtemp(join(tmpdir(), 'bb-garbled-')), 'j.ndjson');
        const run = (resume: boolean) =>
          migrate({
            source: {
              kind: 'documents',
              documents: Array.from({ length: COUNT }, (_, i) => sourceInvoice(i)),
            },
            target: { adapter, client },
            idMaps: { customers: customerMap },
            journal,
            resume,
            concurrency: 8,
          });
        const first = await run(false);
        expect(first.report.failed).toBe(0);
        expect(first.report.ambiguous).toBeGreaterThan(COUNT / 10);
        expect(first.report.created + first.report.ambiguous).toBe(COUNT);
        expect(first.report.ambiguousDocuments[0]?.reason).toMatch(
          /answered 200 with a body that is not JSON/,
        );
        fake.faults.clear();
        const second = await run(true);
        expect(second.report).toMatchObject({ created: 0, failed: 0, ambiguous: 0 });
        expect(second.report.reconciled).toBe(first.report.ambiguous);
        expect(fake.records).toHaveLength(COUNT);
        expect(second.idMap.size).toBe(COUNT);
      } finally {
        await fake.close();
      }
    }, 120_000);
  }
});

describe('every provider as a target that garbles one create answer in five (after the client changes)', () => {
  let dir: string;
  let exportFile: string;
  const running: TargetSetup[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bb-garbled-'));
    exportFile = join(dir, 'flowglad.ndjson');
    await flowgladExport(COUNT, exportFile);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(running.map((t) => t.fake.close()));
  });

  for (const name of ['paid', 'whop', 'chargeover', 'pelcro'] as const) {
    it(`flowglad → ${name}: --resume ends with each invoice once`, async () => {
      const target = await startTarget(name);
      running.push(target);
      target.fake.faults.set(GARBLED);
      const journal = join(dir, `${name}.journal.ndjson`);
      const run = (resume: boolean) =>
        migrate({
          source: { kind: 'file', path: exportFile, adapter: flowglad },
          target: { adapter: PROVIDERS[name].adapter, client: target.client, options: target.options },
          idMaps: target.idMaps,
          ...(target.transform ? { transform: target.transform } : {}),
          concurrency: 16,
          journal,
          resume,
        });
      const first = await run(false);
      // A garbled 2xx is ambiguous: never "failed" or "invalid" (which would be sent again).
      expect(
        { failed: first.report.failed, invalid: first.report.invalid },
        JSON.stringify([...first.report.failures, ...first.report.invalidDocuments].slice(0, 2)),
      ).toEqual({ failed: 0, invalid: 0 });
      const injected = target.fake.faults.injected.length;
      expect(injected).toBeGreaterThan(0);
      if (PROVIDERS[name].adapter.capabilities.deduplication.kind === 'idempotency-header') {
        // The client asks again under the same idempotency key and gets the stored answer; only a create
        // whose every retry was garbled too is left ambiguous.
        expect(first.report.created + first.report.ambiguous).toBe(COUNT);
        expect(first.report.ambiguous).toBeLessThan(injected);
      } else {
        expect(first.report.ambiguous).toBeGreaterThan(0);
      }
      target.fake.faults.clear();
      const second = await run(true);
      expect(second.report.failed).toBe(0);
      // Nothing is sent again: each garbled create is found on the target (reconciled) or stays ambiguous.
      expect(second.report.created).toBe(0);
      expect(second.report.reconciled + second.report.ambiguous).toBe(first.report.ambiguous);
      // Every garbled create was stored: none may be stored twice.
      expect(target.fake.records).toHaveLength(COUNT);
    }, 300_000);
  }
});
