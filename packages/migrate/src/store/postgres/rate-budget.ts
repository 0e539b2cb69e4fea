import { setTimeout as delay } from 'node:timers/promises';
import type { Pool } from 'pg';
import type { RateBudget } from '../run-store';

/** How long an unlimited run's "no pause" holds before `not_before` is read again. */
const UNLIMITED_LOOK_MS = 100;

/** The bucket's tokens now: what it held, refilled at the current rate since, capped at one second's worth. */
const AVAILABLE = `LEAST(GREATEST(rate, 1), tokens + rate * EXTRACT(EPOCH FROM (clock_timestamp() - refilled_at)))`;

/**
 * The target's rate limit, one budget for every worker of a run: a token bucket in the run's
 * `billbridge_rate` row. A token is taken with one conditional UPDATE (the row lock makes it atomic
 * across workers); a 429 pushes the shared `not_before` forward and halves the shared rate, which
 * climbs back as answers come in. Without a limit only `not_before` is read, at most every 100 ms per worker.
 */
export class PostgresRateBudget implements RateBudget {
  /** Whether the last look saw a halved rate or a 429 streak (then successes are written back). */
  private recovering = false;
  /**
   * Without a limit, a look at `not_before` is good for this long: a 429 another worker saw reaches this
   * one within it, at one read per interval instead of one per request.
   */
  private clearUntil = 0;

  constructor(
    private readonly pool: Pool,
    private readonly runId: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => delay(ms),
  ) {}

  async take(): Promise<void> {
    if (Date.now() < this.clearUntil) return;
    for (;;) {
      const { rows } = await this.pool.query<{ pause_ms: number; limited: boolean; recovering: boolean }>(
        `SELECT GREATEST(0, EXTRACT(EPOCH FROM (not_before - clock_timestamp())) * 1000)::float8 AS pause_ms,
                rate IS NOT NULL AS limited,
                (consecutive > 0 OR rate < limit_rps) AS recovering
           FROM billbridge_rate WHERE run_id = $1`,
        [this.runId],
      );
      const row = rows[0];
      if (!row) return;
      this.recovering = row.recovering === true;
      if (row.pause_ms > 0) {
        await this.sleep(Math.ceil(row.pause_ms));
        continue;
      }
      if (!row.limited) {
        this.clearUntil = Date.now() + UNLIMITED_LOOK_MS;
        return;
      }
      const granted = await this.pool.query<{ wait_ms: number | null }>(
        `WITH bucket AS (
           SELECT run_id, ${AVAILABLE} AS available, rate FROM billbridge_rate
            WHERE run_id = $1 AND not_before <= clock_timestamp() FOR UPDATE
         ), taken AS (
           UPDATE billbridge_rate r SET tokens = bucket.available - 1, refilled_at = clock_timestamp()
             FROM bucket WHERE r.run_id = bucket.run_id AND bucket.available >= 1
           RETURNING r.run_id
         )
         SELECT CASE WHEN EXISTS (SELECT 1 FROM taken) THEN NULL
                     ELSE COALESCE((SELECT (1 - available) / rate * 1000 FROM bucket), 0) END::float8 AS wait_ms`,
        [this.runId],
      );
      const wait = granted.rows[0]?.wait_ms;
      if (wait === null || wait === undefined) return;
      await this.sleep(Math.max(1, Math.ceil(wait)));
    }
  }

  async succeeded(): Promise<void> {
    if (!this.recovering) return;
    this.recovering = false;
    await this.pool.query(
      `UPDATE billbridge_rate
          SET consecutive = 0,
              rate = CASE WHEN rate < limit_rps THEN LEAST(limit_rps, rate + limit_rps / 50) ELSE rate END
        WHERE run_id = $1 AND (consecutive > 0 OR rate < limit_rps)`,
      [this.runId],
    );
  }

  async rateLimited(retryAfterMs?: number): Promise<number> {
    this.clearUntil = 0;
    const { rows } = await this.pool.query<{ wait_ms: number }>(
      `UPDATE billbridge_rate
          SET backoffs = backoffs + 1,
              consecutive = consecutive + 1,
              not_before = GREATEST(not_before, clock_timestamp()
                + make_interval(secs => COALESCE($2::float8, LEAST(30000, 250 * power(2, consecutive))) / 1000.0)),
              rate = CASE WHEN rate IS NULL THEN NULL ELSE GREATEST(rate / 2, 0.5) END
        WHERE run_id = $1
        RETURNING COALESCE($2::float8, LEAST(30000, 250 * power(2, consecutive - 1)))::float8 AS wait_ms`,
      [this.runId, retryAfterMs ?? null],
    );
    return rows[0]?.wait_ms ?? 0;
  }
}
