import type { Pool, PoolClient } from 'pg';

/** A store URL without its password, for messages and the printed worker command. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * Opens a pool on the store URL. The driver is loaded here, on first use, so a run that keeps its
 * journal in a file never loads it.
 */
export async function openPool(url: string, max: number): Promise<Pool> {
  let pg: typeof import('pg');
  try {
    pg = (await import('pg')).default as unknown as typeof import('pg');
  } catch (error) {
    throw new StoreError(
      `--store postgres:// needs the "pg" package (npm install pg): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'billbridge' });
  // An idle connection dropped by the server must not crash the worker; the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreError(
      `cannot connect to the store ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return pool;
}

/** Runs `body` in one transaction. */
export async function transaction<T>(pool: Pool, body: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Errors after which the same statement may simply be run again (its fences make that safe). */
function transient(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    code === '40P01' || // deadlock detected
    code === '40001' || // serialization failure
    code === '57P01' || // the server terminated the connection (admin shutdown)
    code.startsWith('08') || // connection exceptions
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    code === 'EPIPE'
  );
}

/** Runs a statement, again after a transient failure (a few times, briefly spaced). */
export async function retryTransient<T>(run: () => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= tries || !transient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}
