/**
 * The hand-written readers (src/fast-*.ts) against their zod schemas: for values near the valid shape
 * (valid ones, and ones with a field removed, retyped or set to an edge value, extra keys, `__proto__`
 * keys), whenever a reader answers, the schema accepts the value and outputs exactly the same thing, own
 * key order included (@billbridge/testing's comparator); and on valid values, in any key order, the
 * reader does answer, so the fast path is the one taken.
 * The valid-value generators are keyed by the schemas' own shapes, so a field added to a schema without a
 * generator here fails the test instead of being dropped silently by a reader.
 */
import {
  expectReaderAgrees,
  expectReaderAnswers,
  keyOrderShuffled,
  nearValid,
} from '@billbridge/testing/readers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CURRENT_COUNTRIES,
  FLOWGLAD_CURRENCIES,
  FLOWGLAD_STATUSES,
  FLOWGLAD_TAX_TYPES,
  INVOICE_TYPES,
} from '../src/enums';
import { readErrorBody, readZodIssue } from '../src/fast-error';
import { readInvoiceListPage } from '../src/fast-list';
import { PROVIDER_OPTION_KEYS, readProviderOptions } from '../src/fast-options';
import { readInvoiceRecord, readInvoiceWithLineItems, readLineItemRecord } from '../src/fast-record';
import { readInvoiceCreateBody } from '../src/fast-request';
import { INT32_MAX, INT32_MIN } from '../src/money';
import { FlowgladProviderOptions } from '../src/options';
import {
  ErrorBody,
  InvoiceCreateBody,
  InvoiceListPage,
  InvoiceRecord,
  InvoiceWithLineItems,
  LineItemRecord,
  PurchaseInvoiceInsert,
  PurchaseInvoiceRecord,
  StandaloneInvoiceInsert,
  StandaloneInvoiceRecord,
  StaticLineItemRecord,
  SubscriptionInvoiceInsert,
  SubscriptionInvoiceRecord,
  UsageLineItemRecord,
  ZodIssueBody,
} from '../src/wire';

type Arb = fc.Arbitrary<unknown>;
type Obj = Record<string, unknown>;

const RUNS = { numRuns: 1000 };

// ---- valid field values ----

const instant = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .chain((d) =>
    fc.constantFrom(
      d.toISOString(),
      d.toISOString().replace('.000Z', 'Z'),
      d.toISOString().replace('Z', '+02:00'),
    ),
  );
