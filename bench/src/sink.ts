/** Starts sink.mjs in its own process with the canned answers, and stops it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Canned } from './canned';

export interface Sink {
  origin: string;
  close(): Promise<void>;
}

const SINK_SCRIPT = fileURLToPath(new URL('./sink.mjs', import.meta.url));

export async function startSink(canned: Canned, dir: string): Promise<Sink> {
  const file = join(dir, 'canned.json');
  writeFileSync(file, JSON.stringify(canned));
  // Plain node, no loader and no flags: the sink is not what is measured.
  const child: ChildProcess = spawn(process.execPath, [SINK_SCRIPT, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    child.once('exit', (code) => reject(new Error(`sink exited early (${code})`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
