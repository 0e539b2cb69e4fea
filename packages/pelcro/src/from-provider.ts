/**
 * Pelcro → canonical, for every shape the card lists: the create request (`{ query, body }` or the bare
 * body) and the invoice object as read back (bare or wrapped in `{ data }`, dates in either form).
 */
import {
  copyOwnKeys,
  formatDecimal,
  INVOICE_STATUSES,
  type Invoice,
  type MappingResult,
  parseInvoice,
  parseWith,
  toDecimal,
  WarningCollector,
} from '@billbridge/core';
import { fromPelcroAddress } from './address';
import { fromPelcroAmount, fromPelcroUnitPrice, PELCRO_AMOUNTS } from './amounts';
import { readPelcroDate } from './dates';
import { fastReadInvoiceResponse } from './fast-record';
import { fastReadCreateBody } from './fast-request';
import { type PelcroMappingOptions, type PelcroProviderOptions, READINGS } from './options';
import { itemAmount, itemsTotal } from './totals';
import {
  BILLING_REASONS,
  type PelcroInvoice,
  PelcroInvoiceCreateBody,
  PelcroInvoiceResponse,
  type PelcroLineItem,
} from './wire';

type Lines = Invoice['lines'];

export function fromProvider(record: unknown, options: PelcroMappingOptions = {}): MappingResult<Invoice> {
  const w = new WarningCollector('pelcro');
  let value: Invoice;
  if (isCreateShape(record)) {
    const body = createBodyOf(record);
    value = fromCreateBody(
      fastReadCreateBody(body) ?? parseWith(PelcroInvoiceCreateBody, body, 'Pelcro create-invoice request'),
      w,
    );
  } else {
    const invoice =
      fastReadInvoiceResponse(record) ?? parseWith(PelcroInvoiceResponse, record, 'Pelcro invoice');
    value = fromInvoice(unwrap(invoice), w);
  }
  return { value: parseInvoice(value), warnings: w.finish(options.strict) };
}

/**
 * The client's path: an invoice already checked against PelcroInvoiceResponse (parseCreateAnswer, or the
 * client's own read) is mapped without a second schema pass over the same data; the canonical result is
 * still checked. Internal; not exported from the package.
 */
