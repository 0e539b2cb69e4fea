/**
 * The must-show: 20,000 invoices, four worker processes against one PostgreSQL and one target that does
 * not deduplicate (so exactly-once rests on the store and reconciliation alone). One worker is SIGKILLed
 * at a random point, while it has sends in flight, and is not restarted. The three others take over its
 * chunks when its lease runs out and reconcile what it left pending. The end: exactly 20,000 invoices on
 * the target, none twice, every amount the source's, and the run's counts and ids agree with the target.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startFake } from '@billbridge/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from './helpers/postgres';
import { collect } from './helpers/run-cli';
import { spawnStoreWorker } from './helpers/spawn-store-worker';
import { sourceInvoice, type ToyInvoice, toyFake } from './helpers/toy-provider';

const COUNT = 20_000;
const WORKERS = 4;

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

describe('a PostgreSQL run with four worker processes, one SIGKILLed and not restarted', () => {
  it(`creates each of ${COUNT} invoices exactly once`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-pg-kill-'));
    const input = join(dir, 'invoices.ndjson');
    await writeFile(
      input,
      `${Array.from({ length: COUNT }, (_, i) => JSON.stringify(sourceInvoice(i))).join('\n')}\n`,
    );
    const fake = await startFake(toyFake(false));
    const db = new pg.Pool({ connectionString: postgres.url, max: 2 });
    const run = 'kill-test';
    try {
      const workers = Array.from({ length: WORKERS }, () =>
        spawnStoreWorker({
          store: postgres.url,
          run,
          target: fake.url,
          // every worker may be the first: exactly one loads the source, the others join
          input,
          concurrency: 8,
          chunkSize: 50,
          // a sent document has at least half of this to be answered before another worker may take its chunk
          leaseMs: 5_000,
        }),
      );
      const results = workers.map((w) => collect(w));
      const records = () => (fake.records as ToyInvoice[]).length;

      // Kill at a random point between 10% and 70% of the run, a worker caught with sends in flight.
      const threshold = Math.floor(COUNT * (0.1 + Math.random() * 0.6));
      while (records() < threshold) await delay(20);
      const pendingOf = async (pid: number | undefined) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM billbridge_documents d JOIN billbridge_workers w ON w.run_id = d.run_id AND w.worker = d.worker
              WHERE d.run_id = $1 AND d.state = 'pending' AND w.pid = $2`,
            [run, pid],
          )
        ).rows[0]?.n ?? 0;
      // A worker is frozen (SIGSTOP) before its unanswered sends are counted, so none can be settled
      // between the count and the kill; one with none is let go again and another is tried.
      let victim: (typeof workers)[number] | undefined;
      while (!victim) {
        if (workers.every((w) => w.exitCode !== null))
          throw new Error('the run ended before a worker could be killed');
        for (const worker of workers) {
          if (worker.pid === undefined || worker.exitCode !== null) continue;
          worker.kill('SIGSTOP');
          if ((await pendingOf(worker.pid)) >= 2) {
            victim = worker;
            break;
          }
          worker.kill('SIGCONT');
        }
        if (!victim) await delay(5);
      }
      victim.kill('SIGKILL');
      const killedAt = records();
      const victimIndex = workers.indexOf(victim);
      const killed = await results[victimIndex];
      expect(killed?.signal).toBe('SIGKILL');
      // It died with sends unanswered: the others must settle them without creating any twice.
      expect(await pendingOf(victim.pid)).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(COUNT);

      const survivors = await Promise.all(results.filter((_, i) => i !== victimIndex));
      const outputs = survivors.map((s) => {
        expect(s.code, s.stderr).toBe(0);
        return JSON.parse(s.stdout.trim().split('\n').at(-1) ?? '{}') as {
          takenOver: number;
          report: { created: number; reconciled: number };
          counts: Record<string, number>;
        };
      });
      expect(outputs.reduce((n, o) => n + o.takenOver, 0)).toBeGreaterThan(0);

      // The target: exactly COUNT invoices, none twice, every amount the source's.
      const invoices = fake.records as ToyInvoice[];
      expect(invoices).toHaveLength(COUNT);
      const keys = new Set(invoices.map((i) => i.key));
      expect(keys.size).toBe(COUNT);
      for (const invoice of invoices) {
        const i = Number(invoice.key?.replace('src_', ''));
        expect(invoice.lines.map((l) => l.unit)).toEqual([1000 + i]);
      }
      // The run agrees with the target: every document done, each with the id of its own invoice.
      const counts = await db.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM billbridge_documents WHERE run_id = $1 GROUP BY state',
        [run],
      );
      const unsettled = await db.query(
        "SELECT key, state, error FROM billbridge_documents WHERE run_id = $1 AND state <> 'done' LIMIT 5",
        [run],
      );
      expect(counts.rows, JSON.stringify(unsettled.rows)).toEqual([{ state: 'done', n: COUNT }]);
      const ids = await db.query<{ key: string; target_id: string }>(
        'SELECT key, target_id FROM billbridge_documents WHERE run_id = $1',
        [run],
      );
      const byId = new Map(invoices.map((i) => [i.id, i.key]));
      for (const row of ids.rows) expect(byId.get(row.target_id)).toBe(row.key);
      const reconciled = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM billbridge_documents WHERE run_id = $1 AND (how = 'reconciled' OR attempt > 1)`,
        [run],
      );
      expect(reconciled.rows[0]?.n).toBeGreaterThan(0);
      for (const o of outputs) expect(o.counts).toMatchObject({ done: COUNT, pending: 0, todo: 0 });
    } finally {
      await db.end();
      await fake.close();
    }
  }, 300_000);
});
