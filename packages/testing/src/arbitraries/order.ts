import { CHARGE_TYPES, type Charge, type Order, type OrderLine, PRICING_MODELS } from '@billbridge/core';
import fc from 'fast-check';
import { compact, optional, ordered } from './build';
import { type DocumentArbitraryOptions, inferDatePrecision, selectedFields } from './fields';
import { unitPrice } from './invoice';
import {
  currencyArbitrary,
  emailArbitrary,
  idArbitrary,
  instantArbitrary,
  integerQuantityArbitrary,
  metadataArbitrary,
  recurrenceArbitrary,
  subMinorAmountArbitrary,
  textArbitrary,
  unitAmountArbitrary,
} from './primitives';

export type OrderArbitraryOptions = DocumentArbitraryOptions<Order>;

/** Tiers with increasing `upTo`, the last one open-ended. */
const tiersArbitrary = fc
  .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 0, maxLength: 3 })
  .chain((bounds) => {
    const uppers = [...bounds].sort((a, b) => a - b);
    const tier = fc.oneof(
      subMinorAmountArbitrary.map((unitAmountDecimal) => ({ unitAmountDecimal })),
      unitAmountArbitrary.map((flatAmount) => ({ flatAmount })),
    );
    return fc.tuple(
      ...[...uppers, undefined].map((upTo) => tier.map((t) => (upTo === undefined ? t : { upTo, ...t }))),
    );
  });

/**
 * Canonical orders that pass `parseOrder`, restricted like `invoiceArbitrary`. Order-level `customer` is
 * one capability key: when unselected, the customer carries only an id.
 */
export function orderArbitrary(options: OrderArbitraryOptions = {}): fc.Arbitrary<Order> {
  const fields = selectedFields('order', options);
  const has = (key: string) => fields.has(key);
  const instant = instantArbitrary(inferDatePrecision(options));

  const customer = has('customer')
    ? fc
        .record(
          {
            id: idArbitrary('cus_'),
            externalId: idArbitrary('ext_cus_'),
            email: emailArbitrary,
            name: textArbitrary(),
          },
          { requiredKeys: ['id'] },
        )
        .map(compact)
    : idArbitrary('cus_').map((id) => ({ id }));

  const charge = fc
    .record({
      name: textArbitrary(40),
      type: has('charges.type') ? fc.constantFrom(...CHARGE_TYPES) : fc.constant('one_time' as const),
      quantity: optional(has('charges.quantity'), integerQuantityArbitrary),
      price: unitPrice(
        has('charges.unitAmount') || !has('charges.subMinorUnitAmount'),
        has('charges.subMinorUnitAmount'),
      ),
      recurrence: optional(has('charges.recurrence'), recurrenceArbitrary),
      billingTiming: optional(
        has('charges.billingTiming'),
        fc.constantFrom('advance' as const, 'arrears' as const),
      ),
      pricingModel: optional(has('charges.pricingModel'), fc.constantFrom(...PRICING_MODELS)),
      tiers: optional(has('charges.tiers'), tiersArbitrary),
      eventName: optional(has('charges.eventName'), fc.stringMatching(/^[a-z][a-z0-9_.]{0,30}$/)),
    })
    .map(({ price, ...rest }): Charge => compact({ ...rest, ...price }));

  const line = fc
    .record({
      product: has('lines.product')
        ? fc.record({ id: idArbitrary('prod_'), name: textArbitrary() }, { requiredKeys: ['id'] })
        : fc.constant({}),
      name: optional(has('lines.name'), textArbitrary(40)),
      description: optional(has('lines.description'), textArbitrary(60)),
      period: optional(has('lines.period'), fc.tuple(instant, instant)),
      charges: fc.array(charge, { minLength: 1, maxLength: 3 }),
    })
    .map(({ period, ...rest }): OrderLine => {
      const out = compact(rest) as OrderLine;
      if (period) [out.startAt, out.endAt] = ordered(period[0], period[1]);
      return out;
    });

  const order = fc
    .record({
      currency: currencyArbitrary(options.currencies),
      customer,
      lines: fc.array(line, { minLength: 1, maxLength: options.maxLines ?? 12 }),
      externalId: optional(has('externalId'), idArbitrary('ext_ord_')),
      number: optional(has('number'), fc.stringMatching(/^ORD-[0-9]{1,8}$/)),
      name: optional(has('name'), textArbitrary(40)),
      status: optional(has('status'), fc.constantFrom('draft' as const, 'active' as const)),
      billingCustomer: optional(
        has('billingCustomer'),
        idArbitrary('cus_').map((id) => ({ id })),
      ),
      startAt: optional(has('startAt'), instant),
      endAt: optional(has('endAt'), instant),
      termCount: optional(has('termCount'), fc.integer({ min: 1, max: 36 })),
      billingAnchorDay: optional(has('billingAnchorDay'), fc.integer({ min: 1, max: 31 })),
      billingFrequency: optional(has('billingFrequency'), recurrenceArbitrary),
      paymentTerms: optional(
        has('paymentTerms'),
        fc.record(
          { name: textArbitrary(20), days: fc.integer({ min: 0, max: 120 }) },
          { requiredKeys: ['days'] },
        ),
      ),
      purchaseOrder: optional(has('purchaseOrder'), textArbitrary(20)),
      metadata: optional(has('metadata'), metadataArbitrary(options.metadataValues)),
      autoPostInvoices: optional(has('autoPostInvoices'), fc.boolean()),
      autoSendBillingEmails: optional(has('autoSendBillingEmails'), fc.boolean()),
      autoSendPaymentEmails: optional(has('autoSendPaymentEmails'), fc.boolean()),
    })
    .map((draft): Order => {
      const doc = compact(draft) as Order;
      if (doc.startAt && doc.endAt) [doc.startAt, doc.endAt] = ordered(doc.startAt, doc.endAt);
      return doc;
    });

  return options.customize ? order.map(options.customize) : order;
}
