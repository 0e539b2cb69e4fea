/**
 * ChargeOver v3 wire shapes, field for field from the contract card (providers/chargeover.md §3–§7).
 * Requests are strict (we never send a field ChargeOver does not document); read records are loose
 * (ChargeOver returns many more fields than are documented, and adds new ones).
 *
 * Every schema is a `lazySchema`: zod is loaded the first time one is touched, never at import. The key
 * lists the hand-written readers (fast-*.ts) walk are plain constants here, and the schemas are built
 * from them, so the two cannot drift apart (test/wire-keys.test.ts compares them too).
 */
import { DECIMAL_PATTERN, lazySchema, type Zod } from '@billbridge/core';
import type { z } from 'zod';
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
export const Paycycle = lazySchema((z) => z.enum(PAYCYCLE_CODES));

export const INVOICE_STATUS_STRS = [
  'open-unpaid',
  'open-overdue',
  'open-collections',
  'closed-void',
  'closed-paid',
] as const;

/** Positive whole numbers in read answers, as strings (the query example's `"invoice_id": "2688"`). */
export const READ_ID_TEXT = /^[1-9]\d{0,15}$/;
/** Other whole numbers in read answers, as strings. */
export const READ_INT_TEXT = /^-?\d{1,15}$/;
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Date-times: ISO 8601 with an offset (`2022-10-25T08:50:45-05:00`, the documented default) or the older
 * naive `YYYY-MM-DD HH:MM:SS` in the account's zone (examples, and accounts configured that way).
 */
export const NAIVE_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const OFFSET_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/i;

const Id = lazySchema((z) => z.int().positive());
/**
 * Ids in read answers: integers in most examples, strings in the query example (`"invoice_id": "2688"`);
 * both read as numbers.
 */
export const ReadId = lazySchema((z) =>
  z.union([
    Id,
    z
      .string()
      .regex(READ_ID_TEXT, { message: 'Expected a positive whole number.' })
      .transform(Number)
      .pipe(Id),
  ]),
);
/** Other whole numbers in read answers (counts, days, nullable ids that may be 0), number or string. */
export const ReadInt = lazySchema((z) =>
  z.union([
    z.int(),
    z.string().regex(READ_INT_TEXT, { message: 'Expected a whole number.' }).transform(Number),
  ]),
);
const DateOnly = lazySchema((z) =>
  z.string().regex(DATE_ONLY, { message: 'Expected a date in the form YYYY-MM-DD.' }),
);
const WireDateTime = lazySchema((z) =>
  z.string().refine((v) => NAIVE_DATETIME.test(v) || OFFSET_DATETIME.test(v), {
    message: 'Expected an ISO 8601 date-time with an offset, or YYYY-MM-DD HH:MM:SS.',
  }),
);
/** Decimal major units: documented as JSON numbers; decimal strings are read too. */
const WireDecimal = lazySchema((z) => z.union([z.number().finite(), z.string().regex(DECIMAL_PATTERN)]));

// ------------------------------------------------------------------------------------------ key lists

/** `custom_1` … `custom_<count>`. */
export function customFieldKeys(count: number): string[] {
  return Array.from({ length: count }, (_, n) => `custom_${n + 1}`);
}

const ADDRESS_KEYS = ['addr1', 'addr2', 'addr3', 'city', 'state', 'postcode', 'country', 'notes'] as const;
/** `addr3` and `notes` are deprecated (card §3): read, never sent. */
const DEPRECATED_ADDRESS_KEYS: readonly string[] = ['addr3', 'notes'];

/** `<prefix>_addr1` …, the deprecated fields included unless `deprecated` is false. */
export function addressKeys(prefix: 'bill' | 'ship', deprecated = true): string[] {
  return ADDRESS_KEYS.filter((key) => deprecated || !DEPRECATED_ADDRESS_KEYS.includes(key)).map(
    (key) => `${prefix}_${key}`,
  );
}

/** The same schema (optional) under each key. */
function fields(keys: readonly string[], value: z.ZodType): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const key of keys) shape[key] = value.optional();
  return shape;
}

