import type { PoolClient } from 'pg';

/**
 * The tables every run shares, keyed by run id. Created by the first process of the first run (under
 * the run's advisory lock, so two processes never race on CREATE TABLE).
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS billbridge_runs (
  run_id      text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  target      text NOT NULL,
  options     text NOT NULL,
  source      text,
  total       integer NOT NULL,
  chunk_size  integer NOT NULL,
  lease_ms    integer NOT NULL
);
CREATE TABLE IF NOT EXISTS billbridge_documents (
  run_id      text NOT NULL REFERENCES billbridge_runs ON DELETE CASCADE,
  seq         integer NOT NULL,
  key         text NOT NULL,
  chunk       integer NOT NULL,
  state       text NOT NULL CHECK (state IN ('todo', 'pending', 'done', 'failed', 'ambiguous', 'skipped')),
  doc         jsonb,
  external_id text,
  number      text,
  facts       jsonb,
  warnings    jsonb NOT NULL DEFAULT '[]',
  target_id   text,
  how         text,
  error       text,
  attempt     integer NOT NULL DEFAULT 0,
  worker      text,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (run_id, seq),
  UNIQUE (run_id, key)
);
CREATE INDEX IF NOT EXISTS billbridge_documents_chunk ON billbridge_documents (run_id, chunk);
CREATE INDEX IF NOT EXISTS billbridge_documents_state ON billbridge_documents (run_id, state, updated_at);
CREATE INDEX IF NOT EXISTS billbridge_documents_target ON billbridge_documents (run_id, target_id);
CREATE TABLE IF NOT EXISTS billbridge_chunks (
  run_id      text NOT NULL REFERENCES billbridge_runs ON DELETE CASCADE,
  chunk       integer NOT NULL,
  state       text NOT NULL CHECK (state IN ('todo', 'claimed', 'done')),
  owner       text,
  claims      integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  settled     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, chunk)
);
CREATE INDEX IF NOT EXISTS billbridge_chunks_state ON billbridge_chunks (run_id, state, chunk);
CREATE TABLE IF NOT EXISTS billbridge_workers (
  run_id       text NOT NULL REFERENCES billbridge_runs ON DELETE CASCADE,
  worker       text NOT NULL,
  host         text NOT NULL,
  pid          integer NOT NULL,
  started_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  heartbeat_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  stopped_at   timestamptz,
  PRIMARY KEY (run_id, worker)
);
CREATE TABLE IF NOT EXISTS billbridge_rate (
  run_id      text PRIMARY KEY REFERENCES billbridge_runs ON DELETE CASCADE,
  limit_rps   double precision,
  rate        double precision,
  tokens      double precision NOT NULL DEFAULT 1,
  refilled_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  not_before  timestamptz NOT NULL DEFAULT clock_timestamp(),
  consecutive integer NOT NULL DEFAULT 0,
  backoffs    integer NOT NULL DEFAULT 0
);
`;

export async function createSchema(client: PoolClient): Promise<void> {
  await client.query(SCHEMA);
}
