import type { MappingWarning } from '@billbridge/core';
import type { LossRow } from '../../src/report';

/**
 * The loss count as first written (a per-document set of `side, code, field` ids, one map of rows), kept
 * to hold the faster LossTable to it.
 */
export function referenceLosses(
  calls: Array<{ side: LossRow['side']; warnings: MappingWarning[] }>,
): LossRow[] {
  const rows = new Map<string, LossRow>();
  for (const { side, warnings } of calls) {
    const seen = new Set<string>();
    for (const warning of warnings) {
      const path = warning.path.replace(/\[\d+\]/g, '[]');
      const id = `${side}\u0000${warning.code}\u0000${path}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const row = rows.get(id);
      if (row) row.documents++;
      else rows.set(id, { side, code: warning.code, path, documents: 1, message: warning.message });
    }
  }
  return [...rows.values()];
}
