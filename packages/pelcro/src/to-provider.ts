/**
 * Canonical Invoice (or Order, through core's documented conversion) → Pelcro's create-invoice request.
 * Pure. Everything Pelcro would refuse that we can know without a lookup is refused here, before any
 * request is sent: int32 bounds, the tax_name/tax_rate pair, due date before the period start, a missing
 * customer reference, a missing site id. Losses are warnings (`strict` turns them into an error).
 */
import {
  AmountPrecisionError,
  type CreateRequestResult,
  compareDecimal,
  copyOwnKeys,
  decimalToExactNumber,
  type Invoice,
  type InvoiceInput,
  instantToEpochMs,
  instantToEpochSecondsFloor,
  lineAmount,
  MissingRequiredFieldError,
  type Order,
  type OrderInput,
  orderToInvoice,
  parseDecimal,
  parseDocument,
  toDecimal,
  ValidationError,
  type ValidationIssue,
  WarningCollector,
} from '@billbridge/core';
import { toPelcroAddress } from './address';
import { canonicalForComparison, exactPelcroUnitPrice, PELCRO_AMOUNTS, toPelcroAmount } from './amounts';
import {
  EPOCH_SECONDS_MAX,
  EPOCH_SECONDS_MIN,
  INT32_MAX,
  INT32_MIN,
  type PelcroMappingOptions,
  READINGS,
} from './options';
import { parseProviderOptions } from './provider-options';
import { itemAmount, itemsTotal } from './totals';
import type { PelcroCreateRequest, PelcroInvoiceCreateBody, PelcroLineItem } from './wire';

const SUBJECT = 'Invoice for Pelcro';

/** Collects every refusal so the caller sees them all at once. */
export class Issues {
  readonly list: ValidationIssue[] = [];
  add(path: string, code: string, message: string): void {
    this.list.push({ path, code, message });
  }
  int32(path: string, value: number, what: string): boolean {
    if (value <= INT32_MAX && value >= INT32_MIN) return true;
    this.add(
      path,
      'pelcro_int32',
      `${what} ${value} is beyond Pelcro's int32 range (${INT32_MIN} to ${INT32_MAX} minor units); split the invoice.`,
    );
    return false;
  }
}

export function toCreateRequest(
  doc: Invoice | Order | InvoiceInput | OrderInput,
  options: PelcroMappingOptions = {},
): CreateRequestResult<PelcroCreateRequest> {
  const w = new WarningCollector('pelcro');
  const issues = new Issues();
  const siteId = readSiteId(options.siteId);
  const invoice = asInvoice(doc, w);
  // A document read from another provider carries that provider's ids: they are never Pelcro ids.
  const foreign = invoice.provider !== undefined && invoice.provider !== 'pelcro';

  const body = { currency: invoice.currency.toLowerCase() } as PelcroInvoiceCreateBody;
  mapAmounts(invoice, body, issues, w);
  mapCustomer(invoice, body, foreign, options, issues, w);
  mapDates(invoice, body, issues, w);
  if (invoice.status !== undefined) body.status = invoice.status;
  if (invoice.billingReason !== undefined) body.billing_reason = invoice.billingReason;
  mapSubscription(invoice, body, foreign, issues, w);
  mapAddresses(invoice, body, issues, w);
  const imported = invoice.imported ?? (foreign ? true : undefined);
  if (imported !== undefined) body[READINGS.importedFlag] = imported;
  // The invoice's own id in the previous system: Pelcro's offline charges accept invoice_old_provider_id.
  if (invoice.externalId !== undefined) body.old_provider_id = invoice.externalId;
  if (invoice.metadata !== undefined) body.metadata = copyOwnKeys(invoice.metadata);
  if (invoice.footer !== undefined) body.footer = invoice.footer;
  if (invoice.purchaseOrder !== undefined) body.purchase_order = invoice.purchaseOrder;
  warnUnsupported(invoice, w);
  if (invoice.providerOptions !== undefined) w.otherProvidersOptions(invoice.providerOptions);
  checkCustomerReference(body, issues);

  if (issues.list.length > 0) throw new ValidationError(SUBJECT, issues.list, { provider: 'pelcro' });
  return { request: { query: { site_id: siteId }, body }, warnings: w.finish(options.strict) };
}