const date: Arb = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), instant, fc.constant(-0));
const nullable = (arb: Arb): Arb => fc.oneof(arb, fc.constant(null));
const str: Arb = fc.string({ maxLength: 12 });
const id: Arb = fc.string({ minLength: 1, maxLength: 12 });
const safeInt: Arb = fc.oneof(
  fc.integer(),
  fc.constantFrom(-0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);
const int32: Arb = fc.oneof(
  fc.integer({ min: INT32_MIN, max: INT32_MAX }),
  fc.constantFrom(-0, INT32_MAX, INT32_MIN),
);
const omittedRef: Arb = fc.constantFrom(null, 'null');
const url: Arb = fc.constantFrom('https://files.example.com/a.pdf', 'http://localhost:3000/r');

/** Valid values of each field of the read records, by name (shared by the three variants). */
const RECORD_FIELDS: Record<string, Arb> = {
  id: str,
  createdAt: date,
  updatedAt: nullable(date),
  livemode: fc.boolean(),
  organizationId: str,
  pricingModelId: str,
  customerId: str,
  invoiceNumber: str,
  invoiceDate: date,
  dueDate: nullable(date),
  status: fc.oneof(fc.constantFrom(...FLOWGLAD_STATUSES), str),
  currency: fc.oneof(fc.constantFrom('USD', 'ISK', 'JPY', 'KWD'), str),
  billingRunId: nullable(str),
  ownerMembershipId: nullable(str),
  pdfURL: nullable(str),
  receiptPdfURL: nullable(str),
  memo: nullable(str),
  bankPaymentOnly: nullable(fc.boolean()),
  subtotal: nullable(safeInt),
  taxAmount: nullable(safeInt),
  taxType: nullable(str),
  taxCountry: nullable(str),
  taxState: nullable(str),
  taxRatePercentage: nullable(str),
  applicationFee: nullable(safeInt),
  purchaseId: str,
  subscriptionId: str,
  billingPeriodId: str,
  billingPeriodStartDate: nullable(date),
  billingPeriodEndDate: nullable(date),
  stripePaymentIntentId: nullable(str),
  stripeTaxCalculationId: nullable(str),
  stripeTaxTransactionId: nullable(str),
};

const LINE_FIELDS: Record<string, Arb> = {
  id: str,
  createdAt: date,
  updatedAt: nullable(date),
  livemode: fc.boolean(),
  invoiceId: str,
  quantity: safeInt,
  price: safeInt,
  priceId: nullable(str),
  description: nullable(str),
  pricingModelId: str,
};

const INSERT_FIELDS: Record<string, Arb> = {
  customerId: id,
  invoiceNumber: id,
  invoiceDate: date,
  status: fc.constantFrom(...FLOWGLAD_STATUSES),
  currency: fc.constantFrom(...FLOWGLAD_CURRENCIES),
  dueDate: nullable(date),
  billingRunId: nullable(str),
  ownerMembershipId: nullable(str),
  // A URL is valid but left to zod: the reader's answer on it is tested among the mutations.
  pdfURL: fc.constant(null),
  receiptPdfURL: fc.constant(null),
  memo: nullable(str),
  bankPaymentOnly: nullable(fc.boolean()),
  subtotal: nullable(int32),
  taxType: nullable(fc.constantFrom(...FLOWGLAD_TAX_TYPES)),
  taxCountry: nullable(fc.constantFrom(...CURRENT_COUNTRIES)),
  taxState: nullable(str),
  purchaseId: id,
  subscriptionId: id,
  billingPeriodId: id,
  billingPeriodStartDate: nullable(date),
  billingPeriodEndDate: nullable(date),
  taxAmount: nullable(int32),
  taxRatePercentage: nullable(str),
  applicationFee: nullable(int32),
  stripePaymentIntentId: nullable(str),
  stripeTaxCalculationId: nullable(str),
  stripeTaxTransactionId: nullable(str),
};

/** Fields that must be omitted (null, "null" or absent) in a variant, by variant. */
const OMITTED: Record<string, readonly string[]> = {
  purchaseRecord: ['subscriptionId', 'billingPeriodId'],
  subscriptionRecord: ['purchaseId'],
  standaloneRecord: ['purchaseId', 'subscriptionId', 'billingPeriodId'],
  purchaseInsert: ['subscriptionId', 'billingPeriodId', 'billingPeriodStartDate', 'billingPeriodEndDate'],
  subscriptionInsert: ['purchaseId'],
  standaloneInsert: [
    'purchaseId',
    'subscriptionId',
    'billingPeriodId',
    'billingPeriodStartDate',
    'billingPeriodEndDate',
  ],
};

/** A generator of valid objects for a zod object schema: every key of its shape, required ones always. */
function validObject(
  schema: { shape: Record<string, z.ZodType> },
  fields: Record<string, Arb>,
  fixed: Obj,
  omitted: readonly string[] = [],
): fc.Arbitrary<Obj> {
  const model: Record<string, Arb> = {};
  const required: string[] = [];
  for (const key of Object.keys(schema.shape)) {
    const field = schema.shape[key] as z.ZodType;
    let arb: Arb | undefined;
    if (key in fixed) arb = fc.constant(fixed[key]);
    else if (omitted.includes(key)) arb = omittedRef;
    else arb = fields[key];
    if (arb === undefined)
      throw new Error(`no generator for ${key}: add one (and teach the reader the field)`);
    model[key] = arb;
    if (!field.safeParse(undefined).success) required.push(key);
  }
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Obj>;
}

const purchaseRecord = validObject(
  PurchaseInvoiceRecord,
  RECORD_FIELDS,
  { type: 'purchase' },
  OMITTED.purchaseRecord,
);
const subscriptionRecord = validObject(
  SubscriptionInvoiceRecord,
  RECORD_FIELDS,
  { type: 'subscription' },
  OMITTED.subscriptionRecord,
);
const standaloneRecord = validObject(
  StandaloneInvoiceRecord,
  RECORD_FIELDS,
  { type: 'standalone' },
  OMITTED.standaloneRecord,
);
const invoiceRecord = fc.oneof(purchaseRecord, subscriptionRecord, standaloneRecord);

const staticLine = validObject(
  StaticLineItemRecord,
  { ...LINE_FIELDS, ledgerAccountId: fc.constant(null), ledgerAccountCredit: fc.constant(null) },
  { type: 'static' },
);
const usageLine = validObject(
  UsageLineItemRecord,
  {
    ...LINE_FIELDS,
    billingRunId: str,
    ledgerAccountId: str,
    ledgerAccountCredit: fc.double({ noNaN: true, noDefaultInfinity: true }),
  },
  { type: 'usage' },
);
const lineRecord = fc.oneof(staticLine, usageLine);

const withLineItems = fc.record(
  {
    invoice: invoiceRecord,
    invoiceLineItems: fc.array(lineRecord, { maxLength: 3 }),
    autoSend: fc.boolean(),
  },
  { requiredKeys: ['invoice', 'invoiceLineItems'] },
);
const listPage = fc.record(
  {
    data: fc.array(invoiceRecord, { maxLength: 3 }),
    hasMore: fc.boolean(),
    total: fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    currentCursor: str,
    nextCursor: str,
  },
  { requiredKeys: ['data', 'hasMore', 'total'] },
);

const insert = fc.oneof(
  validObject(PurchaseInvoiceInsert, INSERT_FIELDS, { type: 'purchase' }, OMITTED.purchaseInsert),
  validObject(SubscriptionInvoiceInsert, INSERT_FIELDS, { type: 'subscription' }, OMITTED.subscriptionInsert),
  validObject(StandaloneInvoiceInsert, INSERT_FIELDS, { type: 'standalone' }, OMITTED.standaloneInsert),
);
const lineInsert = fc.record(
  {
    type: fc.constantFrom('static', 'usage'),
    quantity: int32,
    price: int32,
    priceId: nullable(str),
    description: nullable(str),
  },
  { requiredKeys: ['type', 'quantity', 'price'] },
);
const createBody = fc.record(
  { invoice: insert, invoiceLineItems: fc.array(lineInsert, { maxLength: 3 }), autoSend: fc.boolean() },
  { requiredKeys: ['invoice', 'invoiceLineItems'] },
);

const providerOptions = fc.record(
  {
    type: fc.constantFrom(...INVOICE_TYPES),
    purchaseId: id,
    subscriptionId: id,
    billingPeriodId: id,
    status: fc.constantFrom(...FLOWGLAD_STATUSES),
    bankPaymentOnly: fc.boolean(),
    billingRunId: id,
    ownerMembershipId: id,
    livemode: fc.boolean(),
  },
  { requiredKeys: [] },
);

const zodIssue = fc.record(
  {
    path: fc.array(fc.oneof(str, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), {
      maxLength: 3,
    }),
    message: str,
    code: str,
  },
  { requiredKeys: ['message'] },
);
const errorBody = fc.record(
  {
    error: fc.oneof(
      str,
      fc.array(zodIssue, { maxLength: 3 }),
      fc.constant(null),
      fc.integer(),
      fc.dictionary(fc.string({ maxLength: 8 }), str),
    ),
    message: str,
    code: str,
    issues: fc.array(zodIssue, { maxLength: 3 }),
    request_id: str,
    trace_id: str,
    sentry_event_id: str,
  },
  { requiredKeys: [] },
);

// ---- values near the valid shape (@billbridge/testing's nearValid) ----

/** Values at the edges of Flowglad's field rules: int32 bounds, enum members, "null", dates, URLs. */
const FLOWGLAD_VALUES: unknown[] = [
  'null',
  INT32_MAX,
  INT32_MIN,
  INT32_MIN - 1,
  'static',
  'usage',
  'purchase',
  'subscription',
  'standalone',
  'USD',
  'KWD',
  'draft',
  'US',
];

/** Field names of every schema here: an added key is often one a sibling variant knows (and this one strips). */
const KNOWN_KEYS = [
  ...new Set([
    ...Object.keys(RECORD_FIELDS),
    ...Object.keys(LINE_FIELDS),
    ...Object.keys(INSERT_FIELDS),
    ...PROVIDER_OPTION_KEYS,
    'type',
    'billingRunId',
    'ledgerAccountId',
    'ledgerAccountCredit',
    'invoice',
    'invoiceLineItems',
    'autoSend',
    'data',
    'hasMore',
    'total',
    'nextCursor',
  ]),
];

/** An eighth of the draws unchanged (the reader must answer those), the rest changed in 1-3 places. */
const nearly = (valid: fc.Arbitrary<unknown>) =>
  nearValid(valid, {
    knownKeys: KNOWN_KEYS,
    knownValues: FLOWGLAD_VALUES,
    unchanged: 0.125,
  });

/** The two properties of one reader, through @billbridge/testing's comparator. */
function readerProperties(
  name: string,
  read: (value: unknown) => unknown,
  schema: { safeParse(value: unknown): { success: boolean; data?: unknown } },
  valid: fc.Arbitrary<unknown>,
) {
  it(`${name}: whenever the reader answers, the schema agrees exactly (key order included)`, () => {
    let answered = 0;
    fc.assert(
      fc.property(nearly(valid), ({ value, changes }) => {
        if (changes.length === 0) expectReaderAnswers(read, schema, value);
        if (expectReaderAgrees(read, schema, value)) answered++;
      }),
      RUNS,
    );
    expect(answered).toBeGreaterThan(0);
  });

  it(`${name}: answers a valid value in any key order, in the schema's key order`, () => {
    fc.assert(
      fc.property(keyOrderShuffled(valid), (value) => {
        expectReaderAnswers(read, schema, value);
      }),
      { numRuns: 200 },
    );
  });
}

describe('hand-written readers agree with their schemas', () => {
  readerProperties('InvoiceRecord', readInvoiceRecord, InvoiceRecord, invoiceRecord);
  readerProperties('LineItemRecord', readLineItemRecord, LineItemRecord, lineRecord);
  readerProperties('InvoiceWithLineItems', readInvoiceWithLineItems, InvoiceWithLineItems, withLineItems);
  readerProperties('InvoiceListPage', readInvoiceListPage, InvoiceListPage, listPage);
  readerProperties('InvoiceCreateBody', readInvoiceCreateBody, InvoiceCreateBody, createBody);
  readerProperties('FlowgladProviderOptions', readProviderOptions, FlowgladProviderOptions, providerOptions);
  readerProperties('ErrorBody', readErrorBody, ErrorBody, errorBody);
  readerProperties('ZodIssueBody', readZodIssue, ZodIssueBody, zodIssue);

  it('leave URLs to zod: a create body or options carrying one are not read by hand', () => {
    fc.assert(
      fc.property(createBody, url, (body, pdfURL) => {
        const value = { ...body, invoice: { ...(body.invoice as Obj), pdfURL } };
        expect(readInvoiceCreateBody(value)).toBeUndefined();
        expect(InvoiceCreateBody.safeParse(value).success).toBe(true);
      }),
      { numRuns: 50 },
    );
    expect(readProviderOptions({ pdfURL: 'https://files.example.com/a.pdf' })).toBeUndefined();
  });

  it('read the current GET fixtures by hand', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['get.current.purchase', 'get.current.standalone', 'get.current.subscription-usage']) {
      const value = JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
      expectReaderAnswers(readInvoiceWithLineItems, InvoiceWithLineItems, value);
    }
  });
});

describe('key lists written out as constants', () => {
  it('the error readers know every key of ErrorBody and ZodIssueBody', () => {
    expect(Object.keys(ErrorBody.shape)).toEqual([
      'error',
      'message',
      'code',
      'issues',
      'request_id',
      'trace_id',
      'sentry_event_id',
    ]);
    expect(Object.keys(ZodIssueBody.shape)).toEqual(['path', 'message', 'code']);
  });

  it('PROVIDER_OPTION_KEYS is the shape of FlowgladProviderOptions', () => {
    expect([...PROVIDER_OPTION_KEYS].sort()).toEqual(Object.keys(FlowgladProviderOptions.shape).sort());
  });
});