export const LINE_CUSTOM_KEYS: readonly string[] = customFieldKeys(10);
export const INVOICE_CUSTOM_KEYS: readonly string[] = customFieldKeys(20);
/** Address fields we send (no deprecated ones). */
export const SENT_ADDRESS_KEYS: readonly string[] = [
  ...addressKeys('bill', false),
  ...addressKeys('ship', false),
];
/** Address fields we read (the deprecated ones too). */
export const READ_ADDRESS_KEYS: readonly string[] = [...addressKeys('bill'), ...addressKeys('ship')];

// ---------------------------------------------------------------------------------------------- create

export const LineItemRequest = lazySchema((z) =>
  z.strictObject({
    item_id: Id,
    descrip: z.string().optional(),
    line_rate: z.number().finite().optional(),
    line_quantity: z.number().finite().nonnegative().optional(),
    paycycle: Paycycle.optional(),
    ...fields(LINE_CUSTOM_KEYS, z.string()),
  }),
);
export type LineItemRequest = {
  item_id: number;
  descrip?: string;
  line_rate?: number;
  line_quantity?: number;
  paycycle?: PaycycleCode;
} & { [K in `custom_${number}`]?: string };

function invoiceRequestShape(z: Zod) {
  return {
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
    ...fields(SENT_ADDRESS_KEYS, z.string()),
    memo: z.string().optional(),
    ...fields(INVOICE_CUSTOM_KEYS, z.string()),
    line_items: z.array(LineItemRequest).min(1, { message: 'You must specify at least one line item.' }),
  };
}

export const CUSTOMER_REFERENCE_KEYS = ['customer_id', 'customer_token', 'customer_external_key'] as const;

/** The rule both create schemas refine with: one customer reference (see UNCONFIRMED.oneCustomerReference). */
export function customerReferenceProblem(body: Record<string, unknown>): string | undefined {
  // Counted first without building the list: the hand-written reader asks this of every valid body.
  const count =
    (body.customer_id !== undefined ? 1 : 0) +
    (body.customer_token !== undefined ? 1 : 0) +
    (body.customer_external_key !== undefined ? 1 : 0);
  if (count === 1) return undefined;
  const refs = CUSTOMER_REFERENCE_KEYS.filter((k) => body[k] !== undefined);
  if (refs.length === 0)
    return 'You must specify an existing customer_id, customer_token, or customer_external_key value.';
  if (UNCONFIRMED.oneCustomerReference && refs.length > 1)
    return `Give one customer reference, not ${refs.join(' and ')}.`;
  return undefined;
}

function exactlyOneCustomer(body: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const message = customerReferenceProblem(body);
  if (message !== undefined) ctx.addIssue({ code: 'custom', path: ['customer_id'], message });
}

/** `POST /api/v3/invoice` body, exactly as we send it. */
export const InvoiceCreateRequest = lazySchema((z) =>
  z.strictObject(invoiceRequestShape(z)).superRefine(exactlyOneCustomer),
);
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
export const InvoiceCreateBody = lazySchema((z) =>
  z
    .looseObject({
      ...invoiceRequestShape(z),
      // Older integrations still send the deprecated fields; ChargeOver accepts them.
      ...fields(READ_ADDRESS_KEYS, z.string()),
      line_items: z
        .array(LineItemRequest.loose())
        .min(1, { message: 'You must specify at least one line item.' }),
    })
    .superRefine(exactlyOneCustomer),
);

// -------------------------------------------------------------------------------------------- envelope

/** §5: every response, success or error. */
export const Envelope = lazySchema((z) =>
  z.looseObject({
    code: z.int(),
    status: z.string(),
    message: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable().optional(),
    response: z.unknown(),
  }),
);
export type Envelope = z.output<typeof Envelope>;

export const CreateResponse = lazySchema((z) => Envelope.extend({ response: z.looseObject({ id: ReadId }) }));

