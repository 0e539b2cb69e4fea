/**
 * Values near the valid shape, for holding a hand-written reader to its schema: a valid value copied and
 * changed in a few places (a key removed, added, hidden, retyped, a number nudged, a prototype swapped).
 * The valid value is never touched: every change lands on a deep copy that keeps own `__proto__` keys as
 * data (as JSON.parse makes them), non-enumerable keys and null prototypes.
 */
import fc from 'fast-check';
import { show } from './spell';

/** A value near the valid shape and the changes that made it (none: the valid value itself, copied). */
export interface Near {
  value: unknown;
  /** One line per change, e.g. `remove $.lines[0].amount`; empty when the value is the valid one. */
  changes: readonly string[];
}

export interface NearValidOptions {
  /**
   * Field names of every shape under test. Added keys are drawn from these most of the time, so a field of
   * one shape lands on another shape's object (a reader must refuse it where zod does, or drop it where
   * zod strips it) and a known key can be added hidden (non-enumerable: zod reads it, `for…in` does not).
   */
  knownKeys?: readonly string[];
  /** Field names of the root value's own shape: half of the added names are drawn from these. */
  rootKeys?: readonly string[];
  /** Values that look right in the domain (enum members, currency codes, ids, URLs), besides the odd ones. */
  knownValues?: readonly unknown[];
  /** Share of draws left unchanged (0 ≤ share < 1, default 0): the valid value, with `changes` empty. */
  unchanged?: number;
  /**
   * Whether keys are hidden (made non-enumerable) or added hidden; default true. `false` is for a reader
   * with a known, reported gap there, until it is fixed: say which in a comment where it is passed.
   */
  hiddenKeys?: boolean;
  /** Changes per value, default 1. */
  minChanges?: number;
  /** Changes per value, default 3. */
  maxChanges?: number;
}

/** Replacement values: wrong types, numbers at every edge, look-alike strings, odd objects. */
const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1,
  -1,
  1.5,
  -0.5,
  31,
  32,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e21,
  1e300,
  1e308,
  '',
  'x',
  'null',
  ' ',
  'x'.repeat(10_000),
  '9'.repeat(70),
  '0',
  '1',
  '12',
  '-0',
  '-1',
  '007',
  '-12',
  '1.5',
  '1.50',
  '1e3',
  ' 1',
  '9999999999999999',
  '99999999999999999',
  'true',
  true,
  false,
  '2026-01-01T00:00:00Z',
  '2026-03-31T12:00:00.000Z',
  '1970-01-01T00:00:00.000Z',
  '2026-01-05T00:00:00+14:00',
  '2026-13-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2025-02-29T00:00:00Z',
  '2026-01-01',
  '2026-3-1',
  '2026-03-01 10:00:00',
  'not a date',
  'https://files.example.com/a.pdf',
  'not a url',
  [],
  {},
  ['a'],
  [1],
  [{}],
  [null, Number.NaN, 'x', {}, [[]]],
  { a: 1 },
  { id: 'x' },
  { id: 1 },
  { a: { b: { c: [1, { d: null }] } } },
  Object.create({ id: 'inherited' }),
];

/** Names added besides the caller's: prototype names (an own `__proto__` among them) and unknown ones. */
const ODD_NAMES: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'extra',
  'typo',
  'unknown_key',
  'new_field',
  'id',
  'type',
  'data',
  'object',
];

type Kind =
  | 'remove'
  | 'replace'
  | 'nudge'
  | 'add'
  | 'add-hidden'
  | 'hide'
  | 'null-prototype'
  | 'inherit'
  | 'replace-root';

/** Weighted by repetition: retyping, removing and adding are the common near misses. */
const KINDS: readonly Kind[] = [
  'replace',
  'replace',
  'replace',
  'remove',
  'remove',
  'add',
  'add',
  'add',
  'nudge',
  'nudge',
  'hide',
  'add-hidden',
  'null-prototype',
  'inherit',
  'replace-root',
];

/**
 * One change. `where` picks its place: the root object, an object or array drawn uniformly (then one of
 * its keys), or one (object, key) pair drawn uniformly over all of them, so deep fields are hit as often
 * as shallow ones.
 */
