import { createHash } from 'node:crypto';

/** JSON with sorted keys, so equal options hash equal whatever their order. */
function canonicalJson(value: unknown): string {
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
