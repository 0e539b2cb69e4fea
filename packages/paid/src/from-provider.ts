/**
 * Paid record → canonical Order (or, with `as: 'invoice'`, the Invoice view through core's
 * orderToInvoice). Reads a create request, an Order read response (create/get/update/list item), and an
 * Order joined with its lines. Pure: no I/O.
 */
import {
  type Charge,
  fastRead,
  type Invoice,
  isCurrencyCode,
  type MappingResult,
  type Metadata,
  MissingRequiredFieldError,
  type Order,
  type OrderLine,
  orderToInvoiceInto,
  parseOrder,
  parseWith,
  ValidationError,
  WarningCollector,
} from '@billbridge/core';
import { fromPaidTotal, fromPaidUnitPrice } from './amounts';
import { CHARGE_TYPE_FROM_PAID, PRICING_MODEL_FROM_PAID, recurrenceFromPaid } from './enums';
import { readPaidOrderRecord } from './fast-record';
import { readPaidCreateOrderRequest } from './fast-request';
import { PAYMENT_TERMS_NET, type PaidOptions, PROVIDER } from './options';
import type { PaidProviderOptions } from './provider-options';
import {
  type PaidCreateOrderLine,
  PaidCreateOrderRequest,
  type PaidLineAttribute,
  type PaidOrderLine,
  PaidOrderRecord,
} from './wire';

type RequestFields = PaidCreateOrderRequest;
type RecordFields = PaidOrderRecord;

export function fromProvider(record: unknown, options: PaidOptions = {}): MappingResult<Order | Invoice> {
  const w = new WarningCollector(PROVIDER);
  const order = isReadRecord(record)
    ? recordToOrder(
        readPaidOrderRecord(record) ?? parseWith(PaidOrderRecord, record, 'Paid order'),
        options,
        w,
      )
    : requestToOrder(
        readPaidCreateOrderRequest(record) ??
          parseWith(PaidCreateOrderRequest, record, 'Paid create-order request'),
        options,
        w,
      );
  return finishResult(order, options, w);
}

/**
 * The client's create path: Paid's answer was already checked against the PaidOrder schema by
 * parseCreateAnswer (or the read-back), and the fields joined to it are this client's own request, so
 * the record is mapped without a second schema pass over the same data (get and list too: Paid's answer is
 * read by its reader or schema, the rest is this client's own request). Internal; not exported from the
 * package.
 */
export function fromCheckedRecord(
  record: PaidOrderRecord,
  options: PaidOptions = {},
): MappingResult<Order | Invoice> {
  const w = new WarningCollector(PROVIDER);
  return finishResult(recordToOrder(record, options, w), options, w);
}

function finishResult(
  order: Order,
  options: PaidOptions,
  w: WarningCollector,
): MappingResult<Order | Invoice> {
  if (options.as === 'invoice') {
    const invoice = orderToInvoiceInto(order, w);
    return { value: invoice, warnings: w.finish(options.strict) };
  }
  return { value: order, warnings: w.finish(options.strict) };
}

/** An Order read response has an id; a create request never does. */
function isReadRecord(record: unknown): boolean {
  return record !== null && typeof record === 'object' && 'id' in record;
}

function requestToOrder(request: RequestFields, options: PaidOptions, w: WarningCollector): Order {
  const currency = readCurrency(request.currency, request.lines, undefined, options, w);
  const order = commonFields(request, currency, w);
  if (request.name !== undefined) order.name = request.name;
  if (request.billingCustomerId !== undefined) order.billingCustomer = { id: request.billingCustomerId };
  if (request.externalId !== undefined) order.externalId = request.externalId;
  if (request.billingContactIds !== undefined)
    order.providerOptions = { paid: { billingContactIds: request.billingContactIds } };
  order.lines = (request.lines ?? []).map((line, i) => lineFromPaid(line, `lines[${i}]`, currency, w));
  return finish(order);
}

