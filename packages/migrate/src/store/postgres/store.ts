import type { Pool } from 'pg';
import type {
  ChunkClaim,
  ClaimResult,
  DocumentState,
  DoneDocument,
  LoadItem,
  Outcome,
  RunDefinition,
  RunInfo,
  RunStatus,
  RunStore,
  SearchFacts,
  StoredDocument,
} from '../run-store';
import { openPool, redactUrl, retryTransient, StoreError, transaction } from './connect';
import { loadDocuments } from './load';
import { PostgresRateBudget } from './rate-budget';
import { createSchema } from './schema';
import { readStatus } from './status';

interface DocumentRow {
  seq: number;
  key: string;
  state: DocumentState;
  doc: StoredDocument['doc'];
  external_id: string | null;
  number: string | null;
  facts: SearchFacts | null;
  attempt: number;
  error: string | null;
}

const DOCUMENT_COLUMNS = 'seq, key, state, doc, external_id, number, facts, attempt, error';

function toStored(row: DocumentRow): StoredDocument {
  return {
    seq: row.seq,
    key: row.key,
    state: row.state,
    doc: row.doc,
    attempt: row.attempt,
    ...(row.external_id === null ? {} : { externalId: row.external_id }),
    ...(row.number === null ? {} : { number: row.number }),
    ...(row.facts === null ? {} : { facts: row.facts }),
    ...(row.error === null ? {} : { error: row.error }),
  };
}

function outcomeColumns(outcome: Outcome) {
  return {
    state: outcome.state,
    targetId: outcome.state === 'done' ? (outcome.targetId ?? null) : null,
    how: outcome.state === 'done' ? outcome.how : null,
    error: outcome.state === 'done' ? (outcome.mismatch ?? null) : outcome.error,
    warnings: JSON.stringify(outcome.state === 'done' ? (outcome.warnings ?? []) : []),
  };
}

/**
 * A run's state in PostgreSQL. Every coordination step is one statement (or one short transaction):
 * chunks are claimed with `FOR UPDATE SKIP LOCKED` under a lease the heartbeat extends; a document is
 * marked pending only while its chunk's lease has at least half its length left; an outcome is written
 * with its chunk's progress in the same statement, fenced by the document's attempt number.
 */
export class PostgresRunStore implements RunStore {
  readonly label: string;
  private worker: string | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private info: RunInfo | undefined;
  /** The chunks this worker holds (chunk → claim): only these are kept alive by the heartbeat. */
  private readonly held = new Map<number, number>();
  readonly rate: PostgresRateBudget;

  private constructor(
    private readonly pool: Pool,
    url: string,
    readonly runId: string,
  ) {
    this.label = redactUrl(url);
    this.rate = new PostgresRateBudget(pool, runId);
  }

  /** Connects (loading the `pg` driver on first use). `connections` bounds this process's pool. */
  static async connect(url: string, runId: string, connections = 8): Promise<PostgresRunStore> {
    if (!/^[\w.:-]{1,100}$/.test(runId))
      throw new StoreError(
        `run id "${runId}" is not usable: use 1-100 letters, digits, dots, colons, dashes or underscores.`,
      );
    return new PostgresRunStore(await openPool(url, connections), url, runId);
  }

  private get leaseMs(): number {
    if (!this.info) throw new StoreError('the run is not open');
    return this.info.leaseMs;
  }

