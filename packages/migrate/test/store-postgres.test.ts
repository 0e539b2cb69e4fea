/**
 * The PostgreSQL run store against a real PostgreSQL (a throwaway cluster, see helpers/postgres.ts):
 * loading once, workers sharing a run, a dead worker's chunk taken over and reconciled, the shared rate
 * budget, and the status view.
 */
import { startFake } from '@billbridge/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSource } from '../src/store/load-source';
import { migrateWithStore } from '../src/store/migrate-with-store';
import { StoreError } from '../src/store/postgres/connect';
import { PostgresRateBudget } from '../src/store/postgres/rate-budget';
import { PostgresRunStore } from '../src/store/postgres/store';
import { runWorker } from '../src/store/worker';
import { startPostgres, type TestPostgres } from './helpers/postgres';
import {
  customerMap,
  sourceInvoice,
  type ToyInvoice,
  toyAdapter,
  toyClient,
  toyFake,
} from './helpers/toy-provider';

let postgres: TestPostgres;
let admin: pg.Pool;
beforeAll(async () => {
  postgres = await startPostgres();
  admin = new pg.Pool({ connectionString: postgres.url, max: 2 });
}, 60_000);
afterAll(async () => {
  await admin?.end();
  await postgres?.stop();
});

let runs = 0;
const runId = () => `test-${process.pid}-${++runs}`;
const docs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => sourceInvoice(from + i));

async function toyTarget() {
  const adapter = toyAdapter(false);
  const fake = await startFake(toyFake(false));
  return {
    adapter,
    fake,
    client: toyClient(adapter, fake.url),
    invoices: () => fake.records as ToyInvoice[],
  };
}

function expectExactlyOnce(invoices: ToyInvoice[], count: number) {
  const keys = invoices.map((i) => i.key);
  expect(invoices).toHaveLength(count);
  expect(new Set(keys).size).toBe(count);
  for (const invoice of invoices) {
    const i = Number(invoice.key?.replace('src_', ''));
    // every amount equal to the source's
    expect(invoice.lines.map((l) => l.unit)).toEqual([1000 + i]);
  }
}

