/**
 * ChargeOver → canonical Invoice. Accepts a create request body, a `GET /api/v3/invoice/{id}` record, a
 * query row (no lines: the total stands), or either wrapped in the response envelope. Pure: no I/O.
 */
import {
  type Address,
  dateOnlyToInstant,
  decimalToSafeInteger,
  formatDecimal,
  type Invoice,
  type InvoiceStatus,
  isWholeDecimal,
  type Line,
  type MappingResult,
  MissingRequiredFieldError,
  parseInvoice,
  parseWith,
  type Recurrence,
  toDecimal,
  WarningCollector,
} from '@billbridge/core';
import { countryFromWire } from './country';
import { customFieldsToMetadata } from './custom-fields';
import { wireDateTimeToInstant } from './datetimes';
import { readInvoiceRecord } from './fast-record';
import { readCreateBody } from './fast-request';
import { type ChargeOverOptions, INVOICE_CUSTOM_SLOTS, LINE_CUSTOM_SLOTS, UNCONFIRMED } from './options';
import { paycycleToRecurrence } from './paycycle';
import { type ResolvedOptions, resolvedCurrencyForId, resolveOptions } from './resolve';
import { InvoiceCreateBody, type InvoiceCreateRequest, InvoiceRecord, type LineItemRecord } from './wire';

const PROVIDER = 'chargeover';

type RequestBody = ReturnType<typeof InvoiceCreateBody.parse>;

export function fromProvider(record: unknown, options: ChargeOverOptions = {}): MappingResult<Invoice> {
  const resolved = resolveOptions(options);
  const w = new WarningCollector(PROVIDER);
  const body = unwrap(record);
  const invoice =
    body !== null && typeof body === 'object' && 'invoice_id' in body
      ? fromRecord(
          readInvoiceRecord(body) ?? parseWith(InvoiceRecord, body, 'ChargeOver invoice record'),
          resolved,
          w,
        )
      : fromRequest(
          readCreateBody(body) ?? parseWith(InvoiceCreateBody, body, 'ChargeOver invoice request'),
          options,
          resolved,
          w,
        );
  // What we produce must itself be a valid canonical document.
  return { value: parseInvoice(invoice), warnings: w.finish(options.strict) };
}

/**
 * The client's create path with `verify: 'response'`: the request this client just built (toCreateRequest's
 * own output, typed) mapped back without a schema pass over it. The canonical result is still checked.
 * Internal; not exported from the package.
 */
export function fromOwnRequest(
  request: InvoiceCreateRequest,
  options: ChargeOverOptions = {},
): MappingResult<Invoice> {
  const resolved = resolveOptions(options);
  const w = new WarningCollector(PROVIDER);
  const invoice = fromRequest(request as RequestBody, options, resolved, w);
  return { value: parseInvoice(invoice), warnings: w.finish(options.strict) };
}

/**
 * The client's reads: a record the client has just read with InvoiceRecord's reader or schema (get, list,
 * read-back), mapped without reading it a second time. The canonical result is still checked. Internal;
 * not exported from the package.
 */
export function fromParsedRecord(
  record: InvoiceRecord,
  options: ChargeOverOptions = {},
): MappingResult<Invoice> {
  const resolved = resolveOptions(options);
  const w = new WarningCollector(PROVIDER);
  const invoice = fromRecord(record, resolved, w);
  return { value: parseInvoice(invoice), warnings: w.finish(options.strict) };
}

/** The envelope `{ code, status, message, details, response }` → its `response`. */
function unwrap(record: unknown): unknown {
  if (
    record !== null &&
    typeof record === 'object' &&
    'response' in record &&
    'code' in record &&
    'status' in record
  ) {
    return (record as { response: unknown }).response;
  }
  return record;
}

// ------------------------------------------------------------------------------------ shared pieces

type Common = RequestBody | InvoiceRecord;

const BILL = 1;
const SHIP = 2;
const CUSTOM = 4;
const PAYCYCLE = 8;
const P = 'p'.charCodeAt(0);
const B = 'b'.charCodeAt(0);
const C = 'c'.charCodeAt(0);
const S = 's'.charCodeAt(0);
const UNDERSCORE = '_'.charCodeAt(0);

