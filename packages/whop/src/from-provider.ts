/**
 * Whop records → canonical Invoice. Two shapes: the `Invoice` object (create, retrieve, list) and the
 * create request itself. The response carries little (no company, member, product, collection method or
 * numeric total); the client compares the two (verifyCreate) and returns what Whop stored.
 */
import {
  type Customer,
  compareDecimal,
  INVOICE_STATUSES,
  type Invoice,
  type InvoiceStatus,
  type MappingResult,
  minorUnitExponent,
  multiplyDecimal,
  parseInvoice,
  parseWith,
  toDecimal,
  ValidationError,
  WarningCollector,
} from '@billbridge/core';
import { WHOP_AMOUNTS } from './amounts';
import { billingPeriodToRecurrence, fromWhopCurrency, fromWhopDateTime, whopNumberToUnit } from './convert';
import { fastReadInvoice } from './fast-record';
import { fastReadCreateRequest } from './fast-request';
import type { WhopMappingOptions, WhopProviderOptions } from './options';
import {
  createVariantFor,
  effectivePlanType,
  type WhopInvoice,
  type WhopInvoiceCreateRequest,
  Invoice as WhopInvoiceSchema,
} from './wire';

type Line = Invoice['lines'][number];

/** Either Whop shape → canonical; anything else is a ValidationError. */
export function fromWhop(record: unknown, options: WhopMappingOptions = {}): MappingResult<Invoice> {
  if (
    record !== null &&
    typeof record === 'object' &&
    ('current_plan' in record || 'fetch_invoice_token' in record)
  ) {
    const invoice = fastReadInvoice(record) ?? parseWith(WhopInvoiceSchema, record, 'Whop invoice');
    return fromWhopInvoice(invoice, options);
  }
  if (record !== null && typeof record === 'object' && 'collection_method' in record) {
    const request =
      fastReadCreateRequest(record) ?? parseWith(createVariantFor(record), record, 'Whop create request');
    return fromWhopCreateRequest(request, options);
  }
  throw new ValidationError('Whop record', [
    {
      path: '',
      code: 'unknown_shape',
      message:
        'Expected a Whop Invoice object (with current_plan) or an invoice create request (with collection_method).',
    },
  ]);
}

const CANONICAL_STATUSES: ReadonlySet<string> = new Set(INVOICE_STATUSES);

/** Whop status → canonical; `past_due` is an open invoice past its due date (kept verbatim in providerStatus). */
function mapStatus(status: string, w: WarningCollector): InvoiceStatus | undefined {
  if (CANONICAL_STATUSES.has(status)) return status as InvoiceStatus;
  if (status === 'past_due') return 'open';
  w.unrecognized('status', `Whop status "${status}" is not documented; it is kept in providerStatus only.`);
  return undefined;
}

/** The `Invoice` object of create, retrieve and list. */
export function fromWhopInvoice(
  record: WhopInvoice,
  options: WhopMappingOptions = {},
): MappingResult<Invoice> {
  const w = new WarningCollector('whop');
  const currency = fromWhopCurrency(record.current_plan.currency, 'current_plan.currency');
  const customer: Record<string, unknown> = {};
  if (record.email_address !== null) customer.email = record.email_address;
  if (record.user?.name != null) customer.name = record.user.name;
  if (record.email_address === null) {
    if (!record.user) {
      throw new ValidationError('Whop invoice', [
        {
          path: 'email_address',
          code: 'no_customer',
          message: 'The invoice has neither an email address nor a user.',
        },
      ]);
    }
    // Canonical customers need an id, externalId or email; the Whop user id is not a member id, so it is an external one.
    customer.externalId = record.user.id;
  }

  const items = inPositionOrder(record.line_items);
  const lines = new Array<Record<string, unknown>>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as LineItem;
    const line: Record<string, unknown> = { description: item.label, quantity: item.quantity };
    const unit = whopNumberToUnit(item.unit_price, currency, `line_items[${i}].unit_price`);
    if ('unitAmount' in unit) line.unitAmount = unit.unitAmount;
    else line.unitAmountDecimal = unit.unitAmountDecimal;
    if (!totalIsProduct(item, unit, currency)) {
      w.unrecognized(
        `lines[${i}]`,
        `Whop's total ${item.total} is not quantity × unit_price (${item.quantity} × ${item.unit_price}).`,
      );
    }
    lines[i] = line;
  }

  const status = mapStatus(record.status, w);
  const whop: WhopProviderOptions = {
    planId: record.current_plan.id,
    formattedPrice: record.current_plan.formatted_price,
  };
  if (record.user) {
    whop.userId = record.user.id;
    whop.username = record.user.username;
  }
  const invoice: Record<string, unknown> = { id: record.id, provider: 'whop', number: record.number };
  if (status) invoice.status = status;
  invoice.providerStatus = record.status;
  invoice.currency = currency;
  invoice.customer = customer;
  invoice.lines = lines;
  invoice.createdAt = fromWhopDateTime(record.created_at);
  invoice.providerOptions = { whop };
  if (record.due_date !== null) invoice.dueAt = fromWhopDateTime(record.due_date);
  if (lines.length === 0)
    invoice.total = totalFromFormattedPrice(record.current_plan.formatted_price, currency, w);
  return { value: parseInvoice(invoice), warnings: w.finish(options.strict) };
}

