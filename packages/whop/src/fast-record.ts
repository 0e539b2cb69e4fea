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
  dateTime,
  dateTimeOrNull,
  isDataArray,
  isLooseRecord,
  keyCount,
  looseCopy,
  looseShape,
  num,
  strOrNull,
} from './fast-fields';
import type { WhopInvoice } from './wire';
import { CURRENT_PLAN_KEYS, INVOICE_KEYS, INVOICE_LINE_ITEM_KEYS, INVOICE_USER_KEYS } from './wire-keys';

const { str } = fastRead;

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
    const out = looseCopy(value, INVOICE_SHAPE);
    out.current_plan = looseCopy(value.current_plan as fastRead.Input, CURRENT_PLAN_SHAPE);
    const lines = value.line_items as fastRead.Input[];
    const copies = new Array<unknown>(lines.length);
    for (let i = 0; i < lines.length; i++) copies[i] = looseCopy(lines[i] as fastRead.Input, LINE_ITEM_SHAPE);
    out.line_items = copies;
    if (value.user !== null) out.user = looseCopy(value.user as fastRead.Input, USER_SHAPE);
    return out as WhopInvoice;
  } catch {
    // A value that throws when read (a getter, a proxy): zod reports it its own way.
    return undefined;
  }
}

const INVOICE_SHAPE = looseShape(INVOICE_KEYS);
const CURRENT_PLAN_SHAPE = looseShape(CURRENT_PLAN_KEYS);
const LINE_ITEM_SHAPE = looseShape(INVOICE_LINE_ITEM_KEYS);
const USER_SHAPE = looseShape(INVOICE_USER_KEYS);

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
