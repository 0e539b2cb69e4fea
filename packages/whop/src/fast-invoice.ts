/**
 * Hand-written reader of Whop's `Invoice` object (the create answer, retrieve, list items), for a plainly
 * valid record. The schema's objects keep unknown keys (`looseObject`) and transform nothing, so for such
 * a record its output equals the record, except that zod never copies an own `__proto__` key and builds
 * a fresh `line_items` array (holding only the elements). The reader checks the record and answers a
 * shallow copy with the array copied, or undefined whenever anything is doubtful (an own `__proto__` key
 * included), and then the caller parses with the schema, which owns every error message.
 */
import { fastRead } from '@billbridge/core';
import {
  dateTime,
  dateTimeOrNull,
  elements,
  isDataArray,
  isDataObject,
  num,
  strOrNull,
} from './fast-counters';
import type { WhopInvoice } from './wire';

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
    return isInvoice(value)
      ? ({ ...value, line_items: elements(value.line_items as unknown[]) } as WhopInvoice)
      : undefined;
  } catch {
    // A value that throws when read (a getter, a proxy): zod reports it its own way.
    return undefined;
  }
}

function isInvoice(value: unknown): value is fastRead.Input {
  if (!isLooseRecord(value)) return false;
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