/** The `siteId` option as the positive int32 Pelcro expects; throws naming the option otherwise. */
export function readSiteId(siteId: number | string | undefined): number {
  const id = typeof siteId === 'string' && /^[1-9]\d*$/.test(siteId) ? Number(siteId) : siteId;
  if (id === undefined) {
    throw new MissingRequiredFieldError(
      'pelcro',
      'site_id',
      'Every Pelcro Core call names its site.',
      'siteId',
    );
  }
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > INT32_MAX) {
    throw new ValidationError('Pelcro options', [
      {
        path: 'siteId',
        code: 'pelcro_site_id',
        message: `siteId must be a positive int32 integer, got ${String(siteId)}.`,
      },
    ]);
  }
  return id;
}

function asInvoice(doc: unknown, w: WarningCollector): Invoice {
  const parsed = parseDocument(doc);
  if (parsed.kind === 'invoice') return parsed.value;
  const { value, warnings } = orderToInvoice(parsed.value);
  for (const warning of warnings) w.add(warning.code, warning.path, warning.message);
  return value;
}

/** A positive int32 written as a plain integer string ("987654"), or undefined. */
export function pelcroIdFromString(id: string): number | undefined {
  // /^[1-9]\d{0,9}$/ by hand (a character loop beats the regex here), then the int32 bound.
  const length = id.length;
  if (length === 0 || length > 10) return undefined;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || (i === 0 && digit === 0)) return undefined;
    n = n * 10 + digit;
  }
  return n <= INT32_MAX ? n : undefined;
}

function mapAmounts(
  invoice: Invoice,
  body: PelcroInvoiceCreateBody,
  issues: Issues,
  w: WarningCollector,
): void {
  const { currency, lines } = invoice;
  if (lines.length === 0) {
    // The canonical model guarantees a total when there are no lines.
    const total = pelcroAmount(invoice.total as number, currency, 'total', issues, w);
    if (total !== undefined && issues.int32('total', total, 'total')) body.total = total;
    return;
  }
  const items: PelcroLineItem[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    items[i] = lineItem(lines[i] as Invoice['lines'][number], i, currency, issues, w);
  }
  body.line_items = items;
  if (issues.list.length > 0) return;
  const totals = itemsTotal(items);
  if (!issues.int32('lines', totals.total, 'The invoice total of the lines')) return;
  const sent = canonicalForComparison(totals.total, currency);
  if (invoice.total !== undefined && invoice.total !== sent) {
    w.approximated(
      'total',
      `Pelcro computes the total from line_items (${totals.total} in its unit, ${sent} minor units); the document's total ${invoice.total} is not sent.`,
    );
  }
}

/** A canonical amount in Pelcro's unit (rounded with a warning when it cannot be held); undefined = refused. */
function pelcroAmount(
  minor: number | string,
  currency: string,
  path: string,
  issues: Issues,
  w: WarningCollector,
): number | undefined {
  try {
    return toPelcroAmount(minor, currency, path, w);
  } catch (error) {
    if (!AmountPrecisionError.isInstance(error)) throw error;
    issues.add(path, 'pelcro_int32', `${String(minor)} is beyond the amounts Pelcro's int32 fields carry.`);
    return undefined;
  }
}

/**
 * One canonical line → one Pelcro line item. Pelcro takes whole quantities greater than zero and unit
 * prices of zero or more ("create bills"; its invoices are Stripe-shaped). A line it cannot take as it is
 * (a fractional or zero quantity, a unit price finer than Pelcro's unit) is folded into one unit at the
 * line's amount, so the total stays exact, with an `approximated` warning. A negative line is refused.
 */
export function lineItem(
  line: Invoice['lines'][number],
  i: number,
  currency: string,
  issues: Issues,
  w: WarningCollector,
): PelcroLineItem {
  const item = {} as PelcroLineItem;
  if (line.description !== undefined) item.description = line.description;
  const { unitAmount, quantity: lineQuantity } = line;
  // The plain case: a whole unit price and a whole quantity, both int32, and a line amount within int32.
  // Anything else (or any doubt) takes the general path below, which words every refusal and warning.
  if (typeof lineQuantity === 'number' && unitAmount !== undefined && unitAmount >= 0) {
    const unitPrice = PELCRO_AMOUNTS.wholeToProvider(unitAmount, currency) as number | undefined;
    if (
      unitPrice !== undefined &&
      unitPrice <= INT32_MAX &&
      Number.isSafeInteger(lineQuantity) &&
      lineQuantity > 0 &&
      lineQuantity <= INT32_MAX &&
      unitPrice * lineQuantity <= INT32_MAX
    ) {
      item.unit_price = unitPrice;
      item.quantity = lineQuantity;
      finishLine(line, item, i, currency, issues, w);
      return item;
    }
  }
  return generalLineItem(line, item, i, currency, issues, w);
}

