/**
 * The hand-written readers (fast-*.ts) against their zod schemas: on valid records they answer, and with
 * exactly the schema's output (same tree, same key order: @billbridge/testing's comparator), whatever
 * order their keys came in; on records near the valid shape (one field
 * mutated, removed, added, retyped, set to NaN, -0, huge numbers, `__proto__` keys) they answer only when
 * the schema accepts, and then with the schema's output.
 */
import {
  expectReaderAgrees,
  expectReaderAnswers,
  keyOrderShuffled,
  nearValid,
  type SafeParseSchema,
} from '@billbridge/testing/readers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../src/fast-error';
import { fastReadInvoiceList } from '../src/fast-list';
import { fastReadProviderOptions } from '../src/fast-options';
import { fastReadInvoice, fastReadInvoiceResponse } from '../src/fast-record';
import { fastReadAddress, fastReadCreateBody, fastReadLineItem } from '../src/fast-request';
import { INT32_MAX, INT32_MIN, READINGS } from '../src/options';
import { PelcroProviderOptionsSchema } from '../src/provider-options';
import {
  BILLING_REASONS,
  INVOICE_STATUSES,
  PelcroAddress,
  PelcroErrorBody,
  PelcroInvoice,
  PelcroInvoiceCreateBody,
  PelcroInvoiceList,
  PelcroInvoiceResponse,
  PelcroLineItem,
} from '../src/wire';

// ---- valid records ----

const text = fc.string({ maxLength: 10 });
const nonEmpty = fc.string({ minLength: 1, maxLength: 10 });
const int32 = fc.integer({ min: INT32_MIN, max: INT32_MAX });
const id = fc.integer({ min: 1, max: INT32_MAX });
const epoch = fc.integer({ min: 0, max: 2_000_000_000 });
const metadata = fc
  .array(
    fc.tuple(
      fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'toString')),
      fc.oneof(
        text,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      ),
    ),
    { maxLength: 4 },
  )
  .map((entries) => Object.fromEntries(entries));

const address = fc.record(
  {
    first_name: text,
    last_name: text,
    line1: text,
    line2: text,
    city: text,
    state: text,
    country: fc.constantFrom('CA', 'US', 'ca'),
    postal_code: text,
    phone: text,
    company: text,
  },
  { requiredKeys: [] },
);

const lineItem = fc
  .record(
    {
      description: text,
      unit_price: fc.integer({ min: 0, max: INT32_MAX }),
      quantity: fc.integer({ min: 1, max: INT32_MAX }),
      tax: fc.option(fc.tuple(text, fc.oneof(fc.nat(30), fc.double({ min: 0, max: 100, noNaN: true }))), {
        nil: undefined,
      }),
    },
    { requiredKeys: ['unit_price', 'quantity'] },
  )
  .map(({ tax, ...item }) => (tax ? { ...item, tax_name: tax[0], tax_rate: tax[1] } : item));

const createBody = fc
  .record(
    {
      currency: fc.constantFrom('usd', 'cad', 'jpy', 'isk', 'kwd'),
      line_items: fc.array(lineItem, { minLength: 1, maxLength: 4 }),
      total: int32,
      customer_id: id,
      customer_old_provider_id: nonEmpty,
      old_provider_id: nonEmpty,
      period_start: epoch,
      period_end: epoch,
      due_date: epoch,
      status: fc.constantFrom(...INVOICE_STATUSES),
      billing_reason: fc.constantFrom(...BILLING_REASONS),
      subscription_id: id,
      subscription_old_provider_id: nonEmpty,
      customer_address: address,
      billing_address_id: id,
      customer_shipping: address,
      shipping_address_id: id,
      [READINGS.importedFlag]: fc.boolean(),
      metadata,
      footer: text,
      [READINGS.shipmentsOverride]: fc.integer({ min: 0, max: INT32_MAX }),
      purchase_order: text,
    },
    { requiredKeys: ['currency'] },
  )
  .map((body) => {
    // The body's rules: lines or a total, a customer reference, dates at or after period_start.
    const out: Record<string, unknown> = { ...body };
    if (out.line_items === undefined && out.total === undefined) out.total = 1500;
    if (out.customer_id === undefined && out.customer_old_provider_id === undefined) out.customer_id = 987654;
    const start = out.period_start as number | undefined;
    if (start !== undefined) {
      if ((out.period_end as number) < start) out.period_end = start;
      if ((out.due_date as number) < start) out.due_date = start + 1;
    }
    return out;
  });