interface Change {
  kind: Kind;
  where: 'root' | 'container' | 'field';
  index: number;
  key: number;
  name: string;
  value: unknown;
  step: number;
}

type Container = Record<PropertyKey, unknown>;

/** Arrays and plain objects (prototype Object.prototype or null): the places a change can land. */
const INDEX = /^\d+$/;

/**
 * Removes an array's element by hand: an earlier change may have swapped the array's prototype or given
 * it an own `constructor`, and `splice` would then build its result through that (Symbol.species).
 */
function removeAt(list: unknown[], index: number): void {
  for (let i = index; i < list.length - 1; i++) {
    if (Object.hasOwn(list, i + 1)) list[i] = list[i + 1];
    else delete list[i];
  }
  list.length = list.length - 1;
}
function isContainer(value: unknown): value is Container {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy: own keys with their descriptors (an own `__proto__` stays data, a hidden key stays
 * hidden), the same prototype, array holes kept; exotic objects (a Date, a Map) shared, never changed.
 */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && proto !== Object.prototype && proto !== null) return value;
  const out = isArray ? new Array((value as unknown[]).length) : Object.create(proto);
  for (const key of Reflect.ownKeys(value)) {
    if (isArray && key === 'length') continue;
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    // Writable and configurable whatever the original (a frozen valid value): the copy is for changing.
    if ('value' in descriptor) {
      descriptor.value = copy(descriptor.value);
      descriptor.writable = true;
    }
    descriptor.configurable = true;
    Object.defineProperty(out, key, descriptor);
  }
  return out;
}

function pathOf(path: string, key: string, inArray: boolean): string {
  if (inArray) return `${path}[${key}]`;
  // `__proto__` in brackets: an own key of that name is the point of the change.
  return /^[A-Za-z_$][\w$]*$/.test(key) && key !== '__proto__'
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}

interface Place {
  node: Container;
  path: string;
}

/** Every container inside `value` (itself first), by its enumerable own keys, depth first. */
function placesIn(value: unknown, path = '$', out: Place[] = []): Place[] {
  if (!isContainer(value)) return out;
  out.push({ node: value, path });
  for (const key of Object.keys(value)) placesIn(value[key], pathOf(path, key, Array.isArray(value)), out);
  return out;
}

/** A value next to a primitive, by `step`; `undefined` when there is none (objects, null, undefined). */
const NUDGES: Record<string, ReadonlyArray<(v: never) => unknown>> = {
  number: [
    (v: number) => v + 1,
    (v: number) => v - 1,
    (v: number) => v * 10,
    (v: number) => -v,
    (v: number) => v + 0.5,
    (v: number) => v - 0.5,
    (v: number) => v * 2 ** 53,
    (v: number) => v + 2 ** 31,
    (v: number) => -1 - v,
  ],
  string: [() => '', (v: string) => v.toUpperCase(), (v: string) => `${v}0`, (v: string) => ` ${v}`],
  boolean: [(v: boolean) => String(v), (v: boolean) => Number(v), (v: boolean) => !v],
};

function nudge(value: unknown, step: number): { value: unknown } | undefined {
  const steps = NUDGES[typeof value];
  if (steps === undefined) return undefined;
  const f = steps[step % steps.length] as (v: unknown) => unknown;
  return { value: f(value) };
}

function define(node: object, key: string, value: unknown, enumerable = true): void {
  // defineProperty, not assignment: an own `__proto__` key is data here, as JSON.parse makes it.
  Object.defineProperty(node, key, { value: copy(value), enumerable, writable: true, configurable: true });
}