/**
 * Which groups of optional fields (bill_*, ship_*, custom_*, and paycycle) a wire object has any key of. Most invoices
 * and lines carry none, and reading each of those ~40 names (absent keys are the slowest reads there are)
 * cost more than the rest of the mapping; one pass over the keys the object does have answers it.
 */
function fieldGroups(body: object): number {
  let groups = 0;
  for (const key in body) {
    // The first letter decides whether a prefix test is worth making (most keys start otherwise), and
    // for c, the underscore of `custom_` (customer_id and currency_id are in most bodies).
    const first = key.charCodeAt(0);
    if (first === C) {
      if (key.charCodeAt(6) === UNDERSCORE && key.startsWith('custom_')) groups |= CUSTOM;
    } else if (first === B) {
      if (key.startsWith('bill_')) groups |= BILL;
    } else if (first === S) {
      if (key.startsWith('ship_')) groups |= SHIP;
    } else if (first === P && key === 'paycycle') groups |= PAYCYCLE;
  }
  return groups;
}

function keep(
  extra: Record<string, unknown> | undefined,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const out = extra ?? {};
  out[key] = value;
  return out;
}

function base(body: Common, currency: string, resolved: ResolvedOptions, w: WarningCollector): Invoice {
  const groups = fieldGroups(body);
  const invoice: Invoice = { currency, customer: customer(body, groups, w), lines: [] };
  if (body.refnumber != null) invoice.number = body.refnumber;
  if (body.external_key != null) invoice.externalId = body.external_key;
  if (body.date != null) invoice.issuedAt = dateOnlyToInstant(body.date, resolved.timeZone);
  if (body.memo != null && body.memo !== '') invoice.memo = body.memo;
  if (groups & CUSTOM) {
    const metadata = customFieldsToMetadata(body, resolved.invoiceSlots, INVOICE_CUSTOM_SLOTS);
    if (metadata) invoice.metadata = metadata;
  }

  // Built only when some field is kept (most invoices keep none).
  let extra: Record<string, unknown> | undefined;
  const { terms_id, class_id, admin_id } = body;
  if (typeof terms_id === 'number' && terms_id > 0) extra = keep(extra, 'terms_id', terms_id);
  if (typeof class_id === 'number' && class_id > 0) extra = keep(extra, 'class_id', class_id);
  if (typeof admin_id === 'number' && admin_id > 0) extra = keep(extra, 'admin_id', admin_id);
  if (groups & PAYCYCLE) {
    const paycycle = recurrenceOf(body.paycycle, 'paycycle', w);
    if (paycycle.recurrence) invoice.recurrence = paycycle.recurrence;
    if (paycycle.raw) {
      extra = keep(extra, 'paycycle', paycycle.raw);
      w.unrecognized('paycycle', paycycle.note ?? '');
    }
  }
  if (extra) invoice.providerOptions = { chargeover: extra };
  return invoice;
}

function customer(body: Common, groups: number, w: WarningCollector): Invoice['customer'] {
  const out: Invoice['customer'] = {};
  if (body.customer_id != null) out.id = String(body.customer_id);
  else if ('customer_token' in body && typeof body.customer_token === 'string')
    out.id = `token:${body.customer_token}`;
  if ('customer_external_key' in body && typeof body.customer_external_key === 'string') {
    out.externalId = body.customer_external_key;
  }
  const billing = groups & BILL ? address(body, 'bill', w) : undefined;
  if (billing) out.billingAddress = billing;
  const shipping = groups & SHIP ? address(body, 'ship', w) : undefined;
  if (shipping) out.shippingAddress = shipping;
  return out;
}

/** Wire address fields → canonical ones, per prefix; built once, as every read looks at each. */
const ADDRESS_FIELDS = (['bill', 'ship'] as const).map(
  (prefix) =>
    [
      [`${prefix}_addr1`, 'line1'],
      [`${prefix}_addr2`, 'line2'],
      [`${prefix}_addr3`, 'line3'],
      [`${prefix}_city`, 'city'],
      [`${prefix}_state`, 'state'],
      [`${prefix}_postcode`, 'postalCode'],
    ] as const,
);

