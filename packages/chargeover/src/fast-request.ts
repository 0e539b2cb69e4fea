/**
 * Hand-written readers of the create request: the `POST /api/v3/invoice` body as the fake and
 * `fromProvider` accept it (InvoiceCreateBody, with its LineItemRequest lines). Each answers exactly what
 * its schema in wire.ts outputs for a plainly valid value, or undefined, and the caller then parses with
 * the schema (which owns the error messages). The building blocks are in fast-fields.ts.
 */
import { fastRead } from '@billbridge/core';
import {
  each,
  fieldOrder,
  fieldTable,
  INVALID,
  id,
  inShapeOrder,
  list,
  nonEmptyText,
  onlyListedKeys,
  otherField,
  PASSED,
  paycycle,
  type SchemaOutput,
  text,
  dateOnly as wireDate,
} from './fast-fields';
import {
  customerReferenceProblem,
  INVOICE_CUSTOM_KEYS,
  type InvoiceCreateBody,
  LINE_CUSTOM_KEYS,
  READ_ADDRESS_KEYS,
  SENT_ADDRESS_KEYS,
} from './wire';

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** LineItemRequest.loose(): the fields of a line we send, anything else passed through. */
export const LINE_REQUEST_FIELDS = fieldTable([
  ['item_id', id],
  ['descrip', text],
  ['line_rate', finite],
  ['line_quantity', nonNegative],
  ['paycycle', paycycle],
  ...each(LINE_CUSTOM_KEYS, text),
]);

export const LINE_REQUEST_REQUIRED = ['item_id'] as const;
const LINE_REQUEST_ORDER = fieldOrder(LINE_REQUEST_FIELDS);
const LINE_RANK = LINE_REQUEST_ORDER.rank;
const ITEM_ID_AT = LINE_RANK.item_id as number;
const DESCRIP_AT = LINE_RANK.descrip as number;
const LINE_RATE_AT = LINE_RANK.line_rate as number;
const LINE_QUANTITY_AT = LINE_RANK.line_quantity as number;
const LINE_PAYCYCLE_AT = LINE_RANK.paycycle as number;

/**
 * looseObject(value, LINE_REQUEST_FIELDS, LINE_REQUEST_REQUIRED), with the named fields checked in a
 * switch rather than through the table: lines are where the reading time goes. None of these fields is
 * transformed, so the answer is a copy (see onlyListedKeys in fast-fields.ts).
 */
export function readLineRequest(value: unknown): Record<string, unknown> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  const out: Record<string, unknown> = { ...input };
  let count = 0;
  let item = false;
  let last = -1;
  let ordered = true;
  let passed = false;
  for (const key in out) {
    count++;
    const field = out[key];
    let at: number;
    switch (key) {
      case 'item_id':
        if (id(field) === undefined) return undefined;
        item = true;
        at = ITEM_ID_AT;
        break;
      case 'descrip':
        if (typeof field !== 'string') return undefined;
        at = DESCRIP_AT;
        break;
      case 'line_rate':
        if (finite(field) === undefined) return undefined;
        at = LINE_RATE_AT;
        break;
      case 'line_quantity':
        if (nonNegative(field) === undefined) return undefined;
        at = LINE_QUANTITY_AT;
        break;
      case 'paycycle':
        if (paycycle(field) === undefined) return undefined;
        at = LINE_PAYCYCLE_AT;
        break;
      default: {
        const kind = otherField(LINE_REQUEST_FIELDS, key, field);
        if (kind === INVALID) return undefined;
        if (kind === PASSED) {
          passed = true;
          continue;
        }
        at = LINE_RANK[key] as number;
      }
    }
    // zod's order: declared fields in shape order, then the passed-through ones.
    if (passed || at < last) ordered = false;
    last = at;
  }
  if (!item || !onlyListedKeys(input, count)) return undefined;
  return ordered ? out : inShapeOrder(out, LINE_REQUEST_ORDER);
}

