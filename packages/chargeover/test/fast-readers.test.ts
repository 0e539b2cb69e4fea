/**
 * The hand-written readers (src/fast-*.ts) against their zod schemas, through @billbridge/testing's
 * comparator: whenever a reader answers, the schema accepts the same value and outputs the same tree, own
 * key order included; on valid values, in any key order, the reader does answer (so the fast path is
 * really the one taken). Values are generated valid, then mutated: fields removed,
 * set to wrong types, NaN, -0, huge numbers, text ids, keys added (known ones, `__proto__`, `constructor`),
 * known keys hidden as non-enumerable properties.
 */
import type { InvoiceInput } from '@billbridge/core';
import {
  expectReaderAgrees,
  expectReaderAnswers,
  keyOrderShuffled,
  nearValid,
} from '@billbridge/testing/readers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CurrencyListResponse, CurrencyRecord } from '../src/currencies';
import { readEnvelope } from '../src/fast-error';
import { ENVELOPE_REQUIRED, envelopeFields, type FieldTable, fieldOrder } from '../src/fast-fields';
import {
  CURRENCY_RECORD_FIELDS,
  CURRENCY_RECORD_REQUIRED,
  readCurrencyListResponse,
  readQueryInvoicesResponse,
} from '../src/fast-list';
import { PROVIDER_OPTION_KEYS, readProviderOptions } from '../src/fast-options';
import {
  INVOICE_RECORD_FIELDS,
  INVOICE_RECORD_REQUIRED,
  LINE_RECORD_FIELDS,
  LINE_RECORD_REQUIRED,
  readCreateResponse,
  readGetInvoiceResponse,
  readInvoiceRecord,
} from '../src/fast-record';
import {
  CREATE_BODY_FIELDS,
  CREATE_BODY_REQUIRED,
  LINE_REQUEST_FIELDS,
  LINE_REQUEST_REQUIRED,
  readCreateBody,
  readLineRequest,
} from '../src/fast-request';
import { chargeover } from '../src/index';
import { ChargeOverProviderOptions } from '../src/options';
import {
  CreateResponse,
  Envelope,
  GetInvoiceResponse,
  INVOICE_STATUS_STRS,
  InvoiceCreateBody,
  InvoiceCreateRequest,
  InvoiceRecord,
  LineItemRecord,
  LineItemRequest,
  PAYCYCLE_CODES,
  QueryInvoicesResponse,
} from '../src/wire';
import getInvoice from './fixtures/get-invoice-recorded.json';
import queryInvoices from './fixtures/query-invoices-recorded.json';

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown } };
type Reader = (value: unknown) => unknown;

// ------------------------------------------------------------------------------------ key lists

/** Keys an object of the shape cannot do without (zod refuses the object when the key is absent). */
function requiredKeys(shape: Record<string, Schema>): string[] {
  return Object.keys(shape)
    .filter((key) => !z.looseObject({ [key]: shape[key] as z.ZodType }).safeParse({}).success)
    .sort();
}

describe('reader key lists match the schemas', () => {
  const cases: Array<[string, { shape: Record<string, Schema> }, FieldTable, readonly string[]]> = [
    ['InvoiceCreateBody', InvoiceCreateBody, CREATE_BODY_FIELDS, CREATE_BODY_REQUIRED],
    ['LineItemRequest', LineItemRequest, LINE_REQUEST_FIELDS, LINE_REQUEST_REQUIRED],
    ['InvoiceRecord', InvoiceRecord, INVOICE_RECORD_FIELDS, INVOICE_RECORD_REQUIRED],
    ['LineItemRecord', LineItemRecord, LINE_RECORD_FIELDS, LINE_RECORD_REQUIRED],
    ['CurrencyRecord', CurrencyRecord, CURRENCY_RECORD_FIELDS, CURRENCY_RECORD_REQUIRED],
    // Envelope's own `response` is z.unknown() (optional); every extension makes it required.
    ['CreateResponse', CreateResponse, envelopeFields(() => 1), ENVELOPE_REQUIRED],
    ['Envelope', Envelope, envelopeFields(() => 1), ENVELOPE_REQUIRED],
  ];
  for (const [name, schema, fields, required] of cases) {
    it(name, () => {
      // In shape order too: the readers list keys in their table's order, as zod lists the shape's.
      expect(fieldOrder(fields).order).toEqual(Object.keys(schema.shape));
      expect([...required].sort()).toEqual(requiredKeys(schema.shape));
    });
  }
  it('ChargeOverProviderOptions', () => {
    expect([...PROVIDER_OPTION_KEYS].sort()).toEqual(Object.keys(ChargeOverProviderOptions.shape).sort());
  });
});

