/**
 * Canonical Invoice (or Order, through core's documented conversion) → `POST /api/v3/invoice` body.
 * Pure: no I/O. Every value ChargeOver cannot hold is a warning with its canonical path.
 */
import {
  type Address,
  type CreateRequestResult,
  computeTotals,
  dateOnlyToInstant,
  decimalToExactNumber,
  documentKind,
  FULL_SELF_CHECK,
  type Invoice,
  type InvoiceInput,
  instantToDateOnly,
  issuesFromZod,
  isWholeDecimal,
  type Line,
  lineAmount,
  minorUnitExponent,
  normalizeInstant,
  type Order,
  type OrderInput,
  orderToInvoice,
  parseDecimal,
  parseInvoice,
  parseOrder,
  toDecimal,
  ValidationError,
  WarningCollector,
} from '@billbridge/core';
import { countryToWire } from './country';
import { metadataToCustomFields } from './custom-fields';
import { readProviderOptions } from './fast-options';
import {
  type ChargeOverOptions,
  ChargeOverProviderOptions,
  INVOICE_CUSTOM_SLOTS,
  LINE_CUSTOM_SLOTS,
  UNCONFIRMED,
} from './options';
import { indexedPath } from './paths';
import { recurrenceToPaycycle } from './paycycle';
import { currencyIdFor, customerReference, itemIdFor, type ResolvedOptions, resolveOptions } from './resolve';
import { InvoiceCreateRequest, type LineItemRequest, type PaycycleCode } from './wire';

const PROVIDER = 'chargeover';