type LineItem = WhopInvoice['line_items'][number];

/** The line items by `position`; the array itself when already in order (the usual answer). */
function inPositionOrder(items: readonly LineItem[]): readonly LineItem[] {
  for (let i = 1; i < items.length; i++) {
    if ((items[i] as LineItem).position < (items[i - 1] as LineItem).position)
      return [...items].sort((a, b) => a.position - b.position);
  }
  return items;
}

/**
 * Whether Whop's line total is exactly quantity × unit_price. With a whole quantity and a unit price of
 * whole minor units (the usual case) it compares minor units: the product of two safe integers, when it
 * is a safe integer, is exact in a double, and the convention reads the total exactly. Anything else is
 * compared as exact decimals (the definition; a property test checks both agree).
 */
export function totalIsProduct(
  item: Pick<LineItem, 'quantity' | 'unit_price' | 'total'>,
  unit: { unitAmount: number } | { unitAmountDecimal: string },
  currency: string,
): boolean {
  const { quantity, total } = item;
  if (Number.isSafeInteger(quantity) && 'unitAmount' in unit) {
    const product = quantity * unit.unitAmount;
    if (Number.isSafeInteger(product)) {
      // A total that is not exactly whole minor units (or beyond a safe integer): the exact comparison decides.
      const totalMinor = WHOP_AMOUNTS.wholeFromProvider(total, currency);
      if (totalMinor !== undefined) return totalMinor === product;
    }
  }
  return exactTotalIsProduct(item);
}

/** The definition: quantity × unit_price, as exact decimals, equals total. */
export function exactTotalIsProduct(item: Pick<LineItem, 'quantity' | 'unit_price' | 'total'>): boolean {
  const exact = multiplyDecimal(toDecimal(item.quantity), toDecimal(item.unit_price));
  return compareDecimal(exact, toDecimal(item.total)) === 0;
}

/**
 * Whop returns no numeric total; without line items the only price is the display string. It is read
 * only when it is unmistakable: an optional symbol or code, digits (comma thousands), and exactly the
 * currency's decimals.
 */
function totalFromFormattedPrice(text: string, currency: string, w: WarningCollector): number {
  const exponent = minorUnitExponent(currency);
  const fraction = exponent > 0 ? `\\.\\d{${exponent}}` : '';
  const pattern = new RegExp(`^[^\\d.,-]*?((?:\\d{1,3}(?:,\\d{3})+|\\d+)${fraction})(?:\\s*[A-Za-z]{3})?$`);
  const match = pattern.exec(text.trim());
  if (!match?.[1]) {
    throw new ValidationError('Whop invoice', [
      {
        path: 'current_plan.formatted_price',
        code: 'unreadable_price',
        message: `The invoice has no line items and its price "${text}" is not a plain ${currency} amount; read the plan for its price.`,
      },
    ]);
  }
  w.approximated('total', `Whop returns no numeric total: read from the display price "${text}".`);
  return WHOP_AMOUNTS.fromProvider(match[1].replaceAll(',', ''), currency, {
    provider: 'whop',
    path: 'total',
    warnings: w,
  }) as number;
}

