/**
 * Hand-written readers of the create request: the `POST /api/v3/invoice` body as the fake and
 * `fromProvider` accept it (InvoiceCreateBody, with its LineItemRequest lines). Each answers exactly what
 * its schema in wire.ts outputs for a plainly valid value, or undefined, and the caller then parses with
 * the schema (which owns the error messages). The building blocks are in fast-fields.ts.
 */
import { fastRead } from '@billbridge/core';
import {
  DECLARED,
  each,
  fieldOrder,
  fieldTable,
  INVALID,
  id,
  KeyOrder,
  list,
  nonEmptyText,
  otherField,
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

/**
 * looseObject(value, LINE_REQUEST_FIELDS, LINE_REQUEST_REQUIRED), with the named fields checked in a
 * switch rather than through the table: lines are where the reading time goes (about a quarter less).
 * None of these fields is transformed, so each value is kept as it is.
 */
export function readLineRequest(value: unknown): Record<string, unknown> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  const out: Record<string, unknown> = {};
  let count = 0;
  let item = false;
  const order = new KeyOrder(LINE_REQUEST_ORDER);
  for (const key in input) {
    count++;
    const field = input[key];
    let declared = true;
    switch (key) {
      case 'item_id':
        if (id(field) === undefined) return undefined;
        item = true;
        break;
      case 'descrip':
        if (typeof field !== 'string') return undefined;
        break;
      case 'line_rate':
        if (finite(field) === undefined) return undefined;
        break;
      case 'line_quantity':
        if (nonNegative(field) === undefined) return undefined;
        break;
      case 'paycycle':
        if (paycycle(field) === undefined) return undefined;
        break;
      default: {
        const kind = otherField(LINE_REQUEST_FIELDS, key, field);
        if (kind === INVALID) return undefined;
        declared = kind === DECLARED;
      }
    }
    order.see(key, declared);
    out[key] = field;
  }
  if (!item || Object.getOwnPropertyNames(input).length !== count) return undefined;
  return order.inZodOrder(out);
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

/**
 * InvoiceCreateBody's output for a plainly valid body, or undefined: looseObject(value,
 * CREATE_BODY_FIELDS, CREATE_BODY_REQUIRED) and the one-customer rule, with the fields a body usually
 * has checked in a switch (the table serves the rest). Only line_items is rebuilt; every other value is
 * kept as it is (no field of this schema is transformed), and the keys are put in zod's order.
 */
export function readCreateBody(value: unknown): SchemaOutput<typeof InvoiceCreateBody> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  const out: Record<string, unknown> = {};
  let count = 0;
  let field: unknown;
  const order = new KeyOrder(CREATE_BODY_ORDER);
  for (const key in input) {
    count++;
    field = input[key];
    let declared = true;
    switch (key) {
      case 'line_items':
        field = lineItems(field);
        if (field === undefined) return undefined;
        break;
      case 'customer_id':
      case 'currency_id':
        if (id(field) === undefined) return undefined;
        break;
      case 'refnumber':
      case 'memo':
        if (typeof field !== 'string') return undefined;
        break;
      case 'external_key':
        if (nonEmptyText(field) === undefined) return undefined;
        break;
      case 'date':
        if (wireDate(field) === undefined) return undefined;
        break;
      default: {
        const kind = otherField(CREATE_BODY_FIELDS, key, field);
        if (kind === INVALID) return undefined;
        declared = kind === DECLARED;
      }
    }
    order.see(key, declared);
    out[key] = field;
  }
  if (out.line_items === undefined || Object.getOwnPropertyNames(input).length !== count) return undefined;
  if (customerReferenceProblem(out) !== undefined) return undefined;
  return order.inZodOrder(out) as SchemaOutput<typeof InvoiceCreateBody>;
}
