/**
 * The hand-written readers (src/fast-*.ts) against their zod schemas, through @billbridge/testing's
 * comparator: whenever a reader answers, the schema accepts the same value with the same output, own key
 * order included; on valid values, in any key order, the reader does answer (so the fast path is really
 * the one taken); and every key list written out in the readers is its schema's shape.
 */
import {
  expectReaderAgrees,
  expectReaderAnswers,
  keyOrderShuffled,
  nearValid,
} from '@billbridge/testing/readers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPaidError } from '../src/fast-error';
import {
  CREATE_LINE_KEYS,
  CREATE_REQUEST_KEYS,
  CREDIT_BENEFIT_KEYS,
  FREQUENCY_OVERRIDE_KEYS,
  LINE_ATTRIBUTE_KEYS,
  ORDER_KEYS,
  ORDER_LINE_KEYS,
  ORDER_RECORD_KEYS,
  PAGE_KEYS,
  PAGINATION_KEYS,
  PRICE_POINTS_KEYS,
  PRICING_KEYS,
  TIER_KEYS,
} from '../src/fast-fields';
import { readPaidOrderLinesResponse, readPaidOrderListResponse } from '../src/fast-list';
import { readPaidOrder, readPaidOrderLine, readPaidOrderRecord } from '../src/fast-record';
import {
  readPaidCreateOrderLine,
  readPaidCreateOrderRequest,
  readPaidFrequencyOverride,
  readPaidLineAttribute,
  readPaidPricing,
  readPaidTier,
} from '../src/fast-request';
import {
  ALLOCATION_CADENCES,
  BILLING_FREQUENCIES,
  BILLING_TYPES,
  CHARGE_TYPES,
  CREATION_STATES,
  CREDIT_GRANT_TIMINGS,
  CREDIT_RECIPIENTS,
  PaidBillingFrequencyOverride,
  PaidCreateOrderLine,
  PaidCreateOrderRequest,
  PaidCreditBenefit,
  PaidErrorResponse,
  PaidLineAttribute,
  PaidOrder,
  PaidOrderLine,
  PaidOrderLinesResponse,
  PaidOrderListResponse,
  PaidOrderRecord,
  PaidPagination,
  PaidPricePoints,
  PaidPricing,
  PaidTier,
  PRICING_MODELS,
  ROLLOVER_DURATION_UNITS,
  SIGNAL_TYPES,
  TIER_BILLING_TYPES,
} from '../src/wire';
import fixtureMinimal from './fixtures/create-order-minimal.json';
import fixtureRequest from './fixtures/create-order-request.json';
import fixtureLines from './fixtures/order-lines-response.json';
import fixtureOrder from './fixtures/order-response.json';

// ---- valid values ----

