import { describe, expect, it } from 'vitest';
import { Address, Customer } from '../src/model/customer';
import { Collection, Invoice, PaymentTerms, SubscriptionReference } from '../src/model/invoice';
import { Line } from '../src/model/line';
import { Charge, Order, OrderLine, Tier } from '../src/model/order';
import { Period, ProductReference, Recurrence, Tax } from '../src/model/primitives';
import * as keys from './schema-keys';

const KEY_SETS: Record<string, ReadonlySet<string>> = { ...keys };

// The property tests of the hand-written readers add each of these names to every object of a document
// (fast-parse.test.ts, fast-parse-hidden-keys.test.ts): a list that missed a schema field would leave the
// readers' handling of that field untested.
const SCHEMAS: Record<string, { shape: object }> = {
  RECURRENCE_KEYS: Recurrence,
  TAX_KEYS: Tax,
  PRODUCT_REFERENCE_KEYS: ProductReference,
  PERIOD_KEYS: Period,
  ADDRESS_KEYS: Address,
  CUSTOMER_KEYS: Customer,
  PAYMENT_TERMS_KEYS: PaymentTerms,
  LINE_KEYS: Line,
  COLLECTION_KEYS: Collection,
  SUBSCRIPTION_REFERENCE_KEYS: SubscriptionReference,
  INVOICE_KEYS: Invoice,
  TIER_KEYS: Tier,
  CHARGE_KEYS: Charge,
  ORDER_LINE_KEYS: OrderLine,
  ORDER_KEYS: Order,
};

describe('the readers’ key lists', () => {
  it('cover every list', () => {
    expect(Object.keys(SCHEMAS).sort()).toEqual(Object.keys(KEY_SETS).sort());
  });
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name} lists exactly the schema’s fields`, () => {
      expect([...(KEY_SETS[name] ?? [])].sort()).toEqual(Object.keys(schema.shape).sort());
    });
  }
});
