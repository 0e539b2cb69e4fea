/**
 * Flowglad record → canonical Invoice. Reads every shape the card lists: the GET response (current,
 * epoch-ms dates; older, ISO strings), a bare list record (no line items), the create-era create
 * response, and the create request itself. Pure.
 */
import {
  DECIMAL_PATTERN,
  epochMsToInstant,
  fastRead,
  type Invoice,
  isCurrencyCode,
  type Line,
  lazySchema,
  type MappingResult,
  normalizeInstant,
  parseInvoice,
  parseWith,
  type Tax,
  ValidationError,
  WarningCollector,
} from '@billbridge/core';
import { FLOWGLAD_TAX_TYPES } from './enums';
import { readInvoiceRecord, readInvoiceWithLineItems } from './fast-record';
import { readInvoiceCreateBody } from './fast-request';
import { flowgladToMinor } from './money';
import type { FlowgladMappingOptions, FlowgladProviderOptions } from './options';
import { canonicalStatusOf, isCanonicalWord, isFlowgladStatus } from './status';
import { InvoiceCreateBody, InvoiceRecord, InvoiceWithLineItems } from './wire';

const PROVIDER = 'flowglad';

/** The fields both the read records and the create body share, after parsing. */
export interface InvoiceFields {
  id?: string;
  type: 'purchase' | 'subscription' | 'standalone';
  customerId: string;
  invoiceNumber: string;
  invoiceDate: number | string;
  dueDate?: number | string | null | undefined;
  status: string;
  currency: string;
  purchaseId?: string | null | undefined;
  subscriptionId?: string | null | undefined;
  billingPeriodId?: string | null | undefined;
  billingPeriodStartDate?: number | string | null | undefined;
  billingPeriodEndDate?: number | string | null | undefined;
  billingRunId?: string | null | undefined;
  ownerMembershipId?: string | null | undefined;
  pdfURL?: string | null | undefined;
  receiptPdfURL?: string | null | undefined;
  memo?: string | null | undefined;
  bankPaymentOnly?: boolean | null | undefined;
  subtotal?: number | null | undefined;
  taxAmount?: number | null | undefined;
  taxType?: string | null | undefined;
  taxCountry?: string | null | undefined;
  taxState?: string | null | undefined;
  taxRatePercentage?: string | null | undefined;
  livemode?: boolean;
  createdAt?: number | string;
  updatedAt?: number | string | null | undefined;
}

export interface LineFields {
  type: 'static' | 'usage';
  quantity: number;
  price: number;
  priceId?: string | null | undefined;
  description?: string | null | undefined;
}

export function fromProvider(record: unknown, options: FlowgladMappingOptions = {}): MappingResult<Invoice> {
  const w = new WarningCollector(PROVIDER);
  const shape = classify(record);
  // A plainly valid record is read by hand (fast-*.ts); anything else goes through the schema, after the
  // untyped lines of older docs are given their type.
  let value: Invoice;
  if (shape === 'create-request') {
    const body =
      readInvoiceCreateBody(record) ??
      parseWith(InvoiceCreateBody, withLineTypes(record), 'Flowglad create request');
    value = mapInvoice(body.invoice, body.invoiceLineItems, w);
    if (body.autoSend !== undefined) value.collection = { method: 'send_invoice', autoSend: body.autoSend };
  } else if (shape === 'record') {
    const body =
      readInvoiceWithLineItems(record) ??
      parseWith(InvoiceWithLineItems, withLineTypes(record), 'Flowglad invoice');
    value = mapInvoice(body.invoice, body.invoiceLineItems, w);
  } else {
    const invoice = readInvoiceRecord(record) ?? parseWith(InvoiceRecord, record, 'Flowglad invoice record');
    w.unsupported('lines', 'A Flowglad list record carries no line items; fetch the invoice to read them.');
    value = mapInvoice(invoice, undefined, w);
  }
  readLegacyBilling(shape === 'bare-record' ? record : (record as { invoice?: unknown }).invoice, value, w);
  // What was built is checked as any canonical invoice is, as the other adapters do (core's fast path).
  return { value: parseInvoice(value), warnings: w.finish(options.strict) };
}

/**
 * The client's create path: Flowglad's answer was already checked against InvoiceWithLineItems by
 * parseCreateAnswer, so it is mapped without a second schema pass over the same data (the same steps as
 * fromProvider's 'record' branch otherwise). Internal; not exported from the package.
 */
export function fromCheckedRecord(
  body: InvoiceWithLineItems,
  options: FlowgladMappingOptions = {},
): MappingResult<Invoice> {
  const w = new WarningCollector(PROVIDER);
  const value = mapInvoice(body.invoice, body.invoiceLineItems, w);
  readLegacyBilling(body.invoice, value, w);
  return { value: parseInvoice(value), warnings: w.finish(options.strict) };
}

/**
 * Invoices before April 2025 (and the docs of that time) carried billingInterval, billingIntervalCount and
 * billingAnchorDate; Flowglad dropped those columns (card §0). Old exports still have them: the interval
 * becomes the canonical recurrence, the anchor date has no place and is reported.
 */
