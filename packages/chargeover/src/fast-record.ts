/**
 * Hand-written readers of ChargeOver's invoice record (InvoiceRecord, with its LineItemRecord lines), the
 * get answer around it, and the create answer (CreateResponse: the new id). Each answers exactly
 * what its schema (wire.ts, currencies.ts) outputs for a plainly valid value, or undefined, and the caller
 * then parses with the schema. Ids and whole numbers sent as text come out as numbers, as zod's
 * transforms make them. The building blocks are in fast-fields.ts.
 */
import {
  boolean,
  dateOnly,
  ENVELOPE_REQUIRED,
  each,
  envelopeFields,
  fieldTable,
  list,
  loose,
  looseObject,
  orNull,
  readId,
  readInt,
  type SchemaOutput,
  text,
  wireDateTime,
  wireDecimal,
} from './fast-fields';
import {
  type CreateResponse,
  type GetInvoiceResponse,
  INVOICE_CUSTOM_KEYS,
  type InvoiceRecord,
  LINE_CUSTOM_KEYS,
  READ_ADDRESS_KEYS,
} from './wire';

const nullableText = orNull(text);
const nullableInt = orNull(readInt);
const nullableDate = orNull(dateOnly);
const nullableDateTime = orNull(wireDateTime);

function taxedFlag(value: unknown): string | boolean | undefined {
  return value === '0' || value === '1' || typeof value === 'boolean' ? value : undefined;
}

/** LineItemRecord's declared fields. */
export const LINE_RECORD_FIELDS = fieldTable([
  ['invoice_id', readId],
  ['item_id', readId],
  ['tierset_id', nullableInt],
  ['descrip', nullableText],
  ['line_rate', wireDecimal],
  ['line_quantity', wireDecimal],
  ['line_usage', orNull(wireDecimal)],
  ['is_base', boolean],
  ['is_free', boolean],
  ['is_setup', boolean],
  ['is_usage', boolean],
  ['is_recurring', boolean],
  ['is_taxed', taxedFlag],
  ['paycycle', nullableText],
  ...each(LINE_CUSTOM_KEYS, nullableText),
  ['line_item_id', readId],
  ['package_line_id', nullableInt],
]);
export const LINE_RECORD_REQUIRED = ['item_id', 'line_rate', 'line_quantity'] as const;

/** InvoiceRecord's declared fields. */
export const INVOICE_RECORD_FIELDS = fieldTable([
  ['invoice_id', readId],
  ['currency_id', readInt],
  ['brand_id', nullableInt],
  ['terms_id', nullableInt],
  ['admin_id', nullableInt],
  ['external_key', nullableText],
  ['token', text],
  ['refnumber', text],
  ['cycle_pre_from_date', nullableDate],
  ['cycle_pre_to_date', nullableDate],
  ['cycle_this_date', nullableDate],
  ['cycle_post_from_date', nullableDate],
  ['cycle_post_to_date', nullableDate],
  ...each(READ_ADDRESS_KEYS, nullableText),
  ['memo', nullableText],
  ...each(INVOICE_CUSTOM_KEYS, nullableText),
  ['write_datetime', wireDateTime],
  ['mod_datetime', nullableDateTime],
  ['void_datetime', nullableDateTime],
  ['currency_symbol', text],
  ['currency_iso4217', text],
  ['admin_name', nullableText],
  ['class_id', nullableInt],
  ['paycycle', nullableText],
  ['invoice_status_name', text],
  ['invoice_status_str', text],
  ['invoice_status_state', text],
  ['subtotal', wireDecimal],
  ['total', wireDecimal],
  ['taxes', wireDecimal],
  ['credits', wireDecimal],
  ['payments', wireDecimal],
  ['writeoffs', wireDecimal],
  ['declines', readInt],
  ['applied', wireDecimal],
  ['sum_base', wireDecimal],
  ['sum_usage', wireDecimal],
  ['sum_onetime', wireDecimal],
  ['is_paid', boolean],
  ['paid_date', nullableDate],
  ['balance', wireDecimal],
  ['is_void', boolean],
  ['due_date', nullableDate],
  ['terms_name', nullableText],
  ['terms_days', nullableInt],
  ['days_overdue', readInt],
  ['is_overdue', boolean],
  ['date', dateOnly],
  ['delay_datetime', nullableDateTime],
  ['bill_block', text],
  ['ship_block', text],
  ['url_permalink', text],
  ['url_paylink', text],
  ['url_pdflink', text],
  ['url_self', text],
  ['package_id', nullableInt],
  ['customer_id', readId],
  ['line_items', list(loose(LINE_RECORD_FIELDS, LINE_RECORD_REQUIRED))],
]);
export const INVOICE_RECORD_REQUIRED = [
  'invoice_id',
  'customer_id',
  'refnumber',
  'currency_iso4217',
  'date',
  'write_datetime',
  'invoice_status_str',
  'total',
] as const;

const invoiceRecord = loose(INVOICE_RECORD_FIELDS, INVOICE_RECORD_REQUIRED);

/** InvoiceRecord's output for a plainly valid record, or undefined. */
export function readInvoiceRecord(value: unknown): InvoiceRecord | undefined {
  return invoiceRecord(value) as InvoiceRecord | undefined;
}

const GET_FIELDS = envelopeFields(invoiceRecord);

/** GetInvoiceResponse's output (`GET /api/v3/invoice/{id}`), or undefined. */
export function readGetInvoiceResponse(value: unknown): SchemaOutput<typeof GetInvoiceResponse> | undefined {
  return looseObject(value, GET_FIELDS, ENVELOPE_REQUIRED) as
    | SchemaOutput<typeof GetInvoiceResponse>
    | undefined;
}

const CREATE_RESPONSE_FIELDS = envelopeFields(loose(fieldTable([['id', readId]]), ['id']));

/** CreateResponse's output for a plainly valid answer (`{ code, status, message, details, response: { id } }`). */
export function readCreateResponse(value: unknown): SchemaOutput<typeof CreateResponse> | undefined {
  return looseObject(value, CREATE_RESPONSE_FIELDS, ENVELOPE_REQUIRED) as
    | SchemaOutput<typeof CreateResponse>
    | undefined;
}
