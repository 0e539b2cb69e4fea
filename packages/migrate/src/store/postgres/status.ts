import type { Pool } from 'pg';
import { DOCUMENT_STATES, type DocumentState, type RunInfo, type RunStatus } from '../run-store';

/** Counts by state, the settle rate over the last minute, the ETA it gives, the workers and the budget. */
export async function readStatus(pool: Pool, runId: string): Promise<RunStatus> {
  const run = await pool.query<{
    run_id: string;
    target: string;
    options: string;
    source: string | null;
    total: number;
    chunk_size: number;
    lease_ms: number;
    created_at: Date;
  }>('SELECT * FROM billbridge_runs WHERE run_id = $1', [runId]);
  const r = run.rows[0];
  if (!r) throw new Error(`run "${runId}" does not exist`);
  const info: RunInfo = {
    runId,
    target: r.target,
    options: r.options,
    ...(r.source === null ? {} : { source: r.source }),
    total: r.total,
    chunkSize: r.chunk_size,
    leaseMs: r.lease_ms,
    createdAt: r.created_at.toISOString(),
  };

  const states = await pool.query<{ state: DocumentState; n: number }>(
    'SELECT state, count(*)::int AS n FROM billbridge_documents WHERE run_id = $1 GROUP BY state',
    [runId],
  );
  const counts = Object.fromEntries(DOCUMENT_STATES.map((s) => [s, 0])) as Record<DocumentState, number>;
  for (const row of states.rows) counts[row.state] = row.n;
  const mismatched = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM billbridge_documents WHERE run_id = $1 AND state = 'done' AND error IS NOT NULL",
    [runId],
  );

  // Settled in the last minute, over the part of that minute the run has been settling.
  const recent = await pool.query<{ n: number; span: number | null }>(
    `SELECT count(*)::int AS n,
            EXTRACT(EPOCH FROM (clock_timestamp() - GREATEST(min(updated_at), clock_timestamp() - interval '60 seconds')))::float8 AS span
       FROM billbridge_documents
      WHERE run_id = $1 AND state IN ('done', 'failed', 'ambiguous') AND attempt > 0
        AND updated_at > clock_timestamp() - interval '60 seconds'`,
    [runId],
  );
  const { n, span } = recent.rows[0] ?? { n: 0, span: null };
  const rate = n > 0 && span !== null && span > 0 ? n / Math.max(span, 1) : 0;
  const left = counts.todo + counts.pending;
  const etaSeconds = rate > 0 ? Math.ceil(left / rate) : undefined;

  const workers = await pool.query<{
    worker: string;
    host: string;
    pid: number;
    started_at: Date;
    heartbeat_at: Date;
    alive: boolean;
    settled: number;
  }>(
    `SELECT w.worker, w.host, w.pid, w.started_at, w.heartbeat_at,
            (SELECT count(*)::int FROM billbridge_documents d
              WHERE d.run_id = w.run_id AND d.worker = w.worker AND d.state IN ('done', 'failed', 'ambiguous')) AS settled,
            (w.stopped_at IS NULL AND w.heartbeat_at > clock_timestamp() - $2 * interval '1 millisecond') AS alive
       FROM billbridge_workers w WHERE w.run_id = $1 ORDER BY w.started_at`,
    [runId, info.leaseMs],
  );
  const chunks = await pool.query<{ state: 'todo' | 'claimed' | 'done'; n: number }>(
    'SELECT state, count(*)::int AS n FROM billbridge_chunks WHERE run_id = $1 GROUP BY state',
    [runId],
  );
  const chunkCounts = { todo: 0, claimed: 0, done: 0 };
  for (const row of chunks.rows) chunkCounts[row.state] = row.n;
  const budget = await pool.query<{
    limit_rps: number | null;
    rate: number | null;
    backoffs: number;
    paused_ms: number;
  }>(
    `SELECT limit_rps, rate, backoffs,
            GREATEST(0, EXTRACT(EPOCH FROM (not_before - clock_timestamp())) * 1000)::float8 AS paused_ms
       FROM billbridge_rate WHERE run_id = $1`,
    [runId],
  );
  const b = budget.rows[0];
  return {
    run: { ...info, ...(b?.limit_rps == null ? {} : { rps: b.limit_rps }) },
    counts,
    mismatched: mismatched.rows[0]?.n ?? 0,
    rate,
    ...(etaSeconds === undefined ? {} : { etaSeconds }),
    workers: workers.rows.map((w) => ({
      worker: w.worker,
      host: w.host,
      pid: w.pid,
      startedAt: w.started_at.toISOString(),
      heartbeatAt: w.heartbeat_at.toISOString(),
      alive: w.alive,
      settled: w.settled,
    })),
    chunks: chunkCounts,
    rateLimit: {
      ...(b?.limit_rps == null ? {} : { rps: b.limit_rps }),
      ...(b?.rate == null ? {} : { currentRate: b.rate }),
      backoffs: b?.backoffs ?? 0,
      pausedMs: Math.round(b?.paused_ms ?? 0),
    },
  };
}
