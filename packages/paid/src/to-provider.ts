/**
 * Canonical Order (natively) or Invoice (through core's invoiceToOrder) → Paid's create-order request.
 * Pure: no I/O. Every value Paid cannot hold is a warning with its canonical path.
 */
import {
  type Charge,
  type CreateRequestResult,
  decimalToExactNumber,
  documentKind,
  type Invoice,
  type InvoiceInput,
  invoiceToOrderInto,
  type Order,
  type OrderInput,
  type OrderLine,
  parseInvoice,
  parseOrder,
  type Recurrence,
  toDecimal,
  ValidationError,
  WarningCollector,
} from '@billbridge/core';
import { toPaidAmount } from './amounts';
import { CHARGE_TYPE_TO_PAID, PRICING_MODEL_TO_PAID, recurrenceToPaid } from './enums';
import { netTermsName, PAYMENT_TERMS_NET, type PaidOptions, PROVIDER } from './options';
import { readonlyProviderOptionKeys } from './provider-options';
import { resolveCustomerId, resolveProductId } from './references';
import type {
  PaidBillingFrequencyOverride,
  PaidCreateOrderLine,
  PaidCreateOrderRequest,
  PaidLineAttribute,
  PaidPricing,
  PaidTier,
} from './wire';

const NO_OPTIONS: PaidOptions = {};

export function toCreateRequest(
  doc: Invoice | Order | InvoiceInput | OrderInput,
  options: PaidOptions = NO_OPTIONS,
): CreateRequestResult<PaidCreateOrderRequest> {
  const mapped = mapDocument(doc, options);
  return { request: mapped.request, warnings: mapped.warnings };
}

/** toCreateRequest, also saying which kind of document it read (the client's create needs both). */
export function mapDocument(
  doc: Invoice | Order | InvoiceInput | OrderInput,
  options: PaidOptions,
): CreateRequestResult<PaidCreateOrderRequest> & { kind: 'invoice' | 'order' } {
  const w = new WarningCollector(PROVIDER);
  // core's parseDocument, with the invoice's conversion warnings written into this mapping's collector.
  const kind = documentKind(doc);
  const order = kind === 'invoice' ? invoiceToOrderInto(parseInvoice(doc), w) : parseOrder(doc);
  const request = orderToRequest(order, options, w);
  return { request, warnings: w.finish(options.strict), kind };
}

function orderToRequest(order: Order, options: PaidOptions, w: WarningCollector): PaidCreateOrderRequest {
  const currency = order.currency;
  const request: PaidCreateOrderRequest = {
    customerId: resolveCustomerId(order.customer, 'customer', options, w),
  };
  dropAddresses(order.customer, 'customer', w);
  if (order.billingCustomer) {
    request.billingCustomerId = resolveCustomerId(order.billingCustomer, 'billingCustomer', options, w);
    dropAddresses(order.billingCustomer, 'billingCustomer', w);
  }
  if (order.name !== undefined) request.name = order.name;
  if (order.startAt !== undefined) request.startDate = order.startAt;
  if (order.endAt !== undefined) request.endDate = order.endAt;
  if (order.termCount !== undefined) request.subscriptionTerms = order.termCount;
  if (order.status !== undefined) request.creationState = order.status;
  if (order.billingAnchorDay !== undefined) request.billingAnchor = order.billingAnchorDay;
  if (order.paymentTerms !== undefined) {
    const terms = paymentTermsToPaid(order.paymentTerms, w);
    if (terms !== undefined) request.paymentTerms = terms;
  }
  if (order.externalId !== undefined) request.externalId = order.externalId;
  if (order.metadata !== undefined) request.metadata = order.metadata;
  request.currency = currency;
  if (order.autoPostInvoices !== undefined) request.autoPostInvoices = order.autoPostInvoices;
  if (order.autoSendBillingEmails !== undefined) request.autoSendBillingEmails = order.autoSendBillingEmails;
  if (order.autoSendPaymentEmails !== undefined) request.autoSendPaymentEmails = order.autoSendPaymentEmails;
  if (order.purchaseOrder !== undefined) request.purchaseOrderReference = order.purchaseOrder;
  if (order.billingFrequency !== undefined) {
    const override = frequencyOverride(order.billingFrequency, 'billingFrequency', w);
    if (override) request.billingFrequencyOverride = override;
  }
  request.lines = order.lines.map((line, i) => lineToPaid(line, `lines[${i}]`, currency, options, w));

  if (order.number !== undefined)
    w.unsupported('number', 'Paid numbers orders itself; the number is not sent.');
  if (order.total !== undefined) {
    w.unsupported('total', 'Paid computes the order amount from the line pricing; total is not sent.');
  }
  applyProviderOptions(order.providerOptions?.[PROVIDER], request, w);
  w.otherProvidersOptions(order.providerOptions);
  return request;
}