const nullish = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null));
const pelcroDate = nullish(
  fc.oneof(
    epoch,
    fc.constant('2023-02-21T13:06:47.000000Z'),
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
);
const extraKeys = fc.dictionary(
  fc.constantFrom('auto_advance', 'charge_id', 'notes', '__proto__', 'constructor'),
  fc.anything(),
  {
    maxKeys: 3,
  },
);

const responseAddress = fc
  .tuple(
    fc.record(
      {
        id: fc.integer(),
        first_name: nullish(text),
        last_name: nullish(text),
        line1: nullish(text),
        line2: nullish(text),
        city: nullish(text),
        state: nullish(text),
        country: nullish(text),
        postal_code: nullish(text),
        phone: nullish(text),
        company: nullish(text),
      },
      { requiredKeys: [] },
    ),
    extraKeys,
  )
  .map(([a, extra]) => ({ ...extra, ...a }));

const responseLineItem = fc
  .tuple(
    fc.record(
      {
        description: nullish(text),
        unit_price: fc.double({ noNaN: true, noDefaultInfinity: true }),
        quantity: fc.integer(),
        tax_name: nullish(text),
        tax_rate: nullish(fc.double({ noNaN: true, noDefaultInfinity: true })),
        amount: nullish(fc.integer()),
      },
      { requiredKeys: ['unit_price', 'quantity'] },
    ),
    extraKeys,
  )
  .map(([item, extra]) => ({ ...extra, ...item }));

const invoice = fc
  .tuple(
    fc.record(
      {
        object: fc.constant('invoice'),
        id: fc.integer({ min: 1, max: 1_000_000 }),
        currency: fc.constantFrom('usd', 'cad', 'jpy', 'USD'),
        old_provider_id: nullish(text),
        status: nullish(fc.constantFrom('open', 'paid', 'past_due', 'weird')),
        billing_reason: nullish(fc.constantFrom('manual', 'other')),
        total: nullish(fc.integer()),
        amount_due: nullish(fc.integer()),
        amount_paid: nullish(fc.integer()),
        amount_remaining: nullish(fc.integer()),
        billing: nullish(fc.constantFrom('send_invoice', 'charge_automatically')),
        customer: nullish(
          fc.record(
            {
              id: fc.integer(),
              email: nullish(text),
              first_name: nullish(text),
              last_name: nullish(text),
              phone: nullish(text),
              old_provider_id: nullish(text),
            },
            { requiredKeys: ['id'] },
          ),
        ),
        customer_id: nullish(fc.integer()),
        customer_old_provider_id: nullish(text),
        subscription_id: nullish(fc.oneof(fc.integer(), fc.record({ id: fc.integer(), plan: text }))),
        subscription_old_provider_id: nullish(text),
        line_items: nullish(fc.array(responseLineItem, { maxLength: 3 })),
        period_start: pelcroDate,
        period_end: pelcroDate,
        due_date: pelcroDate,
        created: pelcroDate,
        created_at: pelcroDate,
        updated_at: pelcroDate,
        address_billing: nullish(responseAddress),
        address_shipping: nullish(responseAddress),
        customer_address: nullish(responseAddress),
        customer_shipping: nullish(responseAddress),
        billing_address_id: nullish(fc.integer()),
        shipping_address_id: nullish(fc.integer()),
        is_imported: nullish(fc.boolean()),
        imported: nullish(fc.boolean()),
        metadata: nullish(metadata),
        footer: nullish(text),
        purchase_order: nullish(text),
        [READINGS.shipmentsOverride]: nullish(fc.integer()),
      },
      { requiredKeys: ['id', 'currency'] },
    ),
    extraKeys,
  )
  .map(([record, extra]) => ({ ...extra, ...record }));

const response = fc.oneof(
  invoice,
  invoice.map((data) => ({ data })),
  invoice.map((data) => ({ data, links: {} })),
);

const listPage = fc.oneof(
  fc.array(invoice, { maxLength: 3 }),
  fc.record(
    {
      data: fc.array(fc.oneof(invoice, fc.anything()), { maxLength: 3 }),
      meta: nullish(
        fc.record(
          { per_page: fc.oneof(fc.nat(100), fc.constant('25')), total: fc.nat() },
          { requiredKeys: [] },
        ),
      ),
      links: fc.record({ next: nullish(text) }),
    },
    { requiredKeys: ['data'] },
  ),
);

const providerOptions = fc.record(
  {
    planShipmentsPerInterval: fc.integer({ min: 0, max: INT32_MAX }),
    billingAddressId: id,
    shippingAddressId: id,
  },
  { requiredKeys: [] },
);

// ---- values near the valid shape (@billbridge/testing's nearValid) ----

/** Every field name of every Pelcro shape, so a field of one shape lands in another. */
const KNOWN_KEYS = [
  ...new Set(
    [
      PelcroInvoice,
      PelcroAddress,
      PelcroLineItem,
      PelcroInvoiceCreateBody,
      PelcroErrorBody,
      PelcroProviderOptionsSchema,
    ].flatMap((schema) => Object.keys(schema.shape)),
  ),
  'data',
  'links',
  'meta',
];
/** Values that look right to Pelcro: a currency, the record's `object`, a customer, a line. */
const PELCRO_VALUES: unknown[] = ['usd', 'USD', 'invoice', { id: 1 }, [{ unit_price: 1, quantity: 1 }]];
const NEAR = { knownKeys: KNOWN_KEYS, knownValues: PELCRO_VALUES };

const errorBody = fc.record(
  {
    errors: fc.dictionary(
      fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('items.0.amount', 'currency', '0', '10')),
      fc.oneof(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), fc.string({ maxLength: 20 })),
      { maxKeys: 4 },
    ),
    message: fc.string({ maxLength: 20 }),
    error: fc.string({ maxLength: 20 }),
    status: fc.integer(),
  },
  { requiredKeys: [] },
);