export function generalLineItem(
  line: Invoice['lines'][number],
  item: PelcroLineItem,
  i: number,
  currency: string,
  issues: Issues,
  w: WarningCollector,
): PelcroLineItem {
  const path = `lines[${i}]`;
  const unitField = line.unitAmount !== undefined ? 'unitAmount' : 'unitAmountDecimal';
  const unit = line.unitAmount ?? (line.unitAmountDecimal as string);
  if (compareDecimal(toDecimal(unit), toDecimal(0)) < 0) {
    issues.add(
      `${path}.${unitField}`,
      'pelcro_negative_line',
      `Line ${i}${line.description ? ` ("${line.description.slice(0, 40)}")` : ''} has a negative unit price (${String(unit)}); Pelcro takes unit prices of zero or more. Lower another line instead, or record the credit in Pelcro separately.`,
    );
    return item;
  }
  const quantity = exactNumber(line.quantity, `${path}.quantity`, issues);
  if (quantity === undefined) return item;
  const wholeQuantity = Number.isSafeInteger(quantity) && quantity > 0;
  const unitPrice = exactPelcroUnitPrice(unit, currency, `${path}.${unitField}`);
  if (wholeQuantity && unitPrice !== undefined) {
    item.unit_price = unitPrice;
    item.quantity = quantity;
    const fits =
      issues.int32(`${path}.quantity`, quantity, 'quantity') &&
      issues.int32(`${path}.${unitField}`, unitPrice, unitField);
    if (fits) checkLineAmount(item, path, issues);
  } else {
    let amount: number;
    try {
      amount = lineAmount(line);
    } catch {
      issues.add(`${path}.amount`, 'pelcro_int32', "The line amount is beyond Pelcro's int32 range.");
      return item;
    }
    const folded = pelcroAmount(amount, currency, `${path}.amount`, issues, w);
    if (folded === undefined || !issues.int32(`${path}.amount`, folded, 'The line amount')) return item;
    item.unit_price = folded;
    item.quantity = 1;
    const sent = `sent as 1 × ${folded} (the line's amount)`;
    if (!wholeQuantity) {
      w.approximated(
        `${path}.quantity`,
        `Pelcro quantities are whole numbers greater than zero: ${String(line.quantity)} × ${String(unit)} is ${sent}.`,
      );
    }
    if (unitPrice === undefined) {
      w.approximated(
        `${path}.${unitField}`,
        `Pelcro counts ${currency} in ${PELCRO_AMOUNTS.digits(currency) === 0 ? 'whole units' : 'hundredths'}: a unit price of ${String(unit)} minor units has no exact form, so ${String(line.quantity)} × ${String(unit)} is ${sent}.`,
      );
    }
  }
  finishLine(line, item, i, currency, issues, w);
  return item;
}

const LINE_FIELDS_NOT_SENT = ['kind', 'priceId', 'period', 'recurrence', 'metadata'] as const;

/** The line's tax, and warnings for what Pelcro line items cannot carry. */
function finishLine(
  line: Invoice['lines'][number],
  item: PelcroLineItem,
  i: number,
  currency: string,
  issues: Issues,
  w: WarningCollector,
): void {
  if (line.tax !== undefined) mapLineTax(line.tax, item, `lines[${i}]`, currency, issues, w);
  const { kind, priceId, period, recurrence, metadata, product } = line;
  if (
    kind !== undefined ||
    priceId !== undefined ||
    period !== undefined ||
    recurrence !== undefined ||
    metadata !== undefined
  ) {
    for (const key of LINE_FIELDS_NOT_SENT) {
      if (line[key] !== undefined)
        w.unsupported(`lines[${i}].${key}`, `Pelcro line items have no ${key}; it is not sent.`);
    }
  }
  if (product !== undefined && Object.keys(product).length > 0) {
    w.unsupported(
      `lines[${i}].product`,
      'Pelcro invoice line items have no product reference; it is not sent.',
    );
  }
}

