/**
 * Canonical Invoice (or Order) → Flowglad's documented create body `{ invoice, invoiceLineItems, autoSend }`.
 * Pure: no I/O; every loss is a warning with its canonical path, and `strict` turns them into an error.
 */
import {
  type CreateRequestResult,
  computeTotals,
  epochMsToInstant,
  formatDecimal,
  type Invoice,
  type InvoiceInput,
  type Line,
  MissingRequiredFieldError,
  multiplyDecimal,
  type Order,
  type OrderInput,
  orderToInvoice,
  parseDocument,
  parseWith,
  toDecimal,
  ValidationError,
  WarningCollector,
} from '@billbridge/core';
import { type FlowgladCurrency, type FlowgladStatus, isCreateEraCountry, isFlowgladCurrency } from './enums';
import { readProviderOptions } from './fast-options';
import { flowgladExponent, isInt32, minorToFlowglad } from './money';
import { type FlowgladMappingOptions, FlowgladProviderOptions } from './options';
import { canonicalStatusOf } from './status';
import type {
  FlowgladCreateRequest,
  FlowgladLineItemInsert,
  FlowgladStandaloneInvoiceInsert,
  FlowgladSubscriptionInvoiceInsert,
} from './wire';

const PROVIDER = 'flowglad';
/** The options of a document without `providerOptions.flowglad` (only read, never written). */
const NO_OPTIONS: FlowgladProviderOptions = Object.freeze({});

export function toCreateRequest(
  doc: Invoice | Order | InvoiceInput | OrderInput,
  options: FlowgladMappingOptions = {},
): CreateRequestResult<FlowgladCreateRequest> {
  const parsed = parseDocument(doc);
  const w = new WarningCollector(PROVIDER);
  let invoice: Invoice;
  if (parsed.kind === 'order') {
    const converted = orderToInvoice(parsed.value);
    for (const warning of converted.warnings) w.add(warning.code, warning.path, warning.message);
    // The conversion itself sets billingReason; that is not the user's data, so it is not reported as lost.
    const { billingReason: _reason, ...rest } = converted.value;
    invoice = rest;
  } else {
    invoice = parsed.value;
  }
  const request = mapInvoice(invoice, options, w);
  return { request, warnings: w.finish(options.strict) };
}

