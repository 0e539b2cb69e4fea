import {
  decimalToSafeInteger,
  formatDecimal,
  isWholeDecimal,
  minorUnitExponent,
  roundDecimal,
  shiftDecimal,
  toDecimal,
} from '@billbridge/core';
import { FLOWGLAD_ZERO_DECIMAL } from './enums';

/**
 * Flowglad's unit rule (its currency helper, Stripe's convention): a currency in its zero-decimal list
 * is counted in whole units, every other one in 1/100 — whatever ISO 4217 says. So KWD (3 ISO decimals)
 * is counted in fils/10, ISK (0 ISO decimals) in 1/100 króna, MGA (2 ISO decimals) in whole ariary.
 */
const ZERO_DECIMAL: ReadonlySet<string> = new Set(FLOWGLAD_ZERO_DECIMAL);

/** int32: Flowglad stores money and quantities in Postgres `integer` columns. */
export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;

export function flowgladExponent(currency: string): 0 | 2 {
  return ZERO_DECIMAL.has(currency) ? 0 : 2;
}

export interface UnitConversion {
  /** Whole Flowglad units (or, from Flowglad, whole ISO minor units), rounded half away from zero. */
  value: number;
  /** The exact value as a decimal string before rounding. */
  exact: string;
  /** False when rounding changed the value. */
  lossless: boolean;
}

/** ISO minor units (an integer or a finer decimal string such as "0.04") → Flowglad units. */
export function minorToFlowglad(minor: number | string, currency: string): UnitConversion {
  return shiftExact(minor, flowgladExponent(currency) - minorUnitExponent(currency));
}

/** Flowglad units → ISO minor units. */
export function flowgladToMinor(units: number, currency: string): UnitConversion {
  return shiftExact(units, minorUnitExponent(currency) - flowgladExponent(currency));
}

function shiftExact(amount: number | string, places: number): UnitConversion {
  // Fast path: a whole amount with no shift (every currency whose ISO exponent is Flowglad's unit, e.g.
  // USD, JPY) passes through unchanged; the decimal helpers below would give the same result, slowly.
  if (places === 0 && typeof amount === 'number' && Number.isSafeInteger(amount)) {
    const value = amount === 0 ? 0 : amount; // no -0, as decimalToSafeInteger
    return { value, exact: String(value), lossless: true };
  }
  const shifted = shiftDecimal(toDecimal(amount), places);
  const lossless = isWholeDecimal(shifted);
  const value = decimalToSafeInteger(lossless ? shifted : roundDecimal(shifted, 0));
  return { value, exact: formatDecimal(shifted), lossless };
}

export function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}
