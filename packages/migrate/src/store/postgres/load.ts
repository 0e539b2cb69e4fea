import type { PoolClient } from 'pg';
import type { LoadItem } from '../run-store';

const BATCH = 1_000;

/**
 * Inserts the run's documents, `BATCH` rows per statement (arrays unnested server-side), and one chunk
 * row per `chunkSize` positions. Runs inside the loader's transaction. Returns the number of documents.
 */
export async function loadDocuments(
  client: PoolClient,
  runId: string,
  chunkSize: number,
  items: AsyncIterable<LoadItem>,
): Promise<number> {
  let seq = 0;
  let batch: Array<{ seq: number; item: LoadItem }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await client.query(
      `INSERT INTO billbridge_documents
         (run_id, seq, key, chunk, state, doc, external_id, number, facts, warnings, error)
       SELECT $1, s, k, c, st, d, x, n, f, COALESCE(w, '[]'::jsonb), e
         FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::jsonb[], $7::text[], $8::text[],
                     $9::jsonb[], $10::jsonb[], $11::text[]) AS t(s, k, c, st, d, x, n, f, w, e)`,
      [
        runId,
        rows.map((r) => r.seq),
        rows.map((r) => r.item.key),
        rows.map((r) => Math.floor(r.seq / chunkSize)),
        rows.map((r) => r.item.state),
        rows.map((r) => json(r.item.doc)),
        rows.map((r) => r.item.externalId ?? null),
        rows.map((r) => r.item.number ?? null),
        rows.map((r) => json(r.item.facts)),
        rows.map((r) => json(r.item.warnings)),
        rows.map((r) => r.item.error ?? null),
      ],
    );
  };
  for await (const item of items) {
    batch.push({ seq, item });
    seq++;
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await client.query(
    `INSERT INTO billbridge_chunks (run_id, chunk, state)
     SELECT $1, chunk, CASE WHEN bool_or(state = 'todo') THEN 'todo' ELSE 'done' END
       FROM billbridge_documents WHERE run_id = $1 GROUP BY chunk`,
    [runId],
  );
  return seq;
}