const finite = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const text = fc.string({ maxLength: 6 });
const nonEmpty = fc.string({ minLength: 1, maxLength: 6 });
const instant = fc.constantFrom('2026-01-01T00:00:00Z', '2026-03-31T12:00:00.000Z', 'not a date');
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const tier = fc.record(
  {
    flatAmount: finite,
    index: fc.integer({ min: 0, max: 9 }),
    lowerBound: finite,
    number: finite,
    tierBillingType: fc.constantFrom(...TIER_BILLING_TYPES),
    unitAmount: finite,
    upperBound: finite,
  },
  { requiredKeys: [] },
);
const pricePoints = fc.record(
  {
    currency: fc.constantFrom('USD', 'EUR', 'JPY', 'usd'),
    unitPrice: finite,
    minQuantity: finite,
    includedQuantity: finite,
    tiers: fc.array(tier, { maxLength: 3 }),
  },
  { requiredKeys: ['unitPrice'] },
);
const creditBenefit = fc.record(
  {
    id: text,
    creditsCurrencyId: text,
    recipient: fc.constantFrom(...CREDIT_RECIPIENTS),
    amount: finite,
    rolloverAmount: finite,
    rolloverDuration: finite,
    rolloverDurationUnit: fc.constantFrom(...ROLLOVER_DURATION_UNITS),
    allocationCadence: fc.constantFrom(...ALLOCATION_CADENCES),
    creditGrantTiming: fc.constantFrom(...CREDIT_GRANT_TIMINGS),
  },
  { requiredKeys: ['id', 'amount'] },
);
const pricing = fc.record(
  {
    eventName: text,
    chargeType: fc.constantFrom(...CHARGE_TYPES),
    pricePoints,
    pricingModel: fc.constantFrom(...PRICING_MODELS),
    billingFrequency: fc.constantFrom(...BILLING_FREQUENCIES),
    billingFrequencyCustomMonths: fc.integer({ min: 1, max: 240 }),
    billingType: fc.constantFrom(...BILLING_TYPES),
    signalType: fc.constantFrom(...SIGNAL_TYPES),
    creditsCurrencyId: text,
    creditCost: finite,
    overageUnitPrice: finite,
    creditRolloverAmount: finite,
    creditBenefits: fc.array(creditBenefit, { maxLength: 2 }),
  },
  { requiredKeys: ['chargeType', 'pricePoints'] },
);
const attribute = fc.record({ name: text, quantity: finite, pricing }, { requiredKeys: ['name', 'pricing'] });
const createLine = fc.record(
  {
    productId: nonEmpty,
    name: text,
    description: text,
    startDate: instant,
    endDate: instant,
    attributes: fc.array(attribute, { maxLength: 3 }),
  },
  { requiredKeys: ['productId'] },
);
const override = fc.record(
  {
    frequency: fc.constantFrom(...BILLING_FREQUENCIES),
    customMonths: nullable(fc.integer({ min: 1, max: 120 })),
  },
  { requiredKeys: ['frequency'] },
);
const metadata = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
const createRequest = fc.record(
  {
    customerId: nonEmpty,
    billingCustomerId: text,
    billingContactIds: fc.array(text, { maxLength: 3 }),
    name: text,
    startDate: instant,
    endDate: instant,
    subscriptionTerms: fc.integer({ min: -3, max: 36 }),
    creationState: fc.constantFrom(...CREATION_STATES),
    billingAnchor: fc.integer({ min: 1, max: 31 }),
    paymentTerms: text,
    externalId: text,
    metadata,
    currency: fc.constantFrom('USD', 'EUR', 'KWD', 'XYZ'),
    autoPostInvoices: fc.boolean(),
    autoSendBillingEmails: fc.boolean(),
    autoSendPaymentEmails: fc.boolean(),
    lines: fc.array(createLine, { maxLength: 3 }),
    billingFrequencyOverride: override,
    purchaseOrderReference: nullable(text),
  },
  { requiredKeys: ['customerId'] },
);
const orderFields = {
  id: text,
  customerId: text,
  billingCustomerId: nullable(text),
  billingContactIds: fc.array(text, { maxLength: 3 }),
  createdAt: instant,
  updatedAt: instant,
  endDate: nullable(instant),
  name: text,
  startDate: instant,
  subscriptionTerms: nullable(fc.integer({ min: -2, max: 36 })),
  billedAmountNoTax: finite,
  billedTax: finite,
  estimatedTax: finite,
  orderAmount: finite,
  pendingBillingAmount: finite,
  totalAmount: finite,
  totalBilledAmount: finite,
  creationState: fc.constantFrom(...CREATION_STATES),
  paymentTerms: nullable(text),
  number: finite,
  metadata: nullable(metadata),
  showPaymentLink: nullable(fc.boolean()),
  showBankDetails: nullable(fc.boolean()),
  autoPostInvoices: nullable(fc.boolean()),
  autoSendBillingEmails: nullable(fc.boolean()),
  autoSendPaymentEmails: nullable(fc.boolean()),
  version: fc.integer({ min: 0, max: 1000 }),
  billingFrequencyOverridden: fc.boolean(),
  billingFrequencyOverride: override,
  purchaseOrderReference: nullable(text),
};
const OPTIONAL_ORDER_KEYS = ['billingFrequencyOverride', 'purchaseOrderReference'];
const requiredOrderKeys = Object.keys(orderFields).filter((k) => !OPTIONAL_ORDER_KEYS.includes(k)) as Array<
  keyof typeof orderFields
