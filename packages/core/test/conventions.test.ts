import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AmountPrecisionError,
  CURRENCY_CODES,
  isoMinorUnits,
  majorUnits,
  minorUnitExponent,
  STRIPE_ZERO_DECIMAL_CURRENCIES,
  stripeMinorUnits,
  WarningCollector,
} from '../src/index';

const currency = fc.constantFrom(...CURRENCY_CODES);
const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
const refuse = { provider: 'test', path: 'lines[0].unitAmount' };
const stripe = stripeMinorUnits(STRIPE_ZERO_DECIMAL_CURRENCIES);

describe('isoMinorUnits', () => {
  it('is the identity on every currency, both ways', () => {
    fc.assert(
      fc.property(currency, amount, (code, minor) => {
        const sent = isoMinorUnits.toProvider(minor, code, refuse);
        expect(sent).toBe(minor);
        expect(isoMinorUnits.fromProvider(sent, code, refuse)).toBe(minor);
      }),
    );
  });

  it('carries sub-minor unit prices as fractional minor units: $0.0004 is 0.04', () => {
    expect(isoMinorUnits.toProvider('0.04', 'USD', { ...refuse, whole: false })).toBe(0.04);
    expect(isoMinorUnits.fromProvider(0.04, 'USD', { ...refuse, whole: false })).toBe('0.04');
    expect(() => isoMinorUnits.toProvider('0.04', 'USD', refuse)).toThrow(AmountPrecisionError);
  });
});

describe('stripeMinorUnits', () => {
  it('writes hundredths for non-zero-decimal currencies whatever ISO says', () => {
    expect(stripe.toProvider(1250, 'USD', refuse)).toBe(1250);
    expect(stripe.toProvider(1500, 'JPY', refuse)).toBe(1500);
    expect(stripe.toProvider(1500, 'ISK', refuse)).toBe(150000); // ISO 0 decimals, Stripe 2
    expect(stripe.toProvider(1000, 'MGA', refuse)).toBe(10); // ISO 2 decimals, Stripe 0
    expect(stripe.toProvider(1230, 'KWD', refuse)).toBe(123); // 1.230 KD
  });

  it('refuses or approximates what hundredths cannot hold, naming the path', () => {
    expect(() => stripe.toProvider(1234, 'KWD', refuse)).toThrow(/lines\[0\]\.unitAmount/);
    const warnings = new WarningCollector('test');
    expect(stripe.toProvider(1235, 'KWD', { ...refuse, warnings })).toBe(124);
    expect(warnings.warnings).toEqual([
      expect.objectContaining({ code: 'approximated', path: 'lines[0].unitAmount' }),
    ]);
    expect(() => warnings.finish(true)).toThrow(/strict/);
    expect(() => stripe.toProvider(1050, 'MGA', refuse)).toThrow(AmountPrecisionError);
  });

  it('round-trips exactly every amount its unit can hold, for every currency', () => {
    fc.assert(
      fc.property(currency, amount, (code, minor) => {
        const shift = stripe.digits(code) - minorUnitExponent(code);
        const representable = shift >= 0 ? minor : minor - (minor % 10 ** -shift);
        const sent = stripe.toProvider(representable, code, refuse);
        expect(Number.isSafeInteger(sent)).toBe(true);
        expect(stripe.fromProvider(sent, code, refuse)).toBe(representable === 0 ? 0 : representable);
      }),
    );
  });

  it('never moves an approximated amount by more than half of the provider unit', () => {
    fc.assert(
      fc.property(currency, amount, (code, minor) => {
        const warnings = new WarningCollector('test');
        const sent = stripe.toProvider(minor, code, { ...refuse, warnings }) as number;
        const back = stripe.fromProvider(sent, code, refuse) as number;
        const shift = minorUnitExponent(code) - stripe.digits(code);
        const unit = shift > 0 ? 10 ** shift : 1;
        expect(Math.abs(back - minor) * 2).toBeLessThanOrEqual(unit);
        expect(warnings.warnings.length).toBe(back === minor ? 0 : 1);
      }),
    );
  });
});

describe('majorUnits', () => {
  const numbers = majorUnits();
  const strings = majorUnits({ encoding: 'decimal-string' });

  it('writes exact major units and reads them back, every currency', () => {
    fc.assert(
      fc.property(currency, amount, (code, minor) => {
        const text = strings.toProvider(minor, code, refuse);
        expect(typeof text).toBe('string');
        expect(strings.fromProvider(text, code, refuse)).toBe(minor);
        const number = numbers.toProvider(minor, code, refuse);
        expect(numbers.fromProvider(number, code, refuse)).toBe(minor);
      }),
    );
    expect(numbers.toProvider(7488, 'USD', refuse)).toBe(74.88);
    expect(numbers.toProvider(1500, 'JPY', refuse)).toBe(1500);
    expect(strings.toProvider(1234, 'KWD', refuse)).toBe('1.234');
    expect(numbers.fromProvider(79.1, 'USD', refuse)).toBe(7910);
  });

  it("respects an account's rounding that differs from ISO", () => {
    const account = majorUnits({ rounding: (code) => (code === 'USD' ? 0 : undefined) });
    expect(account.digits('USD')).toBe(0);
    expect(account.toProvider(1200, 'USD', refuse)).toBe(12);
    expect(() => account.toProvider(1234, 'USD', refuse)).toThrow(/more than the 0 decimals/);
    const warnings = new WarningCollector('test');
    expect(account.toProvider(1250, 'USD', { ...refuse, warnings })).toBe(13);
    expect(warnings.warnings[0]?.code).toBe('approximated');
    expect(account.toProvider(1234, 'EUR', refuse)).toBe(12.34);
  });

  it('keeps sub-minor unit prices exact when the target takes them', () => {
    expect(numbers.toProvider('0.04', 'USD', { ...refuse, whole: false })).toBe(0.0004);
    expect(numbers.fromProvider(0.0004, 'USD', { ...refuse, whole: false })).toBe('0.04');
  });

  it('refuses what is not an amount, naming the path', () => {
    expect(() => numbers.fromProvider('12,50', 'USD', refuse)).toThrow(/lines\[0\]\.unitAmount/);
  });
});