const READERS: Array<{
  name: string;
  read: (v: unknown) => unknown;
  schema: SafeParseSchema;
  valid: fc.Arbitrary<unknown>;
}> = [
  { name: 'create body', read: fastReadCreateBody, schema: PelcroInvoiceCreateBody, valid: createBody },
  { name: 'line item', read: fastReadLineItem, schema: PelcroLineItem, valid: lineItem },
  { name: 'address', read: fastReadAddress, schema: PelcroAddress, valid: address },
  { name: 'invoice', read: fastReadInvoice, schema: PelcroInvoice, valid: invoice },
  { name: 'invoice response', read: fastReadInvoiceResponse, schema: PelcroInvoiceResponse, valid: response },
  { name: 'list page', read: fastReadInvoiceList, schema: PelcroInvoiceList, valid: listPage },
  { name: 'error body', read: readErrorBody, schema: PelcroErrorBody, valid: errorBody },
  {
    name: 'provider options',
    read: fastReadProviderOptions,
    schema: PelcroProviderOptionsSchema,
    valid: providerOptions,
  },
];

describe.each(READERS)('$name reader', ({ read, schema, valid }) => {
  it('answers every valid record, with exactly the schema output', () => {
    fc.assert(
      fc.property(valid, (record) => {
        expectReaderAnswers(read, schema, record);
      }),
      { numRuns: 300 },
    );
  });

  it("answers a valid record in any key order, in the schema's key order", () => {
    fc.assert(
      fc.property(keyOrderShuffled(valid), (record) => {
        expectReaderAnswers(read, schema, record);
      }),
      { numRuns: 200 },
    );
  });

  it('answers a valid record read back from JSON (own __proto__ keys) the same way', () => {
    fc.assert(
      fc.property(valid, (record) => {
        expectReaderAnswers(read, schema, JSON.parse(JSON.stringify(record)));
      }),
      { numRuns: 200 },
    );
  });

  it('on records near the valid shape, answers only what the schema accepts, and the same', () => {
    let answered = 0;
    fc.assert(
      fc.property(nearValid(valid, NEAR), ({ value }) => {
        if (expectReaderAgrees(read, schema, value)) answered++;
      }),
      { numRuns: 1500 },
    );
    // Harmless mutations (a deleted optional field, an unknown key on a loose object) still answer.
    expect(answered).toBeGreaterThan(0);
  }, 60_000);

  it('answers nothing for values of another kind', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectReaderAgrees(read, schema, value);
      }),
      { numRuns: 300 },
    );
    for (const value of [null, undefined, 1, 'x', [], new Date(0), Object.create({ id: 1 })])
      expectReaderAgrees(read, schema, value);
  });
});
