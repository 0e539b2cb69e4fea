import fc from 'fast-check';
import { BILLING_REASONS, INVOICE_STATUSES } from '../src/model/invoice';
import { LINE_KINDS } from '../src/model/line';
import { CHARGE_TYPES, PRICING_MODELS } from '../src/model/order';
import { TAX_TYPES } from '../src/model/primitives';
import { CURRENCY_CODES } from '../src/money/currencies';
import { decimalToSafeInteger, roundDecimal } from '../src/money/decimal';
import { exactLineAmount } from '../src/money/totals';

/** Arbitraries covering every field of the canonical Invoice and Order, as written (before parsing). */

export const text = fc.string({ maxLength: 12 });
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Instants in every accepted spelling: Z or z, offsets with and without a colon, with or without seconds and fractions. */
export const instant = fc
  .record({
    ms: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2099, 11, 31) }),
    offset: fc.integer({ min: -14 * 60, max: 14 * 60 }),
    zone: fc.constantFrom('Z', 'z', 'colon', 'compact'),
    precision: fc.constantFrom('minutes', 'seconds', 'ms', 'ns'),
  })
  .map(({ ms, offset, zone, precision }) => {
    const shift = zone === 'Z' || zone === 'z' ? 0 : offset;
    const d = new Date(ms + shift * 60_000);
    let out = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    if (precision !== 'minutes') out += `:${pad(d.getUTCSeconds())}`;
    if (precision === 'ms') out += `.${pad(d.getUTCMilliseconds(), 3)}`;
    if (precision === 'ns') out += `.${pad(d.getUTCMilliseconds(), 3)}123456`;
    if (zone === 'Z' || zone === 'z') return out + zone;
    const sign = shift < 0 ? '-' : '+';
    const hh = pad(Math.floor(Math.abs(shift) / 60));
    const mm = pad(Math.abs(shift) % 60);
    return `${out}${sign}${hh}${zone === 'colon' ? ':' : ''}${mm}`;
  });

export const decimalText = (signed: boolean) =>
  fc
    .tuple(
      signed ? fc.boolean() : fc.constant(false),
      fc.nat({ max: 100_000 }),
      fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
    )
    .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);

export const quantity = fc.oneof(
  fc.nat({ max: 1000 }),
  decimalText(false),
  fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true }),
);
export const minor = fc.integer({ min: -10_000_000, max: 10_000_000 });
export const countryCode = fc.constantFrom('US', 'GB', 'DE', 'JP', 'CA');

export const metadataValue = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
/** Built with Object.fromEntries so `__proto__` is an ordinary own key, as JSON.parse makes it. */
export const metadata = fc
  .array(
    fc.tuple(
      fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')),
      metadataValue,
    ),
    {
      maxLength: 5,
    },
  )
  .map((entries) => Object.fromEntries(entries));

export const providerOptions = fc.dictionary(
  fc.constantFrom('paid', 'whop', 'flowglad', 'chargeover', 'pelcro'),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 3,
    noNullPrototype: true,
  }),
  { maxKeys: 2, noNullPrototype: true },
);

export const recurrence = fc.record({
  interval: fc.constantFrom('day', 'week', 'month', 'year'),
  count: fc.integer({ min: 1, max: 36 }),
});

export const period = fc.tuple(instant, instant).map(([a, b]) => {
  const [start, end] = Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a];
  return { start, end };
});