function recordToOrder(record: RecordFields, options: PaidOptions, w: WarningCollector): Order {
  const currency = readCurrency(record.currency, record.lines, record.id, options, w);
  const order = commonFields(record, currency, w);
  // Paid answers an empty string when an order was created without a name.
  if (record.name !== '') order.name = record.name;
  order.id = record.id;
  order.provider = PROVIDER;
  if (record.billingCustomerId !== null) order.billingCustomer = { id: record.billingCustomerId };
  if (record.externalId !== undefined) order.externalId = record.externalId;
  order.number = String(record.number);
  order.total = fromPaidTotal(record.totalAmount, currency, 'total', w);
  setInstant(order, 'createdAt', record.createdAt, w);
  setInstant(order, 'updatedAt', record.updatedAt, w);

  const extra: PaidProviderOptions = {
    amounts: {
      orderAmount: fromPaidTotal(record.orderAmount, currency, 'providerOptions.paid.amounts.orderAmount', w),
      billedAmountNoTax: fromPaidTotal(
        record.billedAmountNoTax,
        currency,
        'providerOptions.paid.amounts.billedAmountNoTax',
        w,
      ),
      billedTax: fromPaidTotal(record.billedTax, currency, 'providerOptions.paid.amounts.billedTax', w),
      estimatedTax: fromPaidTotal(
        record.estimatedTax,
        currency,
        'providerOptions.paid.amounts.estimatedTax',
        w,
      ),
      pendingBillingAmount: fromPaidTotal(
        record.pendingBillingAmount,
        currency,
        'providerOptions.paid.amounts.pendingBillingAmount',
        w,
      ),
      totalBilledAmount: fromPaidTotal(
        record.totalBilledAmount,
        currency,
        'providerOptions.paid.amounts.totalBilledAmount',
        w,
      ),
    },
    version: record.version,
    billingFrequencyOverridden: record.billingFrequencyOverridden,
  };
  if (record.billingContactIds.length > 0) extra.billingContactIds = record.billingContactIds;
  if (record.showPaymentLink !== null) extra.showPaymentLink = record.showPaymentLink;
  if (record.showBankDetails !== null) extra.showBankDetails = record.showBankDetails;
  order.providerOptions = { paid: extra as Record<string, unknown> };

  order.lines = (record.lines ?? []).map((line, i) =>
    'id' in line ? readLineFromPaid(line, `lines[${i}]`, w) : lineFromPaid(line, `lines[${i}]`, currency, w),
  );
  return finish(order);
}

/** The fields a create request and a read response share (nullable on read). */
type Shared = {
  customerId: string;
  startDate?: string | undefined;
  endDate?: string | null | undefined;
  subscriptionTerms?: number | null | undefined;
  creationState?: 'draft' | 'active' | undefined;
  paymentTerms?: string | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
  autoPostInvoices?: boolean | null | undefined;
  autoSendBillingEmails?: boolean | null | undefined;
  autoSendPaymentEmails?: boolean | null | undefined;
  billingFrequencyOverride?:
    | { frequency: Parameters<typeof recurrenceFromPaid>[0]; customMonths?: number | null | undefined }
    | undefined;
  purchaseOrderReference?: string | null | undefined;
  billingAnchor?: number | undefined;
};

function commonFields(source: Shared, currency: string, w: WarningCollector): Order {
  const order: Order = { currency, customer: { id: source.customerId }, lines: [] };
  if (source.creationState !== undefined) order.status = source.creationState;
  setInstant(order, 'startAt', source.startDate, w);
  setInstant(order, 'endAt', source.endDate, w);
  if (order.startAt !== undefined && order.endAt !== undefined && order.endAt < order.startAt) {
    // Paid fills a start date when none was sent, which can fall after an end date that was.
    w.unrecognized(
      'startAt',
      `Paid's start date ${order.startAt} is after its end date ${order.endAt}; the start is not kept.`,
    );
    delete order.startAt;
  }
  if (source.subscriptionTerms != null) {
    if (source.subscriptionTerms >= 1) order.termCount = source.subscriptionTerms;
    else
      w.unsupported(
        'termCount',
        `Paid subscriptionTerms ${source.subscriptionTerms} is below the canonical minimum of 1.`,
      );
  }
  if (source.billingAnchor !== undefined) order.billingAnchorDay = source.billingAnchor;
  if (source.paymentTerms != null && source.paymentTerms !== '') {
    const match = PAYMENT_TERMS_NET.exec(source.paymentTerms);
    order.paymentTerms = match
      ? { name: source.paymentTerms, days: Number(match[1]) }
      : { name: source.paymentTerms };
  }
  if (source.metadata != null) order.metadata = metadataFromPaid(source.metadata, w);
  if (source.autoPostInvoices != null) order.autoPostInvoices = source.autoPostInvoices;
  if (source.autoSendBillingEmails != null) order.autoSendBillingEmails = source.autoSendBillingEmails;
  if (source.autoSendPaymentEmails != null) order.autoSendPaymentEmails = source.autoSendPaymentEmails;
  if (source.purchaseOrderReference != null) order.purchaseOrder = source.purchaseOrderReference;
  const override = source.billingFrequencyOverride;
  if (override) {
    const recurrence = recurrenceFromPaid(override.frequency, override.customMonths);
    if (recurrence) order.billingFrequency = recurrence;
    else
      w.unrecognized(
        'billingFrequency',
        'Paid billing frequency "custom" came without customMonths; it is not kept.',
      );
  }
  return order;
}

