/**
 * The hand-written readers (fast-request.ts, fast-record.ts, fast-options.ts) against their zod schemas:
 * whenever a reader answers, the schema accepts the same value with the same output, own key order
 * included (@billbridge/testing's comparator); on valid records, in any key order, the reader does answer. Values are drawn near the valid shapes: valid records, then one or more fields
 * removed, added, retyped or set to awkward numbers (NaN, -0, huge), and own `__proto__` keys.
 */
import type { InvoiceInput } from '@billbridge/core';
import {
  expectReaderAgrees,
  expectReaderAnswers,
  keyOrderShuffled,
  nearValid,
  type SafeParseSchema,
  singleChanges,
} from '@billbridge/testing/readers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ERROR_BODY_KEYS,
  ERROR_DETAIL_KEYS,
  OAUTH_ERROR_KEYS,
  readErrorBody,
  readOAuthErrorBody,
} from '../src/fast-error';
import { fastReadInvoiceList, LIST_PAGE_KEYS, PAGE_INFO_KEYS } from '../src/fast-list';
import { fastReadProviderOptions } from '../src/fast-options';
import { fastReadInvoice } from '../src/fast-record';
import { fastReadCreateRequest, isPlainCreateRequest } from '../src/fast-request';
import { whop } from '../src/index';
import { WHOP_PROVIDER_OPTION_KEYS, WhopProviderOptions } from '../src/options';
import {
  BillingAddress,
  CreateInvoiceWithProduct,
  CreateInvoiceWithProductId,
  CustomField,
  createVariantFor,
  DateTime,
  ErrorBody,
  Invoice,
  InvoiceCreateRequest,
  InvoiceListResponse,
  OAuthErrorBody,
  PaymentMethodConfiguration,
  Plan,
  Product,
  RequestLineItem,
} from '../src/wire';
import { PAYMENT_METHOD_TYPES, TAX_IDENTIFIER_TYPES, WHOP_CURRENCIES } from '../src/wire-enums';
import {
  BILLING_ADDRESS_KEYS,
  COLLECTION_METHODS,
  CURRENT_PLAN_KEYS,
  CUSTOM_FIELD_KEYS,
  createVariantKeys,
  DATE_TIME_PATTERN,
  INVOICE_KEYS,
  INVOICE_LINE_ITEM_KEYS,
  INVOICE_USER_KEYS,
  PAYMENT_METHOD_CONFIGURATION_KEYS,
  PLAN_KEYS,
  PLAN_TYPES,
  PRODUCT_KEYS,
  RELEASE_METHODS,
  REQUEST_LINE_ITEM_KEYS,
  VISIBILITIES,
} from '../src/wire-keys';

const RUNS = { numRuns: 400 };

