import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_CODES,
  computeTotals,
  lineAmount,
  majorToMinor,
  majorToMinorDecimal,
  minorDecimalToMajorString,
  minorToMajorNumber,
  minorToMajorString,
  minorUnitExponent,
  sumMinor,
} from '../src/index';

const currency = fc.constantFrom(...CURRENCY_CODES);
const safeAmount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('currency table', () => {
  it('knows 0-, 2-, 3- and 4-decimal currencies', () => {
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('USD')).toBe(2);
    expect(minorUnitExponent('KWD')).toBe(3);
    expect(minorUnitExponent('CLF')).toBe(4);
    expect(() => minorUnitExponent('XYZ')).toThrow(/Unknown currency "XYZ"/);
    expect(() => minorUnitExponent('usd')).toThrow(RangeError);
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
  });
});

describe('minor ↔ major conversion', () => {
  it('round-trips every safe amount in every currency through the decimal string', () => {
    fc.assert(
      fc.property(safeAmount, currency, (amount, code) => {
        const major = minorToMajorString(amount, code);
        expect(major).toMatch(/^-?\d+(\.\d+)?$/);
        expect(majorToMinor(major, code)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips through a JSON number whenever the number can carry the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), currency, (amount, code) => {
        const number = minorToMajorNumber(amount, code);
        expect(majorToMinor(JSON.parse(JSON.stringify(number)), code)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps sub-minor unit prices exact both ways', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 8 }),
        currency,
        (digits, scale, code) => {
          const minorDecimal = scale === 0 ? digits.toString() : insertPoint(digits.toString(), scale);
          const major = minorDecimalToMajorString(minorDecimal, code);
          expect(majorToMinorDecimal(major, code)).toBe(normalise(minorDecimal));
        },
      ),
    );
    expect(majorToMinorDecimal('0.0004', 'USD')).toBe('0.04');
    expect(minorDecimalToMajorString('0.04', 'USD')).toBe('0.0004');
  });

  it('sends 1000 JPY as 1000, not 10 (ActiveMerchant #1794)', () => {
    expect(minorToMajorString(1000, 'JPY')).toBe('1000');
    expect(minorToMajorNumber(1000, 'JPY')).toBe(1000);
    expect(majorToMinor(1000, 'JPY')).toBe(1000);
  });

  it('reads 79.10 as 7910, not 7909 (Omnipay #69)', () => {
    expect(majorToMinor(79.1, 'USD')).toBe(7910);
    expect(majorToMinor('79.10', 'USD')).toBe(7910);
    expect(minorToMajorString(7910, 'USD')).toBe('79.10');
  });

  it('loses nothing on 0.1 + 0.2 and 1.005', () => {
    expect(majorToMinor(0.1, 'USD') + majorToMinor(0.2, 'USD')).toBe(30);
    expect(sumMinor([majorToMinor('0.1', 'EUR'), majorToMinor('0.2', 'EUR')])).toBe(30);
    expect(majorToMinor(1.005, 'KWD')).toBe(1005);
    expect(majorToMinorDecimal(1.005, 'USD')).toBe('100.5');
    expect(() => majorToMinor(1.005, 'USD')).toThrow(/not a whole number of minor units/);
    expect(() => majorToMinor(0.1 + 0.2, 'USD')).toThrow(/not a whole number/);
  });

  it('formats with the currency digits', () => {
    expect(minorToMajorString(1234, 'USD')).toBe('12.34');
    expect(minorToMajorString(-5, 'USD')).toBe('-0.05');
    expect(minorToMajorString(1234, 'KWD')).toBe('1.234');
    expect(minorToMajorString(12345, 'CLF')).toBe('1.2345');
    expect(minorToMajorString(0, 'USD')).toBe('0.00');
  });
});

describe('line amounts and totals', () => {
  it('rounds quantity × unit price once, half away from zero', () => {
    expect(lineAmount({ quantity: '2.5', unitAmount: 2995 })).toBe(7488); // 7487.5
    expect(lineAmount({ quantity: 3, unitAmountDecimal: '0.5' })).toBe(2); // 1.5
    expect(lineAmount({ quantity: 1, unitAmount: -15, amount: undefined })).toBe(-15);
    expect(lineAmount({ quantity: '0.5', unitAmount: -3 })).toBe(-2); // -1.5 rounds away from zero
    expect(lineAmount({ quantity: 1_000_000, unitAmountDecimal: '0.04' })).toBe(40_000);
  });

  it('matches an exact BigInt oracle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: -(10 ** 9), max: 10 ** 9 }),
        (q, unit) => {
          expect(lineAmount({ quantity: q, unitAmount: unit })).toBe(Number(BigInt(q) * BigInt(unit)));
        },
      ),
    );
  });

  it('totals exclusive tax on top and leaves inclusive tax inside', () => {
    const totals = computeTotals({
      lines: [
        { quantity: 2, unitAmount: 1000, tax: { amount: 260 } },
        { quantity: 1, unitAmount: 500, tax: { amount: 50, inclusive: true } },
      ],
      tax: { amount: 100 },
    });
    expect(totals).toEqual({ subtotal: 2500, tax: 360, total: 2860 });
    expect(computeTotals({ lines: [], total: 999 })).toEqual({ subtotal: 999, tax: 0, total: 999 });
  });
});

function insertPoint(digits: string, scale: number): string {
  const padded = digits.padStart(scale + 1, '0');
  return `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}

function normalise(decimal: string): string {
  if (!decimal.includes('.')) return decimal.replace(/^0+(?=\d)/, '');
  const trimmed = decimal.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed.replace(/^0+(?=\d)/, '');
}
