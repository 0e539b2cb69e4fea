/**
 * After Send: every field that came back different, explained. A field the provider added (its id,
 * status, timestamps) is expected; a field the mapping already warned about (not carried, approximated)
 * is expected too, and says which warning; anything else is a surprise and is shown as one.
 */
import type { MappingWarning } from '@billbridge/core';
import type { Difference } from './diff';

export interface ExplainedDifference extends Difference {
  /** `added`: the provider filled it in; `expected`: a warning said so before sending; `unexpected`: nothing did. */
  verdict: 'added' | 'expected' | 'unexpected';
  because: string;
}

/** The warning about `path` or one of its parents (`lines[0].tax` explains `lines[0].tax.amount`). */
function warningFor(path: string, warnings: MappingWarning[]): MappingWarning | undefined {
  return warnings.find(
    (w) => w.path === path || path.startsWith(`${w.path}.`) || path.startsWith(`${w.path}[`),
  );
}

export function explainDifferences(
  differences: Difference[],
  warnings: MappingWarning[],
  providerLabel: string,
): ExplainedDifference[] {
  return differences.map((difference) => {
    if (difference.kind === 'added')
      return {
        ...difference,
        verdict: 'added',
        because: `${providerLabel} added this when it stored the record.`,
      };
    const warning = warningFor(difference.path, warnings);
    if (warning)
      return {
        ...difference,
        verdict: 'expected',
        because: `${warning.code} before sending: ${warning.message}`,
      };
    return {
      ...difference,
      verdict: 'unexpected',
      because:
        difference.kind === 'lost'
          ? `Sent, but ${providerLabel} did not return it, and no warning said it would be lost.`
          : `${providerLabel} stored a different value, and no warning said it would.`,
    };
  });
}