function mapInvoice(
  invoice: Invoice,
  options: FlowgladMappingOptions,
  w: WarningCollector,
): FlowgladCreateRequest {
  // No Flowglad options (the usual case) parse to an empty object; the schema runs only on what was given.
  const given = invoice.providerOptions?.flowglad;
  const po: FlowgladProviderOptions =
    given === undefined
      ? NO_OPTIONS
      : (readProviderOptions(given) ?? parseWith(FlowgladProviderOptions, given, 'providerOptions.flowglad'));
  w.otherProvidersOptions(invoice.providerOptions);
  const currency = mapCurrency(invoice.currency, w);
  const lines = invoice.lines;
  const lineItems = new Array<FlowgladLineItemInsert>(lines.length);
  for (let i = 0; i < lines.length; i++) lineItems[i] = mapLine(lines[i] as Line, i, invoice.currency, w);

  const subscriptionId = po.subscriptionId ?? invoice.subscription?.id;
  const type =
    po.type ??
    (invoice.subscription || po.subscriptionId ? 'subscription' : po.purchaseId ? 'purchase' : 'standalone');

  // Built by assignment in the order the wire body lists its fields (object spreads of optional fields
  // were the largest cost of this function).
  const common: Record<string, unknown> = {
    customerId: resolveCustomerId(invoice, options),
    invoiceNumber: resolveNumber(invoice, w),
    invoiceDate: issuedAt(invoice, options, w),
    status: resolveStatus(invoice, po.status, w),
    currency,
  };
  if (invoice.dueAt !== undefined) common.dueDate = invoice.dueAt;
  if (invoice.memo !== undefined) common.memo = invoice.memo;
  if (po.bankPaymentOnly !== undefined) common.bankPaymentOnly = po.bankPaymentOnly;
  if (po.billingRunId !== undefined) common.billingRunId = po.billingRunId;
  if (po.ownerMembershipId !== undefined) common.ownerMembershipId = po.ownerMembershipId;
  if (po.pdfURL !== undefined) common.pdfURL = po.pdfURL;
  if (po.receiptPdfURL !== undefined) common.receiptPdfURL = po.receiptPdfURL;
  common.subtotal = subtotalOf(invoice, lineItems, type === 'standalone', w);
  assignFields(common, taxFields(invoice, w));

  let body: FlowgladCreateRequest['invoice'];
  if (type === 'subscription') {
    if (!subscriptionId) {
      throw new MissingRequiredFieldError(
        PROVIDER,
        'subscription.id',
        'A Flowglad subscription invoice references its subscription by Flowglad id (sub_…).',
        'providerOptions.flowglad.subscriptionId',
      );
    }
    if (!po.billingPeriodId) {
      throw new MissingRequiredFieldError(
        PROVIDER,
        'providerOptions.flowglad.billingPeriodId',
        'A Flowglad subscription invoice references its billing period (billing_period_…).',
        'providerOptions.flowglad.billingPeriodId',
      );
    }
    common.type = type;
    common.subscriptionId = subscriptionId;
    common.billingPeriodId = po.billingPeriodId;
    common.purchaseId = null;
    const sub = common as unknown as FlowgladSubscriptionInvoiceInsert;
    if (invoice.period) {
      sub.billingPeriodStartDate = invoice.period.start;
      sub.billingPeriodEndDate = invoice.period.end;
    }
    body = sub;
  } else {
    if (invoice.subscription) {
      w.unsupported(
        'subscription',
        `A Flowglad ${type} invoice has no subscription reference; it is not sent.`,
      );
    }
    if (invoice.period) {
      w.unsupported('period', `Only Flowglad subscription invoices carry a billing period; it is not sent.`);
    }
    if (type === 'purchase') {
      if (!po.purchaseId) {
        throw new MissingRequiredFieldError(
          PROVIDER,
          'providerOptions.flowglad.purchaseId',
          'A Flowglad purchase invoice references its purchase (prch_…).',
          'providerOptions.flowglad.purchaseId',
        );
      }
      common.type = type;
      common.purchaseId = po.purchaseId;
      common.subscriptionId = null;
      common.billingPeriodId = null;
      body = common as unknown as FlowgladCreateRequest['invoice'];
    } else {
      common.type = type;
      common.purchaseId = null;
      common.subscriptionId = null;
      common.billingPeriodId = null;
      assignFields(common, standaloneTax(invoice, w));
      body = common as unknown as FlowgladStandaloneInvoiceInsert;
    }
  }
  if (type !== 'standalone') reportStandaloneOnlyTax(invoice, type, w);

  reportUnsupported(invoice, w);
  const request: FlowgladCreateRequest = { invoice: body, invoiceLineItems: lineItems };
  if (invoice.collection?.autoSend !== undefined) request.autoSend = invoice.collection.autoSend;
  return request;
}

/** `Object.assign` for the few optional fields a helper returns, in their order. */
function assignFields(target: Record<string, unknown>, fields: object): void {
  for (const key of Object.keys(fields)) target[key] = (fields as Record<string, unknown>)[key];
}

function mapCurrency(currency: string, w: WarningCollector): FlowgladCurrency {
  if (!isFlowgladCurrency(currency)) {
    w.unsupported(
      'currency',
      `${currency} is not one of the 134 currencies Flowglad accepts; amounts are converted by Flowglad's unit rule, but Flowglad will refuse the invoice.`,
    );
  }
  // Sent as given: refusing here would hide the conversion; the warning (and strict) carries the refusal.
  return currency as FlowgladCurrency;
}

function resolveCustomerId(invoice: Invoice, options: FlowgladMappingOptions): string {
  const { customer } = invoice;
  if (customer.id) return customer.id;
  const ids = options.customerIds;
  const found =
    typeof ids === 'function'
      ? ids(customer)
      : ids &&
        ((customer.externalId !== undefined && ids[customer.externalId]) ||
          (customer.email !== undefined && ids[customer.email]));
  if (found) return found;
  throw new MissingRequiredFieldError(
    PROVIDER,
    'customer.id',
    'A Flowglad invoice references its customer by Flowglad id (cust_…); the customer has none.',
    'customerIds',
  );
}

