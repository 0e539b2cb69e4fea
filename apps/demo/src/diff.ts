/**
 * What a round trip through a provider changed, as paths (`lines[0].unitAmount`): values that came back
 * different, values that did not come back, and values the provider added (its id, status, timestamps).
 * A quantity sent as "2" and returned as 2 is the same number and is not a difference.
 */
import { compareDecimal, DECIMAL_PATTERN, toDecimal } from '@billbridge/core';

export interface Difference {
  path: string;
  kind: 'changed' | 'lost' | 'added';
  sent?: unknown;
  received?: unknown;
}

export function diffDocuments(sent: unknown, received: unknown, path = ''): Difference[] {
  if (sent === undefined && received === undefined) return [];
  if (sent === undefined) return [{ path, kind: 'added', received }];
  if (received === undefined) return [{ path, kind: 'lost', sent }];
  if (Array.isArray(sent) && Array.isArray(received)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(sent.length, received.length); i++) {
      out.push(...diffDocuments(sent[i], received[i], `${path}[${i}]`));
    }
    return out;
  }
  if (isObject(sent) && isObject(received)) {
    const out: Difference[] = [];
    for (const key of new Set([...Object.keys(sent), ...Object.keys(received)])) {
      out.push(...diffDocuments(sent[key], received[key], path ? `${path}.${key}` : key));
    }
    return out;
  }
  return sameValue(sent, received) ? [] : [{ path, kind: 'changed', sent, received }];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && DECIMAL_PATTERN.test(v));
  if (numeric(a) && numeric(b)) return compareDecimal(toDecimal(a as string), toDecimal(b as string)) === 0;
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