/** §7: `status: "Error"`; `response` is `false` in the documented examples. */
export const ErrorBody = lazySchema((z) =>
  Envelope.extend({ status: z.literal('Error'), message: z.string().nullable() }),
);

// ------------------------------------------------------------------------------------------------ read

export const LineItemRecord = lazySchema((z) => {
  const nullableString = z.string().nullable();
  // ChargeOver's own order (see CONTRACT.md CO-order), so a real line reads as a straight copy.
  return z.looseObject({
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
    ...fields(LINE_CUSTOM_KEYS, nullableString),
    line_item_id: ReadId.optional(),
    package_line_id: ReadInt.nullable().optional(),
  });
});
export type LineItemRecord = z.output<typeof LineItemRecord>;

/** §6: `GET /api/v3/invoice/{id}` response (with `line_items`) and query rows (without). */
export const InvoiceRecord = lazySchema((z) => {
  const nullableString = z.string().nullable();
  // ChargeOver's own order (see CONTRACT.md CO-order), so a real record reads as a straight copy.
  return z.looseObject({
    invoice_id: ReadId,
    currency_id: ReadInt.optional(),
    brand_id: ReadInt.nullable().optional(),
    terms_id: ReadInt.nullable().optional(),
    admin_id: ReadInt.nullable().optional(),
    external_key: nullableString.optional(),
    token: z.string().optional(),
    refnumber: z.string(),
    cycle_pre_from_date: DateOnly.nullable().optional(),
    cycle_pre_to_date: DateOnly.nullable().optional(),
    cycle_this_date: DateOnly.nullable().optional(),
    cycle_post_from_date: DateOnly.nullable().optional(),
    cycle_post_to_date: DateOnly.nullable().optional(),
    ...fields(READ_ADDRESS_KEYS, nullableString),
    memo: nullableString.optional(),
    ...fields(INVOICE_CUSTOM_KEYS, nullableString),
    write_datetime: WireDateTime,
    mod_datetime: WireDateTime.nullable().optional(),
    void_datetime: WireDateTime.nullable().optional(),
    currency_symbol: z.string().optional(),
    currency_iso4217: z.string(),
    admin_name: nullableString.optional(),
    class_id: ReadInt.nullable().optional(),
    paycycle: nullableString.optional(),
    invoice_status_name: z.string().optional(),
    invoice_status_str: z.string(),
    invoice_status_state: z.string().optional(),
    subtotal: WireDecimal.optional(),
    total: WireDecimal,
    taxes: WireDecimal.optional(),
    credits: WireDecimal.optional(),
    payments: WireDecimal.optional(),
    writeoffs: WireDecimal.optional(),
    declines: ReadInt.optional(),
    applied: WireDecimal.optional(),
    sum_base: WireDecimal.optional(),
    sum_usage: WireDecimal.optional(),
    sum_onetime: WireDecimal.optional(),
    is_paid: z.boolean().optional(),
    paid_date: DateOnly.nullable().optional(),
    balance: WireDecimal.optional(),
    is_void: z.boolean().optional(),
    due_date: DateOnly.nullable().optional(),
    terms_name: nullableString.optional(),
    terms_days: ReadInt.nullable().optional(),
    days_overdue: ReadInt.optional(),
    is_overdue: z.boolean().optional(),
    date: DateOnly,
    delay_datetime: WireDateTime.nullable().optional(),
    bill_block: z.string().optional(),
    ship_block: z.string().optional(),
    url_permalink: z.string().optional(),
    url_paylink: z.string().optional(),
    url_pdflink: z.string().optional(),
    url_self: z.string().optional(),
    package_id: ReadInt.nullable().optional(),
    customer_id: ReadId,
    line_items: z.array(LineItemRecord).optional(),
  });
});
export type InvoiceRecord = z.output<typeof InvoiceRecord>;

export const GetInvoiceResponse = lazySchema(() => Envelope.extend({ response: InvoiceRecord }));
export const QueryInvoicesResponse = lazySchema((z) => Envelope.extend({ response: z.array(InvoiceRecord) }));