function dropAddresses(customer: Order['customer'], path: string, w: WarningCollector): void {
  for (const key of ['billingAddress', 'shippingAddress'] as const) {
    if (customer[key] !== undefined)
      w.unsupported(`${path}.${key}`, 'A Paid order has no customer addresses.');
  }
}

function paymentTermsToPaid(
  terms: NonNullable<Order['paymentTerms']>,
  w: WarningCollector,
): string | undefined {
  if (terms.name !== undefined) {
    const match = PAYMENT_TERMS_NET.exec(terms.name);
    if (terms.days !== undefined && (!match || Number(match[1]) !== terms.days)) {
      w.unsupported(
        'paymentTerms.days',
        `Paid payment terms are one string; "${terms.name}" is sent and days is not.`,
      );
    }
    return terms.name;
  }
  if (terms.days !== undefined) {
    const name = netTermsName(terms.days);
    w.approximated(
      'paymentTerms',
      `Paid payment terms are one string; days ${terms.days} is sent as "${name}".`,
    );
    return name;
  }
  return undefined;
}

function frequencyOverride(
  recurrence: Recurrence,
  path: string,
  w: WarningCollector,
): PaidBillingFrequencyOverride | undefined {
  const paid = recurrenceToPaid(recurrence);
  if (!paid) {
    w.unsupported(
      path,
      `Paid bills monthly, quarterly, half-yearly, yearly or every N months; every ${recurrence.count} ${recurrence.interval}(s) is not sent.`,
    );
    return undefined;
  }
  if (paid.approximated) {
    w.approximated(path, `Paid has no multi-year frequency; sent as every ${paid.customMonths} months.`);
  }
  return paid.customMonths === undefined
    ? { frequency: paid.frequency }
    : { frequency: paid.frequency, customMonths: paid.customMonths };
}

function lineToPaid(
  line: OrderLine,
  path: string,
  currency: string,
  options: PaidOptions,
  w: WarningCollector,
): PaidCreateOrderLine {
  const out: PaidCreateOrderLine = {
    productId: resolveProductId(line.product, `${path}.product`, options, w),
  };
  if (line.name !== undefined) out.name = line.name;
  if (line.description !== undefined) out.description = line.description;
  if (line.startAt !== undefined) out.startDate = line.startAt;
  if (line.endAt !== undefined) out.endDate = line.endAt;
  out.attributes = line.charges.map((charge, j) =>
    chargeToAttribute(charge, `${path}.charges[${j}]`, currency, w),
  );
  return out;
}

