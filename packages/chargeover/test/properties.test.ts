import {
  CURRENCY_CODES,
  compareDecimal,
  computeTotals,
  dateOnlyToInstant,
  type InvoiceInput,
  instantToNaive,
  majorToMinor,
  minorUnitExponent,
  toDecimal,
} from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeover } from '../src/index';
import { DEFAULT_CURRENCY_IDS } from '../src/testing';
import getInvoice from './fixtures/get-invoice-recorded.json';

const currencyIds = DEFAULT_CURRENCY_IDS;
const ZONE = 'America/New_York';

/** Through JSON, as the wire would carry it. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const quantity = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.stringMatching(/^[0-9]{0,3}[1-9]$/))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
);

const price = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_000 }).map((unitAmount) => ({ unitAmount })),
  fc
    .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.stringMatching(/^[0-9]{0,5}[1-9]$/))
    .map(([whole, fraction]) => ({ unitAmountDecimal: `${whole}.${fraction}` })),
);

describe('money, every currency', () => {
  it('unit prices and quantities survive canonical → line_rate/line_quantity → canonical exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.array(fc.tuple(price, quantity), { minLength: 1, maxLength: 5 }),
        (currency, lines) => {
          const doc: InvoiceInput = {
            currency,
            customer: { id: '1' },
            lines: lines.map(([p, q]) => ({ ...p, quantity: q, product: { id: '4' } })),
          };
          const { request, warnings } = chargeover.toCreateRequest(doc, { currencyIds });
          expect(warnings).toEqual([]);
          const back = chargeover.fromProvider(wire(request), { currencyIds }).value;
          expect(back.currency).toBe(currency);
          back.lines.forEach((line, i) => {
            const [p, q] = lines[i]!;
            // A sub-minor price that happens to be whole comes back as unitAmount: same value, canonical form.
            const expected = 'unitAmount' in p ? p.unitAmount : p.unitAmountDecimal;
            const actual = line.unitAmount ?? line.unitAmountDecimal;
            expect(compareDecimal(toDecimal(actual!), toDecimal(expected))).toBe(0);
            expect(compareDecimal(toDecimal(line.quantity), toDecimal(q))).toBe(0);
          });
          expect(computeTotals(back)).toEqual(computeTotals(doc as never));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('line_rate is written with exactly the currency digits a whole minor amount needs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (currency, unitAmount) => {
          const { request } = chargeover.toCreateRequest(
            { currency, customer: { id: '1' }, lines: [{ quantity: 1, unitAmount, product: { id: '4' } }] },
            { currencyIds },
          );
          const text = JSON.stringify(request.line_items[0]?.line_rate);
          const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
          expect(decimals).toBeLessThanOrEqual(minorUnitExponent(currency));
          // The printed digits are exactly the minor amount: no float arithmetic crept in.
          expect(majorToMinor(text, currency)).toBe(unitAmount);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('read totals in decimal major units become exact minor units', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        (currency, minor) => {
          const exponent = minorUnitExponent(currency);
          const digits = String(minor).padStart(exponent + 1, '0');
          const major = exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
          const record = {
            ...getInvoice.response,
            currency_iso4217: currency,
            total: Number(major),
            line_items: [],
          };
          expect(chargeover.fromProvider(record).value.total).toBe(minor);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dates across DST in a non-UTC zone', () => {
  const dates = fc
    .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('a local-midnight issuedAt becomes that date and comes back as the same instant', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const issuedAt = dateOnlyToInstant(date, ZONE);
        const { request, warnings } = chargeover.toCreateRequest(
          {
            currency: 'USD',
            customer: { id: '1' },
            issuedAt,
            lines: [{ quantity: 1, unitAmount: 1, product: { id: '4' } }],
          },
          { currencyIds, timeZone: ZONE },
        );
        expect(warnings).toEqual([]);
        expect(request.date).toBe(date);
        expect(chargeover.fromProvider(request, { currencyIds, timeZone: ZONE }).value.issuedAt).toBe(
          issuedAt,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('naive write_datetime values keep their wall-clock time', () => {
    const instants = fc
      .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 })
      .map((s) => new Date(s * 1000).toISOString());
    fc.assert(
      fc.property(instants, (instant) => {
        const naive = instantToNaive(instant, ZONE);
        const record = { ...getInvoice.response, write_datetime: naive };
        const createdAt = chargeover.fromProvider(record, { timeZone: ZONE }).value.createdAt!;
        expect(instantToNaive(createdAt, ZONE)).toBe(naive);
        // Only the repeated hour of a fall-back night is ambiguous; the earlier instant is chosen.
        const drift = Date.parse(instant) - Date.parse(createdAt);
        expect([0, 3_600_000]).toContain(drift);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the DST edges of 2026 as documented', () => {
    const at = (naive: string) =>
      chargeover.fromProvider({ ...getInvoice.response, write_datetime: naive }, { timeZone: ZONE }).value
        .createdAt;
    expect(at('2026-03-08 01:59:59')).toBe('2026-03-08T06:59:59.000Z'); // EST
    expect(at('2026-03-08 03:00:00')).toBe('2026-03-08T07:00:00.000Z'); // EDT
    expect(at('2026-03-08 02:30:00')).toBe('2026-03-08T07:30:00.000Z'); // in the gap: moved forward
    expect(at('2026-11-01 01:30:00')).toBe('2026-11-01T05:30:00.000Z'); // repeated hour: the earlier one
    expect(at('2026-11-01 02:00:00')).toBe('2026-11-01T07:00:00.000Z');
  });
});
