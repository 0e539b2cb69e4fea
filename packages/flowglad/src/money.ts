/**
 * Conversions between canonical ISO minor units and Flowglad's units, through the one declared
 * convention (`FLOWGLAD_AMOUNTS`), reporting whether rounding changed the value so each caller can warn
 * at its own path. So KWD (3 ISO decimals) is counted in fils/10, ISK (0 ISO decimals) in 1/100 króna,
 * MGA (2 ISO decimals) in whole ariary.
 */
import { WarningCollector } from '@billbridge/core';
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

/** A conversion that changed nothing but the unit. */
function lossless(value: number): UnitConversion {
  return { value, exact: String(value), lossless: true };
}

/**
 * The conversion of an amount the convention's whole-amount path declined (finer than the unit, past a
 * safe integer): the exact value first; when it is whole, it is the answer (no rounding, so no warning);
 * only a value finer than the unit is converted a second time, rounded, through a collector.
 */
function convert(direction: Direction, amount: number | string, currency: string): UnitConversion {
  const exact = direction(amount, currency, { provider: 'flowglad', path: 'amount', whole: false });
  if (typeof exact === 'number' && Number.isInteger(exact)) return lossless(exact === 0 ? 0 : exact);
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

/**
 * ISO minor units (an integer or a finer decimal string such as "0.04") → Flowglad units. Whole amounts
 * (the usual case) take the convention's context-free path.
 */
export function minorToFlowglad(minor: number | string, currency: string): UnitConversion {
  const whole = FLOWGLAD_AMOUNTS.wholeToProvider(minor, currency);
  return whole === undefined ? convert(TO_FLOWGLAD, minor, currency) : lossless(whole as number);
}

/** Flowglad units → ISO minor units. */
export function flowgladToMinor(units: number, currency: string): UnitConversion {
  const whole = FLOWGLAD_AMOUNTS.wholeFromProvider(units, currency);
  return whole === undefined ? convert(FROM_FLOWGLAD, units, currency) : lossless(whole);
}

export function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}
