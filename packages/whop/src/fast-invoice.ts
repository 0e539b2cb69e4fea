/**
 * Hand-written reader of Whop's `Invoice` object (the create answer, retrieve, list items) for a plainly
 * valid record: exactly what the `Invoice` schema outputs, or undefined whenever anything is doubtful,
 * and then the caller parses with the schema, which owns every error message. The schema's objects keep
 * unknown keys (`looseObject`), so the reader copies them as zod does: every key `for...in` yields that
 * the shape does not name, except `__proto__`, which zod never copies.
 */
import { fastRead } from '@billbridge/core';
import { dateTime, dateTimeOrNull, num, strOrNull } from './fast-counters';
import type { WhopInvoice } from './wire';
import { CURRENT_PLAN_KEYS, INVOICE_KEYS, INVOICE_LINE_ITEM_KEYS, INVOICE_USER_KEYS } from './wire-keys';

type Input = fastRead.Input;
type Output = fastRead.Output;
const { asPlainObject, keySet, readList, str } = fastRead;

/** Adds the keys a loose object does not name to `out` (zod's catchall copy). */
function copyUnknown(input: Input, known: ReadonlySet<string>, out: Output): Output {
  for (const key in input) {
    if (!known.has(key) && key !== '__proto__') out[key] = input[key];
  }
  return out;
}

const CURRENT_PLAN_KEY_SET = keySet(...CURRENT_PLAN_KEYS);

function readCurrentPlan(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { id, currency, formatted_price: formattedPrice } = input;
  if (str(id) + str(currency) + str(formattedPrice) !== 3) return undefined;
  return copyUnknown(input, CURRENT_PLAN_KEY_SET, { id, currency, formatted_price: formattedPrice });
}

const LINE_ITEM_KEY_SET = keySet(...INVOICE_LINE_ITEM_KEYS);

function readLineItem(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { label, position, quantity, total, unit_price: unitPrice } = input;
  if (str(label) + num(position) + num(quantity) + num(total) + num(unitPrice) !== 5) return undefined;
  return copyUnknown(input, LINE_ITEM_KEY_SET, { label, position, quantity, total, unit_price: unitPrice });
}

const USER_KEY_SET = keySet(...INVOICE_USER_KEYS);

function readUser(value: unknown): Output | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { id, name, username } = input;
  // `name` is nullable, not optional: it must be present.
  if (str(id) + strOrNull(name) + str(username) !== 3) return undefined;
  return copyUnknown(input, USER_KEY_SET, { id, name, username });
}

const INVOICE_KEY_SET = keySet(...INVOICE_KEYS);

/** The record the `Invoice` schema would output for `value`, when `value` is plainly valid; else undefined. */
export function fastReadInvoice(value: unknown): WhopInvoice | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { id, created_at: createdAt, due_date: dueDate, email_address: email } = input;
  const { fetch_invoice_token: token, number, status } = input;
  // Every field is required (nullable at most): absent fails the schema, so it fails here too.
  const checked =
    str(id) +
    dateTime(createdAt) +
    dateTimeOrNull(dueDate) +
    strOrNull(email) +
    str(token) +
    str(number) +
    str(status);
  if (checked !== 7) return undefined;
  const plan = readCurrentPlan(input.current_plan);
  const lineItems = readList(input.line_items, readLineItem);
  const rawUser = input.user;
  const user = rawUser === null ? null : readUser(rawUser);
  if (plan === undefined || lineItems === undefined || user === undefined) return undefined;
  const out: Output = {
    id,
    created_at: createdAt,
    current_plan: plan,
    due_date: dueDate,
    email_address: email,
    fetch_invoice_token: token,
    line_items: lineItems,
    number,
    status,
    user,
  };
  return copyUnknown(input, INVOICE_KEY_SET, out) as WhopInvoice;
}