export const tax = fc.record(
  {
    type: fc.constantFrom(...TAX_TYPES),
    name: text,
    ratePercent: decimalText(false),
    amount: minor,
    country: countryCode,
    state: text,
    inclusive: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const product = fc.record({ id: text, externalId: text, name: text }, { requiredKeys: [] });

export const address = fc.record(
  {
    name: text,
    line1: text,
    line2: text,
    line3: text,
    city: text,
    state: text,
    postalCode: text,
    country: countryCode,
  },
  { requiredKeys: [] },
);

export const customer = fc
  .record(
    {
      id: text,
      externalId: text,
      email: text,
      name: text,
      phone: text,
      billingAddress: address,
      shippingAddress: address,
    },
    { requiredKeys: [] },
  )
  .filter((c) => c.id !== undefined || c.externalId !== undefined || c.email !== undefined);

export const paymentTerms = fc.record({ name: text, days: fc.nat({ max: 120 }) }, { requiredKeys: [] });

export const line = fc
  .record(
    {
      description: text,
      quantity,
      unit: fc.oneof(
        minor.map((unitAmount) => ({ unitAmount })),
        decimalText(true).map((unitAmountDecimal) => ({ unitAmountDecimal })),
      ),
      withAmount: fc.boolean(),
      kind: fc.constantFrom(...LINE_KINDS),
      product,
      priceId: text,
      period,
      recurrence,
      tax,
      metadata,
    },
    { requiredKeys: ['quantity', 'unit', 'withAmount'] },
  )
  .map(({ unit, withAmount, ...rest }) => {
    const out: Record<string, unknown> = { ...rest, ...unit };
    if (withAmount) out.amount = decimalToSafeInteger(roundDecimal(exactLineAmount(out as never), 0));
    return out;
  });

export const documentCommon = {
  id: text,
  provider: fc.constantFrom('paid', 'whop', 'flowglad', 'chargeover', 'pelcro'),
  externalId: text,
  number: text,
  currency: fc.constantFrom(...CURRENCY_CODES),
  customer,
  paymentTerms,
  purchaseOrder: text,
  metadata,
  providerOptions,
  total: minor,
  createdAt: instant,
  updatedAt: instant,
};

export const invoice = fc
  .record(
    {
      ...documentCommon,
      status: fc.constantFrom(...INVOICE_STATUSES),
      providerStatus: text,
      issuedAt: instant,
      dueAt: instant,
      period,
      collection: fc.record(
        {
          method: fc.constantFrom('send_invoice', 'charge_automatically'),
          paymentMethodId: text,
          autoSend: fc.boolean(),
          finalizeAt: instant,
        },
        { requiredKeys: ['method'] },
      ),
      lines: fc.array(line, { maxLength: 4 }),
      tax,
      subscription: fc.record({ id: text, externalId: text }, { requiredKeys: [] }),
      billingReason: fc.constantFrom(...BILLING_REASONS),
      recurrence,
      memo: text,
      footer: text,
      imported: fc.boolean(),
    },
    { requiredKeys: ['currency', 'customer', 'lines'] },
  )
  .filter((doc) => doc.lines.length > 0 || doc.total !== undefined);

export const tier = fc.record(
  {
    upTo: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })),
    unitAmountDecimal: decimalText(true),
    flatAmount: minor,
  },
  { requiredKeys: [] },
);

export const charge = fc
  .record(
    {
      name: text,
      type: fc.constantFrom(...CHARGE_TYPES),
      quantity,
      unit: fc.oneof(
        fc.constant({}),
        minor.map((unitAmount) => ({ unitAmount })),
        decimalText(true).map((unitAmountDecimal) => ({ unitAmountDecimal })),
      ),
      recurrence,
      billingTiming: fc.constantFrom('advance', 'arrears'),
      pricingModel: fc.constantFrom(...PRICING_MODELS),
      tiers: fc.array(tier, { maxLength: 3 }),
      eventName: text,
    },
    { requiredKeys: ['name', 'type', 'unit'] },
  )
  .map(({ unit, ...rest }) => ({ ...rest, ...unit }));

export const orderLine = fc.record(
  {
    product,
    name: text,
    description: text,
    startAt: instant,
    endAt: instant,
    charges: fc.array(charge, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['product', 'charges'] },
);

export const order = fc
  .record(
    {
      ...documentCommon,
      name: text,
      status: fc.constantFrom('draft', 'active'),
      billingCustomer: customer,
      startAt: instant,
      endAt: instant,
      termCount: fc.integer({ min: 1, max: 60 }),
      billingAnchorDay: fc.integer({ min: 1, max: 31 }),
      billingFrequency: recurrence,
      autoPostInvoices: fc.boolean(),
      autoSendBillingEmails: fc.boolean(),
      autoSendPaymentEmails: fc.boolean(),
      lines: fc.array(orderLine, { maxLength: 3 }),
    },
    { requiredKeys: ['currency', 'customer', 'lines'] },
  )
  .map((doc) => {
    if (
      doc.startAt === undefined ||
      doc.endAt === undefined ||
      Date.parse(doc.endAt) >= Date.parse(doc.startAt)
    )
      return doc;
    return { ...doc, startAt: doc.endAt, endAt: doc.startAt };
  });