  async open(
    definition: RunDefinition,
    load: (() => AsyncIterable<LoadItem>) | undefined,
  ): Promise<{ run: RunInfo; created: boolean }> {
    await transaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('billbridge schema', 0))`);
      await createSchema(client);
    });
    const result = await transaction(this.pool, async (client) => {
      // One loader per run: the others wait here until it commits, then join.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `billbridge run ${this.runId}`,
      ]);
      const existing = await readRun(client, this.runId);
      if (existing) {
        if (existing.target !== definition.target || existing.options !== definition.options)
          throw new StoreError(
            `run "${this.runId}" in ${this.label} migrates to ${existing.target} with options ${existing.options}; this worker was started for ${definition.target} with options ${definition.options}. Start it with the same target, URL, options and id maps, or use another --run.`,
          );
        if (definition.rps !== undefined && definition.rps !== existing.rps) {
          // The limit is the run's, not the worker's: the last one given applies to every worker.
          await client.query(
            'UPDATE billbridge_rate SET limit_rps = $2::float8, rate = $2::float8 WHERE run_id = $1',
            [this.runId, definition.rps],
          );
        }
        return {
          run: { ...existing, ...(definition.rps === undefined ? {} : { rps: definition.rps }) },
          created: false,
        };
      }
      if (!load)
        throw new StoreError(
          `run "${this.runId}" does not exist in ${this.label}. The first process of a run loads the source: give it --input (or --source) as well.`,
        );
      await client.query(
        `INSERT INTO billbridge_runs (run_id, target, options, source, total, chunk_size, lease_ms)
         VALUES ($1, $2, $3, $4, 0, $5, $6)`,
        [
          this.runId,
          definition.target,
          definition.options,
          definition.source ?? null,
          definition.chunkSize,
          definition.leaseMs,
        ],
      );
      await client.query(
        `INSERT INTO billbridge_rate (run_id, limit_rps, rate, tokens) VALUES ($1, $2::float8, $2::float8, GREATEST(1, COALESCE($2::float8, 1)))`,
        [this.runId, definition.rps ?? null],
      );
      const total = await loadDocuments(client, this.runId, definition.chunkSize, load());
      await client.query('UPDATE billbridge_runs SET total = $2 WHERE run_id = $1', [this.runId, total]);
      const run = await readRun(client, this.runId);
      return { run: run as RunInfo, created: true };
    });
    this.info = result.run;
    return result;
  }

  /** Opens a run that exists (status, verify, reconcile): nothing to check, nothing to load. */
  async attach(): Promise<RunInfo> {
    let run: RunInfo | undefined;
    try {
      run = await readRun(this.pool, this.runId);
    } catch (error) {
      // No tables yet: no run was ever started in this database.
      if ((error as { code?: string }).code !== '42P01') throw error;
    }
    if (!run) throw new StoreError(`run "${this.runId}" does not exist in ${this.label}.`);
    this.info = run;
    return run;
  }

  async startWorker(worker: { id: string; host: string; pid: number }): Promise<void> {
    this.worker = worker.id;
    await this.pool.query(
      `INSERT INTO billbridge_workers (run_id, worker, host, pid) VALUES ($1, $2, $3, $4)
       ON CONFLICT (run_id, worker) DO UPDATE SET heartbeat_at = clock_timestamp(), stopped_at = NULL`,
      [this.runId, worker.id, worker.host, worker.pid],
    );
    const every = Math.max(100, Math.floor(this.leaseMs / 6));
    this.heartbeat = setInterval(() => {
      this.beat().catch(() => {
        // A missed beat is retried by the next; a lease that runs out stops this worker's sends.
      });
    }, every);
    this.heartbeat.unref();
  }

  /**
   * Keeps this worker alive and extends the leases of the chunks it holds — only those it knows it
   * holds, so a claim it lost track of runs out and is taken over instead of being kept forever.
   */
  async beat(): Promise<void> {
    const chunks = [...this.held.keys()];
    const claims = chunks.map((c) => this.held.get(c) as number);
    await retryTransient(() =>
      this.pool.query(
        `WITH w AS (
           UPDATE billbridge_workers SET heartbeat_at = clock_timestamp() WHERE run_id = $1 AND worker = $2
         )
         UPDATE billbridge_chunks c SET lease_until = clock_timestamp() + $3 * interval '1 millisecond'
           FROM unnest($4::int[], $5::int[]) AS h(chunk, claims)
          WHERE c.run_id = $1 AND c.owner = $2 AND c.state = 'claimed' AND c.chunk = h.chunk AND c.claims = h.claims`,
        [this.runId, this.worker, this.leaseMs, chunks, claims],
      ),
    );
  }

  async stopWorker(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    if (this.worker === undefined) return;
    await this.pool.query(
      'UPDATE billbridge_workers SET stopped_at = clock_timestamp() WHERE run_id = $1 AND worker = $2',
      [this.runId, this.worker],
    );
  }

  async claim(): Promise<ClaimResult> {
    if (this.worker === undefined) throw new StoreError('startWorker() first: a claim names its worker.');
    const claimed = await retryTransient(() =>
      this.pool.query<{ chunk: number; claims: number; previous_owner: string | null }>(
        // The pick is a materialized CTE: evaluated once. (As a subquery in UPDATE … FROM, the planner may
        // rescan it per row — each rescan skipping the rows just locked — and claim many chunks at once.)
        `WITH p AS MATERIALIZED (
           SELECT chunk, owner FROM billbridge_chunks
            WHERE run_id = $1 AND (state = 'todo' OR (state = 'claimed' AND lease_until < clock_timestamp()))
            ORDER BY state, chunk
            LIMIT 1 FOR UPDATE SKIP LOCKED
         )
         UPDATE billbridge_chunks c
            SET state = 'claimed', owner = $2, claims = c.claims + 1,
                lease_until = clock_timestamp() + $3 * interval '1 millisecond'
           FROM p
          WHERE c.run_id = $1 AND c.chunk = p.chunk
        RETURNING c.chunk, c.claims, p.owner AS previous_owner`,
        [this.runId, this.worker, this.leaseMs],
      ),
    );
    const row = claimed.rows[0];
    if (row) {
      this.held.set(row.chunk, row.claims);
      const docs = await this.pool.query<DocumentRow>(
        `SELECT ${DOCUMENT_COLUMNS} FROM billbridge_documents
          WHERE run_id = $1 AND chunk = $2 AND state IN ('todo', 'pending') ORDER BY seq`,
        [this.runId, row.chunk],
      );
      return {
        kind: 'claimed',
        claim: {
          chunk: row.chunk,
          claim: row.claims,
          ...(row.previous_owner === null || row.previous_owner === this.worker
            ? {}
            : { previousOwner: row.previous_owner }),
          documents: docs.rows.map(toStored),
        },
      };
    }
    const held = await this.pool.query<{ held: number; next_ms: number | null }>(
      `SELECT count(*)::int AS held,
              (EXTRACT(EPOCH FROM (min(lease_until) - clock_timestamp())) * 1000)::float8 AS next_ms
         FROM billbridge_chunks WHERE run_id = $1 AND state = 'claimed'`,
      [this.runId],
    );
    const { held: count, next_ms } = held.rows[0] ?? { held: 0, next_ms: null };
    if (count === 0) return { kind: 'finished' };
    // Look again when the first lease could run out, and at least 4 times a second (chunks finish meanwhile).
    const poll = Math.max(50, Math.min(next_ms ?? this.leaseMs, this.leaseMs / 4, 250));
    return { kind: 'wait', ms: Math.ceil(poll) };
  }

  async markPending(claim: ChunkClaim, doc: StoredDocument): Promise<number | undefined> {
    const { rows } = await retryTransient(() =>
      this.pool.query<{ attempt: number }>({
        name: 'billbridge_mark_pending',
        text: `UPDATE billbridge_documents d
          SET state = 'pending', attempt = d.attempt + 1, worker = $3, error = NULL, updated_at = clock_timestamp()
        WHERE d.run_id = $1 AND d.seq = $2 AND d.attempt = $4 AND d.state IN ('todo', 'pending')
          AND EXISTS (SELECT 1 FROM billbridge_chunks c
                       WHERE c.run_id = $1 AND c.chunk = $5 AND c.owner = $3 AND c.claims = $6 AND c.state = 'claimed'
                         AND c.lease_until > clock_timestamp() + $7 * interval '1 millisecond')
        RETURNING d.attempt`,
        values: [this.runId, doc.seq, this.worker, doc.attempt, claim.chunk, claim.claim, this.leaseMs / 2],
      }),
    );
    return rows[0]?.attempt;
  }

  async record(_claim: ChunkClaim, doc: StoredDocument, attempt: number, outcome: Outcome): Promise<boolean> {
    // The answer is the truth whoever holds the chunk now: it is written if nobody has sent the document
    // again since (the attempt fence), with the chunk's progress, in one statement. Rows are locked in one
    // order everywhere (document, then chunk; the heartbeat takes worker, then chunks) so no two
    // statements can deadlock.
    const o = outcomeColumns(outcome);
    const { rows } = await retryTransient(() =>
      this.pool.query<{ recorded: boolean }>({
        name: 'billbridge_record',
        text: `WITH d AS (
         UPDATE billbridge_documents
            SET state = $4, target_id = COALESCE($5, target_id), how = $6, error = $7,
                warnings = warnings || $8::jsonb, updated_at = clock_timestamp()
          WHERE run_id = $1 AND seq = $2 AND attempt = $3 AND state = 'pending'
          RETURNING chunk
       ), c AS (
         UPDATE billbridge_chunks SET settled = settled + 1
          WHERE run_id = $1 AND chunk IN (SELECT chunk FROM d) AND $4 <> 'todo'
       )
       SELECT EXISTS (SELECT 1 FROM d) AS recorded`,
        values: [this.runId, doc.seq, attempt, o.state, o.targetId, o.how, o.error, o.warnings],
      }),
    );
    return rows[0]?.recorded === true;
  }

  async release(claim: ChunkClaim): Promise<void> {
    if (this.held.get(claim.chunk) === claim.claim) this.held.delete(claim.chunk);
    await retryTransient(() =>
      this.pool.query(
        `UPDATE billbridge_chunks c
          SET state = CASE WHEN EXISTS (SELECT 1 FROM billbridge_documents d
                                         WHERE d.run_id = $1 AND d.chunk = $2 AND d.state IN ('todo', 'pending'))
                           THEN 'todo' ELSE 'done' END,
              lease_until = NULL
        WHERE c.run_id = $1 AND c.chunk = $2 AND c.owner = $3 AND c.claims = $4 AND c.state = 'claimed'`,
        [this.runId, claim.chunk, this.worker, claim.claim],
      ),
    );
  }

  async status(): Promise<RunStatus> {
    return readStatus(this.pool, this.runId);
  }

  async *done(): AsyncIterable<DoneDocument> {
    let after = -1;
    for (;;) {
      const { rows } = await this.pool.query<{
        seq: number;
        key: string;
        target_id: string;
        doc: DoneDocument['doc'];
      }>(
        `SELECT seq, key, target_id, doc FROM billbridge_documents
          WHERE run_id = $1 AND state = 'done' AND target_id IS NOT NULL AND seq > $2 ORDER BY seq LIMIT 1000`,
        [this.runId, after],
      );
      for (const row of rows) yield { key: row.key, targetId: row.target_id, doc: row.doc };
      const last = rows.at(-1);
      if (!last) return;
      after = last.seq;
    }
  }

  async recentDone(
    limit: number,
  ): Promise<Array<{ key: string; targetId: string; externalId?: string; number?: string }>> {
    const { rows } = await this.pool.query<{
      key: string;
      target_id: string;
      external_id: string | null;
      number: string | null;
    }>(
      `SELECT key, target_id, external_id, number FROM billbridge_documents
        WHERE run_id = $1 AND state = 'done' AND target_id IS NOT NULL ORDER BY updated_at DESC LIMIT $2`,
      [this.runId, limit],
    );
    return rows.map((r) => ({
      key: r.key,
      targetId: r.target_id,
      ...(r.external_id === null ? {} : { externalId: r.external_id }),
      ...(r.number === null ? {} : { number: r.number }),
    }));
  }

  async claimedIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query<{ target_id: string }>(
      'SELECT DISTINCT target_id FROM billbridge_documents WHERE run_id = $1 AND target_id = ANY($2::text[])',
      [this.runId, [...ids]],
    );
    return new Set(rows.map((r) => r.target_id));
  }

  async unsettled(): Promise<StoredDocument[]> {
    const { rows } = await this.pool.query<DocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS.split(', ')
        .map((c) => `d.${c}`)
        .join(', ')}
         FROM billbridge_documents d JOIN billbridge_chunks c ON c.run_id = d.run_id AND c.chunk = d.chunk
        WHERE d.run_id = $1
          AND (d.state = 'ambiguous'
               OR (d.state = 'pending' AND NOT (c.state = 'claimed' AND c.lease_until > clock_timestamp())))
        ORDER BY d.seq`,
      [this.runId],
    );
    return rows.map(toStored);
  }

  async settle(doc: StoredDocument, outcome: Outcome): Promise<boolean> {
    const o = outcomeColumns(outcome);
    const { rows } = await retryTransient(() =>
      this.pool.query<{ recorded: boolean }>(
        `WITH d AS (
         UPDATE billbridge_documents
            SET state = $5, target_id = COALESCE($6, target_id), how = $7, error = $8, updated_at = clock_timestamp()
          WHERE run_id = $1 AND seq = $2 AND attempt = $3 AND state = $4
          RETURNING chunk
       ), c AS (
         UPDATE billbridge_chunks SET state = 'todo', owner = NULL, lease_until = NULL
          WHERE run_id = $1 AND chunk IN (SELECT chunk FROM d) AND $5 = 'todo' AND state = 'done'
       )
       SELECT EXISTS (SELECT 1 FROM d) AS recorded`,
        [this.runId, doc.seq, doc.attempt, doc.state, o.state, o.targetId, o.how, o.error],
      ),
    );
    return rows[0]?.recorded === true;
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.pool.end();
  }
}

async function readRun(client: { query: Pool['query'] }, runId: string): Promise<RunInfo | undefined> {
  const { rows } = await client.query<{
    run_id: string;
    target: string;
    options: string;
    source: string | null;
    total: number;
    chunk_size: number;
    lease_ms: number;
    created_at: Date;
    limit_rps: number | null;
  }>(
    `SELECT r.*, b.limit_rps FROM billbridge_runs r LEFT JOIN billbridge_rate b USING (run_id) WHERE r.run_id = $1`,
    [runId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    runId: row.run_id,
    target: row.target,
    options: row.options,
    ...(row.source === null ? {} : { source: row.source }),
    total: row.total,
    chunkSize: row.chunk_size,
    leaseMs: row.lease_ms,
    createdAt: row.created_at.toISOString(),
    ...(row.limit_rps === null ? {} : { rps: row.limit_rps }),
  };
}