export const LegacyBilling = lazySchema((z) =>
  z.object({
    billingInterval: z.enum(['day', 'week', 'month', 'year']).optional().catch(undefined),
    billingIntervalCount: z.int().min(1).optional().catch(undefined),
    billingAnchorDate: z.unknown().optional(),
  }),
);

function readLegacyBilling(invoice: unknown, value: Invoice, w: WarningCollector): void {
  // Current records carry none of the three: nothing to read, and no schema to build for it.
  if (invoice !== null && typeof invoice === 'object') {
    const r = invoice as Record<string, unknown>;
    if (
      r.billingInterval === undefined &&
      r.billingIntervalCount === undefined &&
      r.billingAnchorDate === undefined
    )
      return;
  }
  const legacy = LegacyBilling.safeParse(invoice);
  if (!legacy.success) return;
  const { billingInterval, billingIntervalCount, billingAnchorDate } = legacy.data;
  if (billingInterval !== undefined) {
    value.recurrence = { interval: billingInterval, count: billingIntervalCount ?? 1 };
  }
  if (billingAnchorDate !== undefined && billingAnchorDate !== null) {
    w.unsupported(
      'billingAnchorDate',
      'An older Flowglad invoice field with no canonical place; it is not kept.',
    );
  }
}

/** Docs before the line-item discriminator show lines without `type`; those were all static. */
function withLineTypes(record: unknown): unknown {
  const r = record as { invoiceLineItems?: unknown };
  if (!Array.isArray(r.invoiceLineItems)) return record;
  const items = r.invoiceLineItems.map((item: unknown) =>
    item !== null && typeof item === 'object' && !('type' in item) ? { ...item, type: 'static' } : item,
  );
  return { ...r, invoiceLineItems: items };
}

function classify(record: unknown): 'create-request' | 'record' | 'bare-record' {
  if (record !== null && typeof record === 'object') {
    const r = record as Record<string, unknown>;
    if ('invoiceLineItems' in r && r.invoice !== null && typeof r.invoice === 'object') {
      return 'id' in (r.invoice as object) ? 'record' : 'create-request';
    }
    if ('invoiceNumber' in r && 'id' in r) return 'bare-record';
  }
  throw new ValidationError('Flowglad record', [
    {
      path: '',
      code: 'invalid_type',
      message:
        'Expected { invoice, invoiceLineItems } (a Flowglad invoice or create request) or an invoice record from a list.',
    },
  ]);
}

function mapInvoice(inv: InvoiceFields, items: LineFields[] | undefined, w: WarningCollector): Invoice {
  const currency = inv.currency;
  if (!isCurrencyCode(currency)) {
    throw new ValidationError('Flowglad invoice', [
      {
        path: 'invoice.currency',
        code: 'invalid_value',
        message: `${currency} is not an active ISO 4217 currency (Flowglad still lists withdrawn codes such as ANG and STD); the invoice cannot be read exactly.`,
      },
    ]);
  }

  const out: Invoice = {
    provider: PROVIDER,
    number: inv.invoiceNumber,
    currency,
    customer: { id: inv.customerId },
    issuedAt: readDate(inv.invoiceDate),
    lines: (items ?? []).map((item) => mapLine(item, currency)),
    providerStatus: inv.status,
  };
  if (inv.id !== undefined) out.id = inv.id;

  if (isFlowgladStatus(inv.status)) out.status = canonicalStatusOf(inv.status);
  else
    w.unrecognized(
      'status',
      `Flowglad status "${inv.status}" is not documented; only providerStatus keeps it.`,
    );

  if (inv.dueDate != null) out.dueAt = readDate(inv.dueDate);
  if (inv.billingPeriodStartDate != null && inv.billingPeriodEndDate != null) {
    out.period = { start: readDate(inv.billingPeriodStartDate), end: readDate(inv.billingPeriodEndDate) };
  }
  if (present(inv.subscriptionId)) out.subscription = { id: inv.subscriptionId };
  if (inv.memo != null) out.memo = inv.memo;
  const tax = readTax(inv, currency, w);
  if (tax) out.tax = tax;
  out.total = readTotal(inv, items, currency, w);
  if (inv.createdAt !== undefined) out.createdAt = readDate(inv.createdAt);
  if (inv.updatedAt != null) out.updatedAt = readDate(inv.updatedAt);

  const po = providerOptionsOf(inv);
  if (Object.keys(po).length > 0) out.providerOptions = { flowglad: po };
  return out;
}

function present(value: string | null | undefined): value is string {
  // Older records spell an absent reference as the string "null".
  return typeof value === 'string' && value !== 'null' && value !== '';
}

export function mapLine(item: LineFields, currency: string): Line {
  const line: Line = { quantity: item.quantity };
  const unit = flowgladToMinor(item.price, currency);
  // A price finer than an ISO minor unit (ISK is counted in 1/100 by Flowglad) stays exact as a decimal.
  if (unit.lossless) line.unitAmount = unit.value;
  else line.unitAmountDecimal = unit.exact;
  if (item.description != null) line.description = item.description;
  if (item.priceId != null) line.priceId = item.priceId;
  if (item.type === 'usage') line.kind = 'usage';
  return line;
}

