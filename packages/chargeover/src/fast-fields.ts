/**
 * Building blocks of the hand-written readers of ChargeOver's wire shapes (fast-request.ts, fast-record.ts):
 * one reader per wire value kind of wire.ts, the loose-object walk every read shape shares, and the
 * envelope every answer comes in.
 *
 * A value reader answers what its zod schema outputs for a plainly valid value, or undefined for anything
 * else (invalid or doubtful); the caller then falls back to the schema, which owns every error message.
 * No valid value of these schemas is `undefined`, so undefined can mean "no" throughout.
 */
import { DECIMAL_PATTERN, fastRead } from '@billbridge/core';
import {
  DATE_ONLY,
  NAIVE_DATETIME,
  OFFSET_DATETIME,
  PAYCYCLE_CODES,
  READ_ID_TEXT,
  READ_INT_TEXT,
} from './wire';

/** Reads one field's value: the schema's output, or undefined. */
export type FieldReader = (value: unknown) => unknown;
/** Field name → its reader, for the fields a loose object schema declares. */
export type FieldTable = Readonly<Record<string, FieldReader>>;

/** A field table with no prototype, so a wire key such as `constructor` is never mistaken for a field. */
export function fieldTable(entries: Iterable<readonly [string, FieldReader]>): FieldTable {
  const table: Record<string, FieldReader> = Object.create(null);
  const rank: Record<string, number> = Object.create(null);
  const order: string[] = [];
  const readers: FieldReader[] = [];
  for (const [key, reader] of entries) {
    table[key] = reader;
    if (rank[key] === undefined) rank[key] = order.push(key) - 1;
    readers[rank[key]] = reader;
  }
  ORDERS.set(table, { order, rank, readers });
  return table;
}

/**
 * The order of a table's fields: zod lists a loose object's declared keys in shape order, then the
 * passed-through ones in the input's order, so tables are written in shape order (a test compares each
 * with its schema's shape) and a read whose keys came in another order is rebuilt in this one.
 */
export interface FieldOrder {
  readonly order: readonly string[];
  readonly rank: Readonly<Record<string, number>>;
  /** The field readers by rank (one lookup per key in the walks). */
  readonly readers: readonly FieldReader[];
}
const ORDERS = new WeakMap<FieldTable, FieldOrder>();

/** The field order of a table made by fieldTable. */
export function fieldOrder(table: FieldTable): FieldOrder {
  return ORDERS.get(table) as FieldOrder;
}

/** The same reader under each key. */
export function each(keys: readonly string[], reader: FieldReader): Array<readonly [string, FieldReader]> {
  return keys.map((key) => [key, reader] as const);
}

// ------------------------------------------------------------------------------------- value readers

/** `z.int().positive()`. */
export function id(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;
}

/** ReadId: a positive integer, or its decimal text (read as a number). */
export function readId(value: unknown): number | undefined {
  if (typeof value === 'string') return READ_ID_TEXT.test(value) ? id(Number(value)) : undefined;
  return id(value);
}

/** ReadInt: any safe integer, or up to 15 digits of text (read as a number). */
export function readInt(value: unknown): number | undefined {
  if (typeof value === 'string') return READ_INT_TEXT.test(value) ? Number(value) : undefined;
  return Number.isSafeInteger(value) ? (value as number) : undefined;
}

/** WireDecimal: a finite number, or a decimal string, both kept as they are. */
export function wireDecimal(value: unknown): number | string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && DECIMAL_PATTERN.test(value) ? value : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `z.string().min(1)`. */
export function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function boolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function dateOnly(value: unknown): string | undefined {
  return typeof value === 'string' && DATE_ONLY.test(value) ? value : undefined;
}

export function wireDateTime(value: unknown): string | undefined {
  return typeof value === 'string' && (NAIVE_DATETIME.test(value) || OFFSET_DATETIME.test(value))
    ? value
    : undefined;
}

/** `reader` with `null` allowed (`.nullable()`). */
export function orNull(reader: FieldReader): FieldReader {
  return (value) => (value === null ? null : reader(value));
}

