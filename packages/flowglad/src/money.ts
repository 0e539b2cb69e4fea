/**
 * Conversions between canonical ISO minor units and Flowglad's units, through the one declared
 * convention (`FLOWGLAD_AMOUNTS`), reporting whether rounding changed the value so each caller can warn
 * at its own path. So KWD (3 ISO decimals) is counted in fils/10, ISK (0 ISO decimals) in 1/100 króna,
 * MGA (2 ISO decimals) in whole ariary.
 */
import { minorUnitExponent, WarningCollector } from '@billbridge/core';
import { FLOWGLAD_AMOUNTS } from './amounts';

/** int32: Flowglad stores money and quantities in Postgres `integer` columns. */
export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;

export function flowgladExponent(currency: string): 0 | 2 {
  return FLOWGLAD_AMOUNTS.digits(currency) === 0 ? 0 : 2;
}

export interface UnitConversion {
  /** Whole Flowglad units (or, from Flowglad, whole ISO minor units), rounded half away from zero. */
  value: number;
  /** The exact value as a decimal string before rounding. */
  exact: string;
  /** False when rounding changed the value. */
  lossless: boolean;
}

type Direction = typeof FLOWGLAD_AMOUNTS.toProvider;

// The last currency asked about: a document's lines share one, so each line need not look it up again.
let lastCurrency = '';
let lastSame = false;

/** Whether Flowglad and ISO 4217 count `currency` in the same digits (USD, JPY), so amounts pass unchanged. */
function sameDigits(currency: string): boolean {
  if (currency !== lastCurrency) {
    lastSame = FLOWGLAD_AMOUNTS.digits(currency) === minorUnitExponent(currency);
    lastCurrency = currency;
  }
  return lastSame;
}

/** The context of an exact (unrounded) conversion, built once. */
const EXACT = { provider: 'flowglad', path: 'amount', whole: false } as const;

function convert(direction: Direction, amount: number | string, currency: string): UnitConversion {
  // Fast path: a whole amount where both sides count the same digits (USD, JPY) passes unchanged.
  if (typeof amount === 'number' && Number.isSafeInteger(amount) && sameDigits(currency)) {
    const value = amount === 0 ? 0 : amount;
    return { value, exact: String(value), lossless: true };
  }
  // The exact value first: when it is whole, it is the answer (no rounding, so no warning); only a value
  // finer than the unit is converted a second time, rounded, through a collector.
  const exact = direction(amount, currency, EXACT);
  if (typeof exact === 'number' && Number.isInteger(exact)) {
    const value = exact === 0 ? 0 : exact;
    return { value, exact: String(value), lossless: true };
  }
  const collector = new WarningCollector('flowglad');
  const value = direction(amount, currency, {
    provider: 'flowglad',
    path: 'amount',
    warnings: collector,
  }) as number;
  return {
    value: value === 0 ? 0 : value,
    exact: String(exact),
    lossless: collector.finish(false).length === 0,
  };
}

// Bound once: a bind per amount was measurable on the create path.
const TO_FLOWGLAD: Direction = FLOWGLAD_AMOUNTS.toProvider.bind(FLOWGLAD_AMOUNTS);
const FROM_FLOWGLAD: Direction = FLOWGLAD_AMOUNTS.fromProvider.bind(FLOWGLAD_AMOUNTS);

/** ISO minor units (an integer or a finer decimal string such as "0.04") → Flowglad units. */
export function minorToFlowglad(minor: number | string, currency: string): UnitConversion {
  return convert(TO_FLOWGLAD, minor, currency);
}

/** Flowglad units → ISO minor units. */
export function flowgladToMinor(units: number, currency: string): UnitConversion {
  return convert(FROM_FLOWGLAD, units, currency);
}

export function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}
