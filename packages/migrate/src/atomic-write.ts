import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/** Writes a whole file so readers see the old content or the new, never half of it. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = tempPath(path);
  try {
    await writeFile(temp, data, { encoding: 'utf8', flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export interface AtomicWriter {
  /** Resolves when the chunk is buffered (respecting back-pressure). */
  write(chunk: string): Promise<void>;
  /** Flushes and moves the file into place. */
  commit(): Promise<void>;
  /** Removes the partial file. */
  abort(): Promise<void>;
}

/** A streamed output file that only appears under its name once complete. */
export function createAtomicWriter(path: string): AtomicWriter {
  const temp = tempPath(path);
  const stream: WriteStream = createWriteStream(temp, { encoding: 'utf8' });
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    write(chunk) {
      if (failure !== undefined) return Promise.reject(failure);
      if (stream.write(chunk)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        stream.once('drain', resolve);
        stream.once('error', reject);
      });
    },
    async commit() {
      await new Promise<void>((resolve, reject) => {
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      });
      if (failure !== undefined) throw failure;
      await rename(temp, path);
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}
