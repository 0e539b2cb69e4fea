/**
 * After Send: every field that came back different, explained. A field the provider added (its id,
 * status, timestamps) is expected; so is one the mapping warned about before sending, and a reference
 * (the customer's or product's id in another system) that was used to find the provider's own id. A
 * field sent without a warning that the answer does not carry is "not echoed": the request shows where
 * it went. Only a value that came back *different* without a warning is a surprise.
 */
import type { MappingWarning } from '@billbridge/core';
import type { Difference } from './diff';

export type Verdict = 'added' | 'expected' | 'not-echoed' | 'unexpected';

export interface ExplainedDifference extends Difference {
  verdict: Verdict;
  because: string;
}

const LINE_MONEY = /^(lines\[\d+\])\.(quantity|unitAmount|unitAmountDecimal|amount)$/;

/** Folding a line (1 × its exact amount) changes its quantity and price together: one warning covers both. */
function sameLineMoney(a: string, b: string): boolean {
  const [x, y] = [LINE_MONEY.exec(a), LINE_MONEY.exec(b)];
  return x !== null && y !== null && x[1] === y[1];
}

/**
 * A warning about `path`, one of its parents, (for a whole object that went missing) one of its
 * children, or the money of the same line.
 */
function warningFor(path: string, warnings: MappingWarning[]): MappingWarning | undefined {
  return warnings.find(
    (w) =>
      w.path === path ||
      sameLineMoney(w.path, path) ||
      path.startsWith(`${w.path}.`) ||
      path.startsWith(`${w.path}[`) ||
      w.path.startsWith(`${path}.`) ||
      w.path.startsWith(`${path}[`),
  );
}

/** References the adapter resolves to the provider's own ids (customerIds, productIds, itemIds…). */
const REFERENCE =
  /^(customer|billingCustomer)\.(externalId|email|name)$|^lines\[\d+\]\.product\.(externalId|name)$|^subscription\.externalId$/;

export function explainDifferences(
  differences: Difference[],
  warnings: MappingWarning[],
  providerLabel: string,
): ExplainedDifference[] {
  return differences.map((difference): ExplainedDifference => {
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
    if (difference.kind === 'lost' && REFERENCE.test(difference.path))
      return {
        ...difference,
        verdict: 'expected',
        because: `A reference: used to find ${providerLabel}'s own id for it, which is what was sent.`,
      };
    if (difference.kind === 'lost')
      return {
        ...difference,
        verdict: 'not-echoed',
        because: `Sent as the request shows, but ${providerLabel}'s answer does not carry it back.`,
      };
    return {
      ...difference,
      verdict: 'unexpected',
      because: `${providerLabel} stored a different value, and no warning said it would.`,
    };
  });
}
