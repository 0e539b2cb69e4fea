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

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const DOT = 0x2e;

/** The index after the run of ASCII digits starting at `from`. */
function digitsEnd(value: string, from: number): number {
  let at = from;
  while (at < value.length) {
    const code = value.charCodeAt(at);
    if (code < ZERO || code > NINE) break;
    at++;
  }
  return at;
}

/**
 * `DECIMAL_PATTERN.test(value) && isBoundedDecimalText(value)` in one scan of the characters, with no
 * regex and no copy of the whole part (the readers ask it of every decimal field).
 */
export function isBoundedDecimal(value: string): boolean {
  const length = value.length;
  if (length > MAX_DECIMAL_LENGTH) return false;
  const start = length > 0 && value.charCodeAt(0) === MINUS ? 1 : 0;
  const wholeEnd = digitsEnd(value, start);
  if (wholeEnd === start) return false;
  if (wholeEnd < length) {
    if (value.charCodeAt(wholeEnd) !== DOT) return false;
    const fractionEnd = digitsEnd(value, wholeEnd + 1);
    if (fractionEnd === wholeEnd + 1 || fractionEnd < length) return false;
  }
  let first = start;
  while (first < wholeEnd && value.charCodeAt(first) === ZERO) first++;
  const digits = wholeEnd - first;
  // As isBoundedDecimalText: 16 digits may pass 2^53 - 1, so those are compared by value.
  return digits < 16 || (digits === 16 && Number(value.slice(first, wholeEnd)) <= MAX_SAFE);
}

/**
 * The path of the first place nested deeper than `maxDepth` (objects and arrays), or undefined. Iterative,
 * so it cannot itself run out of stack; each container is visited once (shared references are not
 * re-walked, cycles end).
 */
export function tooDeepAt(value: unknown, maxDepth = MAX_DEPTH): Array<string | number> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // The common case, a plain tree well within the limit, is confirmed by a bounded recursive walk with no
  // bookkeeping: when no path at all goes deeper than maxDepth, the walk below cannot find one either.
  visitsLeft = SHALLOW_WALK_BUDGET;
  if (shallowEnough(value, 1, maxDepth)) return undefined;
  const seen = new Set<object>();
  // Every container pushed is an entry (node, depth, parent entry, key); the path is rebuilt from the
  // parents only for the one too deep, instead of copying a path array for every child (this runs on
  // every create answer and every schema parse).
  const nodes: object[] = [value];
  const depths: number[] = [1];
  const parents: number[] = [-1];
  const keys: Array<string | number> = [''];
  const stack: number[] = [0];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = nodes[entry]!;
    if (seen.has(node)) continue;
    seen.add(node);
    const depth = depths[entry]!;
    if (depth > maxDepth) return pathOf(entry, parents, keys);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object') {
          stack.push(nodes.length);
          nodes.push(child);
          depths.push(depth + 1);
          parents.push(entry);
          keys.push(i);
        }
      }
    } else {
      for (const key of Object.keys(node)) {
        const child = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') {
          stack.push(nodes.length);
          nodes.push(child);
          depths.push(depth + 1);
          parents.push(entry);
          keys.push(key);
        }
      }
    }
  }
  return undefined;
}

/** Containers the quick walk visits before it gives up and leaves the answer to the exact walk. */
const SHALLOW_WALK_BUDGET = 100_000;
let visitsLeft = 0;

/**
 * Whether no path from `node` nests deeper than maxDepth. Recursion is bounded by maxDepth and the visits
 * by the budget (shared references are walked once per path, so a DAG can cost more than its size); false
 * means "not sure", never "too deep".
 */
function shallowEnough(node: object, depth: number, maxDepth: number): boolean {
  if (depth > maxDepth || --visitsLeft < 0) return false;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (child !== null && typeof child === 'object' && !shallowEnough(child, depth + 1, maxDepth))
        return false;
    }
    return true;
  }
  for (const key of Object.keys(node)) {
    const child = (node as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && !shallowEnough(child, depth + 1, maxDepth))
      return false;
  }
  return true;
}

function pathOf(entry: number, parents: number[], keys: Array<string | number>): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at = entry; at > 0; at = parents[at]!) path.push(keys[at]!);
  return path.reverse();
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
