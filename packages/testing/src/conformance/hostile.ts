/**
 * Hostile JSON for the fuzz checks: values that broke or could break a parser (past 2^53, past doubles,
 * 10,000 levels deep, long, wrongly typed, prototype keys), and mutations of a valid document that put one
 * of them at one place. Each value is named, so a failing case is reported by name and path, not printed.
 */

/** A value nested `depth` levels (arrays or objects), built iteratively. */
export function nestJson(depth: number, asArray: boolean, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const LONG = 'x'.repeat(100_000);

export const HOSTILE_VALUES: Readonly<Record<string, () => unknown>> = {
  '2^53': () => 2 ** 53,
  '2^53 + 2': () => 2 ** 53 + 2,
  '-(2^53 + 2)': () => -(2 ** 53) - 2,
  '2^80': () => 2 ** 80,
  // Safe on its own, past 2^53 once multiplied by a quantity or a price.
  '2^40': () => 2 ** 40,
  '1e15 + 0.5': () => 1e15 + 0.5,
  'Number.MAX_VALUE': () => Number.MAX_VALUE,
  '1e-320': () => 1e-320,
  '-0': () => -0,
  '0.1': () => 0.1,
  '-1': () => -1,
  '"9007199254740993"': () => '9007199254740993',
  '"1e400"': () => '1e400',
  '40-digit string': () => '9'.repeat(40),
  '400-digit decimal': () => `${'9'.repeat(400)}.5`,
  '"NaN"': () => 'NaN',
  '""': () => '',
  '100,000-character string': () => LONG,
  'not-a-date': () => '2026-13-45T99:99:99Z',
  null: () => null,
  true: () => true,
  '[]': () => [],
  '{}': () => ({}),
  '{"__proto__": {...}}': () => JSON.parse('{"__proto__": {"polluted": true}}'),
  '{"constructor": {...}}': () => ({ constructor: { prototype: { polluted: true } } }),
  '10,000-deep arrays': () => nestJson(10_000, true),
  '10,000-deep objects': () => nestJson(10_000, false),
  '100-deep objects': () => nestJson(100, false),
  '1,000 items': () => Array.from({ length: 1000 }, (_, i) => i),
};

export const HOSTILE_NAMES = Object.keys(HOSTILE_VALUES);

/** Every path to a value inside `value` (object keys and array indexes), the root excluded. */
export function pathsOf(value: unknown): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const stack: Array<{ node: unknown; path: Array<string | number> }> = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object' || path.length > 32) continue;
    for (const key of Object.keys(node)) {
      const at = [...path, Array.isArray(node) ? Number(key) : key];
      out.push(at);
      stack.push({ node: (node as Record<string, unknown>)[key], path: at });
    }
  }
  return out;
}

/** pathsOf, computed once per document (mutations of one document all need it). */
const pathCache = new WeakMap<object, Array<Array<string | number>>>();
function cachedPaths(doc: unknown): Array<Array<string | number>> {
  if (doc === null || typeof doc !== 'object') return [];
  let paths = pathCache.get(doc);
  if (!paths) {
    paths = pathsOf(doc);
    pathCache.set(doc, paths);
  }
  return paths;
}

export type MutationAction = 'replace' | 'delete' | 'add-key';

export interface Mutation {
  /** Index into `pathsOf(document)`, modulo its length. */
  pick: number;
  action: MutationAction;
  /** A name of HOSTILE_VALUES. */
  value: string;
}

/** A JSON copy of `doc` with one mutation applied, and a one-line description of it. */
export function mutate(doc: unknown, mutation: Mutation): { input: unknown; description: string } {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const value = HOSTILE_VALUES[mutation.value]!();
  // The copy has the same paths as the document (a JSON document's own keys, in the same order).
  const paths = cachedPaths(doc);
  if (paths.length === 0) return { input: value, description: `(root) ← ${mutation.value}` };
  const path = paths[mutation.pick % paths.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const where = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  if (mutation.action === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
    return { input: copy, description: `${where} deleted` };
  }
  const target = parent[last];
  if (
    mutation.action === 'add-key' &&
    target !== null &&
    typeof target === 'object' &&
    !Array.isArray(target)
  ) {
    (target as Record<string, unknown>).unexpected_field = value;
    return { input: copy, description: `${where}.unexpected_field ← ${mutation.value}` };
  }
  parent[last] = value;
  return { input: copy, description: `${where} ← ${mutation.value}` };
}