function wireText(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function address(
  body: Record<string, unknown>,
  prefix: 'bill' | 'ship',
  w: WarningCollector,
): Address | undefined {
  const out: Address = {};
  for (const [from, to] of ADDRESS_FIELDS[prefix === 'bill' ? 0 : 1] ?? []) {
    const value = wireText(body, from);
    if (value !== undefined) out[to] = value;
  }
  const country = wireText(body, `${prefix}_country`);
  if (country !== undefined) {
    const code = countryFromWire(country);
    if (code) out.country = code;
    else
      w.unrecognized(`${prefix}_country`, `"${country}" names no country billbridge knows; it is not kept.`);
  }
  if (wireText(body, `${prefix}_notes`) !== undefined)
    w.unsupported(`${prefix}_notes`, 'Address notes (deprecated) have no canonical field.');
  return Object.keys(out).length > 0 ? out : undefined;
}

const NO_RECURRENCE: { recurrence?: Recurrence; raw?: string; note?: string } = Object.freeze({});

/** A paycycle as a recurrence; a code with no canonical reading comes back as `raw` for the caller to report. */
function recurrenceOf(
  code: string | null | undefined,
  path: string,
  w: WarningCollector,
): { recurrence?: Recurrence; raw?: string; note?: string } {
  if (code == null || code === '') return NO_RECURRENCE;
  const mapped = paycycleToRecurrence(code);
  if (mapped.kind === 'exact') return { recurrence: mapped.recurrence };
  if (mapped.kind === 'approximated') {
    w.approximated(path, mapped.note);
    return { recurrence: mapped.recurrence };
  }
  return { raw: mapped.code, note: mapped.note };
}

type WireLine = RequestBody['line_items'][number] | LineItemRecord;

function line(
  item: WireLine,
  i: number,
  currency: string,
  resolved: ResolvedOptions,
  w: WarningCollector,
): Line {
  const out: Line = { quantity: quantity(item.line_quantity ?? 1), product: { id: String(item.item_id) } };
  if (item.line_quantity == null) w.defaulted(`line_items[${i}].line_quantity`, 'No quantity: read as 1.');
  if (item.descrip != null && item.descrip !== '') out.description = item.descrip;
  if (item.line_rate == null) {
    w.defaulted(
      `line_items[${i}].line_rate`,
      'No rate: ChargeOver used the item price, which the line does not show; read as 0.',
    );
    out.unitAmount = 0;
  } else {
    // Rates may be finer than a minor unit (usage prices): kept exact.
    const rate =
      resolved.amounts.wholeFromProvider(item.line_rate, currency) ??
      resolved.amounts.fromProvider(item.line_rate, currency, {
        provider: PROVIDER,
        path: `line_items[${i}].line_rate`,
        warnings: w,
        whole: false,
      });
    if (typeof rate === 'number') out.unitAmount = rate;
    else out.unitAmountDecimal = rate;
  }
  const groups = fieldGroups(item);
  if (groups & PAYCYCLE) {
    const at = `line_items[${i}].paycycle`;
    const paycycle = recurrenceOf(item.paycycle, at, w);
    if (paycycle.recurrence) out.recurrence = paycycle.recurrence;
    if (paycycle.raw) w.unsupported(at, `Line paycycle "${paycycle.raw}" has no canonical form; not kept.`);
  }
  if (groups & CUSTOM) {
    const metadata = customFieldsToMetadata(item, resolved.lineSlots, LINE_CUSTOM_SLOTS);
    if (metadata) out.metadata = metadata;
  }
  return out;
}

/** A wire quantity: whole numbers stay numbers, fractions become exact decimal strings. */
function quantity(value: number | string): number | string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value === 0 ? 0 : value; // no -0
  const decimal = toDecimal(value);
  return isWholeDecimal(decimal) ? decimalToSafeInteger(decimal) : formatDecimal(decimal);
}

// --------------------------------------------------------------------------------------- the request

