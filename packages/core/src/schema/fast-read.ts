/**
 * The building blocks of hand-written readers, for adapter packages reading provider records.
 *
 * A reader takes a plainly valid value and answers exactly what its zod schema would output, or undefined
 * whenever it is unsure; the caller then falls back to the schema (`parseWith`), which owns every error
 * message. Field counters answer 0 (absent), 1 (valid) or NaN (anything else); their sum must equal
 * `countKnownKeys(record, KEYS)`, which rejects unknown keys for strict objects. For non-strict
 * (passthrough or strip) objects, count nothing and copy only the fields the schema keeps.
 * countKnownKeys also declines an object with own keys `for...in` does not list (a non-enumerable field,
 * which zod still reads); readers of non-strict objects that walk or count keys themselves ask
 * `hasNoHiddenKeys`. fast-checks.ts explains the pattern; core's own readers (model/fast-invoice.ts)
 * walk `for...in` with a switch instead, which costs less on objects of many shapes.
 */
export {
  asPlainObject,
  bool,
  countKnownKeys,
  currency,
  decimal,
  hasNoHiddenKeys,
  type Input,
  instant,
  int,
  metadata,
  minor,
  nested,
  type Output,
  oneOf,
  parsed,
  type Reader,
  readList,
  str,
} from '../model/fast-checks';
/** ISO 3166-1 alpha-2 in upper case: the pattern core's CountryCode schema checks. */
export { COUNTRY_CODE_PATTERN } from '../model/primitives';

/** The field names of an object schema, written out so a reader needs no schema at import. */
export function keySet(...keys: string[]): ReadonlySet<string> {
  return new Set(keys);
}
