import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { RunIdentity } from './journal-file';
import type { SourceSpec } from './types';

/** What names a run: its source, target and the options that change what is sent. */
export interface IdentityInput {
  source: SourceSpec;
  target: { adapter: { provider: string }; options?: Record<string, unknown>; url?: string };
  idMaps?: unknown;
  strict?: boolean;
  sourceLabel?: string;
}

/**
 * SHA-256 of a file, read through one reused buffer. (A read stream allocates a fresh 64 KiB buffer per
 * chunk; hashing outruns the GC, so a large source left tens of MB of freed chunks in the malloc heap,
 * resident for the rest of the run: peak RSS then grew with the source file's size.)
 */
async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 18);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** JSON with sorted keys, so equal options hash equal whatever their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The run a journal belongs to: the source's bytes (a file) or its name (a live list), the target and
 * its URL, and a hash of everything that changes what is sent. A resumed run must match it exactly.
 */
export async function runIdentity(input: IdentityInput, notify: boolean): Promise<RunIdentity> {
  const { source, target } = input;
  const sourceId =
    source.kind === 'file'
      ? `sha256:${await fileHash(source.path)}`
      : source.kind === 'list'
        ? `list:${input.sourceLabel ?? 'live'}`
        : `documents:${input.sourceLabel ?? 'in-memory'}`;
  const options = createHash('sha256')
    .update(
      canonicalJson({
        targetOptions: target.options ?? {},
        idMaps: input.idMaps ?? {},
        notify,
        strict: input.strict ?? false,
      }),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    source: sourceId,
    target: target.url ? `${target.adapter.provider} ${target.url}` : target.adapter.provider,
    options: `sha256:${options}`,
    // A live list may come back in another order; files and given documents keep theirs.
    ordered: source.kind !== 'list',
  };
}