export function toCreateRequest(
  doc: Invoice | Order | InvoiceInput | OrderInput,
  options: ChargeOverOptions = {},
): CreateRequestResult<InvoiceCreateRequest> {
  const resolved = resolveOptions(options);
  const w = new WarningCollector(PROVIDER);
  let invoice: Invoice;
  if (documentKind(doc) === 'order') {
    const converted = orderToInvoice(parseOrder(doc));
    invoice = converted.value;
    for (const warning of converted.warnings) w.add(warning.code, warning.path, warning.message);
  } else {
    invoice = parseInvoice(doc);
  }
  const request = mapInvoice(invoice, options, resolved, w);
  // Our own output must satisfy the documented request schema; anything else is a bug worth a loud error.
  if (needsSchemaCheck(request)) {
    const checked = InvoiceCreateRequest.safeParse(request);
    if (!checked.success)
      throw new ValidationError('ChargeOver invoice request', issuesFromZod(checked.error));
  }
  return { request, warnings: w.finish(options.strict) };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether the zod parse of our own request is needed. Every id, number and enum in it is checked where
 * it is built (resolve.ts, exactNumber, the provider-options schema), so parsing all of it again cost
 * more than the mapping. Only the values passed through from the document unchecked can break the
 * schema (an empty external key, a date beyond four-digit years): then the full parse runs and throws
 * exactly the error it always did. BILLBRIDGE_SELF_CHECK=1 parses every request. Trade-off: a mapper bug
 * elsewhere would reach ChargeOver's own 400 instead of failing here; the conformance suite parses every
 * produced request with this schema, so the tests still catch one.
 */
function needsSchemaCheck(request: InvoiceCreateRequest): boolean {
  return (
    FULL_SELF_CHECK ||
    request.external_key === '' ||
    request.customer_external_key === '' ||
    request.customer_token === '' ||
    (request.date !== undefined && !DATE_ONLY.test(request.date))
  );
}

function mapInvoice(
  invoice: Invoice,
  options: ChargeOverOptions,
  resolved: ResolvedOptions,
  w: WarningCollector,
): InvoiceCreateRequest {
  const extra = providerOptions(invoice);
  // Built head first and line_items last, in the card's field order, so requests read like the docs.
  const request: Omit<InvoiceCreateRequest, 'line_items'> & Record<string, unknown> = customer(
    invoice.customer,
    w,
  );
  if (invoice.number !== undefined) request.refnumber = invoice.number;
  if (invoice.externalId !== undefined) request.external_key = invoice.externalId;
  if (invoice.issuedAt !== undefined)
    request.date = dateOf(invoice.issuedAt, 'issuedAt', resolved.timeZone, w);
  const currencyId = currencyIdFor(invoice.currency, options);
  if (currencyId !== undefined) request.currency_id = currencyId;
  if (extra.class_id !== undefined) request.class_id = extra.class_id;
  const paycycle = paycycleFor(invoice.recurrence, extra.paycycle, 'recurrence', w);
  if (paycycle) request.paycycle = paycycle;
  if (extra.terms_id !== undefined) request.terms_id = extra.terms_id;
  if (extra.admin_id !== undefined) request.admin_id = extra.admin_id;
  const format = options.countryFormat ?? UNCONFIRMED.defaultCountryFormat;
  // Each optional group is mapped only when the invoice has it (an empty copy per call added up).
  const { billingAddress, shippingAddress } = invoice.customer;
  if (billingAddress !== undefined)
    Object.assign(request, address('bill', billingAddress, 'customer.billingAddress', format, w));
  if (shippingAddress !== undefined)
    Object.assign(request, address('ship', shippingAddress, 'customer.shippingAddress', format, w));
  if (invoice.memo !== undefined) request.memo = invoice.memo;
  if (invoice.metadata !== undefined) {
    Object.assign(
      request,
      metadataToCustomFields(invoice.metadata, resolved.invoiceSlots, INVOICE_CUSTOM_SLOTS, 'metadata', w),
    );
  }
  if (invoice.lines.length === 0) {
    throw new ValidationError('Invoice for ChargeOver', [
      {
        path: 'lines',
        code: 'too_small',
        message: 'ChargeOver needs at least one line item; an invoice with only a total cannot be created.',
      },
    ]);
  }
  // A loop, not map with a closure per call.
  const { lines, currency } = invoice;
  const lineItems: LineItemRequest[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++)
    lineItems[i] = mapLine(lines[i] as Line, i, currency, options, resolved, w);
  reportDropped(invoice, extra, w);
  // Assigned, not spread into a copy: line_items still comes last.
  request.line_items = lineItems;
  return request as InvoiceCreateRequest;
}

const PRODUCT_KEYS = ['id', 'externalId', 'name'] as const;
const linePath = indexedPath('lines[', ']');
const PRODUCT_NAME_KEYS = ['externalId', 'name'] as const;

function mapLine(
  line: Line,
  i: number,
  currency: string,
  options: ChargeOverOptions,
  resolved: ResolvedOptions,
  w: WarningCollector,
): LineItemRequest {
  const at = linePath(i);
  const out: LineItemRequest = { item_id: itemIdFor(line, i, options) };
  if (line.description !== undefined) out.descrip = line.description;
  const subMinor = line.unitAmountDecimal !== undefined;
  // Rates in the account's rounding for the currency; a finer whole-minor rate is rounded with a warning
  // (strict refuses). Sub-minor usage rates follow UNCONFIRMED.subRoundingRates.
  const rate = subMinor ? (line.unitAmountDecimal as string) : (line.unitAmount ?? 0);
  out.line_rate = (resolved.amounts.wholeToProvider(rate, currency) ??
    resolved.amounts.toProvider(rate, currency, {
      provider: PROVIDER,
      path: subMinor ? `${at}.unitAmountDecimal` : `${at}.unitAmount`,
      warnings: w,
      whole: !(subMinor && UNCONFIRMED.subRoundingRates),
    })) as number;
  out.line_quantity = lineQuantity(line.quantity, i);
  checkLineRounding(line, at, currency, resolved, w);
  if (line.recurrence !== undefined) {
    const paycycle = paycycleFor(line.recurrence, undefined, `${at}.recurrence`, w);
    if (paycycle) out.paycycle = paycycle;
  }
  if (line.metadata !== undefined) {
    Object.assign(
      out,
      metadataToCustomFields(line.metadata, resolved.lineSlots, LINE_CUSTOM_SLOTS, `${at}.metadata`, w),
    );
  }

  const product = line.product;
  if (product && !(product.id !== undefined && String(out.item_id) === product.id)) {
    // The item was found through itemIds/resolveItemId: only its number is stored on the line.
    for (const key of PRODUCT_KEYS) {
      if (product[key] !== undefined) {
        w.approximated(
          `${at}.product.${key}`,
          `Sent as item_id ${out.item_id}; ChargeOver keeps only the item id.`,
        );
      }
    }
  } else if (product && (product.externalId !== undefined || product.name !== undefined)) {
    for (const key of PRODUCT_NAME_KEYS) {
      if (product[key] !== undefined)
        w.unsupported(`${at}.product.${key}`, 'ChargeOver lines keep only the item id.');
    }
  }
  if (line.kind !== undefined) {
    w.unsupported(`${at}.kind`, 'ChargeOver derives the line kind (base, usage, recurring) from the item.');
  }
  if (line.priceId !== undefined) w.unsupported(`${at}.priceId`);
  if (line.period !== undefined)
    w.unsupported(`${at}.period`, 'ChargeOver invoice lines have no service period.');
  if (line.tax !== undefined) {
    w.unsupported(
      `${at}.tax`,
      'ChargeOver applies the account tax configuration; a line tax cannot be sent.',
    );
  }
  return out;
}

/**
 * ChargeOver rounds each line amount to the account's decimals for the currency. Where the account keeps
 * fewer decimals than ISO 4217 (a USD account rounding to whole dollars), a line amount it would change
 * is reported (strict refuses); verification then expects the rounded amount.
 */
function checkLineRounding(
  line: Line,
  at: string,
  currency: string,
  resolved: ResolvedOptions,
  w: WarningCollector,
): void {
  if (resolved.amounts.digits(currency) >= minorUnitExponent(currency)) return;
  const amount = lineAmount(line);
  if (resolved.amounts.wholeToProvider(amount, currency) !== undefined) return; // nothing to round
  resolved.amounts.toProvider(amount, currency, {
    provider: PROVIDER,
    path: `${at}.amount`,
    warnings: w,
  });
}

const CUSTOMER_DETAIL_KEYS = ['email', 'name', 'phone'] as const;

function customer(c: Invoice['customer'], w: WarningCollector) {
  const ref: { customer_id?: number; customer_token?: string; customer_external_key?: string } =
    customerReference(c);
  if (c.externalId !== undefined && !('customer_external_key' in ref)) {
    if (!UNCONFIRMED.oneCustomerReference) ref.customer_external_key = c.externalId;
    else {
      w.unsupported(
        'customer.externalId',
        'ChargeOver takes one customer reference; the customer id is sent and the external key is not.',
      );
    }
  }
  if (c.email === undefined && c.name === undefined && c.phone === undefined) return ref;
  for (const key of CUSTOMER_DETAIL_KEYS) {
    if (c[key] !== undefined) {
      w.unsupported(
        `customer.${key}`,
        `A ChargeOver invoice refers to an existing customer; its ${key} is not sent.`,
      );
    }
  }
  return ref;
}

function address(
  prefix: 'bill' | 'ship',
  value: Address | undefined,
  path: string,
  format: 'name' | 'alpha2',
  w: WarningCollector,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  const fields = [
    ['line1', 'addr1'],
    ['line2', 'addr2'],
    ['city', 'city'],
    ['state', 'state'],
    ['postalCode', 'postcode'],
  ] as const;
  for (const [from, to] of fields) {
    const text = value[from];
    if (text !== undefined) out[`${prefix}_${to}`] = text;
  }
  if (value.country !== undefined) out[`${prefix}_country`] = countryToWire(value.country, format);
  if (value.line3 !== undefined) {
    w.unsupported(
      `${path}.line3`,
      `ChargeOver has deprecated ${prefix}_addr3; the third address line is not sent (fold it into line2 to keep it).`,
    );
  }
  if (value.name !== undefined)
    w.unsupported(`${path}.name`, 'ChargeOver invoice addresses have no name line.');
  return out;
}

function paycycleFor(
  recurrence: Invoice['recurrence'],
  raw: PaycycleCode | undefined,
  path: string,
  w: WarningCollector,
): PaycycleCode | undefined {
  if (!UNCONFIRMED.paycycleOnInvoices) {
    if (recurrence || raw)
      w.unsupported(path, 'paycycle is not sent on invoices (see UNCONFIRMED.paycycleOnInvoices).');
    return undefined;
  }
  if (raw !== undefined) {
    if (recurrence) {
      const mapped = recurrenceToPaycycle(recurrence);
      if (mapped.code !== raw) {
        w.unsupported(path, `providerOptions.chargeover.paycycle "${raw}" is sent; this recurrence is not.`);
      }
    }
    return raw;
  }
  if (!recurrence) return undefined;
  const mapped = recurrenceToPaycycle(recurrence);
  if (!mapped.exact) w.approximated(path, mapped.note);
  return mapped.code;
}

function dateOf(instant: string, path: string, timeZone: string, w: WarningCollector): string {
  const date = instantToDateOnly(instant, timeZone);
  // Exact only when the instant is local midnight of that date; otherwise the time of day is lost.
  if (dateOnlyToInstant(date, timeZone) !== normalizeInstant(instant)) {
    w.approximated(
      path,
      `ChargeOver keeps the date only: ${date} in ${timeZone}; the time of day is dropped.`,
    );
  }
  return date;
}

/** A safe-integer quantity is whole and its own exact JSON number; only decimals need the checks. */
function lineQuantity(value: Line['quantity'], i: number): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value === 0 ? 0 : value; // no -0
  const path = `lines[${i}].quantity`;
  const quantity = toDecimal(value);
  if (!UNCONFIRMED.fractionalQuantity && !isWholeDecimal(quantity)) {
    throw new ValidationError('Invoice for ChargeOver', [
      { path, code: 'invalid_value', message: 'This ChargeOver account takes whole quantities only.' },
    ]);
  }
  return exactNumber(quantity, path);
}