/** Applies one change to `root` (a copy, changed in place where it can be) and says what it did. */
function apply(root: unknown, change: Change): { root: unknown; said: string } {
  const replaceRoot = (value: unknown) => ({ root: copy(value), said: `replace $ with ${show(value, 40)}` });
  if (change.kind === 'replace-root') return replaceRoot(change.value);
  const places = placesIn(root);
  if (places.length === 0) {
    const nudged = change.kind === 'nudge' ? nudge(root, change.step) : undefined;
    return nudged
      ? { root: nudged.value, said: `nudge $ to ${show(nudged.value, 40)}` }
      : replaceRoot(change.value);
  }
  let place: Place;
  let key: string | undefined;
  if (change.where === 'field') {
    const fields = places.flatMap((p) => Object.keys(p.node).map((k) => [p, k] as const));
    const field = fields[change.index % Math.max(fields.length, 1)];
    [place, key] = field ?? [places[0] as Place, undefined];
  } else {
    place = places[change.where === 'root' ? 0 : change.index % places.length] as Place;
    const keys = Object.keys(place.node);
    key = keys.length > 0 ? keys[change.key % keys.length] : undefined;
  }
  const { node, path } = place;
  const isArray = Array.isArray(node);
  const at = key === undefined ? path : pathOf(path, key, isArray);
  let kind = change.kind;
  // Changes to an existing key fall back to adding one where the object has none.
  if (key === undefined && (kind === 'remove' || kind === 'replace' || kind === 'nudge' || kind === 'hide'))
    kind = 'add';
  switch (kind) {
    case 'remove':
      if (isArray && change.step % 2 === 1) {
        delete node[key as string];
        return { root, said: `leave a hole at ${at}` };
      }
      if (isArray && INDEX.test(key as string)) removeAt(node as unknown as unknown[], Number(key));
      else delete node[key as string];
      return { root, said: `remove ${at}` };
    case 'nudge': {
      const nudged = nudge(node[key as string], change.step);
      const value = nudged ? nudged.value : change.value;
      define(node, key as string, value);
      return { root, said: `${nudged ? 'nudge' : 'replace'} ${at} to ${show(value, 40)}` };
    }
    case 'replace':
      define(node, key as string, change.value);
      return { root, said: `replace ${at} with ${show(change.value, 40)}` };
    case 'hide': {
      // Now and then holding undefined: zod still writes `key: undefined` for a key `in` the object.
      const value = change.step % 3 === 0 ? undefined : node[key as string];
      define(node, key as string, value, false);
      return { root, said: `hide ${at} (non-enumerable)${value === undefined ? ' = undefined' : ''}` };
    }
    case 'add':
    case 'add-hidden': {
      const name = isArray ? String((node as unknown[]).length) : change.name;
      // A hidden key holding undefined half the time: present to zod, absent to `for…in` and counters.
      const value = kind === 'add-hidden' && change.step % 2 === 0 ? undefined : change.value;
      define(node, name, value, kind === 'add');
      const where = pathOf(path, name, isArray);
      return { root, said: `add ${where}${kind === 'add' ? '' : ' hidden'} = ${show(value, 40)}` };
    }
    case 'null-prototype':
      Object.setPrototypeOf(node, null);
      return { root, said: `give ${path} a null prototype` };
    default: {
      // 'inherit': its fields moved to its prototype (no own keys left), or a known name inherited.
      if (change.step % 2 === 0) {
        const proto = copy(node) as object;
        for (const k of Reflect.ownKeys(node)) if (!(isArray && k === 'length')) delete node[k as string];
        Object.setPrototypeOf(node, proto);
        return { root, said: `move the fields of ${path} to its prototype` };
      }
      const proto: object = {};
      define(proto, change.name, change.value);
      Object.setPrototypeOf(node, proto);
      return { root, said: `let ${path} inherit ${JSON.stringify(change.name)} = ${show(change.value, 40)}` };
    }
  }
}

function applyAll(valid: unknown, changes: readonly Change[]): Near {
  let root = copy(valid);
  const said: string[] = [];
  for (const change of changes) {
    const step = apply(root, change);
    root = step.root;
    said.push(step.said);
  }
  return { value: root, changes: said };
}