function fromRequest(
  body: RequestBody,
  options: ChargeOverOptions,
  resolved: ResolvedOptions,
  w: WarningCollector,
): Invoice {
  const currency =
    body.currency_id === undefined
      ? options.baseCurrency
      : resolvedCurrencyForId(body.currency_id, options, resolved);
  if (currency === undefined) {
    throw new MissingRequiredFieldError(
      PROVIDER,
      'currency_id',
      body.currency_id === undefined
        ? "The request uses the account's base currency, and no baseCurrency is configured."
        : `currency_id ${body.currency_id} is not in the configured currency table.`,
      body.currency_id === undefined ? 'baseCurrency' : 'currencyIds',
    );
  }
  const invoice = base(body, currency, resolved, w);
  const items = body.line_items;
  const lines: Line[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) lines[i] = line(items[i] as WireLine, i, currency, resolved, w);
  invoice.lines = lines;
  return invoice;
}

// ---------------------------------------------------------------------------------------- the record

const STATUS: Record<string, InvoiceStatus> = {
  'open-unpaid': 'open',
  'open-overdue': 'open',
  'open-collections': UNCONFIRMED.collectionsStatus,
  'closed-void': 'void',
  'closed-paid': 'paid',
};

function fromRecord(record: InvoiceRecord, resolved: ResolvedOptions, w: WarningCollector): Invoice {
  const currency = record.currency_iso4217;
  const invoice = base(record, currency, resolved, w);
  invoice.id = String(record.invoice_id);
  invoice.provider = PROVIDER;
  invoice.providerStatus = record.invoice_status_str;
  const status = Object.hasOwn(STATUS, record.invoice_status_str)
    ? STATUS[record.invoice_status_str]
    : undefined;
  if (status) invoice.status = status;
  else {
    w.unrecognized(
      'invoice_status_str',
      `"${record.invoice_status_str}" is not a documented invoice status.`,
    );
    if (record.is_void) invoice.status = 'void';
    else if (record.is_paid) invoice.status = 'paid';
    else if (record.invoice_status_state === 'o') invoice.status = 'open';
  }
  const tz = resolved.timeZone;
  if (record.due_date) invoice.dueAt = dateOnlyToInstant(record.due_date, tz);
  invoice.createdAt = wireDateTimeToInstant(record.write_datetime, tz);
  if (record.mod_datetime) invoice.updatedAt = wireDateTimeToInstant(record.mod_datetime, tz);
  for (const [from, to] of UNCONFIRMED.periodFields) {
    const start = record[from];
    const end = record[to];
    if (start && end && end >= start) {
      invoice.period = { start: dateOnlyToInstant(start, tz), end: dateOnlyToInstant(end, tz) };
      break;
    }
  }
  if (record.terms_name != null || record.terms_days != null) {
    invoice.paymentTerms = {};
    if (record.terms_name != null) invoice.paymentTerms.name = record.terms_name;
    if (record.terms_days != null && record.terms_days >= 0) invoice.paymentTerms.days = record.terms_days;
  }
  if (record.package_id != null && record.package_id > 0)
    invoice.subscription = { id: String(record.package_id) };
  invoice.total = minor(record.total, currency, 'total', resolved, w);
  if (record.taxes !== undefined) {
    const taxes = minor(record.taxes, currency, 'taxes', resolved, w);
    if (taxes !== 0) invoice.tax = { amount: taxes };
  }
  invoice.lines = (record.line_items ?? []).map((item, i) => {
    const out = line(item, i, currency, resolved, w);
    if (item.is_usage) out.kind = 'usage';
    else if (item.is_recurring) out.kind = 'recurring';
    else if (item.is_usage === false && item.is_recurring === false) out.kind = 'one_time';
    if (item.is_taxed === '1' || item.is_taxed === true) out.tax = {};
    return out;
  });
  return invoice;
}

/** Decimal major units → minor units; a value finer than the currency allows is rounded and reported. */
function minor(
  value: number | string,
  currency: string,
  path: string,
  resolved: ResolvedOptions,
  w: WarningCollector,
): number {
  return (resolved.amounts.wholeFromProvider(value, currency) ??
    resolved.amounts.fromProvider(value, currency, { provider: PROVIDER, path, warnings: w })) as number;
}
