import {
  documentKind,
  formatDecimal,
  type Invoice,
  isInstant,
  isWholeDecimal,
  normalizeInstant,
  type Order,
  toDecimal,
} from '@billbridge/core';

/**
 * Field projections by capability key: the one place that says what value a key such as `lines.tax` or
 * `charges.unitAmount` stands for in a document. Used to compare a document with its round trip and to
 * tell whether a declared-unsupported field is present.
 *
 * - top-level and `customer.x` / `collection.x` keys: the value;
 * - `lines.x`: one entry per line; `charges.x`: one array per line, one entry per charge;
 * - both unit-price keys project the unit price as a normalised decimal (whichever field carried it), and
 *   both quantity keys the quantity, so `"2.50"`, `2.5` and `"2.5"` compare equal;
 * - instants are normalised, metadata becomes sorted [key, value] pairs (so `__proto__` is plain data).
 */
export type Projection = Record<string, unknown>;

type Doc = Invoice | Order;
type AnyRecord = Record<string, unknown>;

const LINE_PRICE_KEYS = new Set(['lines.unitAmount', 'lines.subMinorUnitAmount']);
const LINE_QUANTITY_KEYS = new Set(['lines.quantity', 'lines.fractionalQuantity']);
const CHARGE_PRICE_KEYS = new Set(['charges.unitAmount', 'charges.subMinorUnitAmount']);

/** The value of one capability field (e.g. `lines.unitAmount`) in a canonical document, in the form the conformance suite compares. */
export function projectField(doc: Doc, field: string): unknown {
  const d = doc as unknown as AnyRecord;
  const lines = (Array.isArray(d.lines) ? d.lines : []) as AnyRecord[];
  if (LINE_PRICE_KEYS.has(field)) return lines.map(unitPriceOf);
  if (LINE_QUANTITY_KEYS.has(field)) return lines.map((l) => decimalOf(l.quantity));
  if (field === 'lines.period' && documentKind(doc) === 'order') {
    // Order lines carry their period as startAt / endAt.
    return lines.map((l) =>
      l.startAt === undefined && l.endAt === undefined
        ? undefined
        : normalize({ start: l.startAt, end: l.endAt }),
    );
  }
  if (field.startsWith('charges.')) {
    const key = field.slice('charges.'.length);
    return lines.map((l) =>
      ((l.charges ?? []) as AnyRecord[]).map((c) =>
        CHARGE_PRICE_KEYS.has(field)
          ? unitPriceOf(c)
          : key === 'quantity'
            ? decimalOf(c.quantity)
            : normalize(c[key], key),
      ),
    );
  }
  if (field.startsWith('lines.')) {
    const key = field.slice('lines.'.length);
    return lines.map((l) => normalize(l[key], key));
  }
  const [head, sub] = field.split('.') as [string, string | undefined];
  const value = d[head];
  if (sub === undefined) return normalize(value, head);
  return value && typeof value === 'object' ? normalize((value as AnyRecord)[sub], sub) : undefined;
}

/** The values of several capability fields of a document: what the conformance suite compares before and after a round trip. */
export function project(doc: Doc, fields: Iterable<string>): Projection {
  const out: Projection = {};
  for (const field of fields) out[field] = projectField(doc, field);
  return out;
}

/** A field whose value differs between two projections: the field, where (`at`), and the two values. */
export interface ProjectionMismatch {
  field: string;
  /** e.g. `[2]` or `[0][1]` for line / charge entries */
  at: string;
  expected: unknown;
  actual: unknown;
}

/**
 * Differences between the projection of an input and of its round trip. A value the input left out is
 * not compared (the provider may fill a documented default), but line and charge counts must agree.
 */
export function compareProjections(expected: Projection, actual: Projection): ProjectionMismatch[] {
  const out: ProjectionMismatch[] = [];
  for (const [field, want] of Object.entries(expected)) walk(field, '', want, actual[field], out);
  return out;
}

function walk(field: string, at: string, want: unknown, got: unknown, out: ProjectionMismatch[]): void {
  if (want === undefined) return;
  if (Array.isArray(want) && isEntryField(field, at)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      out.push({ field, at, expected: want, actual: got });
      return;
    }
    want.forEach((item, i) => {
      walk(field, `${at}[${i}]`, item, got[i], out);
    });
    return;
  }
  if (!deepEqual(want, got)) out.push({ field, at, expected: want, actual: got });
}

