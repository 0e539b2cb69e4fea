import { createHash } from 'node:crypto';
import { canonicalJson } from '../run-identity';

/**
 * What every worker of one run must agree on, as a short hash: the target's adapter and client options
 * and strictness (the documents themselves were prepared once, by the loader).
 */
export function runOptionsHash(input: { targetOptions?: Record<string, unknown>; strict?: boolean }): string {
  const hash = createHash('sha256')
    .update(canonicalJson({ targetOptions: input.targetOptions ?? {}, strict: input.strict ?? false }))
    .digest('hex');
  return `sha256:${hash.slice(0, 16)}`;
}

/** A fresh run id: readable, sortable by start time, unique enough to share one database. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `run-${stamp}-${Math.random().toString(36).slice(2, 8)}`;
}