/** A value of a set of strings (`z.enum`). */
export function member(values: ReadonlySet<string>): FieldReader {
  return (value) => (typeof value === 'string' && values.has(value) ? value : undefined);
}

/** `z.array(item)` with at least `min` elements, each read by `item`. */
export function list(item: FieldReader, min = 0): FieldReader {
  return (value) => {
    const out = fastRead.readList(value, item);
    return out !== undefined && out.length >= min ? out : undefined;
  };
}

export const PAYCYCLE_SET: ReadonlySet<string> = new Set(PAYCYCLE_CODES);
/** Paycycle (`z.enum(PAYCYCLE_CODES)`). */
export const paycycle = member(PAYCYCLE_SET);

// ---------------------------------------------------------------------------------- loose objects

/**
 * A `z.looseObject` read: declared fields by their readers, every other key passed through as it is
 * (zod's catchall is `unknown`), a fresh object out, keys in zod's order (see FieldOrder). Answers
 * undefined when a declared field is invalid, a `required` one is missing, a key is `__proto__` (zod
 * drops it), a passed-through value is an object (zod's path first refuses too deep a nesting, which this
 * walk does not measure), or the object has properties `for...in` does not list the way zod's reads see
 * them (non-enumerable or inherited ones).
 */
export function looseObject(
  value: unknown,
  table: FieldTable,
  required: readonly string[],
): Record<string, unknown> | undefined {
  const fields = fieldOrder(table);
  return readLoose(value, fields, requiredRanks(fields, required));
}

/** The reader of a loose object schema, as a field reader (for nesting and lists). */
export function loose(table: FieldTable, required: readonly string[]): FieldReader {
  const fields = fieldOrder(table);
  const ranks = requiredRanks(fields, required);
  return (value) => readLoose(value, fields, ranks);
}

function requiredRanks({ rank }: FieldOrder, required: readonly string[]): number[] {
  return required.map((key) => rank[key] as number);
}

function readLoose(
  value: unknown,
  fields: FieldOrder,
  required: readonly number[],
): Record<string, unknown> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  // The read shapes are declared in the order ChargeOver sends its fields (wire.ts), so a real record's
  // order is zod's (declared fields in shape order, then passed-through ones): its answer is a copy of it
  // with the few reads that differ from their field (a nested list, an id sent as text) put in their
  // place. A record in another order is built from the reads in shape order. A read is never
  // undefined, so an unset slot is an absent field.
  const { order, rank, readers } = fields;
  const reads = new Array<unknown>(order.length);
  let changed: number[] | undefined;
  let passed: string[] | undefined;
  let count = 0;
  let last = -1;
  let ordered = true;
  for (const key in input) {
    count++;
    const field = input[key];
    const at = rank[key];
    if (at === undefined) {
      if (key === '__proto__' || (typeof field === 'object' && field !== null)) return undefined;
      if (passed === undefined) passed = [key];
      else passed.push(key);
      continue;
    }
    const read = (readers[at] as FieldReader)(field);
    if (read === undefined) return undefined;
    reads[at] = read;
    if (read !== field) {
      if (changed === undefined) changed = [at];
      else changed.push(at);
    }
    if (passed !== undefined || at < last) ordered = false;
    last = at;
  }
  for (let i = 0; i < required.length; i++) if (reads[required[i] as number] === undefined) return undefined;
  // Own string keys, non-enumerable ones included, must be the ones for...in listed.
  if (Object.getOwnPropertyNames(input).length !== count) return undefined;
  // The copy: a spread clones the record's keys in their order at a fraction of a keyed store per key
  // (reader CPU of a 1-line record about halved). Symbol keys, which a spread would copy and zod not, send
  // the record to the rebuild. (Asked here, not by Reflect.ownKeys above: that cost more than the spread saved.)
  // Known gap (as before the create-body reader was rewritten): an accessor property is read here a second
  // time, so a record built by code with a getter (a caller's `documents` source) can be answered with a
  // value the walk above did not check. Copying first and checking the copy closes it, but a spread of a
  // record built by code (dictionary mode at ~55 keys) costs ~10 µs, which doubled the read of such a
  // record in another order. Records from ChargeOver arrive as JSON, where no accessor can be.
  if (ordered && Object.getOwnPropertySymbols(input).length === 0) {
    const out: Record<string, unknown> = { ...input };
    if (changed !== undefined) for (const at of changed) out[order[at] as string] = reads[at];
    return out;
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < order.length; i++) {
    const read = reads[i];
    if (read !== undefined) out[order[i] as string] = read;
  }
  if (passed !== undefined) for (const key of passed) out[key] = input[key];
  return out;
}