function checkLineAmount(item: PelcroLineItem, path: string, issues: Issues): void {
  let amount: number;
  try {
    amount = itemAmount(item);
  } catch {
    issues.add(`${path}.amount`, 'pelcro_int32', "The line amount is beyond Pelcro's int32 range.");
    return;
  }
  issues.int32(`${path}.amount`, amount, 'The line amount');
}

function exactNumber(value: string | number, path: string, issues: Issues): number | undefined {
  if (typeof value === 'number') return value;
  try {
    return decimalToExactNumber(parseDecimal(value));
  } catch {
    issues.add(path, 'pelcro_number', `${value} has more digits than a JSON number carries exactly.`);
    return undefined;
  }
}

function mapLineTax(
  tax: Invoice['lines'][number]['tax'],
  item: PelcroLineItem,
  path: string,
  currency: string,
  issues: Issues,
  w: WarningCollector,
): void {
  if (tax === undefined) return;
  const before = issues.list.length;
  const { name, ratePercent } = tax;
  if (name === undefined && ratePercent === undefined) {
    const meaningful = tax.amount !== undefined || (tax.type !== undefined && tax.type !== 'none');
    if (meaningful)
      w.unsupported(
        `${path}.tax`,
        'Pelcro line tax is a name and a rate; this tax has neither and is not sent.',
      );
    return;
  }
  if (ratePercent === undefined) {
    issues.add(
      `${path}.tax.ratePercent`,
      'pelcro_tax_pair',
      'Pelcro needs tax_rate whenever tax_name is set: give tax.ratePercent.',
    );
    return;
  }
  if (name === undefined) {
    issues.add(
      `${path}.tax.name`,
      'pelcro_tax_pair',
      'Pelcro needs tax_name whenever tax_rate is set: give tax.name (e.g. "GST").',
    );
    return;
  }
  const rate = exactNumber(ratePercent, `${path}.tax.ratePercent`, issues);
  if (rate === undefined) return;
  if (rate < 0) {
    issues.add(`${path}.tax.ratePercent`, 'pelcro_tax_rate', 'Pelcro tax rates are zero or more.');
    return;
  }
  item.tax_name = name;
  item.tax_rate = rate;
  if (tax.type !== undefined)
    w.unsupported(`${path}.tax.type`, 'Pelcro line tax has no type; only the name is sent.');
  for (const key of ['country', 'state'] as const) {
    if (tax[key] !== undefined) w.unsupported(`${path}.tax.${key}`, `Pelcro line tax has no ${key}.`);
  }
  if (tax.inclusive)
    w.unsupported(
      `${path}.tax.inclusive`,
      'Pelcro adds tax on top of the line; inclusive tax is not supported.',
    );
  if (tax.amount !== undefined && issues.list.length === before && item.unit_price !== undefined) {
    const computed = canonicalForComparison(itemsTotal([item]).tax, currency);
    if (computed !== tax.amount) {
      w.approximated(
        `${path}.tax.amount`,
        `Pelcro computes the tax from the rate (${computed} minor units), not ${tax.amount}.`,
      );
    }
  }
}

/** Customer fields a Pelcro invoice cannot carry (it refers to its customer by id), with their warnings. */
const CUSTOMER_FIELDS_NOT_SENT = (['email', 'name', 'phone'] as const).map((key) => ({
  key,
  path: `customer.${key}`,
  message: `A Pelcro invoice refers to its customer by id; customer.${key} is not sent.`,
}));

