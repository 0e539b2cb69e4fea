/**
 * Hand-written reader of Whop's `Invoice` object (the create answer, retrieve, list items), for a plainly
 * valid record. The schema's objects keep unknown keys (`looseObject`) and transform nothing, so for such
 * a record its output holds the record's values, in copies zod builds its own way: each object lists the
 * shape's keys first (shape order), then the unknown ones; an own `__proto__` key is never copied; the
 * `line_items` array is fresh (only the elements). The reader checks the record and builds the same
 * copies, or answers undefined whenever anything is doubtful (an own `__proto__` key included), and then
 * the caller parses with the schema, which owns every error message.
 */
import { fastRead } from '@billbridge/core';
import { dateTime, dateTimeOrNull, isDataArray, isDataObject, keyCount, num, strOrNull } from './fast-fields';
import type { WhopInvoice } from './wire';
import { CURRENT_PLAN_KEYS, INVOICE_KEYS, INVOICE_LINE_ITEM_KEYS, INVOICE_USER_KEYS } from './wire-keys';

const { str } = fastRead;

/** An ordinary object without an own `__proto__` key (which zod's loose copy would leave out). */
function isLooseRecord(value: unknown): value is fastRead.Input {
  return isDataObject(value) && !Object.hasOwn(value, '__proto__');
}

function isCurrentPlan(value: unknown): boolean {
  return isLooseRecord(value) && str(value.id) + str(value.currency) + str(value.formatted_price) === 3;
}

function isLineItem(value: unknown): boolean {
  return (
    isLooseRecord(value) &&
    str(value.label) +
      num(value.position) +
      num(value.quantity) +
      num(value.total) +
      num(value.unit_price) ===
      5
  );
}

function areLineItems(value: unknown): boolean {
  if (!isDataArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isLineItem(value[i])) return false;
  return true;
}

function isUser(value: unknown): boolean {
  // `name` is nullable, not optional: it must be present.
  return isLooseRecord(value) && str(value.id) + strOrNull(value.name) + str(value.username) === 3;
}

/** What the `Invoice` schema outputs for a plainly valid record; else undefined. */
export function fastReadInvoice(value: unknown): WhopInvoice | undefined {
  try {
    if (!isInvoice(value)) return undefined;
    const out = looseCopy(value, INVOICE_KEY_SET, INVOICE_KEYS);
    out.current_plan = looseCopy(
      value.current_plan as fastRead.Input,
      CURRENT_PLAN_KEY_SET,
      CURRENT_PLAN_KEYS,
    );
    const lines = value.line_items as fastRead.Input[];
    const copies = new Array<unknown>(lines.length);
    for (let i = 0; i < lines.length; i++)
      copies[i] = looseCopy(lines[i] as fastRead.Input, LINE_ITEM_KEY_SET, INVOICE_LINE_ITEM_KEYS);
    out.line_items = copies;
    if (value.user !== null)
      out.user = looseCopy(value.user as fastRead.Input, USER_KEY_SET, INVOICE_USER_KEYS);
    return out as WhopInvoice;
  } catch {
    // A value that throws when read (a getter, a proxy): zod reports it its own way.
    return undefined;
  }
}

const INVOICE_KEY_SET: ReadonlySet<string> = new Set(INVOICE_KEYS);
const CURRENT_PLAN_KEY_SET: ReadonlySet<string> = new Set(CURRENT_PLAN_KEYS);
const LINE_ITEM_KEY_SET: ReadonlySet<string> = new Set(INVOICE_LINE_ITEM_KEYS);
const USER_KEY_SET: ReadonlySet<string> = new Set(INVOICE_USER_KEYS);

/**
 * zod's copy of a loose object: the shape's keys first, in shape order, then the unknown keys in the
 * record's order (its `for...in` scan; keyCount is NaN when Object.prototype has an enumerable key, and
 * the caller has declined such a scan). Providers send keys in their own order, so the copy is rebuilt
 * rather than spread, or the answer would list keys differently from the schema's output.
 */
function looseCopy(
  value: fastRead.Input,
  known: ReadonlySet<string>,
  keys: readonly string[],
): fastRead.Output {
  const out: fastRead.Output = {};
  for (const key of keys) out[key] = value[key];
  for (const key of Object.keys(value)) if (!known.has(key)) out[key] = value[key];
  return out;
}

function isInvoice(value: unknown): value is fastRead.Input {
  // zod's loose copy scans with for...in: an enumerable key on Object.prototype would join every copy.
  if (!isLooseRecord(value) || Number.isNaN(keyCount(value))) return false;
  // Every field is required (nullable at most): an absent one counts 0 and fails the sum.
  const checked =
    str(value.id) +
    dateTime(value.created_at) +
    dateTimeOrNull(value.due_date) +
    strOrNull(value.email_address) +
    str(value.fetch_invoice_token) +
    str(value.number) +
    str(value.status);
  if (checked !== 7 || !isCurrentPlan(value.current_plan) || !areLineItems(value.line_items)) return false;
  const user = value.user;
  return user === null || isUser(user);
}
