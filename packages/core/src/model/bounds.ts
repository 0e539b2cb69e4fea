/**
 * Limits that keep parsing total on hostile input: no amount, quantity or product of them beyond the
 * safe-integer range (where doubles stop being exact), no nesting deep enough to exhaust a recursive
 * reader's stack, no decimal string long enough to make BigInt arithmetic slow.
 */
import { ValidationError } from '../errors/mapping-errors';
import { formatPath } from './path';

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Nesting allowed in a document or a provider answer; real ones stay under 12. */
export const MAX_DEPTH = 64;
/** Longest decimal string accepted as an amount, quantity or rate. */
export const MAX_DECIMAL_LENGTH = 64;

/** A decimal string (already matching DECIMAL_PATTERN) short enough and with a whole part in the safe range. */
export function isBoundedDecimalText(value: string): boolean {
  if (value.length > MAX_DECIMAL_LENGTH) return false;
  const dot = value.indexOf('.');
  const whole = (dot === -1 ? value : value.slice(0, dot)).replace(/^-?0*/, '');
  // 16 digits or more may pass 2^53 - 1 (16 digits); compare those by value.
  return whole.length < 16 || (whole.length === 16 && Number(whole) <= MAX_SAFE);
}

/**
 * The path of the first place nested deeper than `maxDepth` (objects and arrays), or undefined. Iterative,
 * so it cannot itself run out of stack; each container is visited once (shared references are not
 * re-walked, cycles end).
 */
export function tooDeepAt(value: unknown, maxDepth = MAX_DEPTH): Array<string | number> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const seen = new Set<object>();
  const stack: Array<{ node: object; depth: number; path: Array<string | number> }> = [
    { node: value, depth: 1, path: [] },
  ];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (depth > maxDepth) return path;
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node);
    for (const key of keys) {
      const child = (node as Record<string | number, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        stack.push({ node: child, depth: depth + 1, path: [...path, key] });
      }
    }
  }
  return undefined;
}

/** Refuses input nested deeper than MAX_DEPTH with a ValidationError naming where (the first few levels). */
export function assertNesting(input: unknown, subject: string): void {
  const at = tooDeepAt(input);
  if (at === undefined) return;
  const shown = formatPath(at.slice(0, 6));
  throw new ValidationError(subject, [
    {
      path: shown,
      code: 'too_deep',
      message: `Nested more than ${MAX_DEPTH} levels deep${at.length > 6 ? ` (below ${shown}…)` : ''}; no valid ${subject} is, so the input was not read further.`,
    },
  ]);
}