/**
 * The fields of a loose object a reader's switch does not name, each read once through the table:
 * declared ones by rank, passed-through ones with their values in the input's order. The reader then
 * puts them in zod's order around the fields it named (declared fields in shape order, then the
 * passed-through ones), without copying the input: request objects built by code are often in
 * dictionary mode, where a spread copy costs more than the whole read (about 4 µs at 20 keys).
 */
export class OtherFields {
  private readonly reads: unknown[];
  /** Passed-through keys and their values, in turn. */
  private passed: unknown[] | undefined;

  constructor(private readonly fields: FieldOrder) {
    this.reads = new Array<unknown>(fields.order.length);
  }

  /**
   * Reads one field; false when zod would refuse it, or would not simply copy it (a `__proto__` key,
   * an object value: see looseObject).
   */
  add(key: string, field: unknown): boolean {
    const at = this.fields.rank[key];
    if (at !== undefined) {
      const read = (this.fields.readers[at] as FieldReader)(field);
      if (read === undefined) return false;
      this.reads[at] = read;
      return true;
    }
    if (key === '__proto__' || (typeof field === 'object' && field !== null)) return false;
    if (this.passed === undefined) this.passed = [key, field];
    else this.passed.push(key, field);
    return true;
  }

  /** The declared fields read of ranks `from` to `to - 1`, in rank order (a read is never undefined). */
  put(out: Record<string, unknown>, from: number, to: number): void {
    const { reads } = this;
    for (let i = from; i < to; i++) {
      const read = reads[i];
      if (read !== undefined) out[this.fields.order[i] as string] = read;
    }
  }

  /** The passed-through fields, in the input's order (after every declared one, as zod lists them). */
  putPassed(out: Record<string, unknown>): void {
    const passed = this.passed;
    if (passed !== undefined)
      for (let i = 0; i < passed.length; i += 2) out[passed[i] as string] = passed[i + 1];
  }
}

/** What a schema (or its lazy stand-in) outputs. */
export type SchemaOutput<S> = S extends { parse(value: unknown): infer T } ? T : never;

// ------------------------------------------------------------------------------------------ envelope

/**
 * `details` (`z.record(z.string(), z.unknown()).nullable()`): null, or a fresh object with the same keys
 * (`{}` in every documented answer; error answers may name fields), less an own `__proto__` (zod skips
 * it). Left to zod: anything but an ordinary object of enumerable string keys, an own `constructor`
 * function (zod's plain-object test looks at it), and values other than JSON primitives.
 */
export function details(value: unknown): Record<string, unknown> | null | undefined {
  if (value === null) return null;
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  if (Object.hasOwn(input, 'constructor') && typeof input.constructor === 'function') return undefined;
  const keys = Object.keys(input);
  if (keys.length !== Reflect.ownKeys(input).length) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === '__proto__') continue;
    const item = input[key];
    if (item !== null && typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
      return undefined;
    out[key] = item;
  }
  return out;
}

function code(value: unknown): number | undefined {
  return Number.isSafeInteger(value) ? (value as number) : undefined;
}

function message(value: unknown): string | null | undefined {
  return value === null || typeof value === 'string' ? value : undefined;
}

/** The envelope's fields around a given `response` reader (Envelope.extend({ response })). */
export function envelopeFields(response: (value: unknown) => unknown) {
  return fieldTable([
    ['code', code],
    ['status', text],
    ['message', message],
    ['details', details],
    ['response', response],
  ]);
}

/** Fields every envelope must carry (`details` may be absent). */
export const ENVELOPE_REQUIRED = ['code', 'status', 'message', 'response'] as const;
