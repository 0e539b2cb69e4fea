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
import {
  copyUnknown,
  dateTime,
  dateTimeOrNull,
  forInCount,
  isDataArray,
  isLooseRecord,
  type LooseShape,
  looseCopy,
  looseShape,
  num,
  prototypeHasKeys,
  startsWithShape,
  strOrNull,
} from './fast-fields';
import type { WhopInvoice } from './wire';
import { CURRENT_PLAN_KEYS, INVOICE_KEYS, INVOICE_LINE_ITEM_KEYS, INVOICE_USER_KEYS } from './wire-keys';

const { hasNoHiddenKeys, str } = fastRead;

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

/**
 * What the `Invoice` schema outputs for a plainly valid record; else undefined. The answer is built in
 * zod's key order (the shape's keys, then unknown ones); a nested object whose keys already come in that
 * order is answered as it is (zod's copy of it would list the same keys the same way), only one in
 * another order is rebuilt. The shapes follow Whop's documented order (wire-keys.ts), so a real record's
 * nested objects are kept; the top level is always a fresh object (its `line_items` array is), written
 * out here as a literal in INVOICE_KEYS order, the cheapest copy there is.
 */
export function fastReadInvoice(value: unknown): WhopInvoice | undefined {
  try {
    if (!isInvoice(value)) return undefined;
    // Non-enumerable own keys (which zod reads when known, and leaves out when not) are left to zod.
    const listed = forInCount(value);
    if (!hasNoHiddenKeys(value, listed)) return undefined;
    const lines = value.line_items as fastRead.Input[];
    const copies = new Array<unknown>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = inZodOrder(lines[i] as fastRead.Input, LINE_ITEM_SHAPE);
      if (line === undefined) return undefined;
      copies[i] = line;
    }
    const plan = inZodOrder(value.current_plan as fastRead.Input, CURRENT_PLAN_SHAPE);
    const user = value.user as fastRead.Input | null;
    const userCopy = user === null ? null : inZodOrder(user, USER_SHAPE);
    if (plan === undefined || userCopy === undefined) return undefined;
    const out: fastRead.Output = {
      id: value.id,
      created_at: value.created_at,
      status: value.status,
      number: value.number,
      due_date: value.due_date,
      email_address: value.email_address,
      fetch_invoice_token: value.fetch_invoice_token,
      current_plan: plan,
      line_items: copies,
      user: userCopy,
    };
    // Every shape key is present (isInvoice), so more keys means unknown ones, which zod copies last.
    if (listed > INVOICE_KEYS.length) copyUnknown(value, out, INVOICE_SHAPE.known);
    return out as WhopInvoice;
  } catch {
    // A value that throws when read (a getter, a proxy): zod reports it its own way.
    return undefined;
  }
}

/**
 * A checked loose object with keys in zod's order: itself, else its copy in that order; undefined when it
 * has non-enumerable own keys (see startsWithShape).
 */
function inZodOrder(value: fastRead.Input, shape: LooseShape): fastRead.Input | undefined {
  const shapeFirst = startsWithShape(value, shape.keys);
  if (shapeFirst === undefined) return undefined;
  return shapeFirst ? value : looseCopy(value, shape);
}

const INVOICE_SHAPE = looseShape(INVOICE_KEYS);
const CURRENT_PLAN_SHAPE = looseShape(CURRENT_PLAN_KEYS);
const LINE_ITEM_SHAPE = looseShape(INVOICE_LINE_ITEM_KEYS);
const USER_SHAPE = looseShape(INVOICE_USER_KEYS);

function isInvoice(value: unknown): value is fastRead.Input {
  // zod's loose copy scans with for...in: an enumerable key on Object.prototype would join every copy.
  if (!isLooseRecord(value) || prototypeHasKeys()) return false;
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