/**
 * The order currency: the record's own (joined from the request that created it), else a price point's,
 * else the reader's `currency` option, with a `defaulted` warning that it was assumed. Never guessed:
 * Paid's Order carries no currency, so a foreign order read without the option is a typed error.
 */
function readCurrency(
  recordCurrency: string | undefined,
  lines: ReadonlyArray<PaidCreateOrderLine | PaidOrderLine> | undefined,
  orderId: string | undefined,
  options: PaidOptions,
  w: WarningCollector,
): string {
  let currency =
    recordCurrency ??
    lines
      ?.flatMap((line) => ('attributes' in line ? (line.attributes ?? []) : []))
      .find((a) => a.pricing.pricePoints.currency)?.pricing.pricePoints.currency;
  if (currency === undefined && options.currency !== undefined) {
    currency = options.currency;
    w.defaulted(
      'currency',
      `Paid's order${orderId ? ` ${orderId}` : ''} carries no currency; ${currency} was assumed from the \`currency\` option and every amount was read in it.`,
    );
  }
  if (currency === undefined) {
    const subject = orderId ? `Paid order ${orderId}` : 'This Paid record';
    throw new MissingRequiredFieldError(
      PROVIDER,
      'currency',
      `${subject} carries no currency (Paid's Order has no currency field; only orders this client created know theirs), and its amounts cannot be read without one. Pass the order's currency, e.g. createPaidClient({ currency: 'USD' }) or fromProvider(record, { currency: 'USD' }); it is then reported as assumed.`,
      'currency',
    );
  }
  if (!isCurrencyCode(currency)) {
    throw new ValidationError('Paid order', [
      {
        path: 'currency',
        code: 'invalid_currency',
        message: `Unknown currency ${JSON.stringify(currency)}.`,
      },
    ]);
  }
  return currency;
}

function lineFromPaid(
  line: PaidCreateOrderLine,
  path: string,
  currency: string,
  w: WarningCollector,
): OrderLine {
  const out: OrderLine = { product: { id: line.productId }, charges: [] };
  if (line.name !== undefined) out.name = line.name;
  if (line.description !== undefined) out.description = line.description;
  setInstant(out, 'startAt', line.startDate, w, path);
  setInstant(out, 'endAt', line.endDate, w, path);
  out.charges = (line.attributes ?? []).map((a, j) =>
    chargeFromPaid(a, `${path}.charges[${j}]`, currency, w),
  );
  if (out.charges.length === 0) standInCharge(out, path, w);
  return out;
}

/** Paid's line read model has no pricing; the canonical line still needs one charge. */
function readLineFromPaid(line: PaidOrderLine, path: string, w: WarningCollector): OrderLine {
  const out: OrderLine = { product: { id: line.productId }, charges: [] };
  if (line.name) out.name = line.name;
  if (line.description !== null) out.description = line.description;
  setInstant(out, 'startAt', line.startDate, w, path);
  setInstant(out, 'endAt', line.endDate, w, path);
  standInCharge(out, path, w);
  return out;
}

function standInCharge(line: OrderLine, path: string, w: WarningCollector): void {
  line.charges = [{ name: line.name ?? 'Line', type: 'one_time' }];
  w.defaulted(
    `${path}.charges`,
    'Paid returned this order line without pricing (its line read model has none); one unpriced one-time charge stands in.',
  );
}

function unmapped(path: string, key: string, w: WarningCollector): void {
  w.unsupported(path, `A canonical charge has no ${key}; it is not kept.`);
}

