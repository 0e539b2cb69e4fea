import {
  type Capabilities,
  CURRENCY_CODES,
  type FieldSupport,
  INVOICE_CAPABILITY_FIELDS,
  ORDER_CAPABILITY_FIELDS,
  parseInvoice,
  parseOrder,
} from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_KEYS, inferDatePrecision, invoiceArbitrary, orderArbitrary, selectedFields } from '../src';

function capabilities(
  invoice: Partial<Record<string, FieldSupport>>,
  order: Partial<Record<string, FieldSupport>> = {},
) {
  const fill = (keys: readonly string[], given: Partial<Record<string, FieldSupport>>) =>
    Object.fromEntries(keys.map((k) => [k, given[k] ?? 'unsupported']));
  return {
    provider: 'paid',
    creates: 'invoice',
    amountUnit: { kind: 'minor' },
    dateForm: 'epoch seconds',
    operations: { create: true, get: true, list: true },
    deduplication: { kind: 'none' },
    invoice: fill(INVOICE_CAPABILITY_FIELDS, invoice),
    order: fill(ORDER_CAPABILITY_FIELDS, order),
  } as Capabilities;
}

describe('invoiceArbitrary', () => {
  it('produces documents that parseInvoice accepts and that survive JSON', () => {
    fc.assert(
      fc.property(invoiceArbitrary(), (doc) => {
        const parsed = parseInvoice(doc);
        expect(parseInvoice(JSON.parse(JSON.stringify(doc)))).toEqual(parsed);
      }),
      { numRuns: 100 },
    );
  });

  it('covers many currencies, sub-minor prices, fractional quantities, many lines and hostile metadata keys', () => {
    const docs = fc.sample(invoiceArbitrary(), { numRuns: 300, seed: 11 });
    const currencies = new Set(docs.map((d) => d.currency));
    expect(currencies.size).toBeGreaterThan(60);
    expect([...currencies].every((c) => CURRENCY_CODES.includes(c as never))).toBe(true);
    const lines = docs.flatMap((d) => d.lines);
    expect(lines.some((l) => l.unitAmountDecimal !== undefined)).toBe(true);
    expect(lines.some((l) => typeof l.quantity === 'string' || !Number.isInteger(l.quantity))).toBe(true);
    expect(Math.max(...docs.map((d) => d.lines.length))).toBeGreaterThanOrEqual(10);
    const keys = new Set(docs.flatMap((d) => (d.metadata ? Object.keys(d.metadata) : [])));
    expect(keys.has('__proto__')).toBe(true);
    expect(keys.has('constructor')).toBe(true);
    const withProto = docs.find((d) => d.metadata && Object.hasOwn(d.metadata, '__proto__'))!;
    expect(Object.getPrototypeOf(withProto.metadata)).toBe(Object.prototype);
    expect(docs.some((d) => [...JSON.stringify(d.lines)].some((ch) => ch.codePointAt(0)! > 0x7f))).toBe(true);
  });

  it('generates only declared-supported fields (plus required ones) under a capability declaration', () => {
    const caps = capabilities({
      'customer.email': 'supported',
      'lines.description': 'supported',
      'lines.unitAmount': 'supported',
      'lines.quantity': 'supported',
      memo: 'approximated',
    });
    fc.assert(
      fc.property(invoiceArbitrary({ capabilities: caps }), (doc) => {
        parseInvoice(doc);
        expect(Object.keys(doc).sort()).toEqual(expect.arrayContaining(['currency', 'customer', 'lines']));
        expect(Object.keys(doc).every((k) => ['currency', 'customer', 'lines'].includes(k))).toBe(true);
        expect(Object.keys(doc.customer)).toEqual(['email']);
        for (const line of doc.lines) {
          expect(Object.keys(line).every((k) => ['quantity', 'unitAmount', 'description'].includes(k))).toBe(
            true,
          );
          expect(Number.isInteger(line.quantity)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
    const withApproximated = fc.sample(
      invoiceArbitrary({ capabilities: caps, levels: ['supported', 'approximated'] }),
      { numRuns: 50, seed: 3 },
    );
    expect(withApproximated.some((d) => d.memo !== undefined)).toBe(true);
  });

  it('falls back to a declared customer identifier and honours customize', () => {
    const caps = capabilities({
      'customer.externalId': 'supported',
      'lines.subMinorUnitAmount': 'supported',
    });
    const arb = invoiceArbitrary({
      capabilities: caps,
      customize: (doc) => ({ ...doc, lines: doc.lines.map((l) => ({ ...l, product: { id: 'prod-id' } })) }),
    });
    fc.assert(
      fc.property(arb, (doc) => {
        parseInvoice(doc);
        expect(Object.keys(doc.customer)).toEqual(['externalId']);
        expect(doc.lines.every((l) => l.product?.id === 'prod-id' && l.unitAmountDecimal !== undefined)).toBe(
          true,
        );
      }),
      { numRuns: 50 },
    );
  });

  it('aligns instants to the provider date form', () => {
    expect(inferDatePrecision({ capabilities: capabilities({}) })).toBe('second');
    expect(inferDatePrecision({ capabilities: { ...capabilities({}), dateForm: 'YYYY-MM-DD' } })).toBe('day');
    expect(inferDatePrecision({ capabilities: { ...capabilities({}), dateForm: 'epoch ms' } })).toBe('ms');
    const caps = { ...capabilities({ issuedAt: 'supported', dueAt: 'supported' }), dateForm: 'YYYY-MM-DD' };
    for (const doc of fc.sample(invoiceArbitrary({ capabilities: caps }), { numRuns: 100, seed: 5 })) {
      for (const t of [doc.issuedAt, doc.dueAt]) if (t) expect(t).toMatch(/T00:00:00\.000Z$/);
      if (doc.issuedAt && doc.dueAt) expect(doc.issuedAt <= doc.dueAt).toBe(true);
    }
  });

  it('fills every field when no declaration is given', () => {
    expect(selectedFields('invoice', {}).size).toBe(INVOICE_CAPABILITY_FIELDS.length);
    const docs = fc.sample(invoiceArbitrary(), { numRuns: 200, seed: 2 });
    for (const key of [
      'tax',
      'recurrence',
      'collection',
      'period',
      'subscription',
      'paymentTerms',
      'footer',
    ]) {
      expect(docs.some((d) => (d as Record<string, unknown>)[key] !== undefined)).toBe(true);
    }
    expect(docs.some((d) => d.customer.billingAddress && d.customer.shippingAddress)).toBe(true);
  });
});

describe('orderArbitrary', () => {
  it('produces documents that parseOrder accepts and that survive JSON', () => {
    fc.assert(
      fc.property(orderArbitrary(), (doc) => {
        const parsed = parseOrder(doc);
        expect(parseOrder(JSON.parse(JSON.stringify(doc)))).toEqual(parsed);
        expect(doc.lines.every((l) => l.charges.length >= 1)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('covers every charge type, tiers and hostile metadata', () => {
    const docs = fc.sample(orderArbitrary(), { numRuns: 400, seed: 8 });
    const charges = docs.flatMap((d) => d.lines.flatMap((l) => l.charges));
    expect(new Set(charges.map((c) => c.type))).toEqual(new Set(['one_time', 'recurring', 'usage', 'seat']));
    expect(charges.some((c) => c.tiers && c.tiers.length > 1)).toBe(true);
    const keys = new Set(docs.flatMap((d) => (d.metadata ? Object.keys(d.metadata) : [])));
    expect(HOSTILE_KEYS.some((k) => keys.has(k))).toBe(true);
  });

  it('restricts to declared order fields', () => {
    const caps = capabilities(
      {},
      { 'lines.product': 'supported', 'charges.unitAmount': 'supported', name: 'supported' },
    );
    fc.assert(
      fc.property(orderArbitrary({ capabilities: caps }), (doc) => {
        parseOrder(doc);
        expect(Object.keys(doc).every((k) => ['currency', 'customer', 'lines', 'name'].includes(k))).toBe(
          true,
        );
        expect(Object.keys(doc.customer)).toEqual(['id']);
        for (const line of doc.lines) {
          expect(line.product.id).toMatch(/^prod_/);
          for (const c of line.charges) {
            expect(Object.keys(c).sort()).toEqual(['name', 'type', 'unitAmount']);
            expect(c.type).toBe('one_time');
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
