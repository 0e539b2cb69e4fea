/**
 * tooDeepAt walks with parent links instead of copying a path per child (it runs on every create answer
 * and every schema parse); it must answer exactly what the plain path-copying walk answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tooDeepAt } from '../src/model/bounds';

/** The straightforward walk: same order (a stack), a path copied for every child. */
function reference(value: unknown, maxDepth: number): Array<string | number> | undefined {
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
      if (child !== null && typeof child === 'object')
        stack.push({ node: child, depth: depth + 1, path: [...path, key] });
    }
  }
  return undefined;
}

function nest(depth: number, key: string | number): unknown {
  let value: unknown = { leaf: 1 };
  for (let i = 0; i < depth; i++)
    value = typeof key === 'number' ? [0, value] : { [key]: value, other: [1, 2] };
  return value;
}

describe('tooDeepAt', () => {
  it('answers what the path-copying walk answers, on any JSON-like value and limit', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 8 }), fc.integer({ min: 1, max: 6 }), (value, limit) => {
        expect(tooDeepAt(value, limit)).toEqual(reference(value, limit));
      }),
      { numRuns: 500 },
    );
  });

  it('names the first too-deep place in objects and arrays, and ends on cycles and shared nodes', () => {
    for (const key of ['a', 1] as const) {
      const deep = nest(70, key);
      expect(tooDeepAt(deep)).toEqual(reference(deep, 64));
      expect(tooDeepAt(deep)).toHaveLength(64);
      expect(tooDeepAt(nest(60, key))).toBeUndefined();
    }
    const cyclic: Record<string, unknown> = { a: [1] };
    cyclic.self = cyclic;
    (cyclic.a as unknown[]).push(cyclic);
    expect(tooDeepAt(cyclic, 3)).toEqual(reference(cyclic, 3));
    const shared = { x: 1 };
    const twice = { a: shared, b: [shared, { c: shared }] };
    expect(tooDeepAt(twice, 2)).toEqual(reference(twice, 2));
  });
});