function mapCustomer(
  invoice: Invoice,
  body: PelcroInvoiceCreateBody,
  foreign: boolean,
  options: PelcroMappingOptions,
  issues: Issues,
  w: WarningCollector,
): void {
  const { id, externalId } = invoice.customer;
  const mapped = lookup(options.customerIds, id) ?? lookup(options.customerIds, externalId);
  if (mapped !== undefined) {
    const pelcroId = typeof mapped === 'number' ? mapped : pelcroIdFromString(mapped);
    if (pelcroId === undefined || !Number.isInteger(pelcroId) || pelcroId < 1 || pelcroId > INT32_MAX) {
      issues.add(
        'customer.id',
        'pelcro_customer_id',
        `customerIds maps this customer to ${String(mapped)}, not a positive int32 id.`,
      );
    } else body.customer_id = pelcroId;
  } else if (id !== undefined && !foreign) {
    const pelcroId = pelcroIdFromString(id);
    if (pelcroId === undefined) {
      issues.add(
        'customer.id',
        'pelcro_customer_id',
        `Pelcro customer ids are positive int32 integers, got "${id}": put another system's id in customer.externalId (sent as customer_old_provider_id) or map it with the customerIds option.`,
      );
    } else body.customer_id = pelcroId;
  }
  if (externalId !== undefined) {
    if (keepsOldProviderId(body.customer_id, 'customer.externalId', w))
      body.customer_old_provider_id = externalId;
  } else if (foreign && id !== undefined && body.customer_id === undefined) {
    body.customer_old_provider_id = id;
    w.defaulted(
      'customer.id',
      `The document comes from ${invoice.provider}: its customer id is sent as customer_old_provider_id, the id in the previous system.`,
    );
  }
  const { email, name, phone } = invoice.customer;
  if (email === undefined && name === undefined && phone === undefined) return;
  for (const { key, path, message } of CUSTOMER_FIELDS_NOT_SENT) {
    if (invoice.customer[key] !== undefined) w.unsupported(path, message);
  }
}

/** Pelcro needs one of the two references; alone, that is a missing reference, else one more issue. */
function checkCustomerReference(body: PelcroInvoiceCreateBody, issues: Issues): void {
  if (body.customer_id !== undefined || body.customer_old_provider_id !== undefined) return;
  if (issues.list.some((issue) => issue.path === 'customer.id')) return;
  if (issues.list.length > 0) {
    issues.add(
      'customer',
      'pelcro_customer_reference',
      'Pelcro needs customer.id (a Pelcro id) or customer.externalId.',
    );
    return;
  }
  throw new MissingRequiredFieldError(
    'pelcro',
    'customer',
    'Pelcro needs customer_id (customer.id, a Pelcro id) or customer_old_provider_id (customer.externalId); an email alone does not identify a Pelcro customer.',
    'customerIds',
  );
}

function lookup(
  map: Record<string, number | string> | undefined,
  key: string | undefined,
): number | string | undefined {
  if (map === undefined || key === undefined || !Object.hasOwn(map, key)) return undefined;
  return map[key];
}

function mapSubscription(
  invoice: Invoice,
  body: PelcroInvoiceCreateBody,
  foreign: boolean,
  issues: Issues,
  w: WarningCollector,
): void {
  const subscription = invoice.subscription;
  if (subscription === undefined) return;
  if (subscription.id !== undefined && !foreign) {
    const pelcroId = pelcroIdFromString(subscription.id);
    if (pelcroId === undefined) {
      issues.add(
        'subscription.id',
        'pelcro_subscription_id',
        `Pelcro subscription ids are positive int32 integers, got "${subscription.id}": use subscription.externalId for another system's id.`,
      );
    } else body.subscription_id = pelcroId;
  }
  if (subscription.externalId !== undefined) {
    if (keepsOldProviderId(body.subscription_id, 'subscription.externalId', w)) {
      body.subscription_old_provider_id = subscription.externalId;
    }
  } else if (foreign && subscription.id !== undefined) {
    body.subscription_old_provider_id = subscription.id;
    w.defaulted(
      'subscription.id',
      `The document comes from ${invoice.provider}: its subscription id is sent as subscription_old_provider_id.`,
    );
  }
}

/** Whether to send the previous system's id beside a Pelcro id (READINGS.oneReferencePerRecord). */
function keepsOldProviderId(pelcroId: number | undefined, path: string, w: WarningCollector): boolean {
  if (pelcroId === undefined || !READINGS.oneReferencePerRecord) return true;
  w.unsupported(
    path,
    'Pelcro takes one reference per record: the Pelcro id is sent, the previous system’s id is not.',
  );
  return false;
}

