/**
 * The CLI on a run kept in PostgreSQL, against the ChargeOver fake: the first `migrate --store` loads
 * the source and prints the command for more workers; a second worker started with exactly that command
 * (no source) joins; `status`, `verify` and `reconcile` work on the run.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chargeoverFake } from '@billbridge/chargeover/testing';
import { startFake } from '@billbridge/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from './helpers/postgres';
import { collect, runCli, shellSplit, spawnCli } from './helpers/run-cli';

const COUNT = 600;

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

describe('billbridge migrate --store postgres://', () => {
  it('runs two workers from the printed command; status, verify and reconcile read the run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-pg-cli-'));
    const input = join(dir, 'invoices.ndjson');
    const rows = Array.from({ length: COUNT }, (_, i) =>
      JSON.stringify({
        id: `legacy_${i}`,
        number: `L-${i}`,
        currency: 'USD',
        customer: { id: 'old-cus', email: 'billing@example.com' },
        issuedAt: '2026-02-01T00:00:00Z',
        lines: [{ description: 'Plan', quantity: 1, unitAmount: 1000 + i, product: { id: 'old-plan' } }],
      }),
    );
    await writeFile(input, `${rows.join('\n')}\n`);
    await writeFile(join(dir, 'ids.csv'), 'kind,source,target\ncustomer,old-cus,1\nproduct,old-plan,4\n');
    const fake = await startFake(chargeoverFake);
    const env = { CO_TEST_KEY: 'pub_test:priv_test_secret' };
    const target = [
      '--target',
      'chargeover',
      '--target-url',
      fake.url,
      '--target-key-env',
      'CO_TEST_KEY',
      '--target-option',
      'currencyIds={"USD":1}',
    ];
    const db = new pg.Pool({ connectionString: postgres.url, max: 1 });
    try {
      const first = spawnCli(
        [
          'migrate',
          '--input',
          input,
          ...target,
          '--id-map',
          join(dir, 'ids.csv'),
          '--store',
          postgres.url,
          '--run',
          'march',
          '--concurrency',
          '4',
          '--chunk-size',
          '20',
          '--lease',
          '5',
          '--id-map-out',
          join(dir, 'migrated.csv'),
        ],
        env,
      );
      let stderr = '';
      first.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const firstResult = collect(first);
      while (!/Start more workers[^\n]*\n {2}billbridge [^\n]+\n/.test(stderr) && first.exitCode === null)
        await delay(20);
      const line = /Start more workers[^\n]*\n {2}billbridge ([^\n]+)\n/.exec(stderr)?.[1];
      expect(line, stderr).toBeDefined();
      expect(stderr).toMatch(/Created run march .*: 600 documents/);
      const printed = shellSplit(line as string);
      expect(printed).not.toContain('--input');
      expect(printed).toEqual(
        expect.arrayContaining(['--run', 'march', '--target-option', 'currencyIds={"USD":1}']),
      );
      // The second worker: exactly the printed command.
      const second = await runCli(printed, env);
      const done = await firstResult;
      expect(done.code, stderr + done.stdout).toBe(0);
      expect(second.code, second.stderr + second.stdout).toBe(0);
      expect(second.stderr).toMatch(/Joined run march/);
      expect(done.stdout + done.stderr + second.stdout + second.stderr).not.toContain('priv_test_secret');
      expect(done.stdout).toMatch(/done\s+600/);
      expect(done.stdout).toMatch(/match\s+600/);

      const records = fake.records as Array<{ external_key?: string; total?: number }>;
      expect(records).toHaveLength(COUNT);
      expect(new Set(records.map((r) => r.external_key)).size).toBe(COUNT);

      const status = await runCli(['status', '--store', postgres.url, '--run', 'march', '--json']);
      expect(status.code, status.stderr).toBe(0);
      const parsed = JSON.parse(status.stdout) as {
        counts: Record<string, number>;
        workers: Array<{ alive: boolean }>;
      };
      expect(parsed.counts).toMatchObject({ done: COUNT, todo: 0, pending: 0, failed: 0, ambiguous: 0 });
      expect(parsed.workers).toHaveLength(2);
      expect(parsed.workers.every((w) => !w.alive)).toBe(true);
      const text = await runCli(['status', '--store', postgres.url, '--run', 'march']);
      expect(text.stdout).toMatch(/workers alive: 0 of 2/);

      const verify = await runCli(['verify', '--store', postgres.url, '--run', 'march', ...target], env);
      expect(verify.code, verify.stderr + verify.stdout).toBe(0);
      expect(verify.stdout).toMatch(/match\s+600/);

      // Two documents whose answers were "lost": reconcile finds both on the target, sends nothing.
      await db.query(
        "UPDATE billbridge_documents SET state = 'ambiguous', error = 'timed out' WHERE run_id = 'march' AND key IN ('legacy_7', 'legacy_8')",
      );
      const reconcile = await runCli(
        ['reconcile', '--store', postgres.url, '--run', 'march', ...target],
        env,
      );
      expect(reconcile.code, reconcile.stderr + reconcile.stdout).toBe(0);
      expect(reconcile.stdout).toMatch(/created \(found on the target\)\s+2/);
      const after = await db.query(
        "SELECT count(*)::int AS n FROM billbridge_documents WHERE run_id = 'march' AND state = 'done'",
      );
      expect(after.rows[0]?.n).toBe(COUNT);
      expect(fake.records).toHaveLength(COUNT);

      const missing = await runCli(['status', '--store', postgres.url, '--run', 'nope']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/run "nope" does not exist/);
    } finally {
      await db.end();
      await fake.close();
    }
  }, 180_000);
});