export function fromCheckedInvoice(
  invoice: PelcroInvoice,
  options: PelcroMappingOptions = {},
): MappingResult<Invoice> {
  const w = new WarningCollector('pelcro');
  return { value: parseInvoice(fromInvoice(invoice, w)), warnings: w.finish(options.strict) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A create request carries no `id`; an invoice record always does. */
function isCreateShape(record: unknown): boolean {
  if (!isObject(record)) return false;
  if (isObject(record.body) && isObject(record.query)) return true;
  return !('id' in record) && !('data' in record) && record.object !== 'invoice';
}

function createBodyOf(record: unknown): unknown {
  return isObject(record) && isObject(record.body) && isObject(record.query) ? record.body : record;
}

export function unwrap(response: { data?: unknown } | PelcroInvoice): PelcroInvoice {
  return 'data' in response && isObject(response.data)
    ? (response.data as PelcroInvoice)
    : (response as PelcroInvoice);
}

function fromCreateBody(body: PelcroInvoiceCreateBody, w: WarningCollector): Invoice {
  const currency = body.currency.toUpperCase();
  const items = body.line_items ?? [];
  const lines: Lines = new Array(items.length);
  for (let i = 0; i < items.length; i++) lines[i] = lineFromItem(items[i] as PelcroLineItem, i, currency);
  const invoice: Invoice = { currency, customer: {}, lines };
  if (body.old_provider_id !== undefined) invoice.externalId = body.old_provider_id;
  if (body.customer_id !== undefined) invoice.customer.id = String(body.customer_id);
  if (body.customer_old_provider_id !== undefined)
    invoice.customer.externalId = body.customer_old_provider_id;
  const billing = fromPelcroAddress(body.customer_address);
  if (billing) invoice.customer.billingAddress = billing;
  const shipping = fromPelcroAddress(body.customer_shipping);
  if (shipping) invoice.customer.shippingAddress = shipping;
  // With line items Pelcro computes the total itself: the request implies it.
  const total = body.total ?? (body.line_items && itemsTotal(body.line_items).total);
  if (total !== undefined) invoice.total = fromPelcroAmount(total, currency, 'total', w);
  if (body.status !== undefined) invoice.status = body.status;
  if (body.billing_reason !== undefined) invoice.billingReason = body.billing_reason;
  readPeriodAndDue(invoice, body, w);
  const subscription = subscriptionOf(body.subscription_id, body.subscription_old_provider_id);
  if (subscription) invoice.subscription = subscription;
  const imported = body[READINGS.importedFlag];
  if (imported !== undefined) invoice.imported = imported;
  if (body.metadata !== undefined) invoice.metadata = copyOwnKeys(body.metadata);
  if (body.footer !== undefined) invoice.footer = body.footer;
  if (body.purchase_order !== undefined) invoice.purchaseOrder = body.purchase_order;
  const pelcro = providerOptionsOf(body);
  if (pelcro) invoice.providerOptions = { pelcro: { ...pelcro } };
  return invoice;
}

function lineFromItem(
  item: {
    description?: string | null | undefined;
    unit_price: number;
    quantity: number;
    tax_name?: string | null | undefined;
    tax_rate?: number | null | undefined;
  },
  i: number,
  currency: string,
): Lines[number] {
  const line: Lines[number] = { quantity: item.quantity };
  if (item.description != null) line.description = item.description;
  // Pelcro's unit (hundredths of ISK, whole MGA) → canonical minor units, exact (finer as a Decimal); the
  // path is built only when the amount is not a whole one.
  const unit =
    PELCRO_AMOUNTS.wholeFromProvider(item.unit_price, currency) ??
    fromPelcroUnitPrice(item.unit_price, currency, `lines[${i}].unitAmount`);
  if (typeof unit === 'number') line.unitAmount = unit;
  else line.unitAmountDecimal = unit;
  if (item.tax_name != null && item.tax_rate != null) {
    line.tax = { name: item.tax_name, ratePercent: formatDecimal(toDecimal(item.tax_rate)) };
  }
  return line;
}

function readPeriodAndDue(
  invoice: Invoice,
  source: { period_start?: unknown; period_end?: unknown; due_date?: unknown },
  w: WarningCollector,
): void {
  const start = readPelcroDate(source.period_start, 'period_start', w);
  const end = readPelcroDate(source.period_end, 'period_end', w);
  if (start !== undefined && end !== undefined) invoice.period = { start, end };
  else if (start !== undefined || end !== undefined) {
    w.unsupported(
      start ? 'period_start' : 'period_end',
      'A canonical period needs both ends; the single end given is not kept.',
    );
  }
  const due = readPelcroDate(source.due_date, 'due_date', w);
  if (due !== undefined) invoice.dueAt = due;
}

function subscriptionOf(id: unknown, oldProviderId: string | null | undefined): Invoice['subscription'] {
  const numeric = typeof id === 'number' ? id : isObject(id) && typeof id.id === 'number' ? id.id : undefined;
  if (numeric === undefined && oldProviderId == null) return undefined;
  const out: NonNullable<Invoice['subscription']> = {};
  if (numeric !== undefined) out.id = String(numeric);
  if (oldProviderId != null) out.externalId = oldProviderId;
  return out;
}

function providerOptionsOf(source: {
  billing_address_id?: number | null | undefined;
  shipping_address_id?: number | null | undefined;
  [READINGS.shipmentsOverride]?: number | null | undefined;
}): PelcroProviderOptions | undefined {
  const billing = source.billing_address_id;
  const shipping = source.shipping_address_id;
  const shipments = source[READINGS.shipmentsOverride];
  if (billing == null && shipping == null && shipments == null) return undefined;
  const out: PelcroProviderOptions = {};
  if (billing != null) out.billingAddressId = billing;
  if (shipping != null) out.shippingAddressId = shipping;
  if (shipments != null) out.planShipmentsPerInterval = shipments;
  return out;
}

const KNOWN_STATUSES: ReadonlySet<string> = new Set(INVOICE_STATUSES);
const KNOWN_REASONS: ReadonlySet<string> = new Set(BILLING_REASONS);

function fromInvoice(record: PelcroInvoice, w: WarningCollector): Invoice {
  const currency = record.currency.toUpperCase();
  const invoice: Invoice = {
    id: String(record.id),
    provider: 'pelcro',
    currency,
    customer: customerOf(record),
    lines: (record.line_items ?? []).map((item, i) => {
      if (item.amount != null && item.amount !== itemAmount(item)) {
        w.unrecognized(
          `lines[${i}].amount`,
          `Pelcro reports ${item.amount}, not quantity × unit price (${itemAmount(item)}).`,
        );
      }
      return lineFromItem(item, i, currency);
    }),
  };
  if (record.old_provider_id != null) invoice.externalId = record.old_provider_id;
  readStatus(invoice, record.status, w);
  if (record.billing_reason != null) {
    if (KNOWN_REASONS.has(record.billing_reason))
      invoice.billingReason = record.billing_reason as Invoice['billingReason'];
    else
      w.unrecognized('billing_reason', `Unknown billing_reason "${record.billing_reason}"; it is not kept.`);
  }
  const total = record.total ?? record.amount_due;
  if (total != null) invoice.total = fromPelcroAmount(total, currency, 'total', w);
  readPeriodAndDue(invoice, record, w);
  const created = readPelcroDate(record.created_at ?? record.created, 'created_at', w);
  if (created !== undefined) invoice.createdAt = created;
  const updated = readPelcroDate(record.updated_at, 'updated_at', w);
  if (updated !== undefined) invoice.updatedAt = updated;
  if (record.billing === 'send_invoice' || record.billing === 'charge_automatically') {
    invoice.collection = { method: record.billing };
  }
  const subscription = subscriptionOf(record.subscription_id, record.subscription_old_provider_id);
  if (subscription) invoice.subscription = subscription;
  // Reads accept both candidate names of the flag.
  const imported = record.is_imported ?? record.imported;
  if (imported != null) invoice.imported = imported;
  if (record.metadata != null) readMetadata(invoice, record.metadata, w);
  if (record.footer != null) invoice.footer = record.footer;
  if (record.purchase_order != null) invoice.purchaseOrder = record.purchase_order;
  const pelcro = providerOptionsOf(record);
  if (pelcro) invoice.providerOptions = { pelcro: { ...pelcro } };
  return invoice;
}

function customerOf(record: PelcroInvoice): Invoice['customer'] {
  const nested = record.customer ?? undefined;
  const customer: Invoice['customer'] = {};
  const id = nested?.id ?? record.customer_id;
  if (id != null) customer.id = String(id);
  const externalId = nested?.old_provider_id ?? record.customer_old_provider_id;
  if (externalId != null) customer.externalId = externalId;
  if (nested?.email != null) customer.email = nested.email;
  // The non-empty parts of first and last name, joined by one space.
  const first = nested?.first_name;
  const last = nested?.last_name;
  const hasFirst = first != null && first !== '';
  const hasLast = last != null && last !== '';
  if (hasFirst && hasLast) customer.name = `${first} ${last}`;
  else if (hasFirst) customer.name = first;
  else if (hasLast) customer.name = last;
  if (nested?.phone != null) customer.phone = nested.phone;
  const billing = fromPelcroAddress(record.address_billing ?? record.customer_address);
  if (billing) customer.billingAddress = billing;
  const shipping = fromPelcroAddress(record.address_shipping ?? record.customer_shipping);
  if (shipping) customer.shippingAddress = shipping;
  return customer;
}

function readStatus(invoice: Invoice, status: string | null | undefined, w: WarningCollector): void {
  if (status == null) return;
  invoice.providerStatus = status;
  if (KNOWN_STATUSES.has(status)) invoice.status = status as Invoice['status'];
  // Pelcro's own client code checks for past_due: still owed, so open.
  else if (status === 'past_due') invoice.status = 'open';
  else w.unrecognized('status', `Unknown Pelcro status "${status}"; kept as providerStatus only.`);
}

function readMetadata(invoice: Invoice, metadata: Record<string, unknown>, w: WarningCollector): void {
  const out: NonNullable<Invoice['metadata']> = {};
  for (const [key, value] of Object.entries(metadata)) {
    const ok =
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (ok) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else w.unrecognized(`metadata.${key}`, 'Pelcro metadata value is not flat; it is not kept.');
  }
  invoice.metadata = out;
}