// ------------------------------------------------------------------------------------ valid values

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const positive = fc.integer({ min: 1, max: MAX_SAFE });
const readId = fc.oneof(positive, fc.integer({ min: 1, max: 999_999_999_999_999 }).map(String));
const readInt = fc.oneof(
  fc.maxSafeInteger(),
  fc.integer({ min: -99_999_999, max: 999_999_999_999_999 }).map(String),
);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const decimalText = fc
  .tuple(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.option(fc.nat({ max: 9999 }), { nil: undefined }),
  )
  .map(([whole, fraction]) => (fraction === undefined ? String(whole) : `${whole}.${fraction}`));
const wireDecimal = fc.oneof(finite, decimalText);
const date = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateTime = fc.oneof(
  date.map((d) => `${d} 10:20:30`),
  date.map((d) => `${d}T10:20:30-05:00`),
  date.map((d) => `${d}T10:20:30.123Z`),
);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const paycycle = fc.constantFrom(...PAYCYCLE_CODES);
const primitive = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
/** Keys ChargeOver adds that no schema declares, with plain values. */
const extras = fc.dictionary(fc.constantFrom('extra', 'new_field', 'x_1', 'is_new'), primitive, {
  maxKeys: 2,
});

/** The fields toCreateRequest sends for a line without custom fields: the line reader's switch names them. */
const sentLineFields = {
  item_id: positive,
  descrip: fc.string(),
  line_rate: finite,
  line_quantity: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  paycycle,
};
const lineRequest = fc.record(
  { ...sentLineFields, custom_1: fc.string(), custom_10: fc.string() },
  { requiredKeys: ['item_id'] },
);

const customerReference = fc.oneof(
  fc.record({ customer_id: positive }),
  fc.record({ customer_token: fc.string({ minLength: 1 }) }),
  fc.record({ customer_external_key: fc.string({ minLength: 1 }) }),
);

/** A body's first fields, as toCreateRequest sends them (the body reader's switch names them). */
const bodyHead = {
  refnumber: fc.string(),
  external_key: fc.string({ minLength: 1 }),
  date,
  currency_id: positive,
};