>;
const order = fc.record(orderFields, { requiredKeys: requiredOrderKeys });
const orderLine = fc.record({
  id: text,
  productId: text,
  name: text,
  description: nullable(text),
  startDate: instant,
  endDate: nullable(instant),
});
const orderRecord = fc.record(
  {
    ...orderFields,
    currency: fc.constantFrom('USD', 'EUR'),
    externalId: text,
    lines: fc.array(fc.oneof(orderLine, createLine), { maxLength: 3 }),
  },
  { requiredKeys: requiredOrderKeys },
);
const pagination = fc.record({
  limit: fc.integer({ min: 0, max: 100 }),
  offset: fc.integer({ min: 0, max: 1000 }),
  total: fc.integer({ min: 0, max: 1000 }),
  hasMore: fc.boolean(),
});
const orderPage = fc.record({ data: fc.array(order, { maxLength: 2 }), pagination });
const linesPage = fc.record({ data: fc.array(orderLine, { maxLength: 3 }), pagination });

// ---- values near the valid shape (@billbridge/testing's nearValid) ----

/** Every field name of every Paid shape: an added key is often one another shape knows. */
const KNOWN_KEYS = [
  ...new Set([
    ...ORDER_RECORD_KEYS,
    ...CREATE_REQUEST_KEYS,
    ...PRICING_KEYS,
    ...PRICE_POINTS_KEYS,
    ...TIER_KEYS,
    ...CREDIT_BENEFIT_KEYS,
    ...PAGINATION_KEYS,
    ...PAGE_KEYS,
  ]),
];
/** Values that look right to Paid: an enum member, a currency. */
const PAID_VALUES = ['draft', 'monthly', 'USD'];
/** A fifth of the draws unchanged, the rest changed in 1-3 places; half the added keys the root's own. */
const near = (valid: fc.Arbitrary<unknown>, rootKeys: readonly string[]) =>
  nearValid(valid, {
    knownKeys: KNOWN_KEYS,
    rootKeys,
    knownValues: PAID_VALUES,
    unchanged: 0.2,
  });

const errorBody = fc.record(
  { error: fc.string(), code: fc.string(), details: fc.string(), extra: fc.anything() },
  { requiredKeys: ['error'] },
);

// ---- the properties ----

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown }; shape: object };
const cases: Array<[string, (value: unknown) => unknown, Schema, fc.Arbitrary<unknown>]> = [
  ['PaidTier', readPaidTier, PaidTier, tier],
  ['PaidPricing', readPaidPricing, PaidPricing, pricing],
  ['PaidLineAttribute', readPaidLineAttribute, PaidLineAttribute, attribute],
  ['PaidCreateOrderLine', readPaidCreateOrderLine, PaidCreateOrderLine, createLine],
  ['PaidBillingFrequencyOverride', readPaidFrequencyOverride, PaidBillingFrequencyOverride, override],
  ['PaidCreateOrderRequest', readPaidCreateOrderRequest, PaidCreateOrderRequest, createRequest],
  ['PaidOrder', readPaidOrder, PaidOrder, order],
  ['PaidOrderLine', readPaidOrderLine, PaidOrderLine, orderLine],
  ['PaidOrderRecord', readPaidOrderRecord, PaidOrderRecord, orderRecord],
  ['PaidOrderListResponse', readPaidOrderListResponse, PaidOrderListResponse, orderPage],
  ['PaidOrderLinesResponse', readPaidOrderLinesResponse, PaidOrderLinesResponse, linesPage],
  ['PaidErrorResponse', readPaidError, PaidErrorResponse, errorBody],
];