/** Per-line arrays (and per-charge arrays inside them) are compared entry by entry. */
function isEntryField(field: string, at: string): boolean {
  const depth = at === '' ? 0 : at.split('][').length;
  if (field.startsWith('charges.')) return depth < 2;
  return field.startsWith('lines.') && depth < 1;
}

/** Whether a field carries information in this document (a default such as quantity 1 does not). */
export function fieldPresent(doc: Doc, field: string): boolean {
  const value = projectField(doc, field);
  const flat = field.startsWith('charges.')
    ? (value as unknown[][]).flat()
    : field.startsWith('lines.')
      ? (value as unknown[])
      : [value];
  if (field === 'lines.quantity' || field === 'charges.quantity') {
    return flat.some((q) => q !== undefined && q !== '1');
  }
  if (field === 'lines.fractionalQuantity') {
    return flat.some((q) => typeof q === 'string' && !isWholeDecimal(toDecimal(q)));
  }
  if (field === 'lines.subMinorUnitAmount' || field === 'charges.subMinorUnitAmount') {
    return flat.some((p) => typeof p === 'string' && !isWholeDecimal(toDecimal(p)));
  }
  return flat.some((item) => item !== undefined);
}

/** Canonical paths a warning about a capability key may start with. */
export function warningPathPatterns(field: string): RegExp[] {
  const sub = (name: string) =>
    field.startsWith('charges.')
      ? `lines\\[\\d+\\]\\.charges\\[\\d+\\]\\.${name}`
      : `lines\\[\\d+\\]\\.${name}`;
  const names: Record<string, string[]> = {
    'lines.fractionalQuantity': ['quantity'],
    'lines.subMinorUnitAmount': ['unitAmountDecimal', 'unitAmount'],
    'charges.subMinorUnitAmount': ['unitAmountDecimal', 'unitAmount'],
    'lines.period': ['period', 'startAt', 'endAt'],
  };
  const end = '(?![A-Za-z0-9_])';
  if (field.startsWith('lines.') || field.startsWith('charges.')) {
    const leaf = field.slice(field.indexOf('.') + 1);
    const own = (names[field] ?? [leaf]).map((name) => new RegExp(`^${sub(name)}${end}`));
    // A warning about the whole line (or charge) covers its fields too.
    const whole = field.startsWith('charges.')
      ? [/^lines\[\d+\]$/, /^lines\[\d+\]\.charges\[\d+\]$/]
      : [/^lines\[\d+\]$/];
    return [...own, ...whole];
  }
  const segments = field.split('.');
  // A warning about the enclosing object (`collection` dropped whole) covers its fields too.
  const ancestors = segments
    .slice(0, -1)
    .map((_, i) => new RegExp(`^${segments.slice(0, i + 1).join('\\.')}$`));
  return [new RegExp(`^${segments.join('\\.')}${end}`), ...ancestors];
}

function unitPriceOf(item: AnyRecord): string | undefined {
  if (item.unitAmountDecimal !== undefined) return decimalOf(item.unitAmountDecimal);
  if (item.unitAmount !== undefined) return decimalOf(item.unitAmount);
  return undefined;
}

function decimalOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number')
    return value === undefined ? undefined : String(value);
  try {
    return formatDecimal(toDecimal(value));
  } catch {
    return String(value);
  }
}

const DECIMAL_KEYS = new Set(['ratePercent', 'unitAmountDecimal']);

/** Deep copy with undefined keys dropped, instants normalised, decimals normalised, metadata as pairs. */
function normalize(value: unknown, key?: string): unknown {
  if (value === undefined || value === null) return value;
  if (key === 'metadata' && typeof value === 'object') {
    return Object.entries(value as AnyRecord)
      .map(([k, v]) => [k, v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  if (key && DECIMAL_KEYS.has(key)) return decimalOf(value);
  if (typeof value === 'string') return isInstant(value) ? normalizeInstant(value) : value;
  if (Array.isArray(value)) return value.map((item) => normalize(item));
  if (typeof value === 'object') {
    const out: AnyRecord = {};
    for (const [k, v] of Object.entries(value as AnyRecord)) {
      if (v !== undefined)
        Object.defineProperty(out, k, { value: normalize(v, k), enumerable: true, writable: true });
    }
    return out;
  }
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as AnyRecord)[k], (b as AnyRecord)[k]));
}
