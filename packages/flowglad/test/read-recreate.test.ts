/**
 * Migration property: a current Flowglad record read into the canonical model and mapped back gives the
 * create body it was made from (all eight statuses, the three invoice types, the Flowglad-only fields).
 */
import { minorUnitExponent } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOWGLAD_CURRENCIES, FLOWGLAD_STATUSES, FLOWGLAD_TAX_TYPES } from '../src/enums';
import { createFakeState, storeInvoice } from '../src/fake-store';
import { flowglad } from '../src/index';
import { flowgladExponent } from '../src/money';
import { InvoiceCreateBody } from '../src/wire';

const currencies = FLOWGLAD_CURRENCIES.filter(
  (c) =>
    c !== 'ANG' &&
    c !== 'STD' &&
    flowgladExponent(c) >= minorUnitExponent(c) &&
    minorUnitExponent(c) === flowgladExponent(c),
);
const ms = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) });
const id = (prefix: string) => fc.stringMatching(/^[0-9A-Za-z]{21}$/).map((s) => `${prefix}_${s}`);

const body = fc
  .record({
    type: fc.constantFrom('purchase', 'subscription', 'standalone'),
    status: fc.constantFrom(...FLOWGLAD_STATUSES),
    currency: fc.constantFrom(...currencies),
    invoiceNumber: fc.stringMatching(/^FG-[0-9]{1,6}$/),
    invoiceDate: ms,
    dueDate: ms,
    purchaseId: id('prch'),
    subscriptionId: id('sub'),
    billingPeriodId: id('billing_period'),
    period: fc.tuple(ms, ms).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    memo: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    bankPaymentOnly: fc.option(fc.boolean(), { nil: undefined }),
    taxType: fc.option(fc.constantFrom(...FLOWGLAD_TAX_TYPES), { nil: undefined }),
    taxAmount: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    lines: fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 50 }),
        price: fc.integer({ min: 0, max: 1_000_000 }),
        priceId: fc.option(id('price'), { nil: null }),
        description: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map((d) => {
    const iso = (n: number) => new Date(n).toISOString();
    const common = {
      customerId: 'cust_test_1',
      invoiceNumber: d.invoiceNumber,
      invoiceDate: iso(d.invoiceDate),
      dueDate: iso(d.dueDate),
      status: d.status,
      currency: d.currency,
      subtotal: d.lines.reduce((s, l) => s + l.price * l.quantity, 0),
      ...(d.memo !== undefined && { memo: d.memo }),
      // Flowglad's column defaults to false, so the record (and the re-created body) always carries it.
      bankPaymentOnly: d.bankPaymentOnly ?? false,
      ...(d.taxType !== undefined && { taxType: d.taxType }),
    };
    const invoice =
      d.type === 'purchase'
        ? { ...common, type: d.type, purchaseId: d.purchaseId, subscriptionId: null, billingPeriodId: null }
        : d.type === 'subscription'
          ? {
              ...common,
              type: d.type,
              purchaseId: null,
              subscriptionId: d.subscriptionId,
              billingPeriodId: d.billingPeriodId,
              billingPeriodStartDate: iso(d.period[0]!),
              billingPeriodEndDate: iso(d.period[1]!),
            }
          : {
              ...common,
              type: d.type,
              purchaseId: null,
              subscriptionId: null,
              billingPeriodId: null,
              ...(d.taxAmount !== undefined && { taxAmount: d.taxAmount }),
            };
    return {
      invoice,
      invoiceLineItems: d.lines.map((l) => ({ type: 'static' as const, ...l })),
    };
  });

describe('read a Flowglad record, create it again', () => {
  it('gives back the create body it came from (property)', () => {
    fc.assert(
      fc.property(body, (original) => {
        const state = createFakeState();
        const stored = storeInvoice(state, InvoiceCreateBody.parse(original), false);
        const { value, warnings } = flowglad.fromProvider(JSON.parse(JSON.stringify(stored)));
        expect(warnings).toEqual([]);
        const { request, warnings: out } = flowglad.toCreateRequest(value);
        expect(out.filter((w) => w.code !== 'defaulted')).toEqual([]);
        expect(request).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });
});
