/**
 * The CLI, as a child process, migrating 2,000 invoices into the ChargeOver fake (which
 * this test process runs), killed with SIGKILL at three random points and resumed with --resume each
 * time (the suite's one 10,000-invoice run is in e2e.test.ts). ChargeOver deduplicates by external_key, and its client lists invoices, so unanswered creates are
 * found on the target (reconciled) or safely sent again. The end state: exactly 10,000 invoices, each
 * external key once.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chargeoverFake } from '@billbridge/chargeover/testing';
import { startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import { loadJournal } from '../src/journal';
import { collect, spawnCli } from './helpers/run-cli';

const COUNT = 2_000;

function journalLines(path: string): number {
  try {
    if (statSync(path).size === 0) return 0;
    return readFileSync(path, 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
}

describe('billbridge migrate, killed with SIGKILL three times and resumed', () => {
  it(`ends with exactly ${COUNT} invoices on the target, none duplicated`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-kill-'));
    const input = join(dir, 'invoices.ndjson');
    const rows: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      rows.push(
        JSON.stringify({
          id: `legacy_${i}`,
          number: `L-${i}`,
          currency: 'USD',
          customer: { id: i % 2 ? 'old-cus-a' : 'old-cus-b', email: 'billing@example.com' },
          issuedAt: '2026-02-01T00:00:00Z',
          lines: [
            {
              description: 'Subscription',
              quantity: 1,
              unitAmount: 1000 + (i % 500),
              product: { id: 'old-plan' },
            },
          ],
        }),
      );
    }
    await writeFile(input, `${rows.join('\n')}\n`);
    await writeFile(
      join(dir, 'ids.csv'),
      'kind,source,target\ncustomer,old-cus-a,1\ncustomer,old-cus-b,2\nproduct,old-plan,4\n',
    );
    const fake = await startFake(chargeoverFake);
    const journal = join(dir, 'journal.ndjson');
    const args = (resume: boolean) => [
      'migrate',
      '--input',
      input,
      '--target',
      'chargeover',
      '--target-url',
      fake.url,
      '--target-key-env',
      'CO_TEST_KEY',
      '--target-option',
      'currencyIds={"USD":1}',
      '--id-map',
      join(dir, 'ids.csv'),
      '--journal',
      journal,
      '--concurrency',
      '64',
      '--id-map-out',
      join(dir, 'migrated.csv'),
      ...(resume ? ['--resume'] : []),
    ];
    const env = { CO_TEST_KEY: 'pub_test:priv_test_secret' };
    try {
      let unansweredAtKills = 0;
      for (let kill = 0; kill < 3; kill++) {
        const child = spawnCli(args(kill > 0), env);
        const result = collect(child);
        // kill somewhere in the next stretch of work: after a random number of new journal records
        const before = journalLines(journal);
        const threshold = before + 100 + Math.floor(Math.random() * 800);
        while (journalLines(journal) < threshold && child.exitCode === null) await delay(20);
        child.kill('SIGKILL');
        const { signal, stderr, stdout } = await result;
        expect(signal, `run ${kill + 1} ended before it could be killed:\n${stderr}\n${stdout}`).toBe(
          'SIGKILL',
        );
        const { state } = await loadJournal(journal);
        unansweredAtKills += state.count('pending');
      }
      // the runs were killed while creates were in flight, so reconciliation had work to do
      expect(unansweredAtKills).toBeGreaterThan(0);

      const final = await collect(spawnCli(args(true), env));
      expect(final.code, final.stderr + final.stdout).toBe(0);
      expect(final.stdout).toMatch(/skipped \(already migrated\)/);
      expect(final.stdout + final.stderr).not.toContain('priv_test_secret');

      const records = fake.records as Array<{ external_key?: string }>;
      const keys = records.map((r) => r.external_key);
      expect(records).toHaveLength(COUNT);
      expect(new Set(keys).size).toBe(COUNT);
      expect(keys.every((k) => typeof k === 'string' && k.startsWith('legacy_'))).toBe(true);
      const map = (await readFile(join(dir, 'migrated.csv'), 'utf8')).trim().split('\n');
      expect(map[0]).toBe('source,target');
      expect(map).toHaveLength(COUNT + 1);
    } finally {
      await fake.close();
    }
  }, 600_000);
});