const createBody = fc
  .tuple(
    customerReference,
    fc.record(
      {
        ...bodyHead,
        class_id: positive,
        paycycle,
        terms_id: positive,
        admin_id: positive,
        bill_addr1: fc.string(),
        bill_notes: fc.string(),
        ship_country: fc.string(),
        memo: fc.string(),
        custom_20: fc.string(),
        line_items: fc.array(
          fc.tuple(lineRequest, extras).map(([l, e]) => ({ ...e, ...l })),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
      },
      { requiredKeys: ['line_items'] },
    ),
    extras,
  )
  .map(([ref, body, extra]) => ({ ...extra, ...ref, ...body }));

/**
 * Bodies and lines with only the fields toCreateRequest sends for an invoice without addresses, custom
 * fields or provider options: the readers' switch path (any other key takes the table walk, which the
 * arbitraries above reach nearly always).
 */
const sentLine = fc.record(sentLineFields, { requiredKeys: ['item_id'] });
const sentBody = fc
  .tuple(
    customerReference,
    fc.record(
      {
        ...bodyHead,
        memo: fc.string(),
        line_items: fc.array(sentLine, { minLength: 1, maxLength: 4 }),
      },
      { requiredKeys: ['line_items'] },
    ),
  )
  .map(([ref, body]) => ({ ...ref, ...body }));

/** Lines and records in ChargeOver's own key order, as wire.ts declares it (the shuffled property reorders them). */
const lineRecord = fc
  .tuple(
    fc.record(
      {
        invoice_id: readId,
        item_id: readId,
        tierset_id: nullable(readInt),
        descrip: nullable(fc.string()),
        line_rate: wireDecimal,
        line_quantity: wireDecimal,
        line_usage: nullable(wireDecimal),
        is_usage: fc.boolean(),
        is_recurring: fc.boolean(),
        is_taxed: fc.constantFrom('0', '1', true, false),
        paycycle: nullable(fc.string()),
        custom_2: nullable(fc.string()),
        line_item_id: readId,
        package_line_id: nullable(readInt),
      },
      { requiredKeys: ['item_id', 'line_rate', 'line_quantity'] },
    ),
    extras,
  )
  // Unknown keys last, as zod lists them: such a line is read as a copy.
  .map(([line, extra]) => ({ ...line, ...extra }));

const invoiceRecord = fc
  .tuple(
    fc.record(
      {
        invoice_id: readId,
        currency_id: readInt,
        external_key: nullable(fc.string()),
        token: fc.string(),
        refnumber: fc.string(),
        cycle_pre_from_date: nullable(date),
        bill_addr1: nullable(fc.string()),
        ship_notes: nullable(fc.string()),
        custom_3: nullable(fc.string()),
        write_datetime: dateTime,
        mod_datetime: nullable(dateTime),
        currency_iso4217: fc.constantFrom('USD', 'EUR', 'JPY', 'usd', ''),
        invoice_status_str: fc.constantFrom(...INVOICE_STATUS_STRS, 'open-other'),
        subtotal: wireDecimal,
        total: wireDecimal,
        taxes: wireDecimal,
        is_paid: fc.boolean(),
        due_date: nullable(date),
        terms_name: nullable(fc.string()),
        terms_days: nullable(readInt),
        days_overdue: readInt,
        date,
        url_self: fc.string(),
        package_id: nullable(readInt),
        customer_id: readId,
        line_items: fc.array(lineRecord, { maxLength: 4 }),
      },
      {
        requiredKeys: [
          'invoice_id',
          'customer_id',
          'refnumber',
          'currency_iso4217',
          'date',
          'write_datetime',
          'invoice_status_str',
          'total',
        ],
      },
    ),
    extras,
  )
  .map(([record, extra]) => ({ ...record, ...extra }));

const envelope = <T>(response: fc.Arbitrary<T>) =>
  fc
    .tuple(
      fc.record(
        {
          code: fc.constantFrom(200, 201),
          status: fc.constantFrom('OK', 'Success'),
          message: nullable(fc.string()),
          details: fc.oneof(
            fc.constantFrom({}, null),
            fc.dictionary(
              fc.oneof(
                fc.string({ maxLength: 8 }),
                fc.constantFrom('__proto__', 'constructor', 'line_items'),
              ),
              fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
              {
                maxKeys: 3,
              },
            ),
          ),
          response,
        },
        { requiredKeys: ['code', 'status', 'message', 'response'] },
      ),
      extras,
    )
    .map(([body, extra]) => ({ ...extra, ...body }));

const createResponse = envelope(
  fc.tuple(fc.record({ id: readId }), extras).map(([r, e]) => ({ ...e, ...r })),
);
const getResponse = envelope(invoiceRecord);
const queryResponse = envelope(fc.array(invoiceRecord, { maxLength: 3 }));
const currencyRow = fc.record(
  {
    currency_id: readId,
    currency: nullable(fc.string()),
    iso4217: fc.constantFrom('USD', 'EUR', 'JPY', 'xx'),
    symbol: nullable(fc.string()),
    rounding: nullable(readInt),
  },
  { requiredKeys: ['currency_id', 'iso4217'] },
);
const currencyList = envelope(fc.array(currencyRow, { maxLength: 4 }));
const providerOptions = fc.record(
  { terms_id: positive, class_id: positive, admin_id: positive, paycycle },
  { requiredKeys: [] },
);

// ------------------------------------------------------------------------------------- mutations

/** Values that look right to ChargeOver: dates in its spellings, paycycle codes, a currency. */
const CHARGEOVER_VALUES: unknown[] = ['2026-03-01', '2026-03-01T10:00:00Z', 'mon', 'evy', 'USD'];
/** Every field name of every ChargeOver shape, so a field of one shape lands in another. */
const KNOWN_KEYS = [
  ...new Set([
    ...Object.keys(CREATE_BODY_FIELDS),
    ...Object.keys(INVOICE_RECORD_FIELDS),
    ...Object.keys(LINE_RECORD_FIELDS),
    ...Object.keys(CURRENCY_RECORD_FIELDS),
    ...ENVELOPE_REQUIRED,
    'details',
    'id',
    ...PROVIDER_OPTION_KEYS,
  ]),
];

/** Valid values changed in 1-3 places (@billbridge/testing's nearValid). */
const mutated = (valid: fc.Arbitrary<unknown>) =>
  nearValid(valid, { knownKeys: KNOWN_KEYS, knownValues: CHARGEOVER_VALUES }).map(({ value }) => value);

const READERS: Array<[string, Reader, Schema, fc.Arbitrary<unknown>]> = [
  ['readCreateBody / InvoiceCreateBody', readCreateBody, InvoiceCreateBody, createBody],
  ['readCreateBody / InvoiceCreateBody, bodies as sent', readCreateBody, InvoiceCreateBody, sentBody],
  [
    'readLineRequest / LineItemRequest.loose(), lines as sent',
    readLineRequest,
    LineItemRequest.loose(),
    sentLine,
  ],
  [
    'readLineRequest / LineItemRequest.loose()',
    readLineRequest,
    LineItemRequest.loose(),
    fc.tuple(lineRequest, extras).map(([line, extra]) => ({ ...extra, ...line })),
  ],
  ['readInvoiceRecord / InvoiceRecord', readInvoiceRecord, InvoiceRecord, invoiceRecord],
  ['readCreateResponse / CreateResponse', readCreateResponse, CreateResponse, createResponse],
  [
    'readEnvelope / Envelope (error answers)',
    readEnvelope,
    Envelope,
    envelope(fc.oneof(fc.constant(false), primitive, fc.record({ id: readId }), fc.array(primitive))),
  ],
  ['readGetInvoiceResponse / GetInvoiceResponse', readGetInvoiceResponse, GetInvoiceResponse, getResponse],
  [
    'readQueryInvoicesResponse / QueryInvoicesResponse',
    readQueryInvoicesResponse,
    QueryInvoicesResponse,
    queryResponse,
  ],
  [
    'readCurrencyListResponse / CurrencyListResponse',
    readCurrencyListResponse,
    CurrencyListResponse,
    currencyList,
  ],
  [
    'readProviderOptions / ChargeOverProviderOptions',
    readProviderOptions,
    ChargeOverProviderOptions,
    providerOptions,
  ],
];

describe("records in ChargeOver's own key order", () => {
  it('the recorded answers are read in the order ChargeOver sent them, which is the order zod outputs', () => {
    for (const record of [getInvoice.response, ...queryInvoices.response]) {
      expectReaderAnswers(readInvoiceRecord, InvoiceRecord, record);
      expect(Object.keys(InvoiceRecord.parse(record))).toEqual(Object.keys(record));
      expect(Object.keys(readInvoiceRecord(record) ?? {})).toEqual(Object.keys(record));
    }
  });
});

describe('hand-written readers agree with their schemas', () => {
  for (const [name, reader, schema, valid] of READERS) {
    describe(name, () => {
      it('answers every valid value, exactly as the schema', () => {
        fc.assert(
          fc.property(valid, (value) => {
            expectReaderAnswers(reader, schema, value);
          }),
          { numRuns: 200 },
        );
      });

      it("in any key order, answering in the schema's key order", () => {
        fc.assert(
          fc.property(keyOrderShuffled(valid), (value) => {
            expectReaderAnswers(reader, schema, value);
          }),
          { numRuns: 200 },
        );
      });

      it('through JSON too (the wire form)', () => {
        fc.assert(
          fc.property(valid, (value) => {
            const wire = JSON.parse(JSON.stringify(value));
            expectReaderAnswers(reader, schema, wire);
          }),
          { numRuns: 100 },
        );
      });

      it('answers a mutated value only when the schema accepts it, with the same output', () => {
        let answered = 0;
        let refused = 0;
        fc.assert(
          fc.property(mutated(valid), (value) => {
            if (expectReaderAgrees(reader, schema, value)) answered++;
            else refused++;
          }),
          { numRuns: 600 },
        );
        // Both sides of the property were exercised.
        expect(refused).toBeGreaterThan(0);
        expect(answered).toBeGreaterThan(0);
      });
    });
  }
});

describe("toCreateRequest builds its request in the shapes' order (so the reader's in-order path is the one taken)", () => {
  const address = { line1: 'l1', line2: 'l2', city: 'c', state: 's', postalCode: 'p', country: 'US' };
  const doc = {
    currency: 'USD',
    number: 'INV-1',
    externalId: 'ext-1',
    issuedAt: '2026-03-01T06:00:00Z',
    memo: 'm',
    customer: { id: '1', billingAddress: address, shippingAddress: address },
    lines: [
      { description: 'a', unitAmount: 525, quantity: 2, product: { id: '4' } },
      { unitAmount: 100, quantity: 1, product: { id: '4' } },
    ],
    providerOptions: { chargeover: { class_id: 3, terms_id: 2, admin_id: 1 } },
  };
  it('lists every key as the schema outputs them', () => {
    const { request } = chargeover.toCreateRequest(doc as InvoiceInput, { currencyIds: { USD: 1 } });
    // The document reaches every group of the body: reference, head, both addresses, memo, lines.
    for (const key of [
      'customer_id',
      'external_key',
      'date',
      'currency_id',
      'admin_id',
      'bill_addr1',
      'ship_country',
      'memo',
    ])
      expect(request).toHaveProperty(key);
    expect(JSON.stringify(InvoiceCreateBody.parse(request))).toBe(JSON.stringify(request));
    expect(JSON.stringify(InvoiceCreateRequest.parse(request))).toBe(JSON.stringify(request));
  });
});

describe('the create readers answer exactly what they checked', () => {
  const line = { item_id: 4, descrip: 'a', line_rate: 19.99, line_quantity: 1 };
  const body = { customer_id: 1, refnumber: 'B-1', date: '2026-02-28', line_items: [line] };

  it('a symbol key (a spread would copy it, zod does not) is not in the answer', () => {
    const tag = Symbol('tag');
    // The second line and body have a field the switch does not name, so they take the table walk.
    const other = { ...line, custom_1: 'x' };
    const cases: Array<[Reader, Schema, unknown]> = [
      [readLineRequest, LineItemRequest.loose(), { ...line, [tag]: 1 }],
      [readLineRequest, LineItemRequest.loose(), { ...other, [tag]: 1 }],
      [readCreateBody, InvoiceCreateBody, { ...body, [tag]: 1 }],
      [readCreateBody, InvoiceCreateBody, { ...body, bill_addr1: 'x', [tag]: 1 }],
      [readCreateBody, InvoiceCreateBody, { ...body, line_items: [{ ...line, [tag]: 1 }, other] }],
    ];
    for (const [reader, schema, value] of cases) {
      expectReaderAnswers(reader, schema, value);
    }
  });

  it('an accessor is read once, and the value answered is the value checked', () => {
    // A getter that answers a valid id, then an invalid one: the answer may only hold the valid one.
    const flipping = () => {
      let reads = 0;
      return {
        get item_id() {
          reads++;
          return reads === 1 ? 4 : 'not an id';
        },
        line_rate: 1,
      };
    };
    expect(readLineRequest(flipping())).toEqual({ item_id: 4, line_rate: 1 });
    const read = readCreateBody({ ...body, line_items: [flipping()] });
    expect(read?.line_items).toEqual([{ item_id: 4, line_rate: 1 }]);
    // Fields the switch does not name are read once too (through the table, in the same walk).
    const flippingCustom = () => {
      let reads = 0;
      return {
        item_id: 4,
        line_rate: 1,
        get custom_1() {
          reads++;
          return reads === 1 ? 'x' : 17;
        },
      };
    };
    expect(readLineRequest(flippingCustom())).toEqual({ item_id: 4, line_rate: 1, custom_1: 'x' });
  });
});