function chargeToAttribute(
  charge: Charge,
  path: string,
  currency: string,
  w: WarningCollector,
): PaidLineAttribute {
  let unitPrice: number;
  if (charge.unitAmount !== undefined)
    unitPrice = toPaidAmount(charge.unitAmount, currency, `${path}.unitAmount`, false);
  else if (charge.unitAmountDecimal !== undefined) {
    unitPrice = toPaidAmount(charge.unitAmountDecimal, currency, `${path}.unitAmountDecimal`, false);
  } else {
    // Paid requires pricePoints.unitPrice; tiered charges carry their prices in the tiers.
    unitPrice = 0;
    if (!charge.tiers?.length) w.defaulted(`${path}.unitAmount`, 'Paid requires a unit price; 0 is sent.');
  }
  const pricing: PaidPricing = {
    chargeType: CHARGE_TYPE_TO_PAID[charge.type],
    pricePoints: { currency, unitPrice },
  };
  if (charge.tiers?.length) pricing.pricePoints.tiers = tiersToPaid(charge.tiers, `${path}.tiers`, currency);
  if (charge.pricingModel !== undefined) pricing.pricingModel = PRICING_MODEL_TO_PAID[charge.pricingModel];
  if (charge.recurrence !== undefined) {
    const paid = recurrenceToPaid(charge.recurrence);
    if (!paid) {
      w.unsupported(
        `${path}.recurrence`,
        `Paid has no frequency for every ${charge.recurrence.count} ${charge.recurrence.interval}(s); it is not sent.`,
      );
    } else {
      if (paid.approximated) {
        w.approximated(
          `${path}.recurrence`,
          `Paid has no multi-year frequency; sent as every ${paid.customMonths} months.`,
        );
      }
      pricing.billingFrequency = paid.frequency;
      if (paid.customMonths !== undefined) pricing.billingFrequencyCustomMonths = paid.customMonths;
    }
  }
  if (charge.billingTiming !== undefined) pricing.billingType = charge.billingTiming;
  if (charge.eventName !== undefined) pricing.eventName = charge.eventName;

  const attribute: PaidLineAttribute = { name: charge.name, pricing };
  if (charge.quantity !== undefined) attribute.quantity = quantityToPaid(charge.quantity, `${path}.quantity`);
  return attribute;
}

function tiersToPaid(tiers: NonNullable<Charge['tiers']>, path: string, currency: string): PaidTier[] {
  let lowerBound = 0;
  return tiers.map((tier, k) => {
    const out: PaidTier = { index: k, lowerBound };
    if (tier.upTo !== undefined) {
      out.upperBound = tier.upTo;
      lowerBound = tier.upTo;
    }
    if (tier.unitAmountDecimal !== undefined) {
      out.unitAmount = toPaidAmount(
        tier.unitAmountDecimal,
        currency,
        `${path}[${k}].unitAmountDecimal`,
        false,
      );
    }
    if (tier.flatAmount !== undefined) {
      out.flatAmount = toPaidAmount(tier.flatAmount, currency, `${path}[${k}].flatAmount`);
    }
    if (out.unitAmount !== undefined && out.flatAmount === undefined) out.tierBillingType = 'perUnit';
    if (out.flatAmount !== undefined && out.unitAmount === undefined) out.tierBillingType = 'flat';
    return out;
  });
}

function quantityToPaid(quantity: string | number, path: string): number {
  if (typeof quantity === 'number') return quantity;
  try {
    return decimalToExactNumber(toDecimal(quantity));
  } catch (error) {
    throw new ValidationError('Paid quantity', [
      { path, code: 'not_representable', message: (error as Error).message },
    ]);
  }
}

function applyProviderOptions(
  paidOptions: Record<string, unknown> | undefined,
  request: PaidCreateOrderRequest,
  w: WarningCollector,
): void {
  if (!paidOptions) return;
  for (const [key, value] of Object.entries(paidOptions)) {
    const path = `providerOptions.paid.${key}`;
    if (key === 'billingContactIds') {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        request.billingContactIds = [...value];
      } else {
        throw new ValidationError('Paid providerOptions', [
          { path, code: 'invalid_type', message: 'Expected an array of Paid contact id strings.' },
        ]);
      }
    } else if (!readonlyProviderOptionKeys.has(key)) {
      w.unsupported(path, `Paid's create-order request has no field ${key}; it is not sent.`);
    }
  }
}