/**
 * Flowglad stores no total. Its own rule (`formatInvoiceTotals`, CONTRACT.md F14) is subtotal + taxAmount,
 * where `subtotal` is written after the subscription's discount (`billingRunHelpers`, F15): that is used
 * whenever the record has a subtotal. Otherwise the total is computed as Σ price × quantity + taxAmount,
 * which overstates an invoice whose subscription carries a discount (`calculateInvoiceTotalsWithDiscounts`
 * subtracts it before tax, F13), so a subscription invoice read that way is flagged at `total`.
 */
export function readTotal(
  inv: InvoiceFields,
  items: LineFields[] | undefined,
  currency: string,
  w: WarningCollector,
): number {
  let units: bigint;
  if (inv.subtotal != null) {
    units = BigInt(inv.subtotal);
  } else if (items && items.length > 0) {
    units = items.reduce((sum, item) => sum + BigInt(item.price) * BigInt(item.quantity), 0n);
    if (inv.type === 'subscription') {
      w.approximated(
        'total',
        "Computed as the sum of the line items plus tax: the record has no subtotal, and Flowglad subtracts the subscription's discount before tax, which this total does not include.",
      );
    }
  } else {
    if (items)
      w.defaulted('total', 'The invoice has neither line items nor a subtotal; its total reads as 0.');
    units = 0n;
  }
  units += BigInt(inv.taxAmount ?? 0);
  const minor = flowgladToMinor(Number(units), currency);
  if (!minor.lossless) {
    w.approximated('total', `The total is ${minor.exact} ${currency} minor units; read as ${minor.value}.`);
  }
  return minor.value;
}

function readTax(inv: InvoiceFields, currency: string, w: WarningCollector): Tax | undefined {
  const tax: Tax = {};
  if (inv.taxType != null) {
    if ((FLOWGLAD_TAX_TYPES as readonly string[]).includes(inv.taxType))
      tax.type = inv.taxType as Tax['type'];
    else w.unrecognized('tax.type', `Flowglad tax type "${inv.taxType}" is not documented; it is not kept.`);
  }
  if (inv.taxCountry != null) {
    if (fastRead.COUNTRY_CODE_PATTERN.test(inv.taxCountry)) tax.country = inv.taxCountry;
    else w.unrecognized('tax.country', `"${inv.taxCountry}" is not an alpha-2 country code; it is not kept.`);
  }
  if (inv.taxState != null) tax.state = inv.taxState;
  if (inv.taxRatePercentage != null) {
    if (DECIMAL_PATTERN.test(inv.taxRatePercentage)) tax.ratePercent = inv.taxRatePercentage;
    else
      w.unrecognized(
        'tax.ratePercent',
        `"${inv.taxRatePercentage}" is not a decimal percentage; it is not kept.`,
      );
  }
  if (inv.taxAmount != null) {
    const minor = flowgladToMinor(inv.taxAmount, currency);
    if (!minor.lossless) {
      w.approximated(
        'tax.amount',
        `The tax is ${minor.exact} ${currency} minor units; read as ${minor.value}.`,
      );
    }
    tax.amount = minor.value;
  }
  return Object.keys(tax).length > 0 ? tax : undefined;
}

/** What only Flowglad has, kept so the invoice can be created again as it was. */
function providerOptionsOf(inv: InvoiceFields): FlowgladProviderOptions {
  const po: FlowgladProviderOptions = {};
  // The variant is implied by the references (subscription → subscription, purchaseId → purchase), so
  // `type` is only written where it would otherwise be read differently.
  if (inv.type === 'purchase' && present(inv.purchaseId)) po.purchaseId = inv.purchaseId;
  if (inv.type === 'purchase' && !present(inv.purchaseId)) po.type = 'purchase';
  if (inv.type === 'subscription' && !present(inv.subscriptionId)) po.type = 'subscription';
  if (inv.type === 'standalone' && present(inv.subscriptionId)) po.type = 'standalone';
  if (present(inv.billingPeriodId)) po.billingPeriodId = inv.billingPeriodId;
  if (isFlowgladStatus(inv.status) && !isCanonicalWord(inv.status)) po.status = inv.status;
  if (inv.bankPaymentOnly != null) po.bankPaymentOnly = inv.bankPaymentOnly;
  if (inv.billingRunId != null) po.billingRunId = inv.billingRunId;
  if (inv.ownerMembershipId != null) po.ownerMembershipId = inv.ownerMembershipId;
  if (inv.pdfURL != null) po.pdfURL = inv.pdfURL;
  if (inv.receiptPdfURL != null) po.receiptPdfURL = inv.receiptPdfURL;
  if (inv.livemode !== undefined) po.livemode = inv.livemode;
  return po;
}

/** Epoch milliseconds (current records) or an ISO 8601 string (older records, create input). */
export function readDate(value: number | string): string {
  return typeof value === 'number' ? epochMsToInstant(value) : normalizeInstant(value);
}
