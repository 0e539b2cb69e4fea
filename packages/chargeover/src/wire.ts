/**
 * ChargeOver v3 wire shapes, field for field from the contract card (providers/chargeover.md §3–§7).
 * Requests are strict (we never send a field ChargeOver does not document); read records are loose
 * (ChargeOver returns many more fields than are documented, and adds new ones).
 */
import { DECIMAL_PATTERN } from '@billbridge/core';
import { z } from 'zod';
import { UNCONFIRMED } from './unconfirmed';

/** §8: every value the invoice create page allows for `paycycle`. */
export const PAYCYCLE_CODES = [
  'evy',
  'dly',
  '1wk',
  '2wk',
  '116',
  '4wk',
  '8wk',
  '30d',
  'mon',
  '2mn',
  '12w',
  'fst',
  'lst',
  'qtr',
  'six',
  'yrl',
  '2yr',
  '3yr',
  '4yr',
  '5yr',
  '10y',
  'one',
] as const;
export type PaycycleCode = (typeof PAYCYCLE_CODES)[number];
export const Paycycle = z.enum(PAYCYCLE_CODES);

export const INVOICE_STATUS_STRS = [
  'open-unpaid',
  'open-overdue',
  'open-collections',
  'closed-void',
  'closed-paid',
] as const;

const Id = z.int().positive();
/**
 * Ids in read answers: integers in most examples, strings in the query example (`"invoice_id": "2688"`);
 * both read as numbers.
 */
export const ReadId = z.union([
  Id,
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, { message: 'Expected a positive whole number.' })
    .transform(Number)
    .pipe(Id),
]);
/** Other whole numbers in read answers (counts, days, nullable ids that may be 0), number or string. */
export const ReadInt = z.union([
  z.int(),
  z
    .string()
    .regex(/^-?\d{1,15}$/, { message: 'Expected a whole number.' })
    .transform(Number),
]);
const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a date in the form YYYY-MM-DD.' });
/**
 * Date-times: ISO 8601 with an offset (`2022-10-25T08:50:45-05:00`, the documented default) or the older
 * naive `YYYY-MM-DD HH:MM:SS` in the account's zone (examples, and accounts configured that way).
 */
export const NAIVE_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const OFFSET_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/i;
const WireDateTime = z.string().refine((v) => NAIVE_DATETIME.test(v) || OFFSET_DATETIME.test(v), {
  message: 'Expected an ISO 8601 date-time with an offset, or YYYY-MM-DD HH:MM:SS.',
});
/** Decimal major units: documented as JSON numbers; decimal strings are read too. */
const WireDecimal = z.union([z.number().finite(), z.string().regex(DECIMAL_PATTERN)]);

function customFields(count: number, value: z.ZodType) {
  const shape: Record<string, z.ZodType> = {};
  for (let n = 1; n <= count; n += 1) shape[`custom_${n}`] = value.optional();
  return shape;
}

const ADDRESS_KEYS = ['addr1', 'addr2', 'addr3', 'city', 'state', 'postcode', 'country', 'notes'] as const;
/** `addr3` and `notes` are deprecated (card §3): read, never sent. */
const DEPRECATED_ADDRESS_KEYS: readonly string[] = ['addr3', 'notes'];
function addressFields(prefix: 'bill' | 'ship', value: z.ZodType, deprecated = true) {
  const shape: Record<string, z.ZodType> = {};
  for (const key of ADDRESS_KEYS) {
    if (deprecated || !DEPRECATED_ADDRESS_KEYS.includes(key)) shape[`${prefix}_${key}`] = value.optional();
  }
  return shape;
}

// ---------------------------------------------------------------------------------------------- create

export const LineItemRequest = z.strictObject({
  item_id: Id,
  descrip: z.string().optional(),
  line_rate: z.number().finite().optional(),
  line_quantity: z.number().finite().nonnegative().optional(),
  paycycle: Paycycle.optional(),
  ...customFields(10, z.string()),
});
export type LineItemRequest = {
  item_id: number;
  descrip?: string;
  line_rate?: number;
  line_quantity?: number;
  paycycle?: PaycycleCode;
} & { [K in `custom_${number}`]?: string };

const invoiceRequestShape = {
  customer_id: Id.optional(),
  customer_token: z.string().min(1).optional(),
  customer_external_key: z.string().min(1).optional(),
  refnumber: z.string().optional(),
  external_key: z.string().min(1).optional(),
  date: DateOnly.optional(),
  currency_id: Id.optional(),
  class_id: Id.optional(),
  paycycle: Paycycle.optional(),
  terms_id: Id.optional(),
  admin_id: Id.optional(),
  ...addressFields('bill', z.string(), false),
  ...addressFields('ship', z.string(), false),
  memo: z.string().optional(),
  ...customFields(20, z.string()),
  line_items: z.array(LineItemRequest).min(1, { message: 'You must specify at least one line item.' }),
};

function exactlyOneCustomer(body: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const refs = ['customer_id', 'customer_token', 'customer_external_key'].filter(
    (k) => body[k] !== undefined,
  );
  if (refs.length === 0 || (UNCONFIRMED.oneCustomerReference && refs.length > 1)) {
    ctx.addIssue({
      code: 'custom',
      path: ['customer_id'],
      message:
        refs.length === 0
          ? 'You must specify an existing customer_id, customer_token, or customer_external_key value.'
          : `Give one customer reference, not ${refs.join(' and ')}.`,
    });
  }
}