/** A create request (as sent) → canonical: what the invoice was asked to be. */
export function fromWhopCreateRequest(
  request: WhopInvoiceCreateRequest,
  options: WhopMappingOptions = {},
): MappingResult<Invoice> {
  const w = new WarningCollector('whop');
  const plan = request.plan;
  let currency: string;
  if (plan.currency) currency = fromWhopCurrency(plan.currency, 'plan.currency');
  else {
    currency = 'USD';
    w.defaulted('currency', 'The plan gives no currency; Whop is read as billing in usd.');
  }
  const whop: WhopProviderOptions = {};
  const product = 'product_id' in request ? { id: request.product_id } : { name: request.product.title };
  if ('product' in request && request.product.product_tax_code_id)
    whop.productTaxCodeId = request.product.product_tax_code_id;

  const lines: Line[] = (request.line_items ?? []).map((item) => ({
    description: item.label,
    quantity: item.quantity ?? 1,
    ...whopNumberToUnit(item.unit_price, currency),
    product,
  }));

  if (lines.length === 0) {
    // No line to carry the product: keep it with the Whop-only fields.
    if ('product_id' in request) whop.productId = request.product_id;
    else whop.productTitle = request.product.title;
  }
  const invoice: Record<string, unknown> = {
    provider: 'whop',
    currency,
    customer: requestCustomer(request, whop),
    lines,
  };
  const type = effectivePlanType(plan);
  const price = type === 'renewal' ? plan.renewal_price : plan.initial_price;
  if (lines.length === 0)
    invoice.total =
      WHOP_AMOUNTS.wholeFromProvider(price ?? 0, currency) ??
      WHOP_AMOUNTS.fromProvider(price ?? 0, currency, { provider: 'whop', path: 'total', warnings: w });
  if (type === 'renewal' && plan.billing_period != null) {
    const { recurrence, approximated } = billingPeriodToRecurrence(plan.billing_period);
    invoice.recurrence = recurrence;
    if (approximated) {
      w.approximated(
        'recurrence',
        `billing_period ${plan.billing_period} days read as every ${recurrence.count} ${recurrence.interval}(s).`,
      );
    }
  }
  if (type === 'renewal' && plan.initial_price) {
    w.unsupported(
      'plan.initial_price',
      'The extra first-payment price of a renewal plan has no canonical field.',
    );
  }
  if (plan.trial_period_days != null) whop.trialPeriodDays = plan.trial_period_days;

  const collection: Record<string, unknown> = { method: request.collection_method };
  if (request.payment_method_id) collection.paymentMethodId = request.payment_method_id;
  if (request.automatically_finalizes_at)
    collection.finalizeAt = fromWhopDateTime(request.automatically_finalizes_at);
  invoice.collection = collection;
  if (request.due_date) invoice.dueAt = fromWhopDateTime(request.due_date);
  if (request.save_as_draft === true) invoice.status = 'draft';
  if (request.save_as_draft === false) invoice.status = 'open';
  if (request.mailing_address_id) whop.mailingAddressId = request.mailing_address_id;
  if (request.charge_buyer_fee != null) whop.chargeBuyerFee = request.charge_buyer_fee;
  if (request.subscription_billing_anchor_at) {
    whop.subscriptionBillingAnchorAt = fromWhopDateTime(request.subscription_billing_anchor_at);
  }
  if (request.payment_token_id) whop.paymentTokenId = request.payment_token_id;
  if (Object.keys(whop).length > 0) invoice.providerOptions = { whop };
  return { value: parseInvoice(invoice), warnings: w.finish(options.strict) };
}

function requestCustomer(request: WhopInvoiceCreateRequest, whop: WhopProviderOptions): Customer {
  const customer: Record<string, unknown> = {};
  if (request.member_id) customer.id = request.member_id;
  if (request.email_address) customer.email = request.email_address;
  if (request.customer_name) customer.name = request.customer_name;
  const a = request.billing_address;
  if (a) {
    const address: Record<string, string> = {};
    for (const [from, to] of [
      ['name', 'name'],
      ['line1', 'line1'],
      ['line2', 'line2'],
      ['city', 'city'],
      ['state', 'state'],
      ['postal_code', 'postalCode'],
      ['country', 'country'],
    ] as const) {
      const value = a[from];
      if (value != null) address[to] = value;
    }
    if (Object.keys(address).length > 0) customer.billingAddress = address;
    if (a.phone != null) customer.phone = a.phone;
    if (a.tax_id_type != null) whop.taxIdType = a.tax_id_type;
    if (a.tax_id_value != null) whop.taxIdValue = a.tax_id_value;
  }
  return customer as Customer;
}

/**
 * A created invoice: Whop's answer (id, number, status, dates, lines as stored) over what was asked
 * (customer id and address, collection, recurrence, product, Whop-only options), which the answer omits.
 * @deprecated Unused since `client.create` returns what Whop stored (checked against what was sent)
 * instead of a merge that could pass off the request as the record; kept only because it was public.
 */
export function mergeCreated(asked: Invoice, answered: Invoice): Invoice {
  const lines = answered.lines.map((line, i) => {
    const product = asked.lines[i]?.product;
    return product ? { ...line, product } : line;
  });
  const merged: Invoice = {
    ...asked,
    ...answered,
    customer: { ...asked.customer, ...answered.customer },
    lines: answered.lines.length > 0 ? lines : asked.lines,
    providerOptions: { whop: { ...asked.providerOptions?.whop, ...answered.providerOptions?.whop } },
  };
  if (answered.total === undefined && asked.total !== undefined) merged.total = asked.total;
  return parseInvoice(merged);
}
