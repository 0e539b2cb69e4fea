import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

export interface StoreWorkerSettings {
  store: string;
  run: string;
  target: string;
  input?: string;
  concurrency?: number;
  leaseMs?: number;
  chunkSize?: number;
  rps?: number;
}

/** Starts one worker process (helpers/store-worker.ts) from sources, in one node process (so SIGKILL kills it). */
export function spawnStoreWorker(settings: StoreWorkerSettings): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--conditions=billbridge-source',
      '--import',
      'tsx',
      'test/helpers/store-worker.ts',
      JSON.stringify(settings),
    ],
    { cwd: packageDir, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