const lineItems = list(readLineRequest, 1);

/** InvoiceCreateBody's declared fields (the deprecated address fields included). */
export const CREATE_BODY_FIELDS = fieldTable([
  ['customer_id', id],
  ['customer_token', nonEmptyText],
  ['customer_external_key', nonEmptyText],
  ['refnumber', text],
  ['external_key', nonEmptyText],
  ['date', wireDate],
  ['currency_id', id],
  ['class_id', id],
  ['paycycle', paycycle],
  ['terms_id', id],
  ['admin_id', id],
  ...each(SENT_ADDRESS_KEYS, text),
  ['memo', text],
  ...each(INVOICE_CUSTOM_KEYS, text),
  ['line_items', lineItems],
  // The deprecated address fields come after line_items in the schema's shape (the sent ones stay put).
  ...each(READ_ADDRESS_KEYS, text),
]);
export const CREATE_BODY_REQUIRED = ['line_items'] as const;
const CREATE_BODY_ORDER = fieldOrder(CREATE_BODY_FIELDS);
const BODY_RANK = CREATE_BODY_ORDER.rank;
const LINE_ITEMS_AT = BODY_RANK.line_items as number;
const CUSTOMER_ID_AT = BODY_RANK.customer_id as number;
const CURRENCY_ID_AT = BODY_RANK.currency_id as number;
const REFNUMBER_AT = BODY_RANK.refnumber as number;
const MEMO_AT = BODY_RANK.memo as number;
const EXTERNAL_KEY_AT = BODY_RANK.external_key as number;
const DATE_AT = BODY_RANK.date as number;

/**
 * InvoiceCreateBody's output for a plainly valid body, or undefined: looseObject(value,
 * CREATE_BODY_FIELDS, CREATE_BODY_REQUIRED) and the one-customer rule, with the fields a body usually
 * has checked in a switch (the table serves the rest). Only line_items is rebuilt; every other value is
 * kept as it is (no field of this schema is transformed), so the answer is a copy (see onlyListedKeys in fast-fields.ts).
 */
export function readCreateBody(value: unknown): SchemaOutput<typeof InvoiceCreateBody> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  const out: Record<string, unknown> = { ...input };
  let count = 0;
  let items: unknown;
  let last = -1;
  let ordered = true;
  let passed = false;
  for (const key in out) {
    count++;
    const field = out[key];
    let at: number;
    switch (key) {
      case 'line_items':
        items = lineItems(field);
        if (items === undefined) return undefined;
        at = LINE_ITEMS_AT;
        break;
      case 'customer_id':
        if (id(field) === undefined) return undefined;
        at = CUSTOMER_ID_AT;
        break;
      case 'currency_id':
        if (id(field) === undefined) return undefined;
        at = CURRENCY_ID_AT;
        break;
      case 'refnumber':
        if (typeof field !== 'string') return undefined;
        at = REFNUMBER_AT;
        break;
      case 'memo':
        if (typeof field !== 'string') return undefined;
        at = MEMO_AT;
        break;
      case 'external_key':
        if (nonEmptyText(field) === undefined) return undefined;
        at = EXTERNAL_KEY_AT;
        break;
      case 'date':
        if (wireDate(field) === undefined) return undefined;
        at = DATE_AT;
        break;
      default: {
        const kind = otherField(CREATE_BODY_FIELDS, key, field);
        if (kind === INVALID) return undefined;
        if (kind === PASSED) {
          passed = true;
          continue;
        }
        at = BODY_RANK[key] as number;
      }
    }
    // zod's order: declared fields in shape order, then the passed-through ones.
    if (passed || at < last) ordered = false;
    last = at;
  }
  if (items === undefined || !onlyListedKeys(input, count)) return undefined;
  out.line_items = items;
  if (customerReferenceProblem(out) !== undefined) return undefined;
  return (ordered ? out : inShapeOrder(out, CREATE_BODY_ORDER)) as SchemaOutput<typeof InvoiceCreateBody>;
}