function resolveNumber(invoice: Invoice, w: WarningCollector): string {
  if (invoice.number !== undefined && invoice.number !== '') {
    if (invoice.externalId !== undefined && invoice.externalId !== invoice.number) {
      w.unsupported('externalId', 'Flowglad has no external id field; only the invoice number is sent.');
    }
    return invoice.number;
  }
  if (invoice.externalId !== undefined && invoice.externalId !== '') {
    w.defaulted(
      'number',
      'No invoice number: externalId is sent as Flowglad invoiceNumber (unique across Flowglad).',
    );
    return invoice.externalId;
  }
  throw new MissingRequiredFieldError(
    PROVIDER,
    'number',
    'Flowglad requires an invoiceNumber, unique across all of Flowglad; it is also what makes a retried create safe. Set number (or externalId).',
  );
}

function issuedAt(invoice: Invoice, options: FlowgladMappingOptions, w: WarningCollector): string {
  if (invoice.issuedAt !== undefined) return invoice.issuedAt;
  const now = epochMsToInstant(Math.trunc((options.now ?? Date.now)()));
  w.defaulted('issuedAt', `Flowglad requires invoiceDate; the current time (${now}) is sent.`);
  return now;
}

function resolveStatus(
  invoice: Invoice,
  override: FlowgladStatus | undefined,
  w: WarningCollector,
): FlowgladStatus {
  if (override !== undefined) {
    const implied = canonicalStatusOf(override);
    if (invoice.status !== undefined && invoice.status !== implied) {
      throw new ValidationError('Invoice', [
        {
          path: 'providerOptions.flowglad.status',
          code: 'custom',
          message: `Flowglad status "${override}" reads back as "${implied}", which contradicts status "${invoice.status}".`,
        },
      ]);
    }
    return override;
  }
  if (invoice.status !== undefined) return invoice.status;
  w.defaulted('status', 'Flowglad requires a status; "draft" is sent.');
  return 'draft';
}

/**
 * A quantity Flowglad can carry as it is: a whole number ≥ 1, as a count; undefined otherwise. A safe
 * integer is read directly (what toDecimal would make of it: itself at scale 0); anything else through
 * toDecimal (a property test holds the two readings equal).
 */
export function wholeCount(quantity: number | string): number | undefined {
  if (typeof quantity === 'number' && Number.isSafeInteger(quantity))
    return quantity >= 1 ? quantity : undefined;
  const exact = toDecimal(quantity);
  return exact.scale === 0 && exact.coefficient >= 1n ? Number(exact.coefficient) : undefined;
}