describe('PostgreSQL run store', { timeout: 120_000 }, () => {
  it('loads the source once and migrates it with one worker; the run counts agree with the target', async () => {
    const t = await toyTarget();
    try {
      const source = docs(250);
      source.push({ ...sourceInvoice(3) }); // the same id twice: loaded as failed, sent once
      source.push({ id: 'bad', currency: 'USD', lines: [] }); // unreadable: no customer
      const run = runId();
      const result = await migrateWithStore({
        store: postgres.url,
        run,
        source: { kind: 'documents', documents: source },
        target: { adapter: t.adapter, client: t.client },
        idMaps: { customers: customerMap },
        chunkSize: 16,
        concurrency: 4,
      });
      expect(result.created).toBe(true);
      expect(result.run.total).toBe(252);
      expectExactlyOnce(t.invoices(), 250);
      expect(result.status.counts).toMatchObject({ done: 250, failed: 2, todo: 0, pending: 0, ambiguous: 0 });
      expect(result.report.created).toBe(250);
      expect(result.report.read).toBe(252);
      expect(result.report.failed).toBeGreaterThanOrEqual(1);
      expect(result.idMap.size).toBe(250);
      const ids = new Set(t.invoices().map((i) => i.id));
      for (const id of result.idMap.values()) expect(ids.has(id)).toBe(true);
      expect(result.status.chunks).toMatchObject({ todo: 0, claimed: 0 });

      // Joining a finished run sends nothing more.
      const again = await migrateWithStore({
        store: postgres.url,
        run,
        target: { adapter: t.adapter, client: t.client },
      });
      expect(again.created).toBe(false);
      expect(again.report.created).toBe(0);
      expect(t.invoices()).toHaveLength(250);
    } finally {
      await t.fake.close();
    }
  });

  it('lets three workers share one run: every document created once, the work spread', async () => {
    const t = await toyTarget();
    try {
      const run = runId();
      const common = {
        store: postgres.url,
        run,
        target: { adapter: t.adapter, client: t.client },
        idMaps: { customers: customerMap },
        chunkSize: 10,
        concurrency: 3,
      };
      const source = { kind: 'documents' as const, documents: docs(600) };
      // All three are given the source: exactly one loads it, the others wait for it and join.
      const results = await Promise.all([
        migrateWithStore({ ...common, source }),
        migrateWithStore({ ...common, source }),
        migrateWithStore({ ...common, source }),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expectExactlyOnce(t.invoices(), 600);
      expect(results.reduce((n, r) => n + r.report.created, 0)).toBe(600);
      for (const r of results) expect(r.status.counts.done).toBe(600);
      expect(results.every((r) => r.report.created > 0)).toBe(true);
    } finally {
      await t.fake.close();
    }
  });

  it("takes over a dead worker's chunk after its lease and reconciles what it left pending", async () => {
    const t = await toyTarget();
    const run = runId();
    const leaseMs = 1_500;
    const dead = await PostgresRunStore.connect(postgres.url, run, 2);
    try {
      await dead.open({ runId: run, target: 'whop', options: 'x', chunkSize: 5, leaseMs }, () =>
        loadSource({
          source: { kind: 'documents', documents: docs(20) },
          adapter: t.adapter,
          idMaps: { customers: customerMap },
        }),
      );
      await dead.startWorker({ id: 'dead', host: 'h', pid: 1 });
      const first = await dead.claim();
      if (first.kind !== 'claimed') throw new Error('expected a claim');
      const [a, b, c] = first.claim.documents;
      if (!a || !b || !c) throw new Error('expected documents');
      // a: sent and answered, but the answer never recorded; b: marked pending, never sent; c: untouched.
      expect(await dead.markPending(first.claim, a)).toBe(1);
      expect(await dead.markPending(first.claim, b)).toBe(1);
      await t.client.create(a.doc);
      // The worker dies: no more heartbeats, nothing released.
      await dead.close();

      const store = await PostgresRunStore.connect(postgres.url, run, 4);
      try {
        await store.open({ runId: run, target: 'whop', options: 'x', chunkSize: 5, leaseMs }, undefined);
        const result = await runWorker({
          store,
          client: t.client,
          adapter: t.adapter,
          concurrency: 2,
          workerId: 'alive',
        });
        expect(result.takenOver).toBe(1);
        // a was found on the target by its key, b proven absent by the listing and sent
        expect(result.report.reconciled).toBe(1);
        expect(result.report.created).toBe(19);
        expectExactlyOnce(t.invoices(), 20);
        const status = await store.status();
        expect(status.counts).toMatchObject({ done: 20, pending: 0, todo: 0 });
        const how = await admin.query(
          `SELECT key, how, attempt FROM billbridge_documents WHERE run_id = $1 AND key IN ($2, $3) ORDER BY key`,
          [run, a.key, b.key],
        );
        expect(how.rows).toEqual([
          { key: a.key, how: 'reconciled', attempt: 1 },
          { key: b.key, how: 'created', attempt: 2 },
        ]);
        expect(status.workers.find((w) => w.worker === 'dead')?.alive).toBe(false);
      } finally {
        await store.close();
      }
    } finally {
      await t.fake.close();
    }
  });

  it('refuses a stale send: a worker whose chunk was taken over cannot mark pending or overwrite an answer', async () => {
    const run = runId();
    const t = await toyTarget();
    const one = await PostgresRunStore.connect(postgres.url, run, 2);
    const two = await PostgresRunStore.connect(postgres.url, run, 2);
    try {
      const definition = { runId: run, target: 'whop', options: 'x', chunkSize: 10, leaseMs: 400 };
      await one.open(definition, () =>
        loadSource({
          source: { kind: 'documents', documents: docs(10) },
          adapter: t.adapter,
          idMaps: { customers: customerMap },
        }),
      );
      await two.open(definition, undefined);
      await one.startWorker({ id: 'one', host: 'h', pid: 1 });
      await two.startWorker({ id: 'two', host: 'h', pid: 2 });
      const claim = await one.claim();
      if (claim.kind !== 'claimed') throw new Error('expected a claim');
      const [doc] = claim.claim.documents;
      if (!doc) throw new Error('expected a document');
      const attempt = await one.markPending(claim.claim, doc);
      expect(attempt).toBe(1);
      await one.stopWorker(); // heartbeats stop: the lease runs out
      let taken: Awaited<ReturnType<typeof two.claim>>;
      do {
        taken = await two.claim();
        if (taken.kind === 'wait')
          await new Promise((r) => setTimeout(r, taken.kind === 'wait' ? taken.ms : 0));
      } while (taken.kind === 'wait');
      if (taken.kind !== 'claimed') throw new Error('expected a takeover');
      expect(taken.claim.previousOwner).toBe('one');
      // The old holder can send nothing more from it.
      const other = claim.claim.documents[1];
      if (!other) throw new Error('expected a second document');
      expect(await one.markPending(claim.claim, other)).toBeUndefined();
      // The new holder re-sends the pending document (attempt 2); the old answer no longer lands.
      const pending = taken.claim.documents.find((d) => d.seq === doc.seq);
      if (!pending) throw new Error('expected the pending document in the takeover');
      expect(await two.markPending(taken.claim, pending)).toBe(2);
      expect(
        await one.record(claim.claim, doc, 1, { state: 'done', how: 'created', targetId: 'stale' }),
      ).toBe(false);
      expect(
        await two.record(taken.claim, pending, 2, { state: 'done', how: 'created', targetId: 'fresh' }),
      ).toBe(true);
      const row = await admin.query(
        'SELECT target_id FROM billbridge_documents WHERE run_id = $1 AND seq = $2',
        [run, doc.seq],
      );
      expect(row.rows[0]?.target_id).toBe('fresh');
    } finally {
      await one.close();
      await two.close();
      await t.fake.close();
    }
  });

  it('refuses a worker started for another target or options, and a run that does not exist without a source', async () => {
    const t = await toyTarget();
    try {
      const run = runId();
      await migrateWithStore({
        store: postgres.url,
        run,
        source: { kind: 'documents', documents: docs(3) },
        target: { adapter: t.adapter, client: t.client, url: t.fake.url },
        idMaps: { customers: customerMap },
      });
      await expect(
        migrateWithStore({
          store: postgres.url,
          run,
          target: { adapter: t.adapter, client: t.client, url: 'http://elsewhere.example' },
        }),
      ).rejects.toThrow(
        /migrates to whop http:\/\/127\.0\.0\.1.*this worker was started for whop http:\/\/elsewhere/,
      );
      await expect(
        migrateWithStore({
          store: postgres.url,
          run: `${run}-missing`,
          target: { adapter: t.adapter, client: t.client },
        }),
      ).rejects.toSatisfy(
        (e: unknown) => e instanceof StoreError && /does not exist.*--input/.test(e.message),
      );
    } finally {
      await t.fake.close();
    }
  });

  it('shares one rate budget: tokens at the configured rate, a 429 pauses every worker', async () => {
    const run = runId();
    const store = await PostgresRunStore.connect(postgres.url, run, 2);
    try {
      await store.open(
        { runId: run, target: 'whop', options: 'x', chunkSize: 10, leaseMs: 5_000, rps: 4 },
        async function* () {},
      );
      // Sleeping advances the bucket's clock instead of waiting: the waits asked for are the measure.
      const waits: number[] = [];
      const sleep = async (ms: number) => {
        waits.push(ms);
        await admin.query(
          `UPDATE billbridge_rate SET refilled_at = refilled_at - $2 * interval '1 millisecond',
                  not_before = not_before - $2 * interval '1 millisecond' WHERE run_id = $1`,
          [run, ms],
        );
      };
      const workerA = new PostgresRateBudget(admin, run, sleep);
      const workerB = new PostgresRateBudget(admin, run, sleep);
      // a burst of one second's worth (4), shared by both workers; then one token per 250 ms
      for (let i = 0; i < 4; i++) await (i % 2 ? workerA : workerB).take();
      expect(waits).toEqual([]);
      await workerA.take();
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(150);
      expect(waits[0]).toBeLessThanOrEqual(250);

      // A 429 seen by A (Retry-After 2 s) pauses B too, and halves the shared rate.
      waits.length = 0;
      expect(await workerA.rateLimited(2_000)).toBe(2_000);
      await workerB.take();
      expect(waits[0]).toBeGreaterThan(1_800);
      expect(waits[0]).toBeLessThanOrEqual(2_000);
      const halved = await admin.query('SELECT rate, backoffs FROM billbridge_rate WHERE run_id = $1', [run]);
      expect(halved.rows[0]).toEqual({ rate: 2, backoffs: 1 });
      // Without Retry-After the pause doubles with each 429 in a row: 250, 500 ms.
      expect(await workerB.rateLimited()).toBe(500);
      // Answers let the rate climb back towards the limit.
      await workerA.take();
      await workerA.succeeded();
      const recovered = await admin.query('SELECT rate, consecutive FROM billbridge_rate WHERE run_id = $1', [
        run,
      ]);
      expect(recovered.rows[0].consecutive).toBe(0);
      expect(recovered.rows[0].rate).toBeCloseTo(1 + 4 / 50);
    } finally {
      await store.close();
    }
  });

  it("puts every 429 in the run's shared budget: each throttled document re-sent once the pause is over", async () => {
    const t = await toyTarget();
    try {
      const run = runId();
      (t.fake.state as { throttleNext: number }).throttleNext = 5;
      // No transport retries: every 429 reaches the worker.
      const client = toyClient(t.adapter, t.fake.url, 0);
      const common = {
        store: postgres.url,
        run,
        target: { adapter: t.adapter, client },
        idMaps: { customers: customerMap },
        chunkSize: 10,
        concurrency: 2,
      };
      const source = { kind: 'documents' as const, documents: docs(60) };
      const results = await Promise.all([
        migrateWithStore({ ...common, source }),
        migrateWithStore({ ...common, source }),
      ]);
      expectExactlyOnce(t.invoices(), 60);
      expect(results.reduce((n, r) => n + r.report.rateLimited, 0)).toBe(5);
      const budget = await admin.query('SELECT backoffs FROM billbridge_rate WHERE run_id = $1', [run]);
      expect(budget.rows[0]?.backoffs).toBe(5);
      expect(results[0]?.status.rateLimit.backoffs).toBe(5);
    } finally {
      await t.fake.close();
    }
  });

  it('pauses a worker of an unlimited run for a 429 another worker saw', async () => {
    const run = runId();
    const store = await PostgresRunStore.connect(postgres.url, run, 2);
    try {
      await store.open(
        { runId: run, target: 'whop', options: 'x', chunkSize: 10, leaseMs: 5_000 },
        async function* () {},
      );
      const waits: number[] = [];
      const sleep = async (ms: number) => {
        waits.push(ms);
        await admin.query(
          `UPDATE billbridge_rate SET not_before = not_before - $2 * interval '1 millisecond' WHERE run_id = $1`,
          [run, ms],
        );
      };
      const seen = new PostgresRateBudget(admin, run, sleep);
      const other = new PostgresRateBudget(admin, run, sleep);
      await other.take();
      expect(waits).toEqual([]);
      expect(await seen.rateLimited(1_500)).toBe(1_500);
      await new PostgresRateBudget(admin, run, sleep).take();
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(1_300);
      expect(waits[0]).toBeLessThanOrEqual(1_500);
      const row = await admin.query('SELECT rate, backoffs FROM billbridge_rate WHERE run_id = $1', [run]);
      expect(row.rows[0]).toEqual({ rate: null, backoffs: 1 });
    } finally {
      await store.close();
    }
  });

  it('claims one chunk per claim, whatever plan the planner picks (stale statistics invite a rescanning join)', async () => {
    const t = await toyTarget();
    const run = runId();
    // Statistics taken before this run's chunks exist make its chunk scan look like one row: the plan that
    // once rescanned the pick per row and claimed every chunk in one statement.
    const prior = await PostgresRunStore.connect(postgres.url, `${run}-prior`, 2);
    await prior.open(
      { runId: `${run}-prior`, target: 'whop', options: 'x', chunkSize: 1, leaseMs: 5_000 },
      () =>
        loadSource({
          source: { kind: 'documents', documents: docs(30) },
          adapter: t.adapter,
          idMaps: { customers: customerMap },
        }),
    );
    await prior.close();
    await admin.query('ANALYZE billbridge_chunks');
    const store = await PostgresRunStore.connect(postgres.url, run, 2);
    try {
      await store.open({ runId: run, target: 'whop', options: 'x', chunkSize: 1, leaseMs: 5_000 }, () =>
        loadSource({
          source: { kind: 'documents', documents: docs(40) },
          adapter: t.adapter,
          idMaps: { customers: customerMap },
        }),
      );
      await store.startWorker({ id: 'one', host: 'h', pid: 1 });
      const first = await store.claim();
      expect(first.kind).toBe('claimed');
      const held = await admin.query(
        "SELECT count(*)::int AS n FROM billbridge_chunks WHERE run_id = $1 AND state = 'claimed'",
        [run],
      );
      expect(held.rows[0]?.n).toBe(1);
    } finally {
      await store.close();
      await t.fake.close();
    }
  });
});
