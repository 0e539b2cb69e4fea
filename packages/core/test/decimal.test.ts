import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AmountRangeError,
  addDecimal,
  compareDecimal,
  decimalFromNumber,
  decimalToExactNumber,
  decimalToSafeInteger,
  formatDecimal,
  multiplyDecimal,
  parseDecimal,
  roundDecimal,
  ValidationError,
} from '../src/index';

const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 10 }))
  .map(([negative, digits, scale]) => {
    const padded = digits.toString().padStart(scale + 1, '0');
    const body = scale ? `${padded.slice(0, -scale)}.${padded.slice(-scale)}` : padded;
    return negative && digits !== 0n ? `-${body}` : body;
  });

describe('exact decimals', () => {
  it('parse and format are inverse up to trailing zeros', () => {
    fc.assert(
      fc.property(decimalString, (text) => {
        expect(compareDecimal(parseDecimal(formatDecimal(parseDecimal(text))), parseDecimal(text))).toBe(0);
      }),
    );
  });

  it('adds and multiplies exactly (scaled BigInt oracle)', () => {
    fc.assert(
      fc.property(decimalString, decimalString, (a, b) => {
        const x = parseDecimal(a);
        const y = parseDecimal(b);
        const scale = 20;
        const scaled = (d: { coefficient: bigint; scale: number }) =>
          d.coefficient * 10n ** BigInt(scale - d.scale);
        expect(scaled(addDecimal(x, y))).toBe(scaled(x) + scaled(y));
        const product = multiplyDecimal(x, y);
        expect(product.coefficient * 10n ** BigInt(x.scale + y.scale - product.scale)).toBe(
          x.coefficient * y.coefficient,
        );
      }),
    );
  });

  it('reads JSON numbers as the decimal they print as', () => {
    expect(formatDecimal(decimalFromNumber(0.1))).toBe('0.1');
    expect(formatDecimal(decimalFromNumber(1e-7))).toBe('0.0000001');
    expect(formatDecimal(decimalFromNumber(1.5e21))).toBe('1500000000000000000000');
    expect(formatDecimal(decimalFromNumber(-0))).toBe('0');
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(decimalToExactNumber(decimalFromNumber(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('rounds half away from zero', () => {
    expect(formatDecimal(roundDecimal(parseDecimal('2.5')))).toBe('3');
    expect(formatDecimal(roundDecimal(parseDecimal('-2.5')))).toBe('-3');
    expect(formatDecimal(roundDecimal(parseDecimal('2.49999')))).toBe('2');
    expect(formatDecimal(roundDecimal(parseDecimal('1.005'), 2))).toBe('1.01');
  });

  it('refuses what is not a decimal string', () => {
    for (const bad of ['', '1.', '.5', '1e5', '+1', '1,5', ' 1'])
      expect(() => parseDecimal(bad)).toThrow(RangeError);
  });
});

describe('decimalToSafeInteger past ±(2^53 − 1)', () => {
  it('refuses with AmountRangeError, a billbridge ValidationError with a bounded message', () => {
    for (const text of ['9007199254740992', '-9007199254740992', '9'.repeat(400)]) {
      let thrown: unknown;
      try {
        decimalToSafeInteger(parseDecimal(text));
      } catch (error) {
        thrown = error;
      }
      expect(AmountRangeError.isInstance(thrown)).toBe(true);
      expect(ValidationError.isInstance(thrown)).toBe(true);
      expect((thrown as Error).message).toMatch(/beyond the safe-integer range/);
      expect((thrown as Error).message.length).toBeLessThan(300);
    }
    expect(decimalToSafeInteger(parseDecimal('9007199254740991'))).toBe(Number.MAX_SAFE_INTEGER);
    expect(decimalToSafeInteger(parseDecimal('-9007199254740991'))).toBe(Number.MIN_SAFE_INTEGER);
  });
});
