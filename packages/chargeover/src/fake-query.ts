/**
 * The query endpoint's language (card §12): `where=<field>:<OP>:<value>[,…]`, `order=<field>:ASC|DESC`,
 * `limit`, `offset`. Fields with a dot (`line_items.item_id`) match when any line matches.
 */
export type Row = Record<string, unknown>;

const OPERATORS = ['EQUALS', 'NOTEQUALS', 'GTE', 'LTE', 'GT', 'LT', 'CONTAINS', 'IS', 'ISNOT'] as const;
type Operator = (typeof OPERATORS)[number];

interface Condition {
  field: string;
  op: Operator;
  value: string;
}

export class QueryError extends Error {}

/** Splits on the commas between conditions; `\,` is a comma inside a value (chargeover_php escapes so). */
function splitConditions(where: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < where.length; i += 1) {
    const ch = where[i];
    if (ch === '\\' && where[i + 1] === ',') {
      current += ',';
      i += 1;
    } else if (ch === ',') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function parseWhere(where: string | null): Condition[] {
  if (where === null || where === '') return [];
  return splitConditions(where).map((part) => {
    const first = part.indexOf(':');
    const second = part.indexOf(':', first + 1);
    if (first <= 0 || second < 0) throw new QueryError(`Invalid where clause "${part}".`);
    const field = part.slice(0, first);
    const op = part.slice(first + 1, second).toUpperCase();
    if (!(OPERATORS as readonly string[]).includes(op)) throw new QueryError(`Unknown operator "${op}".`);
    const value = part.slice(second + 1);
    if ((op === 'IS' || op === 'ISNOT') && value.toUpperCase() !== 'NULL') {
      throw new QueryError(`${op} takes NULL, got "${value}".`);
    }
    return { field, op: op as Operator, value };
  });
}

function valuesOf(row: Row, field: string): unknown[] {
  const dot = field.indexOf('.');
  if (dot < 0) return [row[field]];
  const nested = row[field.slice(0, dot)];
  if (!Array.isArray(nested)) return [undefined];
  return nested.map((item) => (item as Row)[field.slice(dot + 1)]);
}

function compare(actual: unknown, expected: string): number {
  const a = typeof actual === 'number' ? actual : Number(actual);
  const b = Number(expected);
  if (actual !== null && actual !== '' && expected !== '' && Number.isFinite(a) && Number.isFinite(b)) {
    return a === b ? 0 : a < b ? -1 : 1;
  }
  const text = String(actual ?? '');
  return text === expected ? 0 : text < expected ? -1 : 1;
}

function test(actual: unknown, { op, value }: Condition): boolean {
  if (op === 'IS') return actual === null || actual === undefined;
  if (op === 'ISNOT') return actual !== null && actual !== undefined;
  if (actual === null || actual === undefined) return op === 'NOTEQUALS';
  switch (op) {
    case 'EQUALS':
      return compare(actual, value) === 0;
    case 'NOTEQUALS':
      return compare(actual, value) !== 0;
    case 'GT':
      return compare(actual, value) > 0;
    case 'GTE':
      return compare(actual, value) >= 0;
    case 'LT':
      return compare(actual, value) < 0;
    case 'LTE':
      return compare(actual, value) <= 0;
    case 'CONTAINS':
      return String(actual).toLowerCase().includes(value.toLowerCase());
  }
}

export function matches(row: Row, conditions: Condition[]): boolean {
  return conditions.every((c) => valuesOf(row, c.field).some((actual) => test(actual, c)));
}

export function orderBy(rows: Row[], order: string | null): Row[] {
  if (order === null || order === '') return rows;
  const [field = '', direction = 'ASC'] = order.split(':');
  const sign = direction.toUpperCase() === 'DESC' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[field];
    return sign * compare(x, String(b[field] ?? ''));
  });
}
