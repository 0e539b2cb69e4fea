import {
  BILLING_REASONS,
  computeTotals,
  INVOICE_STATUSES,
  type Invoice,
  LINE_KINDS,
  type Line,
} from '@billbridge/core';
import fc from 'fast-check';
import { compact, optional, ordered } from './build';
import { type DocumentArbitraryOptions, inferDatePrecision, selectedFields } from './fields';
import {
  addressArbitrary,
  currencyArbitrary,
  emailArbitrary,
  fractionalQuantityArbitrary,
  idArbitrary,
  instantArbitrary,
  integerQuantityArbitrary,
  metadataArbitrary,
  periodArbitrary,
  phoneArbitrary,
  recurrenceArbitrary,
  subMinorAmountArbitrary,
  taxArbitrary,
  textArbitrary,
  unitAmountArbitrary,
} from './primitives';

export type InvoiceArbitraryOptions = DocumentArbitraryOptions<Invoice>;

/**
 * Canonical invoices that pass `parseInvoice`: every currency, unicode text, up to `maxLines` lines,
 * sub-minor unit prices, hostile metadata keys. With `capabilities`, only the declared fields (and the
 * model's required ones) appear.
 */
export function invoiceArbitrary(options: InvoiceArbitraryOptions = {}): fc.Arbitrary<Invoice> {
  const has = (key: string) => fields.has(key);
  const fields = selectedFields('invoice', options);
  const precision = inferDatePrecision(options);
  const instant = instantArbitrary(precision);

  const customer = fc
    .record({
      id: optional(has('customer.id'), idArbitrary('cus_')),
      externalId: optional(has('customer.externalId'), idArbitrary('ext_cus_')),
      email: optional(has('customer.email'), emailArbitrary),
      name: optional(has('customer.name'), textArbitrary()),
      phone: optional(has('customer.phone'), phoneArbitrary),
      billingAddress: optional(has('customer.billingAddress'), addressArbitrary),
      shippingAddress: optional(has('customer.shippingAddress'), addressArbitrary),
      fallbackId: idArbitrary('cus_'),
      fallbackEmail: emailArbitrary,
    })
    .map(({ fallbackId, fallbackEmail, ...c }) => {
      // The model needs one of id / externalId / email: use a declared one when the draw left all out.
      if (c.id === undefined && c.externalId === undefined && c.email === undefined) {
        if (has('customer.id') || !has('customer.email')) c.id = fallbackId;
        else c.email = fallbackEmail;
        if (!has('customer.id') && has('customer.externalId')) {
          c.externalId = fallbackId;
          delete c.id;
        }
      }
      return compact(c);
    });

  const line = fc
    .record({
      quantity: has('lines.fractionalQuantity')
        ? fc.oneof(integerQuantityArbitrary, fractionalQuantityArbitrary)
        : has('lines.quantity')
          ? integerQuantityArbitrary
          : fc.constant(1),
      price: unitPrice(has('lines.unitAmount'), has('lines.subMinorUnitAmount')),
      description: optional(has('lines.description'), textArbitrary(60)),
      kind: optional(has('lines.kind'), fc.constantFrom(...LINE_KINDS)),
      product: optional(
        has('lines.product'),
        fc.record(
          { id: idArbitrary('prod_'), externalId: idArbitrary('ext_prod_'), name: textArbitrary() },
          { requiredKeys: ['id'] },
        ),
      ),
      priceId: optional(has('lines.priceId'), idArbitrary('price_')),
      period: optional(has('lines.period'), periodArbitrary(precision)),
      recurrence: optional(has('lines.recurrence'), recurrenceArbitrary),
      tax: optional(has('lines.tax'), taxArbitrary),
      metadata: optional(has('lines.metadata'), metadataArbitrary(options.metadataValues)),
    })
    .map(({ price, ...rest }): Line => compact({ ...rest, ...price }));

  const collectionSelected = ['method', 'paymentMethodId', 'autoSend', 'finalizeAt'].some((k) =>
    has(`collection.${k}`),
  );
  const collection = fc
    .record({
      method: has('collection.method')
        ? fc.constantFrom('send_invoice' as const, 'charge_automatically' as const)
        : fc.constant('send_invoice' as const),
      paymentMethodId: optional(has('collection.paymentMethodId'), idArbitrary('pm_')),
      autoSend: optional(has('collection.autoSend'), fc.boolean()),
      finalizeAt: optional(has('collection.finalizeAt'), instant),
    })
    .map(compact);

  const invoice = fc
    .record({
      currency: currencyArbitrary(options.currencies),
      customer,
      lines: fc.array(line, { minLength: 1, maxLength: options.maxLines ?? 12 }),
      externalId: optional(has('externalId'), idArbitrary('ext_inv_')),
      number: optional(has('number'), fc.stringMatching(/^INV-[0-9]{1,8}$/)),
      status: optional(has('status'), fc.constantFrom(...INVOICE_STATUSES)),
      issuedAt: optional(has('issuedAt'), instant),
      dueAt: optional(has('dueAt'), instant),
      period: optional(has('period'), periodArbitrary(precision)),
      collection: optional(collectionSelected, collection),
      tax: optional(has('tax'), taxArbitrary),
      subscription: optional(
        has('subscription'),
        fc.record({ id: idArbitrary('sub_'), externalId: idArbitrary('ext_sub_') }, { requiredKeys: ['id'] }),
      ),
      billingReason: optional(has('billingReason'), fc.constantFrom(...BILLING_REASONS)),
      recurrence: optional(has('recurrence'), recurrenceArbitrary),
      paymentTerms: optional(
        has('paymentTerms'),
        fc.record(
          { name: textArbitrary(20), days: fc.integer({ min: 0, max: 120 }) },
          { requiredKeys: ['days'] },
        ),
      ),
      purchaseOrder: optional(has('purchaseOrder'), textArbitrary(20)),
      memo: optional(has('memo'), textArbitrary(200)),
      footer: optional(has('footer'), textArbitrary(200)),
      metadata: optional(has('metadata'), metadataArbitrary(options.metadataValues)),
      imported: optional(has('imported'), fc.boolean()),
      withTotal: fc.boolean(),
    })
    .map(({ withTotal, ...draft }): Invoice => {
      const doc = compact(draft) as Invoice;
      // A due date before the issue date is refused by several providers: keep them in order.
      if (doc.issuedAt && doc.dueAt) [doc.issuedAt, doc.dueAt] = ordered(doc.issuedAt, doc.dueAt);
      if (has('total') && withTotal) doc.total = computeTotals(doc).total;
      return doc;
    });

  return options.customize ? invoice.map(options.customize) : invoice;
}

/** One of the two unit-price fields, as declared: whole minor units, or finer than a minor unit. */
export function unitPrice(
  whole: boolean,
  subMinor: boolean,
): fc.Arbitrary<{ unitAmount: number } | { unitAmountDecimal: string }> {
  const asWhole = unitAmountArbitrary.map((unitAmount) => ({ unitAmount }));
  const asDecimal = subMinorAmountArbitrary.map((unitAmountDecimal) => ({ unitAmountDecimal }));
  if (subMinor && whole) return fc.oneof(asWhole, asDecimal);
  return subMinor ? asDecimal : asWhole;
}