/** Flowglad quantities are positive integers: a fractional (or zero) quantity becomes one unit at the line amount. */
function mapLine(line: Line, i: number, currency: string, w: WarningCollector): FlowgladLineItemInsert {
  const unit = line.unitAmountDecimal ?? line.unitAmount ?? 0;
  const whole = wholeCount(line.quantity);

  let price: number;
  let count: number;
  if (whole !== undefined) {
    count = whole;
    const converted = minorToFlowglad(unit, currency);
    if (!converted.lossless) {
      const unitPath =
        line.unitAmountDecimal !== undefined ? `lines[${i}].unitAmountDecimal` : `lines[${i}].unitAmount`;
      w.approximated(
        unitPath,
        `${unit} ${currency} minor units are ${converted.exact} Flowglad units (Flowglad counts ${currency} in ${flowgladExponent(currency) === 0 ? 'whole units' : 'hundredths'}); sent as ${converted.value}.`,
      );
    }
    price = converted.value;
  } else {
    const quantity = toDecimal(line.quantity);
    const amount = formatDecimal(multiplyDecimal(quantity, toDecimal(unit)));
    const converted = minorToFlowglad(amount, currency);
    count = 1;
    price = converted.value;
    w.approximated(
      `lines[${i}].quantity`,
      `Flowglad quantities are positive integers: quantity ${formatDecimal(quantity)} × unit price ${unit} is sent as quantity 1 at ${price} Flowglad units` +
        (converted.lossless ? '.' : ` (the exact amount, ${converted.exact}, rounded).`),
    );
  }
  if (!isInt32(price) || !isInt32(count) || !isInt32(price * count)) {
    throw new ValidationError('Invoice', [
      {
        path: `lines[${i}]`,
        code: 'too_big',
        message: `Flowglad stores amounts as 32-bit integers; ${count} × ${price} does not fit.`,
      },
    ]);
  }

  if (line.kind === 'usage' || line.kind === 'recurring') {
    w.unsupported(
      `lines[${i}].kind`,
      `Flowglad's create accepts only static lines; a ${line.kind} line is sent as static.`,
    );
  }
  if (
    line.product !== undefined ||
    line.period !== undefined ||
    line.recurrence !== undefined ||
    line.tax !== undefined ||
    line.metadata !== undefined
  ) {
    for (const key of LINE_FIELDS_NOT_SENT) {
      if (line[key] !== undefined)
        w.unsupported(`lines[${i}].${key}`, `A Flowglad line item has no ${key}; it is not sent.`);
    }
  }
  return {
    type: 'static',
    quantity: count,
    price,
    priceId: line.priceId ?? null,
    description: line.description ?? null,
  };
}

const LINE_FIELDS_NOT_SENT = ['product', 'period', 'recurrence', 'tax', 'metadata'] as const;

/** Σ price × quantity in Flowglad units, or (no lines) the document total less any tax sent beside it. */
function subtotalOf(
  invoice: Invoice,
  items: FlowgladLineItemInsert[],
  standalone: boolean,
  w: WarningCollector,
): number {
  let subtotal: number;
  if (items.length > 0) {
    subtotal = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    if (invoice.total !== undefined && invoice.total !== computeTotals(invoice).total) {
      w.unsupported(
        'total',
        'Flowglad computes the total from the line items; the differing total given is not sent.',
      );
    }
  } else {
    const tax =
      standalone && invoice.tax?.amount !== undefined && !invoice.tax.inclusive ? invoice.tax.amount : 0;
    const converted = minorToFlowglad(formatDecimal(toDecimal((invoice.total ?? 0) - tax)), invoice.currency);
    if (!converted.lossless) {
      w.approximated('total', `The total is ${converted.exact} Flowglad units; sent as ${converted.value}.`);
    }
    subtotal = converted.value;
  }
  if (!isInt32(subtotal)) {
    throw new ValidationError('Invoice', [
      {
        path: 'lines',
        code: 'too_big',
        message: `Flowglad stores the subtotal as a 32-bit integer; ${subtotal} does not fit.`,
      },
    ]);
  }
  return subtotal;
}

function taxFields(invoice: Invoice, w: WarningCollector) {
  const tax = invoice.tax;
  if (!tax) return {};
  const out: {
    taxType?: NonNullable<Invoice['tax']>['type'];
    taxCountry?: FlowgladStandaloneInvoiceInsert['taxCountry'];
    taxState?: string;
  } = {};
  if (tax.type !== undefined) out.taxType = tax.type;
  if (tax.country !== undefined) {
    if (isCreateEraCountry(tax.country)) out.taxCountry = tax.country;
    else
      w.unsupported(
        'tax.country',
        `${tax.country} is not among the tax countries of Flowglad's create endpoint; it is not sent.`,
      );
  }
  if (tax.state !== undefined) out.taxState = tax.state;
  if (tax.name !== undefined) w.unsupported('tax.name', 'Flowglad has no tax label; it is not sent.');
  if (tax.inclusive)
    w.unsupported(
      'tax.inclusive',
      'Flowglad adds tax on top of the subtotal; inclusive tax cannot be expressed.',
    );
  return out;
}

