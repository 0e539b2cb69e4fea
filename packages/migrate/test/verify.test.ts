/** `billbridge verify` and `migrate --verify`: a planted difference on the target is found, by path. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CURRENCY_IDS } from '@billbridge/chargeover/testing';
import { startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { migrate } from '../src/engine';
import { PROVIDERS } from '../src/providers';
import { verifyMigration } from '../src/verify';
import {
  customerMap,
  sourceInvoice,
  type ToyState,
  toyAdapter,
  toyClient,
  toyFake,
} from './helpers/toy-provider';

function io(env: Record<string, string> = {}): CliIO & { text: () => string } {
  let text = '';
  const write = (s: string) => {
    text += s;
    return true;
  };
  const stream = { write, isTTY: false } as unknown as CliIO['out'];
  return { out: stream, err: stream, env, text: () => text };
}

describe('verify', () => {
  it('library: matches every document, then finds one planted difference by path', async () => {
    const fake = await startFake(toyFake(false));
    try {
      const adapter = toyAdapter(false);
      const client = toyClient(adapter, fake.url);
      const journal = join(await mkdtemp(join(tmpdir(), 'bb-verify-')), 'j.ndjson');
      const source = {
        kind: 'documents' as const,
        documents: Array.from({ length: 40 }, (_, i) => sourceInvoice(i)),
      };
      const idMaps = { customers: customerMap };
      await migrate({ source, target: { adapter, client }, idMaps, journal });
      const clean = await verifyMigration({ source, journal, client, idMaps });
      expect(clean).toMatchObject({ checked: 40, matched: 40, mismatches: [], missingOnTarget: [] });
      // someone changes invoice src_7's amount on the target
      const state = fake.state as ToyState;
      const planted = state.invoices.find((r) => r.key === 'src_7');
      if (!planted?.lines[0]) throw new Error('src_7 not on the target');
      planted.lines[0].unit += 1;
      const report = await verifyMigration({ source, journal, client, idMaps });
      expect(report.matched).toBe(39);
      expect(report.mismatches).toEqual([
        {
          key: 'src_7',
          targetId: planted.id,
          differences: [
            { path: 'lines[0].amount', expected: 1007, actual: 1008 },
            { path: 'total', expected: 1007, actual: 1008 },
          ],
        },
      ]);
    } finally {
      await fake.close();
    }
  });

  it('CLI: migrate verifies by default (exit 0), billbridge verify exits 4 on a planted mismatch and names it', async () => {
    const fake = await startFake(await PROVIDERS.chargeover.loadFake());
    const dir = await mkdtemp(join(tmpdir(), 'bb-verify-cli-'));
    try {
      const input = join(dir, 'in.ndjson');
      const rows = Array.from({ length: 30 }, (_, i) =>
        JSON.stringify({
          id: `inv_${i}`,
          currency: 'USD',
          customer: { id: 'old-a' },
          lines: [{ description: 'Plan', quantity: 2, unitAmount: 500 + i }],
        }),
      );
      await writeFile(input, `${rows.join('\n')}\n`);
      await writeFile(join(dir, 'ids.csv'), 'kind,source,target\ncustomer,old-a,1\nproduct,*,4\n');
      const common = [
        '--input',
        input,
        '--target',
        'chargeover',
        '--target-url',
        fake.url,
        '--target-option',
        `currencyIds=${JSON.stringify(DEFAULT_CURRENCY_IDS)}`,
        '--id-map',
        join(dir, 'ids.csv'),
        '--journal',
        join(dir, 'j.ndjson'),
      ];
      const env = { CHARGEOVER_API_KEY: 'pub:priv' };
      const first = io(env);
      expect(await runCli(['migrate', ...common], first, PROVIDERS), first.text()).toBe(0);
      expect(first.text()).toMatch(/checked\s+30\n.*match\s+30/s);

      const records = fake.records as Array<{
        external_key?: string;
        line_items: Array<Record<string, unknown>>;
      }>;
      const planted = records.find((r) => r.external_key === 'inv_12');
      const line = planted?.line_items[0];
      if (!line) throw new Error('inv_12 not on the target');
      line.line_quantity = 3;
      const out = io(env);
      expect(await runCli(['verify', ...common, '--report', join(dir, 'verify.json')], out, PROVIDERS)).toBe(
        4,
      );
      expect(out.text()).toMatch(/differ\s+1\n/);
      expect(out.text()).toMatch(/inv_12 → \d+: lines\[0\]\.amount expected 1024, stored 1536/);
      const json = JSON.parse(await readFile(join(dir, 'verify.json'), 'utf8'));
      expect(json).toMatchObject({ checked: 30, matched: 29 });
      expect(json.mismatches[0]).toMatchObject({
        key: 'inv_12',
        differences: expect.arrayContaining([{ path: 'lines[0].amount', expected: 1024, actual: 1536 }]),
      });
    } finally {
      await fake.close();
    }
  }, 60_000);
});