/** `POST /api/v3/invoice` body, exactly as we send it. */
export const InvoiceCreateRequest = z.strictObject(invoiceRequestShape).superRefine(exactlyOneCustomer);
export type InvoiceCreateRequest = {
  customer_id?: number;
  customer_token?: string;
  customer_external_key?: string;
  refnumber?: string;
  external_key?: string;
  date?: string;
  currency_id?: number;
  class_id?: number;
  paycycle?: PaycycleCode;
  terms_id?: number;
  admin_id?: number;
  memo?: string;
  line_items: LineItemRequest[];
} & { [K in `custom_${number}` | `bill_${string}` | `ship_${string}`]?: string };

/** What the fake accepts: the documented fields and rules, unknown fields ignored as ChargeOver does. */
export const InvoiceCreateBody = z
  .looseObject({
    ...invoiceRequestShape,
    // Older integrations still send the deprecated fields; ChargeOver accepts them.
    ...addressFields('bill', z.string()),
    ...addressFields('ship', z.string()),
    line_items: z
      .array(LineItemRequest.loose())
      .min(1, { message: 'You must specify at least one line item.' }),
  })
  .superRefine(exactlyOneCustomer);

// -------------------------------------------------------------------------------------------- envelope

/** §5: every response, success or error. */
export const Envelope = z.looseObject({
  code: z.int(),
  status: z.string(),
  message: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().optional(),
  response: z.unknown(),
});
export type Envelope = z.output<typeof Envelope>;

export const CreateResponse = Envelope.extend({ response: z.looseObject({ id: ReadId }) });

/** §7: `status: "Error"`; `response` is `false` in the documented examples. */
export const ErrorBody = Envelope.extend({ status: z.literal('Error'), message: z.string().nullable() });

// ------------------------------------------------------------------------------------------------ read

const nullableString = z.string().nullable();

export const LineItemRecord = z.looseObject({
  line_item_id: ReadId.optional(),
  invoice_id: ReadId.optional(),
  item_id: ReadId,
  tierset_id: ReadInt.nullable().optional(),
  descrip: nullableString.optional(),
  line_rate: WireDecimal,
  line_quantity: WireDecimal,
  line_usage: WireDecimal.nullable().optional(),
  is_base: z.boolean().optional(),
  is_free: z.boolean().optional(),
  is_setup: z.boolean().optional(),
  is_usage: z.boolean().optional(),
  is_recurring: z.boolean().optional(),
  /** "0"/"1" in recorded responses, not a boolean. */
  is_taxed: z.union([z.enum(['0', '1']), z.boolean()]).optional(),
  paycycle: z.string().nullable().optional(),
  package_line_id: ReadInt.nullable().optional(),
  ...customFields(10, nullableString),
});
export type LineItemRecord = z.output<typeof LineItemRecord>;

/** §6: `GET /api/v3/invoice/{id}` response (with `line_items`) and query rows (without). */
export const InvoiceRecord = z.looseObject({
  invoice_id: ReadId,
  customer_id: ReadId,
  package_id: ReadInt.nullable().optional(),
  refnumber: z.string(),
  external_key: nullableString.optional(),
  token: z.string().optional(),
  currency_id: ReadInt.optional(),
  currency_iso4217: z.string(),
  currency_symbol: z.string().optional(),
  brand_id: ReadInt.nullable().optional(),
  terms_id: ReadInt.nullable().optional(),
  terms_name: nullableString.optional(),
  terms_days: ReadInt.nullable().optional(),
  admin_id: ReadInt.nullable().optional(),
  admin_name: nullableString.optional(),
  class_id: ReadInt.nullable().optional(),
  paycycle: nullableString.optional(),
  date: DateOnly,
  due_date: DateOnly.nullable().optional(),
  paid_date: DateOnly.nullable().optional(),
  write_datetime: WireDateTime,
  mod_datetime: WireDateTime.nullable().optional(),
  void_datetime: WireDateTime.nullable().optional(),
  delay_datetime: WireDateTime.nullable().optional(),
  cycle_pre_from_date: DateOnly.nullable().optional(),
  cycle_pre_to_date: DateOnly.nullable().optional(),
  cycle_this_date: DateOnly.nullable().optional(),
  cycle_post_from_date: DateOnly.nullable().optional(),
  cycle_post_to_date: DateOnly.nullable().optional(),
  ...addressFields('bill', nullableString),
  ...addressFields('ship', nullableString),
  bill_block: z.string().optional(),
  ship_block: z.string().optional(),
  memo: nullableString.optional(),
  ...customFields(20, nullableString),
  invoice_status_name: z.string().optional(),
  invoice_status_str: z.string(),
  invoice_status_state: z.string().optional(),
  is_paid: z.boolean().optional(),
  is_void: z.boolean().optional(),
  is_overdue: z.boolean().optional(),
  days_overdue: ReadInt.optional(),
  subtotal: WireDecimal.optional(),
  taxes: WireDecimal.optional(),
  total: WireDecimal,
  credits: WireDecimal.optional(),
  payments: WireDecimal.optional(),
  applied: WireDecimal.optional(),
  writeoffs: WireDecimal.optional(),
  balance: WireDecimal.optional(),
  sum_base: WireDecimal.optional(),
  sum_usage: WireDecimal.optional(),
  sum_onetime: WireDecimal.optional(),
  declines: ReadInt.optional(),
  url_permalink: z.string().optional(),
  url_paylink: z.string().optional(),
  url_pdflink: z.string().optional(),
  url_self: z.string().optional(),
  line_items: z.array(LineItemRecord).optional(),
});
export type InvoiceRecord = z.output<typeof InvoiceRecord>;

export const GetInvoiceResponse = Envelope.extend({ response: InvoiceRecord });
export const QueryInvoicesResponse = Envelope.extend({ response: z.array(InvoiceRecord) });