function changeArbitrary(options: NearValidOptions): fc.Arbitrary<Change> {
  const known = options.knownKeys ?? [];
  const anyName = fc.oneof(
    ...(known.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...ODD_NAMES) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  );
  const root = options.rootKeys ?? [];
  const names = root.length > 0 ? fc.oneof(fc.constantFrom(...root), anyName) : anyName;
  const values = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...ODD_VALUES, ...(options.knownValues ?? [])) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
    { weight: 1, arbitrary: fc.anything() },
  );
  const kinds =
    options.hiddenKeys === false ? KINDS.filter((k) => k !== 'hide' && k !== 'add-hidden') : KINDS;
  return fc.record({
    kind: fc.constantFrom(...kinds),
    where: fc.constantFrom('root', 'container', 'field'),
    index: fc.nat(),
    key: fc.nat(),
    name: names,
    value: values,
    step: fc.nat(),
  });
}

/**
 * Values near the valid ones `valid` draws: each a deep copy changed in `minChanges`–`maxChanges`
 * places (1–3 by default), or, for a share `unchanged` of the draws, left as it was. A change removes a
 * key (an array element: spliced out or left as a hole), adds one (an unknown name, `__proto__` as an own
 * key, a prototype name, a `knownKeys` name; an array grows by one), hides a key (non-enumerable) or adds
 * a known one hidden, replaces a value with an odd one (undefined, null, NaN, ±Infinity, -0, 1.5, -1,
 * 2^31, 2^53, 2^53+2, 1e21, '', long and numeric strings, booleans, [], {}, nested junk, dates spelled
 * otherwise, `knownValues`, anything), nudges a number (±1, ×10, -x, ±0.5, past 2^31 and 2^53), string
 * or boolean, swaps an object's prototype for null or for one carrying its fields, or replaces the whole
 * value. `changes` says, in order, what was done where.
 */
export function nearValid(valid: fc.Arbitrary<unknown>, options: NearValidOptions = {}): fc.Arbitrary<Near> {
  const mutated = fc
    .tuple(
      valid,
      fc.array(changeArbitrary(options), {
        minLength: options.minChanges ?? 1,
        maxLength: options.maxChanges ?? 3,
      }),
    )
    .map(([value, changes]) => applyAll(value, changes));
  const unchanged = Math.round((options.unchanged ?? 0) * 1000);
  if (unchanged <= 0) return mutated;
  return fc.oneof(
    { weight: unchanged, arbitrary: valid.map((value): Near => ({ value: copy(value), changes: [] })) },
    { weight: 1000 - unchanged, arbitrary: mutated },
  );
}

/**
 * Every single change of `value` the generator knows, at every place: each key replaced by each odd and
 * known value, nudged every way, removed and hidden; each known and odd name added, plainly and hidden;
 * each object's prototype swapped. For exhaustive checks of a few full records.
 */
export function singleChanges(value: unknown, options: NearValidOptions = {}): Near[] {
  const out: Near[] = [];
  const values = [...ODD_VALUES, ...(options.knownValues ?? [])];
  const names = [...new Set([...(options.knownKeys ?? []), ...ODD_NAMES])];
  const base: Change = {
    kind: 'replace',
    where: 'container',
    index: 0,
    key: 0,
    name: 'x',
    value: 'x',
    step: 0,
  };
  const one = (change: Partial<Change>) => out.push(applyAll(value, [{ ...base, ...change }]));
  const hidden = options.hiddenKeys !== false;
  const places = placesIn(value);
  places.forEach((place, index) => {
    Object.keys(place.node).forEach((_, key) => {
      for (const v of values) one({ index, key, value: v });
      const steps = NUDGES[typeof place.node[Object.keys(place.node)[key] as string]]?.length ?? 0;
      for (let step = 0; step < steps; step++) one({ kind: 'nudge', index, key, step });
      one({ kind: 'remove', index, key });
      if (Array.isArray(place.node)) one({ kind: 'remove', index, key, step: 1 });
      if (hidden) for (const step of [0, 1]) one({ kind: 'hide', index, key, step });
    });
    for (const name of names) {
      one({ kind: 'add', index, name });
      if (hidden) for (const step of [0, 1]) one({ kind: 'add-hidden', index, name, step });
    }
    one({ kind: 'add', index, name: '__proto__', value: {} });
    one({ kind: 'null-prototype', index });
    one({ kind: 'inherit', index, step: 0 });
    one({ kind: 'inherit', index, step: 1, name: names[0] ?? 'x' });
  });
  return out;
}