describe('key lists and patterns match the schemas', () => {
  const keys = (schema: { shape: object }) => Object.keys(schema.shape);
  it('every key list is its schema shape, in order', () => {
    expect(CUSTOM_FIELD_KEYS).toEqual(keys(CustomField));
    expect(PAYMENT_METHOD_CONFIGURATION_KEYS).toEqual(keys(PaymentMethodConfiguration));
    expect(PLAN_KEYS).toEqual(keys(Plan));
    expect(PRODUCT_KEYS).toEqual(keys(Product));
    expect(BILLING_ADDRESS_KEYS).toEqual(keys(BillingAddress));
    expect(REQUEST_LINE_ITEM_KEYS).toEqual(keys(RequestLineItem));
    expect(createVariantKeys('product')).toEqual(keys(CreateInvoiceWithProduct));
    expect(createVariantKeys('product_id')).toEqual(keys(CreateInvoiceWithProductId));
    expect(INVOICE_KEYS).toEqual(keys(Invoice));
    expect(LIST_PAGE_KEYS).toEqual(keys(InvoiceListResponse));
    expect(PAGE_INFO_KEYS).toEqual(keys(InvoiceListResponse.shape.page_info));
    expect(ERROR_BODY_KEYS).toEqual(keys(ErrorBody));
    expect(ERROR_DETAIL_KEYS).toEqual(keys(ErrorBody.shape.error));
    expect(OAUTH_ERROR_KEYS).toEqual(keys(OAuthErrorBody));
    expect(CURRENT_PLAN_KEYS).toEqual(keys(Invoice.shape.current_plan));
    expect(INVOICE_LINE_ITEM_KEYS).toEqual(keys(Invoice.shape.line_items.element));
    expect(INVOICE_USER_KEYS).toEqual(keys(Invoice.shape.user.unwrap()));
    expect(WHOP_PROVIDER_OPTION_KEYS).toEqual(keys(WhopProviderOptions));
  });

  it("DATE_TIME_PATTERN is zod's datetime pattern and agrees with the schema on date-like strings", () => {
    expect(String(DATE_TIME_PATTERN)).toBe(String(DateTime._zod.def.pattern));
    fc.assert(
      fc.property(dateTimeLike, (text) => {
        expect(DATE_TIME_PATTERN.test(text)).toBe(DateTime.safeParse(text).success);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- valid records ----

/** Valid, plus near misses: offsets, no seconds, impossible dates, a space instead of T. */
const dateTimeLike = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2400 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.constantFrom('Z', '+05:30', '-23:59', '+24:00', '', 'z', '+0530'),
      fc.constantFrom('T', ' ', 't'),
      fc.constantFrom(':00', ':59', ':60', '', ':00.1', ':00.123456789'),
    )
    .map(([y, m, d, h, zone, t, seconds]) => {
      const two = (n: number) => String(n).padStart(2, '0');
      return `${y}-${two(m)}-${two(d)}${t}${two(h)}:30${seconds}${zone}`;
    }),
);
const dateTime = fc
  .date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .chain((d) =>
    fc.constantFrom(
      d.toISOString(),
      d.toISOString().replace('Z', '+02:00'),
      d.toISOString().slice(0, 19) + 'Z',
    ),
  );
const text = fc.string({ maxLength: 12 });
const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
/** `.nullish()`: the value or null (absence comes from fc.record's optional keys). */
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const optional = { requiredKeys: [] as never[], noNullPrototype: true };

const customField = fc.record(
  {
    field_type: fc.constant('text'),
    name: text,
    id: orNull(text),
    order: orNull(finite),
    placeholder: orNull(text),
    required: orNull(fc.boolean()),
  },
  { requiredKeys: ['field_type', 'name'], noNullPrototype: true },
);
const paymentMethodConfiguration = fc.record(
  {
    disabled: fc.array(fc.constantFrom(...PAYMENT_METHOD_TYPES), { maxLength: 3 }),
    enabled: fc.array(fc.constantFrom(...PAYMENT_METHOD_TYPES), { maxLength: 3 }),
    include_platform_defaults: orNull(fc.boolean()),
  },
  { requiredKeys: ['disabled', 'enabled'], noNullPrototype: true },
);
const plan = fc.record(
  {
    plan_type: orNull(fc.constantFrom(...PLAN_TYPES)),
    initial_price: orNull(finite),
    renewal_price: orNull(finite),
    currency: orNull(fc.constantFrom(...WHOP_CURRENCIES)),
    billing_period: orNull(fc.integer({ min: 1, max: 3650 })),
    trial_period_days: orNull(fc.integer({ min: 0, max: 365 })),
    adaptive_pricing_enabled: orNull(fc.boolean()),
    custom_fields: orNull(fc.array(customField, { maxLength: 2 })),
    description: orNull(text),
    expiration_days: orNull(safeInt),
    internal_notes: orNull(text),
    legacy_payment_method_controls: orNull(fc.boolean()),
    payment_method_configuration: orNull(paymentMethodConfiguration),
    release_method: orNull(fc.constantFrom(...RELEASE_METHODS)),
    stock: orNull(safeInt),
    unlimited_stock: orNull(fc.boolean()),
    visibility: orNull(fc.constantFrom(...VISIBILITIES)),
  },
  optional,
);
const billingAddress = fc.record(
  {
    name: orNull(text),
    line1: orNull(text),
    line2: orNull(text),
    city: orNull(text),
    state: orNull(text),
    postal_code: orNull(text),
    country: orNull(text),
    phone: orNull(text),
    tax_id_type: orNull(fc.constantFrom(...TAX_IDENTIFIER_TYPES)),
    tax_id_value: orNull(text),
  },
  optional,
);
const requestLineItem = fc.record(
  { label: text, unit_price: finite, quantity: orNull(finite) },
  { requiredKeys: ['label', 'unit_price'], noNullPrototype: true },
);
/** The create fields before the variant's product key, and after it, in toCreateRequest's order. */
const createHead = {
  collection_method: fc.constantFrom(...COLLECTION_METHODS),
  company_id: fc.string({ minLength: 1, maxLength: 12 }),
  plan,
};
const createTail = {
  line_items: orNull(fc.array(requestLineItem, { maxLength: 4 })),
  member_id: orNull(text),
  email_address: orNull(text),
  customer_name: orNull(text),
  mailing_address_id: orNull(text),
  billing_address: orNull(billingAddress),
  due_date: orNull(dateTime),
  payment_method_id: orNull(text),
  automatically_finalizes_at: orNull(dateTime),
  save_as_draft: orNull(fc.boolean()),
  charge_buyer_fee: orNull(fc.boolean()),
  subscription_billing_anchor_at: orNull(dateTime),
  payment_token_id: orNull(text),
};
const required = ['collection_method', 'company_id', 'plan'] as const;
const createRequest = fc.oneof(
  fc.record(
    {
      ...createHead,
      product: fc.record(
        { title: fc.string({ minLength: 1, maxLength: 12 }), product_tax_code_id: orNull(text) },
        { requiredKeys: ['title'], noNullPrototype: true },
      ),
      ...createTail,
    },
    { requiredKeys: [...required, 'product'], noNullPrototype: true },
  ),
  fc.record(
    { ...createHead, product_id: fc.string({ minLength: 1, maxLength: 12 }), ...createTail },
    { requiredKeys: [...required, 'product_id'], noNullPrototype: true },
  ),
);

/** Keys the loose Invoice objects do not name, with any JSON value (an own `__proto__` among them). */
const extraKeys = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'object')),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);
function withExtra<T extends object>(arb: fc.Arbitrary<T>, known: readonly string[]): fc.Arbitrary<T> {
  return fc.tuple(arb, extraKeys).map(([value, extra]) => {
    const out = { ...value } as Record<string, unknown>;
    for (const [key, v] of Object.entries(extra)) {
      if (known.includes(key)) continue;
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  });
}
const answerLineItem = withExtra(
  fc.record({ label: text, position: finite, quantity: finite, total: finite, unit_price: finite }),
  INVOICE_LINE_ITEM_KEYS,
);
const invoice = withExtra(
  fc.record({
    id: text,
    created_at: dateTime,
    status: text,
    number: text,
    due_date: orNull(dateTime),
    email_address: orNull(text),
    fetch_invoice_token: text,
    current_plan: withExtra(
      fc.record({ id: text, formatted_price: text, currency: text }),
      CURRENT_PLAN_KEYS,
    ),
    line_items: fc.array(answerLineItem, { maxLength: 4 }),
    user: orNull(withExtra(fc.record({ id: text, name: orNull(text), username: text }), INVOICE_USER_KEYS)),
  }),
  INVOICE_KEYS,
);
const providerOptions = fc.record(
  {
    productId: fc.string({ minLength: 1, maxLength: 8 }),
    productTitle: fc.string({ minLength: 1, maxLength: 8 }),
    productTaxCodeId: fc.string({ minLength: 1, maxLength: 8 }),
    mailingAddressId: fc.string({ minLength: 1, maxLength: 8 }),
    taxIdType: fc.constantFrom(...TAX_IDENTIFIER_TYPES),
    taxIdValue: text,
    chargeBuyerFee: fc.boolean(),
    saveAsDraft: fc.boolean(),
    subscriptionBillingAnchorAt: fc.oneof(dateTime, dateTimeLike),
    paymentTokenId: fc.string({ minLength: 1, maxLength: 8 }),
    trialPeriodDays: fc.integer({ min: 0, max: 365 }),
    userId: text,
    username: text,
    planId: text,
    formattedPrice: text,
  },
  optional,
);

// ---- near misses: @billbridge/testing's nearValid, changes at any depth ----

/** Values that look right to Whop: a currency, enum members, a date Whop would refuse, a product. */
const WHOP_VALUES: unknown[] = [
  'usd',
  'text',
  'card',
  'renewal',
  'send_invoice',
  '2026-02-30T00:00:00Z',
  ['card'],
  { title: 'x' },
];
/** Every field name of every Whop shape, so a field of one shape lands in another. */
const WHOP_KEYS = [
  ...new Set<string>([
    ...createVariantKeys('product'),
    'product',
    'product_id',
    ...PLAN_KEYS,
    ...CUSTOM_FIELD_KEYS,
    ...PAYMENT_METHOD_CONFIGURATION_KEYS,
    ...PRODUCT_KEYS,
    ...BILLING_ADDRESS_KEYS,
    ...REQUEST_LINE_ITEM_KEYS,
    ...INVOICE_KEYS,
    ...CURRENT_PLAN_KEYS,
    ...INVOICE_LINE_ITEM_KEYS,
    ...INVOICE_USER_KEYS,
    ...WHOP_PROVIDER_OPTION_KEYS,
  ]),
];
const NEAR = { knownKeys: WHOP_KEYS, knownValues: WHOP_VALUES };

/** The objects the Invoice schema walks and copies: the record, its plan, its line items and its user. */
function copiedBySchema(invoice: Record<string, unknown>): object[] {
  const out: object[] = [invoice, invoice.current_plan as object];
  out.push(...(invoice.line_items as object[]));
  if (invoice.user !== null) out.push(invoice.user as object);
  return out;
}

/** Half the draws valid, half changed in 1-3 places. */
const nearValidValue = (valid: fc.Arbitrary<unknown>) =>
  nearValid(valid, { ...NEAR, unchanged: 0.5 }).map(({ value }) => value);

describe('fastReadCreateRequest', () => {
  it('answers for every valid request, with what the schema outputs', () => {
    fc.assert(
      fc.property(createRequest, (value) => {
        expectReaderAnswers(fastReadCreateRequest, InvoiceCreateRequest, value);
        expectReaderAnswers(fastReadCreateRequest, createVariantFor(value), value);
      }),
      RUNS,
    );
  });

  it('whenever it answers for a near-valid value, the variant schema and the union agree', () => {
    fc.assert(
      fc.property(nearValidValue(createRequest), (value) => {
        const variant =
          typeof value === 'object' && value !== null ? createVariantFor(value) : InvoiceCreateRequest;
        expectReaderAgrees(fastReadCreateRequest, variant, value);
        expectReaderAgrees(fastReadCreateRequest, InvoiceCreateRequest, value);
        // The copy-free check the mapper runs on its own output answers the same.
        expect(isPlainCreateRequest(value)).toBe(fastReadCreateRequest(value) !== undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what the schema refuses: an own __proto__ key, NaN, -0 where positive, both product keys', () => {
    const base = { collection_method: 'send_invoice', company_id: 'biz_1', plan: {}, product_id: 'prod_1' };
    expect(fastReadCreateRequest(base)).toEqual(base);
    expect(
      fastReadCreateRequest(
        JSON.parse(
          '{"__proto__": 1, "collection_method": "send_invoice", "company_id": "biz_1", "plan": {}, "product_id": "p"}',
        ),
      ),
    ).toBeUndefined();
    expect(fastReadCreateRequest({ ...base, plan: { initial_price: Number.NaN } })).toBeUndefined();
    expect(fastReadCreateRequest({ ...base, plan: { billing_period: -0 } })).toBeUndefined();
    expect(fastReadCreateRequest({ ...base, product: { title: 't' } })).toBeUndefined();
    expect(fastReadCreateRequest({ ...base, due_date: undefined })).toBeUndefined();
    expect(fastReadCreateRequest({ ...base, plan: { trial_period_days: -0 } })).toEqual({
      ...base,
      plan: { trial_period_days: -0 },
    });
  });
});

describe('valid records in any key order', () => {
  it("each reader answers, in the schema's key order", () => {
    fc.assert(
      fc.property(
        keyOrderShuffled(createRequest),
        keyOrderShuffled(invoice),
        keyOrderShuffled(providerOptions),
        (request, record, options) => {
          expectReaderAnswers(fastReadCreateRequest, InvoiceCreateRequest, request);
          expectReaderAnswers(fastReadCreateRequest, createVariantFor(request), request);
          if (!copiedBySchema(record).some((node) => Object.hasOwn(node, '__proto__')))
            expectReaderAnswers(fastReadInvoice, Invoice, record);
          if (WhopProviderOptions.safeParse(options).success)
            expectReaderAnswers(fastReadProviderOptions, WhopProviderOptions, options);
        },
      ),
      RUNS,
    );
  });
});

describe('fastReadInvoice', () => {
  it('answers for every valid Invoice, unknown keys kept as the schema keeps them', () => {
    fc.assert(
      fc.property(invoice, (value) => {
        const fast = fastReadInvoice(value);
        // An own __proto__ key on an object the schema copies (zod drops it from its copy) is left to zod.
        // Values under unknown keys are passed through by reference, by zod and the reader alike.
        if (copiedBySchema(value).some((node) => Object.hasOwn(node, '__proto__')))
          expect(fast).toBeUndefined();
        else expect(fast).not.toBeUndefined();
        expectReaderAgrees(fastReadInvoice, Invoice, value);
      }),
      RUNS,
    );
  });

  it('whenever it answers for a near-valid value, the schema agrees', () => {
    fc.assert(
      fc.property(nearValidValue(invoice), (value) => {
        expectReaderAgrees(fastReadInvoice, Invoice, value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fastReadProviderOptions', () => {
  it('answers for every valid providerOptions.whop, instants normalised as the schema does', () => {
    fc.assert(
      fc.property(providerOptions, (value) => {
        const slow = WhopProviderOptions.safeParse(value);
        const fast = fastReadProviderOptions(value);
        if (slow.success) expectReaderAnswers(fastReadProviderOptions, WhopProviderOptions, value);
        else expect(fast).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('whenever it answers for a near-valid value, the schema agrees', () => {
    fc.assert(
      fc.property(nearValidValue(providerOptions), (value) => {
        expectReaderAgrees(fastReadProviderOptions, WhopProviderOptions, value);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- every field of a full record, one at a time ----

const FULL_PLAN = {
  plan_type: 'renewal',
  initial_price: 10.5,
  renewal_price: 10.5,
  currency: 'usd',
  billing_period: 30,
  trial_period_days: 0,
  adaptive_pricing_enabled: true,
  custom_fields: [{ field_type: 'text', name: 'n', id: 'i', order: 1, placeholder: 'p', required: false }],
  description: 'd',
  expiration_days: 3,
  internal_notes: 'n',
  legacy_payment_method_controls: false,
  payment_method_configuration: { disabled: ['card'], enabled: ['paypal'], include_platform_defaults: true },
  release_method: 'buy_now',
  stock: 5,
  unlimited_stock: true,
  visibility: 'visible',
};
/** The create fields before the variant's product key, and after it (createVariantKeys). */
const FULL_HEAD = { collection_method: 'send_invoice', company_id: 'biz_1', plan: FULL_PLAN };
const FULL_TAIL = {
  line_items: [
    { label: 'a', unit_price: 5.25, quantity: 2 },
    { label: 'b', unit_price: 0 },
  ],
  member_id: 'mber_1',
  email_address: 'ada@example.com',
  customer_name: 'Ada',
  mailing_address_id: 'ma_1',
  billing_address: {
    name: 'n',
    line1: 'l1',
    line2: 'l2',
    city: 'c',
    state: 's',
    postal_code: 'p',
    country: 'US',
    phone: '+1',
    tax_id_type: 'eu_vat',
    tax_id_value: 'v',
  },
  due_date: '2026-03-31T00:00:00.000+02:00',
  payment_method_id: 'pmt_1',
  automatically_finalizes_at: '2026-03-02T00:00:00Z',
  save_as_draft: false,
  charge_buyer_fee: false,
  subscription_billing_anchor_at: '2026-04-01T00:00:00Z',
  payment_token_id: 'tok_1',
};
const FULL_PRODUCT = { title: 't', product_tax_code_id: 'ptc_1' };
const FULL_REQUESTS = [
  { ...FULL_HEAD, product: FULL_PRODUCT, ...FULL_TAIL },
  { ...FULL_HEAD, product_id: 'prod_1', ...FULL_TAIL },
];
const FULL_INVOICE = {
  id: 'inv_1',
  created_at: '2026-03-01T00:00:00.401Z',
  status: 'open',
  number: '#0001',
  due_date: '2026-03-31T00:00:00.000Z',
  email_address: 'ada@example.com',
  fetch_invoice_token: 'tok',
  current_plan: { id: 'plan_1', formatted_price: '$10.00', currency: 'usd', extra: 1 },
  line_items: [{ label: 'a', position: 0, quantity: 2, total: 10.5, unit_price: 5.25, id: 'li_1' }],
  user: { id: 'user_1', name: null, username: 'ada', more: [1] },
  added_later: { nested: true },
};
const FULL_OPTIONS = {
  productId: 'prod_1',
  productTitle: 't',
  productTaxCodeId: 'ptc_1',
  mailingAddressId: 'ma_1',
  taxIdType: 'eu_vat',
  taxIdValue: 'v',
  chargeBuyerFee: true,
  saveAsDraft: false,
  subscriptionBillingAnchorAt: '2026-04-01T00:00:00+02:00',
  paymentTokenId: 'tok_1',
  trialPeriodDays: 7,
  userId: 'user_1',
  username: 'ada',
  planId: 'plan_1',
  formattedPrice: '$1.00',
};

/** Each copy of `full` with one change (@billbridge/testing's singleChanges). */
const changedRecords = (full: object): unknown[] => singleChanges(full, NEAR).map(({ value }) => value);

describe('every single change to a full record', () => {
  it('the full records hold every field of their shapes (so each reader counts every field)', () => {
    expect(Object.keys(FULL_PLAN)).toEqual([...PLAN_KEYS]);
    expect(Object.keys(FULL_PLAN.custom_fields[0] ?? {})).toEqual([...CUSTOM_FIELD_KEYS]);
    expect(Object.keys(FULL_PLAN.payment_method_configuration)).toEqual([
      ...PAYMENT_METHOD_CONFIGURATION_KEYS,
    ]);
    expect(Object.keys(FULL_TAIL.billing_address)).toEqual([...BILLING_ADDRESS_KEYS]);
    expect(Object.keys(FULL_TAIL.line_items[0] ?? {})).toEqual([...REQUEST_LINE_ITEM_KEYS]);
    expect(Object.keys(FULL_REQUESTS[0] ?? {})).toEqual(createVariantKeys('product'));
    expect(Object.keys(FULL_PRODUCT)).toEqual([...PRODUCT_KEYS]);
    expect(Object.keys(FULL_REQUESTS[1] ?? {})).toEqual(createVariantKeys('product_id'));
    expect(Object.keys(FULL_OPTIONS)).toEqual([...WHOP_PROVIDER_OPTION_KEYS]);
    for (const [record, keys] of [
      [FULL_INVOICE, INVOICE_KEYS],
      [FULL_INVOICE.current_plan, CURRENT_PLAN_KEYS],
      [FULL_INVOICE.line_items[0], INVOICE_LINE_ITEM_KEYS],
      [FULL_INVOICE.user, INVOICE_USER_KEYS],
    ] as const)
      for (const key of keys) expect(record).toHaveProperty(key);
  });

  it('the readers answer for the full records', () => {
    for (const request of FULL_REQUESTS)
      expectReaderAnswers(fastReadCreateRequest, InvoiceCreateRequest, request);
    expectReaderAnswers(fastReadInvoice, Invoice, FULL_INVOICE);
    expectReaderAnswers(fastReadProviderOptions, WhopProviderOptions, FULL_OPTIONS);
  });

  it('whenever a reader answers for a changed record, its schema agrees', () => {
    let answered = 0;
    for (const request of FULL_REQUESTS) {
      for (const value of changedRecords(request)) {
        expectReaderAgrees(fastReadCreateRequest, createVariantFor(value as object), value);
        if (expectReaderAgrees(fastReadCreateRequest, InvoiceCreateRequest, value)) answered++;
      }
    }
    for (const value of changedRecords(FULL_INVOICE))
      if (expectReaderAgrees(fastReadInvoice, Invoice, value)) answered++;
    for (const value of changedRecords(FULL_OPTIONS))
      if (expectReaderAgrees(fastReadProviderOptions, WhopProviderOptions, value)) answered++;
    // Many single changes keep a record valid (a nullish field set to null, an optional one removed).
    expect(answered).toBeGreaterThan(100);
  });
});

// ---- error bodies and list pages ----

const pageInfo = withExtra(
  fc.record(
    {
      end_cursor: orNull(text),
      start_cursor: orNull(text),
      has_next_page: orNull(fc.boolean()),
      has_previous_page: orNull(fc.boolean()),
    },
    { requiredKeys: [] },
  ),
  PAGE_INFO_KEYS,
);
const listPage = withExtra(
  fc.record({ data: fc.array(invoice, { maxLength: 3 }), page_info: pageInfo }),
  LIST_PAGE_KEYS,
);
const errorBody = withExtra(
  fc.record({
    error: withExtra(
      fc.record({ code: text, type: text, message: text }, { requiredKeys: [] }),
      ERROR_DETAIL_KEYS,
    ),
  }),
  ERROR_BODY_KEYS,
);
const oauthErrorBody = withExtra(
  fc.record({ error: text, error_description: text }, { requiredKeys: ['error'] }),
  OAUTH_ERROR_KEYS,
);

/** The objects zod copies (an own `__proto__` key on one of them is left to zod by the readers). */
function copiedOf(name: string, value: Record<string, unknown>): object[] {
  if (name === 'list page') {
    const data = value.data as Array<Record<string, unknown>>;
    return [value, value.page_info as object, ...data.flatMap(copiedBySchema)];
  }
  return name === 'error body' ? [value, value.error as object] : [value];
}

const PAGES_AND_ERRORS: Array<[string, (value: unknown) => unknown, SafeParseSchema, fc.Arbitrary<unknown>]> =
  [
    ['list page', fastReadInvoiceList, InvoiceListResponse, listPage],
    ['error body', readErrorBody, ErrorBody, errorBody],
    ['OAuth error body', readOAuthErrorBody, OAuthErrorBody, oauthErrorBody],
  ];

describe.each(PAGES_AND_ERRORS)('%s reader', (name, read, schema, valid) => {
  it('answers every valid value (in any key order) with the schema output, unless an own __proto__ key is copied', () => {
    fc.assert(
      fc.property(keyOrderShuffled(valid), (value) => {
        const copied = copiedOf(name, value as Record<string, unknown>);
        if (copied.some((node) => Object.hasOwn(node, '__proto__'))) expect(read(value)).toBeUndefined();
        else expectReaderAnswers(read, schema, value);
      }),
      RUNS,
    );
  });

  it('whenever it answers for a near-valid value, the schema agrees', () => {
    let answered = 0;
    fc.assert(
      fc.property(nearValidValue(valid), (value) => {
        if (expectReaderAgrees(read, schema, value)) answered++;
      }),
      { numRuns: 1000 },
    );
    expect(answered).toBeGreaterThan(0);
  });

  it('whenever it answers for anything at all, the schema agrees', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectReaderAgrees(read, schema, value);
      }),
      RUNS,
    );
  });
});

describe('random values', () => {
  it('no reader answers where its schema refuses', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectReaderAgrees(fastReadCreateRequest, InvoiceCreateRequest, value);
        expectReaderAgrees(fastReadInvoice, Invoice, value);
        expectReaderAgrees(fastReadProviderOptions, WhopProviderOptions, value);
      }),
      RUNS,
    );
  });
});

describe("toCreateRequest builds its request in the shapes' order (so the reader's in-order path is the one taken)", () => {
  const customer = {
    email: 'ada@example.com',
    name: 'Ada',
    phone: '+1',
    billingAddress: {
      name: 'n',
      line1: 'l1',
      line2: 'l2',
      city: 'c',
      state: 's',
      postalCode: 'p',
      country: 'US',
    },
  };
  const base = {
    currency: 'USD',
    customer,
    dueAt: '2026-03-31T00:00:00Z',
    lines: [{ description: 'a', unitAmount: 525, quantity: 2 }],
  };
  const docs = [
    base,
    {
      ...base,
      recurrence: { interval: 'month', count: 1 },
      collection: {
        method: 'charge_automatically',
        paymentMethodId: 'pmt_1',
        finalizeAt: '2026-03-02T00:00:00Z',
      },
      providerOptions: {
        whop: {
          productId: 'prod_1',
          taxIdType: 'eu_vat',
          taxIdValue: 'v',
          chargeBuyerFee: true,
          saveAsDraft: false,
          subscriptionBillingAnchorAt: '2026-04-01T00:00:00Z',
          paymentTokenId: 'tok_1',
          trialPeriodDays: 7,
        },
      },
    },
    {
      ...base,
      customer: { id: 'mber_1' },
      providerOptions: { whop: { mailingAddressId: 'ma_1', productTitle: 't', productTaxCodeId: 'ptc_1' } },
    },
  ];
  it('lists every key as the schema outputs them', () => {
    for (const doc of docs) {
      const { request } = whop.toCreateRequest(doc as InvoiceInput, { companyId: 'biz_1' });
      expect(JSON.stringify(InvoiceCreateRequest.parse(request))).toBe(JSON.stringify(request));
    }
  });
});