/** Only the standalone variant accepts taxAmount and taxRatePercentage (card §3.2). */
function standaloneTax(
  invoice: Invoice,
  w: WarningCollector,
): Pick<FlowgladStandaloneInvoiceInsert, 'taxAmount' | 'taxRatePercentage'> {
  const tax = invoice.tax;
  const out: Pick<FlowgladStandaloneInvoiceInsert, 'taxAmount' | 'taxRatePercentage'> = {};
  if (tax?.amount !== undefined) {
    const converted = minorToFlowglad(tax.amount, invoice.currency);
    if (!converted.lossless) {
      w.approximated(
        'tax.amount',
        `${tax.amount} minor units are ${converted.exact} Flowglad units; sent as ${converted.value}.`,
      );
    }
    if (!isInt32(converted.value)) {
      throw new ValidationError('Invoice', [
        { path: 'tax.amount', code: 'too_big', message: 'Flowglad stores taxAmount as a 32-bit integer.' },
      ]);
    }
    out.taxAmount = converted.value;
  }
  if (tax?.ratePercent !== undefined) out.taxRatePercentage = tax.ratePercent;
  return out;
}

function reportStandaloneOnlyTax(invoice: Invoice, type: string, w: WarningCollector): void {
  if (invoice.tax?.amount !== undefined) {
    w.unsupported(
      'tax.amount',
      `Flowglad ${type} invoices do not accept taxAmount (Flowglad computes it); it is not sent.`,
    );
  }
  if (invoice.tax?.ratePercent !== undefined) {
    w.unsupported(
      'tax.ratePercent',
      `Flowglad ${type} invoices do not accept taxRatePercentage; it is not sent.`,
    );
  }
}

const CUSTOMER_FIELDS = [
  'externalId',
  'email',
  'name',
  'phone',
  'billingAddress',
  'shippingAddress',
] as const;
const INVOICE_FIELDS = [
  'billingReason',
  'recurrence',
  'paymentTerms',
  'purchaseOrder',
  'footer',
  'metadata',
  'imported',
] as const;

function reportUnsupported(invoice: Invoice, w: WarningCollector): void {
  const c = invoice.customer;
  // Named checks first: the keyed loops below run only when one of their fields is there.
  const customerExtras =
    c.externalId !== undefined ||
    c.email !== undefined ||
    c.name !== undefined ||
    c.phone !== undefined ||
    c.billingAddress !== undefined ||
    c.shippingAddress !== undefined;
  const invoiceExtras =
    invoice.billingReason !== undefined ||
    invoice.recurrence !== undefined ||
    invoice.paymentTerms !== undefined ||
    invoice.purchaseOrder !== undefined ||
    invoice.footer !== undefined ||
    invoice.metadata !== undefined ||
    invoice.imported !== undefined;
  if (customerExtras) reportFields(invoice, w);
  if (invoiceExtras) reportInvoiceFields(invoice, w);
  const collection = invoice.collection;
  if (collection !== undefined) reportCollection(collection, w);
}

function reportFields(invoice: Invoice, w: WarningCollector): void {
  for (const key of CUSTOMER_FIELDS) {
    if (invoice.customer[key] !== undefined) {
      w.unsupported(
        `customer.${key}`,
        `A Flowglad invoice references the customer by id only; customer.${key} is not sent.`,
      );
    }
  }
}

function reportInvoiceFields(invoice: Invoice, w: WarningCollector): void {
  for (const key of INVOICE_FIELDS) {
    if (invoice[key] !== undefined) w.unsupported(key, `Flowglad invoices have no ${key}; it is not sent.`);
  }
}

function reportCollection(collection: NonNullable<Invoice['collection']>, w: WarningCollector): void {
  if (collection.method === 'charge_automatically') {
    w.unsupported(
      'collection.method',
      'Flowglad invoices are sent to the customer; automatic charging cannot be requested.',
    );
  }
  if (collection.paymentMethodId !== undefined) {
    w.unsupported('collection.paymentMethodId', 'A Flowglad invoice has no payment method field.');
  }
  if (collection.finalizeAt !== undefined) {
    w.unsupported('collection.finalizeAt', 'A Flowglad invoice has no finalisation time.');
  }
}