/** Whole epoch seconds within int32 (nothing past 2038-01-19T03:14:07Z), refused before sending otherwise. */
function epochSeconds(instant: string, path: string, issues: Issues, w: WarningCollector): number {
  const ms = instantToEpochMs(instant);
  if (ms % 1000 !== 0) {
    w.approximated(path, 'Pelcro takes whole epoch seconds; the fraction of a second is dropped.');
  }
  // Parsed once: the floor of the same milliseconds; core's function still reports a bad instant.
  const seconds = Number.isNaN(ms) ? instantToEpochSecondsFloor(instant) : Math.floor(ms / 1000);
  if (seconds > EPOCH_SECONDS_MAX || seconds < EPOCH_SECONDS_MIN) {
    issues.add(
      path,
      'pelcro_epoch_int32',
      `${instant} does not fit Pelcro's int32 epoch seconds (1901-12-13T20:45:52Z to 2038-01-19T03:14:07Z); choose a date in that range.`,
    );
  }
  return seconds;
}

function mapDates(
  invoice: Invoice,
  body: PelcroInvoiceCreateBody,
  issues: Issues,
  w: WarningCollector,
): void {
  if (invoice.period !== undefined) {
    body.period_start = epochSeconds(invoice.period.start, 'period.start', issues, w);
    body.period_end = epochSeconds(invoice.period.end, 'period.end', issues, w);
  }
  if (invoice.dueAt !== undefined) {
    const start = invoice.period?.start;
    if (start !== undefined && instantToEpochMs(invoice.dueAt) < instantToEpochMs(start)) {
      issues.add(
        'dueAt',
        'pelcro_due_before_period_start',
        `Pelcro requires due_date at or after period_start: dueAt ${invoice.dueAt} is before period.start ${start}.`,
      );
    }
    body.due_date = epochSeconds(invoice.dueAt, 'dueAt', issues, w);
  }
}

function mapAddresses(
  invoice: Invoice,
  body: PelcroInvoiceCreateBody,
  issues: Issues,
  w: WarningCollector,
): void {
  const pelcro = parseProviderOptions(invoice.providerOptions?.pelcro, issues.list);
  const { billingAddress, shippingAddress } = invoice.customer;
  if (pelcro.billingAddressId !== undefined) {
    body.billing_address_id = pelcro.billingAddressId;
    if (billingAddress)
      w.unsupported('customer.billingAddress', 'billingAddressId is sent instead of the inline address.');
  } else if (billingAddress)
    body.customer_address = toPelcroAddress(billingAddress, 'customer.billingAddress', w);
  if (pelcro.shippingAddressId !== undefined) {
    body.shipping_address_id = pelcro.shippingAddressId;
    if (shippingAddress)
      w.unsupported('customer.shippingAddress', 'shippingAddressId is sent instead of the inline address.');
  } else if (shippingAddress)
    body.customer_shipping = toPelcroAddress(shippingAddress, 'customer.shippingAddress', w);
  if (pelcro.planShipmentsPerInterval !== undefined)
    body[READINGS.shipmentsOverride] = pelcro.planShipmentsPerInterval;
}

/** The warning for an invoice field Pelcro's request has no room for (texts built once). */
const notSent = (key: string): string => `Pelcro's create-invoice request has no ${key}; it is not sent.`;
const NOT_SENT = {
  number: notSent('number'),
  issuedAt: notSent('issuedAt'),
  tax: notSent('tax'),
  recurrence: notSent('recurrence'),
  paymentTerms: notSent('paymentTerms'),
  memo: notSent('memo'),
} as const;

function warnUnsupported(invoice: Invoice, w: WarningCollector): void {
  // Named loads rather than a loop over key names: this runs on every mapping.
  const { number, issuedAt, tax, recurrence, paymentTerms, memo } = invoice;
  if (number !== undefined) w.unsupported('number', NOT_SENT.number);
  if (issuedAt !== undefined) w.unsupported('issuedAt', NOT_SENT.issuedAt);
  if (tax !== undefined) w.unsupported('tax', NOT_SENT.tax);
  if (recurrence !== undefined) w.unsupported('recurrence', NOT_SENT.recurrence);
  if (paymentTerms !== undefined) w.unsupported('paymentTerms', NOT_SENT.paymentTerms);
  if (memo !== undefined) w.unsupported('memo', NOT_SENT.memo);
  if (invoice.collection !== undefined) {
    for (const key of Object.keys(invoice.collection)) {
      w.unsupported(`collection.${key}`, 'Pelcro sets how an invoice is collected itself; it is not sent.');
    }
  }
}
