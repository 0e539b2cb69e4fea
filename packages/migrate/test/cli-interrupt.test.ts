/**
 * Ctrl-C: the CLI finishes the requests in flight, writes the journal, prints "interrupted: N done,
 * resume with: …" and exits 130; running the printed command ends the migration exactly once, exit 0.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chargeoverFake, DEFAULT_CURRENCY_IDS } from '@billbridge/chargeover/testing';
import { startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import { loadJournal } from '../src/journal';
import { collect, shellSplit, spawnCli } from './helpers/run-cli';

const COUNT = 600;

function lines(path: string): number {
  try {
    return readFileSync(path, 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
}

describe('billbridge migrate and Ctrl-C', () => {
  it('SIGINT: exit 130 with the resume command; that command finishes exactly once with exit 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-sigint-'));
    const input = join(dir, 'invoices.ndjson');
    const rows = Array.from({ length: COUNT }, (_, i) =>
      JSON.stringify({
        id: `legacy_${i}`,
        currency: 'USD',
        customer: { id: 'old-a' },
        lines: [{ description: 'Plan', quantity: 1, unitAmount: 900 + i }],
      }),
    );
    await writeFile(input, `${rows.join('\n')}\n`);
    await writeFile(join(dir, 'ids.csv'), 'kind,source,target\ncustomer,old-a,1\nproduct,*,4\n');
    const fake = await startFake(chargeoverFake);
    const journal = join(dir, 'journal.ndjson');
    const env = { CO_TEST_KEY: 'pub_test:priv_test_secret' };
    try {
      const child = spawnCli(
        [
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
          `currencyIds=${JSON.stringify(DEFAULT_CURRENCY_IDS)}`,
          '--id-map',
          join(dir, 'ids.csv'),
          '--journal',
          journal,
          '--concurrency',
          '4',
          // slow enough to be interrupted half-way
          '--rps',
          '100',
        ],
        env,
      );
      const result = collect(child);
      while (lines(journal) < 200 && child.exitCode === null) await delay(20);
      child.kill('SIGINT');
      const first = await result;
      expect(first.code, first.stderr).toBe(130);
      const match = /interrupted: ([\d,]+) done, resume with: (billbridge migrate .* --resume)\n/.exec(
        first.stderr,
      );
      expect(match, first.stderr).not.toBeNull();
      const done = Number(match?.[1]?.replace(/,/g, ''));
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(COUNT);
      // in-flight creates were answered and journaled: nothing is left pending
      const { state } = await loadJournal(journal);
      expect(state.count('pending')).toBe(0);
      expect(state.count('done')).toBe(done);
      expect(fake.records).toHaveLength(done);

      const words = shellSplit(match?.[2] as string);
      expect(words.slice(0, 2)).toEqual(['billbridge', 'migrate']);
      const second = await collect(spawnCli(words.slice(1), env));
      expect(second.code, second.stderr + second.stdout).toBe(0);
      expect(second.stdout).toMatch(new RegExp(`skipped \\(already migrated\\)\\s+${done}\\b`));
      expect(second.stdout).toMatch(/match\s+600\b/);
      const keys = (fake.records as Array<{ external_key?: string }>).map((r) => r.external_key);
      expect(keys).toHaveLength(COUNT);
      expect(new Set(keys).size).toBe(COUNT);
    } finally {
      await fake.close();
    }
  }, 120_000);
});