function exactNumber(value: string | ReturnType<typeof toDecimal>, path: string): number {
  try {
    return decimalToExactNumber(typeof value === 'string' ? parseDecimal(value) : value);
  } catch (error) {
    throw new ValidationError('Invoice for ChargeOver', [
      { path, code: 'too_big', message: `ChargeOver takes JSON numbers; ${(error as Error).message}` },
    ]);
  }
}

/** No provider options: one shared, frozen answer (it is only read). */
const NO_PROVIDER_OPTIONS: Readonly<ChargeOverProviderOptions> = Object.freeze({});

function providerOptions(invoice: Invoice): Readonly<ChargeOverProviderOptions> {
  const raw = invoice.providerOptions?.chargeover;
  if (raw === undefined) return NO_PROVIDER_OPTIONS;
  const fast = readProviderOptions(raw);
  if (fast !== undefined) return fast;
  const parsed = ChargeOverProviderOptions.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(
      'Invoice for ChargeOver',
      issuesFromZod(parsed.error, ['providerOptions', 'chargeover']),
    );
  }
  return parsed.data;
}

/** Invoice fields ChargeOver's create body has no field for, with why. */
const UNSUPPORTED = [
  ['period', 'ChargeOver sets billing-period dates itself.'],
  ['collection', 'ChargeOver invoices have no collection settings on create.'],
  ['tax', 'ChargeOver applies the account tax configuration (overrides are undocumented).'],
  ['subscription', 'Invoices of a subscription are created through the package endpoints.'],
  ['billingReason', undefined],
  ['purchaseOrder', 'ChargeOver has no purchase-order field (map one through metadata and customFields).'],
  ['footer', undefined],
] as const;