describe('hand-written readers answer exactly what their schema outputs, or nothing', () => {
  for (const [name, read, schema, valid] of cases) {
    it(`${name}: whenever the reader answers, the schema agrees, with the same output and key order`, () => {
      let answered = 0;
      fc.assert(
        fc.property(near(valid, Object.keys(schema.shape)), ({ value }) => {
          if (expectReaderAgrees(read, schema, value)) answered++;
        }),
        { numRuns: 1000 },
      );
      // The generator must reach the answering branch often enough for the property to mean something.
      expect(answered).toBeGreaterThan(100);
    });

    it(`${name}: answers on every valid value in any key order, in the schema's key order`, () => {
      fc.assert(
        fc.property(keyOrderShuffled(valid), (value) => {
          expectReaderAnswers(read, schema, value);
        }),
        { numRuns: 150 },
      );
    });

    it(`${name}: answers on every valid value (the fast path is the one taken)`, () => {
      fc.assert(
        fc.property(valid, (value) => {
          expectReaderAnswers(read, schema, value);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('answers on the documented fixtures, drops a __proto__ key as the schema does, leaves doubt to the schema', () => {
    expectReaderAnswers(readPaidOrder, PaidOrder, fixtureOrder);
    expectReaderAnswers(readPaidCreateOrderRequest, PaidCreateOrderRequest, fixtureRequest);
    expectReaderAnswers(readPaidCreateOrderRequest, PaidCreateOrderRequest, fixtureMinimal);
    expectReaderAnswers(readPaidOrderLinesResponse, PaidOrderLinesResponse, fixtureLines);
    // A stripped unknown key is dropped by both, even when it is __proto__.
    const withProto = JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(fixtureOrder).slice(1)}`);
    expectReaderAnswers(readPaidOrder, PaidOrder, withProto);
    expect(Object.hasOwn(readPaidOrder(withProto) as object, '__proto__')).toBe(false);
    // A known key present but undefined: left to the schema.
    expect(readPaidOrder({ ...fixtureOrder, purchaseOrderReference: undefined })).toBeUndefined();
    expect(readPaidOrder({ ...fixtureOrder, totalAmount: Number.NaN })).toBeUndefined();
    expect(readPaidOrder({ ...fixtureOrder, version: 1.5 })).toBeUndefined();
  });
});

describe('the key lists written out in the readers are their schemas’ shapes', () => {
  const shapes: Array<[string, ReadonlySet<string>, { shape: object }]> = [
    ['PaidTier', TIER_KEYS, PaidTier],
    ['PaidPricePoints', PRICE_POINTS_KEYS, PaidPricePoints],
    ['PaidCreditBenefit', CREDIT_BENEFIT_KEYS, PaidCreditBenefit],
    ['PaidPricing', PRICING_KEYS, PaidPricing],
    ['PaidLineAttribute', LINE_ATTRIBUTE_KEYS, PaidLineAttribute],
    ['PaidCreateOrderLine', CREATE_LINE_KEYS, PaidCreateOrderLine],
    ['PaidBillingFrequencyOverride', FREQUENCY_OVERRIDE_KEYS, PaidBillingFrequencyOverride],
    ['PaidCreateOrderRequest', CREATE_REQUEST_KEYS, PaidCreateOrderRequest],
    ['PaidOrder', ORDER_KEYS, PaidOrder],
    ['PaidOrderLine', ORDER_LINE_KEYS, PaidOrderLine],
    ['PaidOrderRecord', ORDER_RECORD_KEYS, PaidOrderRecord],
    ['PaidPagination', PAGINATION_KEYS, PaidPagination],
    ['PaidOrderListResponse', PAGE_KEYS, PaidOrderListResponse],
    ['PaidOrderLinesResponse', PAGE_KEYS, PaidOrderLinesResponse],
  ];
  for (const [name, keys, schema] of shapes) {
    it(name, () => {
      expect([...keys].sort()).toEqual(Object.keys(schema.shape).sort());
    });
  }
});
