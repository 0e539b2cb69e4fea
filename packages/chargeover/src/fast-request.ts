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
  id,
  list,
  nonEmptyText,
  OtherFields,
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
/** The switch below names the shape's first fields; the others follow them in the shape. */
const LINE_NAMED = 5;

/**
 * looseObject(value, LINE_REQUEST_FIELDS, LINE_REQUEST_REQUIRED), with the fields we send for a line
 * checked in a switch into locals (lines are where the reading time goes) and the rest through the
 * table (OtherFields). The answer is built in the schema's order from what was read; none of these
 * fields is transformed.
 */
export function readLineRequest(value: unknown): Record<string, unknown> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  let item: unknown;
  let descrip: unknown;
  let rate: unknown;
  let quantity: unknown;
  let cycle: unknown;
  let others: OtherFields | undefined;
  let count = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'item_id':
        if (id(field) === undefined) return undefined;
        item = field;
        break;
      case 'descrip':
        if (typeof field !== 'string') return undefined;
        descrip = field;
        break;
      case 'line_rate':
        if (finite(field) === undefined) return undefined;
        rate = field;
        break;
      case 'line_quantity':
        if (nonNegative(field) === undefined) return undefined;
        quantity = field;
        break;
      case 'paycycle':
        if (paycycle(field) === undefined) return undefined;
        cycle = field;
        break;
      default:
        others ??= new OtherFields(LINE_REQUEST_ORDER);
        if (!others.add(key, field)) return undefined;
    }
    count++;
  }
  if (item === undefined || Object.getOwnPropertyNames(input).length !== count) return undefined;
  const out: Record<string, unknown> = { item_id: item };
  if (descrip !== undefined) out.descrip = descrip;
  if (rate !== undefined) out.line_rate = rate;
  if (quantity !== undefined) out.line_quantity = quantity;
  if (cycle !== undefined) out.paycycle = cycle;
  if (others !== undefined) {
    others.put(out, LINE_NAMED, LINE_REQUEST_ORDER.order.length);
    others.putPassed(out);
  }
  return out;
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
/** The switch below names the shape's first seven fields, memo and line_items; the rest lie around them. */
const BODY_NAMED = 7;
const MEMO_AT = CREATE_BODY_ORDER.rank.memo as number;
const LINE_ITEMS_AT = CREATE_BODY_ORDER.rank.line_items as number;

/**
 * InvoiceCreateBody's output for a plainly valid body, or undefined: looseObject(value,
 * CREATE_BODY_FIELDS, CREATE_BODY_REQUIRED) and the one-customer rule, with the fields a body usually
 * has checked in a switch into locals and the rest through the table (OtherFields). The answer is built
 * in the schema's order from what was read. Only line_items is rebuilt; no field of this schema is
 * transformed.
 */
export function readCreateBody(value: unknown): SchemaOutput<typeof InvoiceCreateBody> | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  let customerId: unknown;
  let token: unknown;
  let customerKey: unknown;
  let refnumber: unknown;
  let externalKey: unknown;
  let date: unknown;
  let currencyId: unknown;
  let memo: unknown;
  let items: unknown;
  let others: OtherFields | undefined;
  let count = 0;
  for (const key in input) {
    const field = input[key];
    switch (key) {
      case 'line_items':
        items = lineItems(field);
        if (items === undefined) return undefined;
        break;
      case 'customer_id':
        if (id(field) === undefined) return undefined;
        customerId = field;
        break;
      case 'refnumber':
        if (typeof field !== 'string') return undefined;
        refnumber = field;
        break;
      case 'external_key':
        if (nonEmptyText(field) === undefined) return undefined;
        externalKey = field;
        break;
      case 'date':
        if (wireDate(field) === undefined) return undefined;
        date = field;
        break;
      case 'currency_id':
        if (id(field) === undefined) return undefined;
        currencyId = field;
        break;
      case 'memo':
        if (typeof field !== 'string') return undefined;
        memo = field;
        break;
      case 'customer_token':
        if (nonEmptyText(field) === undefined) return undefined;
        token = field;
        break;
      case 'customer_external_key':
        if (nonEmptyText(field) === undefined) return undefined;
        customerKey = field;
        break;
      default:
        others ??= new OtherFields(CREATE_BODY_ORDER);
        if (!others.add(key, field)) return undefined;
    }
    count++;
  }
  if (items === undefined || Object.getOwnPropertyNames(input).length !== count) return undefined;
  // In InvoiceCreateBody's shape order, the fields the table read in their places.
  const out: Record<string, unknown> = {};
  if (customerId !== undefined) out.customer_id = customerId;
  if (token !== undefined) out.customer_token = token;
  if (customerKey !== undefined) out.customer_external_key = customerKey;
  if (refnumber !== undefined) out.refnumber = refnumber;
  if (externalKey !== undefined) out.external_key = externalKey;
  if (date !== undefined) out.date = date;
  if (currencyId !== undefined) out.currency_id = currencyId;
  others?.put(out, BODY_NAMED, MEMO_AT);
  if (memo !== undefined) out.memo = memo;
  others?.put(out, MEMO_AT + 1, LINE_ITEMS_AT);
  out.line_items = items;
  if (others !== undefined) {
    others.put(out, LINE_ITEMS_AT + 1, CREATE_BODY_ORDER.order.length);
    others.putPassed(out);
  }
  if (customerReferenceProblem(out) !== undefined) return undefined;
  return out as SchemaOutput<typeof InvoiceCreateBody>;
}