function chargeFromPaid(
  attribute: PaidLineAttribute,
  path: string,
  currency: string,
  w: WarningCollector,
): Charge {
  const { pricing } = attribute;
  const points = pricing.pricePoints;
  const charge: Charge = { name: attribute.name, type: CHARGE_TYPE_FROM_PAID[pricing.chargeType] };
  if (attribute.quantity !== undefined) charge.quantity = attribute.quantity;
  const tiers = points.tiers ?? [];
  // A tiered price sends unitPrice 0 because Paid requires the field; the tiers carry the prices.
  if (!(tiers.length > 0 && points.unitPrice === 0)) {
    const price = fromPaidUnitPrice(points.unitPrice, currency, `${path}.unitAmount`);
    if ('unitAmount' in price) charge.unitAmount = price.unitAmount;
    else charge.unitAmountDecimal = price.unitAmountDecimal;
  }
  if (tiers.length > 0) {
    charge.tiers = [...tiers]
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
      .map((tier, k) => {
        const out: NonNullable<Charge['tiers']>[number] = {};
        if (tier.upperBound !== undefined) out.upTo = tier.upperBound;
        if (tier.unitAmount !== undefined) {
          const price = fromPaidUnitPrice(tier.unitAmount, currency, `${path}.tiers[${k}].unitAmountDecimal`);
          out.unitAmountDecimal = 'unitAmount' in price ? String(price.unitAmount) : price.unitAmountDecimal;
        }
        if (tier.flatAmount !== undefined)
          out.flatAmount = fromPaidTotal(tier.flatAmount, currency, `${path}.tiers[${k}].flatAmount`, w);
        return out;
      });
  }
  if (pricing.pricingModel !== undefined) charge.pricingModel = PRICING_MODEL_FROM_PAID[pricing.pricingModel];
  if (pricing.billingFrequency !== undefined) {
    const recurrence = recurrenceFromPaid(pricing.billingFrequency, pricing.billingFrequencyCustomMonths);
    if (recurrence) charge.recurrence = recurrence;
    else
      w.unrecognized(
        `${path}.recurrence`,
        'Paid billing frequency "custom" came without a month count; it is not kept.',
      );
  }
  if (pricing.billingType !== undefined) charge.billingTiming = pricing.billingType;
  if (pricing.eventName !== undefined) charge.eventName = pricing.eventName;
  if (points.currency !== undefined && points.currency !== currency) {
    w.unsupported(
      `${path}.currency`,
      `Price point currency ${points.currency} differs from the order currency ${currency}; read as ${currency}.`,
    );
  }
  // Field by field rather than over key lists: this runs for every charge read.
  if (points.minQuantity !== undefined) unmapped(`${path}.minQuantity`, 'minQuantity', w);
  if (points.includedQuantity !== undefined) unmapped(`${path}.includedQuantity`, 'includedQuantity', w);
  if (pricing.signalType !== undefined) unmapped(`${path}.signalType`, 'signalType', w);
  if (pricing.creditsCurrencyId !== undefined) unmapped(`${path}.creditsCurrencyId`, 'creditsCurrencyId', w);
  if (pricing.creditCost !== undefined) unmapped(`${path}.creditCost`, 'creditCost', w);
  if (pricing.overageUnitPrice !== undefined) {
    // Read in minor units like every Paid price, so the warning states the amount that is dropped.
    const price = fromPaidUnitPrice(pricing.overageUnitPrice, currency, `${path}.overageUnitPrice`);
    const minor = 'unitAmount' in price ? price.unitAmount : price.unitAmountDecimal;
    w.unsupported(
      `${path}.overageUnitPrice`,
      `A canonical charge has no overage price; ${minor} minor units of ${currency} per unit is not kept.`,
    );
  }
  if (pricing.creditRolloverAmount !== undefined)
    unmapped(`${path}.creditRolloverAmount`, 'creditRolloverAmount', w);
  if (pricing.creditBenefits !== undefined) unmapped(`${path}.creditBenefits`, 'creditBenefits', w);
  return charge;
}

function metadataFromPaid(metadata: Record<string, unknown>, w: WarningCollector): Metadata {
  const out: Metadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    const primitive =
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (primitive) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      w.unsupported(
        `metadata.${key}`,
        'Canonical metadata holds strings, numbers, booleans and null; this value is not kept.',
      );
    }
  }
  return out;
}

function setInstant<K extends string>(
  target: { [key in K]?: string },
  key: K,
  value: string | null | undefined,
  w: WarningCollector,
  prefix?: string,
): void {
  if (value == null) return;
  const normalised = fastRead.instant(value);
  if (normalised) target[key] = normalised;
  else
    w.unrecognized(
      prefix ? `${prefix}.${key}` : key,
      `Paid sent ${JSON.stringify(value)}, which is not an ISO 8601 instant; it is not kept.`,
    );
}

/** Validates the assembled order (provider data can break canonical rules, e.g. end before start). */
function finish(order: Order): Order {
  return parseOrder(order);
}