/** Everything on the invoice ChargeOver's create body has no field for. */
function reportDropped(invoice: Invoice, extra: ChargeOverProviderOptions, w: WarningCollector): void {
  if (invoice.status !== undefined) {
    w.unsupported(
      'status',
      `ChargeOver sets the status itself (a new invoice is open); "${invoice.status}" is not sent.`,
    );
  }
  if (invoice.dueAt !== undefined) {
    w.unsupported('dueAt', 'ChargeOver computes the due date from the payment terms (terms_id).');
  }
  if (invoice.paymentTerms !== undefined && extra.terms_id === undefined) {
    w.unsupported(
      'paymentTerms',
      'ChargeOver selects terms by the account terms_id (providerOptions.chargeover.terms_id).',
    );
  }
  // Named reads first: the loop's keyed reads of mostly absent fields cost more than the rest.
  const { period, collection, tax, subscription, billingReason, purchaseOrder, footer } = invoice;
  if (
    period !== undefined ||
    collection !== undefined ||
    tax !== undefined ||
    subscription !== undefined ||
    billingReason !== undefined ||
    purchaseOrder !== undefined ||
    footer !== undefined
  ) {
    for (const [key, message] of UNSUPPORTED) {
      if (invoice[key] !== undefined) w.unsupported(key, message);
    }
  }
  if (invoice.imported !== undefined) w.unsupported('imported', 'ChargeOver has no imported flag.');
  if (invoice.total !== undefined && invoice.lines.length > 0) {
    const computed = computeTotals({ lines: invoice.lines }).total;
    if (computed !== invoice.total) {
      w.approximated(
        'total',
        `ChargeOver computes the total from the lines (${computed}), not ${invoice.total}.`,
      );
    }
  }
  if (invoice.providerOptions !== undefined) w.otherProvidersOptions(invoice.providerOptions);
}
