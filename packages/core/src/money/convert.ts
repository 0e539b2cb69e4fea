import { minorUnitExponent } from './currencies';
import {
  decimalToExactNumber,
  decimalToSafeInteger,
  type ExactDecimal,
  formatDecimal,
  isWholeDecimal,
  shiftDecimal,
  toDecimal,
} from './decimal';

type DecimalInput = string | number | bigint | ExactDecimal;

/** Minor units → major-unit decimal string with the currency's digits: (1234, USD) → "12.34"; (1500, JPY) → "1500". */
export function minorToMajorString(amount: DecimalInput, currency: string): string {
  const exponent = minorUnitExponent(currency);
  return formatDecimal(shiftDecimal(toDecimal(amount), -exponent), exponent);
}

/** Minor units → major units as a JSON number that prints exactly as the decimal (for APIs that take doubles). */
export function minorToMajorNumber(amount: DecimalInput, currency: string): number {
  return decimalToExactNumber(shiftDecimal(toDecimal(amount), -minorUnitExponent(currency)));
}

/**
 * Major units (decimal string or JSON number) → minor units as a decimal string, exact and possibly
 * fractional: ("0.0004", USD) → "0.04". Used for unit prices finer than a minor unit.
 */
export function majorToMinorDecimal(value: DecimalInput, currency: string): string {
  return formatDecimal(shiftDecimal(toDecimal(value), minorUnitExponent(currency)));
}

/**
 * Major units → whole minor units: ("12.34", USD) → 1234, (1.005, KWD) → 1005.
 * A value that is not a whole number of minor units throws, rather than being rounded quietly.
 */
export function majorToMinor(value: DecimalInput, currency: string): number {
  const minor = shiftDecimal(toDecimal(value), minorUnitExponent(currency));
  if (!isWholeDecimal(minor)) {
    throw new RangeError(
      `${formatDecimal(toDecimal(value))} ${currency} is not a whole number of minor units (${minorUnitExponent(currency)} decimals).`,
    );
  }
  return decimalToSafeInteger(minor);
}

/** A minor-unit decimal string (possibly fractional) → major units: ("0.04", USD) → "0.0004". */
export function minorDecimalToMajorString(value: DecimalInput, currency: string): string {
  return formatDecimal(shiftDecimal(toDecimal(value), -minorUnitExponent(currency)));
}
