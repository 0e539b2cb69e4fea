import {
  computeTotals,
  formatDecimal,
  type InvoiceInput,
  isCurrencyCode,
  majorToMinor,
  minorToMajorString,
  minorUnitExponent,
  multiplyDecimal,
  normalizeInstant,
  toDecimal,
} from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billingPeriodToRecurrence,
  fromWhopCurrency,
  fromWhopDateTime,
  minorToWhopNumber,
  recurrenceToBillingPeriod,
  toWhopCurrency,
  toWhopDateTime,
  whopNumberToUnit,
} from '../src/convert';
import { exactTotalIsProduct, totalIsProduct } from '../src/from-provider';
import { whop } from '../src/index';
import { createRequestIssues } from '../src/wire';
import { WHOP_CURRENCIES } from '../src/wire-enums';

/** Every Whop currency that is an ISO 4217 code billbridge carries. */
const ISO_WHOP = WHOP_CURRENCIES.map((c) => c.toUpperCase()).filter(isCurrencyCode);
const currency = fc.constantFrom(...ISO_WHOP);

describe('money, every currency Whop accepts', () => {
  it('covers the Whop list: each entry is either ISO or reported as unsupported', () => {
    for (const code of WHOP_CURRENCIES) {
      if ((ISO_WHOP as readonly string[]).includes(code.toUpperCase()))
        expect(fromWhopCurrency(code, 'c')).toBe(code.toUpperCase());
      else expect(() => fromWhopCurrency(code, 'c')).toThrow(code);
    }
    for (const code of ISO_WHOP) expect(toWhopCurrency(code)).toBe(code.toLowerCase());
  });

  it('toWhopCurrency answers the lower-cased code Whop lists, whatever the case given', () => {
    const codes = new Set<string>(WHOP_CURRENCIES);
    const anyCase = fc
      .tuple(fc.constantFrom(...WHOP_CURRENCIES), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }))
      .map(([code, upper]) => [...code].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
    fc.assert(
      fc.property(fc.oneof(anyCase, fc.string({ maxLength: 5 })), (text) => {
        const lower = text.toLowerCase();
        expect(toWhopCurrency(text)).toBe(codes.has(lower) ? lower : undefined);
      }),
    );
  });

  it('whole minor units → Whop major-unit number → the same minor units', () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: -1e12, max: 1e12 }), (code, minor) => {
        const sent = minorToWhopNumber(toDecimal(minor), code);
        // The JSON number prints as the exact decimal: no float noise such as 79.09999.
        expect(String(sent)).toBe(formatDecimal(toDecimal(minorToMajorString(minor, code))));
        expect(majorToMinor(sent, code)).toBe(minor);
        expect(whopNumberToUnit(sent, code)).toEqual({ unitAmount: minor });
      }),
    );
  });

  it('reading an answer: the line-total check in minor units agrees with the exact decimal definition', () => {
    const number = fc.oneof(
      fc.integer({ min: -1e6, max: 1e9 }),
      fc.integer({ min: -1e8, max: 1e10 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 1e7 }).map((n) => n / 1000),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 2 ** 53, 1e21, 0.1, 0.2, 0.3),
    );
    const item = fc
      .tuple(number, number, fc.oneof(fc.constant('product'), number))
      .map(([quantity, unitPrice, total]) => {
        let product = total as number;
        if (total === 'product') {
          const exact = multiplyDecimal(toDecimal(quantity), toDecimal(unitPrice));
          product = Number(formatDecimal(exact));
        }
        return { quantity, unit_price: unitPrice, total: product };
      });
    fc.assert(
      fc.property(currency, item, (code, line) => {
        if (!Number.isFinite(line.total)) return; // the wire schema refuses it before any check
        let unit: ReturnType<typeof whopNumberToUnit>;
        try {
          unit = whopNumberToUnit(line.unit_price, code);
        } catch {
          return; // a price the adapter refuses to read never reaches the check
        }
        expect(totalIsProduct(line, unit, code)).toBe(exactTotalIsProduct(line));
      }),
      { numRuns: 2000 },
    );
  });

  it('sub-minor unit prices survive exactly', () => {
    fc.assert(
      fc.property(
        currency,
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 1, max: 6 }),
        (code, digits, scale) => {
          const decimal = formatDecimal({ coefficient: BigInt(digits), scale });
          const sent = minorToWhopNumber(toDecimal(decimal), code);
          const back = whopNumberToUnit(sent, code);
          const value = 'unitAmount' in back ? String(back.unitAmount) : back.unitAmountDecimal;
          expect(formatDecimal(toDecimal(value))).toBe(formatDecimal(toDecimal(decimal)));
        },
      ),
    );
  });

  it('the plan price always equals the line items sum and the canonical subtotal', () => {
    const line = fc.record({
      description: fc.string({ minLength: 1, maxLength: 10 }),
      quantity: fc.integer({ min: 0, max: 500 }),
      unitAmount: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(
        currency,
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (code, lines, renewal) => {
          const doc: InvoiceInput = {
            currency: code,
            customer: { email: 'p@example.com', name: 'P' },
            dueAt: '2026-01-01T00:00:00Z',
            lines,
            ...(renewal ? { recurrence: { interval: 'day' as const, count: 10 } } : {}),
          };
          const { request } = whop.toCreateRequest(doc, { companyId: 'biz_xxxxxxxxxxxxxx' });
          expect(createRequestIssues(request)).toEqual([]);
          const price = renewal ? request.plan.renewal_price : request.plan.initial_price;
          expect(majorToMinor(price as number, code)).toBe(computeTotals(doc as never).subtotal);
          expect(minorUnitExponent(code)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('dates both ways', () => {
  const instant = fc
    .date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2199-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString());

  it('canonical instant → Whop date-time → the same instant', () => {
    fc.assert(
      fc.property(instant, (value) => {
        expect(fromWhopDateTime(toWhopDateTime(value))).toBe(value);
      }),
    );
  });

  it('a Whop date-time with any offset → canonical UTC → Whop, same moment', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -14 * 60, max: 14 * 60 }), (value, offsetMinutes) => {
        const shifted = new Date(Date.parse(value) + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes >= 0 ? '+' : '-';
        const abs = Math.abs(offsetMinutes);
        const withOffset = `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const canonical = fromWhopDateTime(withOffset);
        expect(Date.parse(canonical)).toBe(Date.parse(value));
        expect(toWhopDateTime(canonical)).toBe(normalizeInstant(value));
      }),
    );
  });

  it('billing_period days ↔ recurrence keep the day count; only months and years are approximations', () => {
    const recurrence = fc.record({
      interval: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const),
      count: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(recurrence, (r) => {
        const { days, approximated } = recurrenceToBillingPeriod(r);
        expect(approximated).toBe(r.interval === 'month' || r.interval === 'year');
        const back = billingPeriodToRecurrence(days);
        expect(recurrenceToBillingPeriod(back.recurrence).days).toBe(days);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (days) => {
        expect(recurrenceToBillingPeriod(billingPeriodToRecurrence(days).recurrence).days).toBe(days);
      }),
    );
  });
});
