/**
 * Amount conventions: how one provider counts money on the wire, declared once per provider (as
 * hyperswitch declares an amount convertor per connector). Canonical amounts are ISO 4217 minor units;
 * a convention converts them to the provider's unit and back, exactly, or says it cannot:
 * - `isoMinorUnits`: the provider counts in ISO 4217 minor units too (Paid);
 * - `stripeMinorUnits(list)`: zero decimals for the currencies on the provider's list, hundredths for all
 *   others, whatever ISO says (Pelcro, Flowglad): ISK 1,500 is 150000, MGA 10.00 is 10, KWD 1.234 has no form;
 * - `majorUnits(...)`: decimal major units, rounded to ISO's digits or to the account's own (Whop, ChargeOver).
 *
 * An amount the provider's unit cannot hold exactly is refused (`AmountPrecisionError`, naming the field)
 * or, where the caller collects warnings, rounded half away from zero with an `approximated` warning at the
 * amount's path, which `strict` turns into a LossyMappingError.
 */
import { BillbridgeError } from '../errors/billbridge-error';
import type { WarningCollector } from '../spec/warnings';
import { minorUnitExponent } from './currencies';
import {
  decimalToExactNumber,
  decimalToSafeInteger,
  type ExactDecimal,
  formatDecimal,
  isWholeDecimal,
  normalize,
  roundDecimal,
  shiftDecimal,
  toDecimal,
} from './decimal';

/** An amount the provider's unit cannot hold exactly, refused rather than rounded. */
export class AmountPrecisionError extends BillbridgeError {
  static override readonly kind: string = 'AmountPrecisionError';
  /** Where the amount is, e.g. `lines[0].unitAmount`. */
  readonly path: string;

  constructor(provider: string, path: string, message: string) {
    super(`${provider}: ${path}: ${message}`, { provider });
    this.path = path;
  }
}

export interface AmountContext {
  /** The canonical path of the amount, for warnings and errors (`lines[2].unitAmount`). */
  path: string;
  /** Provider name for messages. */
  provider: string;
  /**
   * Where `approximated` warnings go. Without one, an inexact amount is refused with
   * AmountPrecisionError; with one, it is rounded half away from zero and the warning says so.
   */
  warnings?: WarningCollector;
  /**
   * Whether the result must be a whole number of the target's unit (default true). Unit prices that
   * the target accepts with more precision (usage pricing) pass `false` and stay exact.
   */
  whole?: boolean;
}

export type ConventionKind = 'iso-minor' | 'stripe-minor' | 'major-units';

export interface AmountConvention {
  readonly kind: ConventionKind;
  /** One line for docs and capability tables. */
  readonly description: string;
  /** How amounts are written in JSON: a number, or a decimal string. */
  readonly encoding: 'number' | 'decimal-string';
  /** Decimal places of the provider's counting unit for this currency (USD: 2; JPY: 0; KWD at Pelcro: 2). */
  digits(currency: string): number;
  /** Canonical minor units (integer, or a Decimal string finer than a minor unit) → the provider's amount. */
  toProvider(amount: number | string, currency: string, context: AmountContext): number | string;
  /**
   * The provider's amount (JSON number or decimal string) → canonical minor units: an integer, or with
   * `whole: false` a Decimal string when it is finer than a minor unit.
   */
  fromProvider(value: number | string, currency: string, context: AmountContext): number | string;
}

/** Stripe's zero-decimal currencies (stripe.com/docs/currencies#zero-decimal), as Pelcro's front end lists them. */
export const STRIPE_ZERO_DECIMAL_CURRENCIES: readonly string[] = Object.freeze([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

/** Rounds `value` to `scale` places when it has more, warning or refusing as the context says. */
function fitScale(
  value: ExactDecimal,
  scale: number,
  context: AmountContext,
  describe: (exact: string) => string,
): ExactDecimal {
  if (context.whole === false || normalize(value).scale <= scale) return value;
  const rounded = roundDecimal(value, scale);
  if (!context.warnings) {
    throw new AmountPrecisionError(
      context.provider,
      context.path,
      `${describe(formatDecimal(value))}; round the amount yourself, or map without strict refusal to accept ${formatDecimal(rounded, scale)}.`,
    );
  }
  context.warnings.approximated(
    context.path,
    `${describe(formatDecimal(value))}; sent as ${formatDecimal(rounded, scale)} (rounded half away from zero).`,
  );
  return rounded;
}

function toNumber(value: ExactDecimal, context: AmountContext): number {
  try {
    return isWholeDecimal(value) ? decimalToSafeInteger(value) : decimalToExactNumber(value);
  } catch (cause) {
    throw new AmountPrecisionError(
      context.provider,
      context.path,
      `${formatDecimal(value)} cannot be carried exactly by a JSON number (${(cause as Error).message}).`,
    );
  }
}

/** The canonical result: a safe integer when whole, else the exact Decimal string. */
function canonicalMinor(value: ExactDecimal, context: AmountContext): number | string {
  if (!isWholeDecimal(value)) return formatDecimal(value);
  return toNumber(value, context);
}

function readDecimal(value: number | string, context: AmountContext): ExactDecimal {
  try {
    return toDecimal(value);
  } catch (cause) {
    throw new AmountPrecisionError(
      context.provider,
      context.path,
      `${JSON.stringify(String(value).slice(0, 40))} is not an amount (${(cause as Error).message}).`,
    );
  }
}

/**
 * Hot-path helpers. Each answers undefined whenever its shortcut could differ from the exact BigInt path
 * below, which then decides (and owns every error and warning).
 */

/** Powers of ten that doubles hold exactly (10^0 … 10^22). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Integer text of up to 15 digits: its Number is exact, as its BigInt would be. */
const SHORT_INTEGER_TEXT = /^-?\d{1,15}$/;

/** A safe integer, or integer text short enough to be one exactly; undefined for anything else. */
function asSafeInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  return typeof value === 'string' && SHORT_INTEGER_TEXT.test(value) ? Number(value) : undefined;
}

/**
 * A safe integer times 10^shift (shift ≥ 0), when the product is still a safe integer. Double
 * multiplication of two exact integers is exact whenever the true product is ≤ 2^53 - 1, and a product
 * beyond that rounds to at least 2^53, which isSafeInteger refuses. `+ 0` turns -0 into 0 as BigInt does.
 */
function scaleUpInteger(value: unknown, shift: number): number | undefined {
  const integer = asSafeInteger(value);
  if (integer === undefined || shift < 0 || shift > 22) return undefined;
  const scaled = integer * POW10[shift]!;
  return Number.isSafeInteger(scaled) ? scaled + 0 : undefined;
}

/** Below 10^15 every decimal has at most 15 significant digits, which a double round-trips exactly. */
const EXACT_DIGITS_LIMIT = 1e15;

/**
 * Minor units as a major-unit JSON number (`1999`, 2 decimals → `19.99`): the quotient of two exact
 * doubles is the double nearest the decimal, as `Number(text)` is, and under 10^15 it prints back as that
 * same decimal, which is what decimalToExactNumber checks.
 */
function minorToMajorNumber(value: unknown, iso: number): number | undefined {
  const minor = asSafeInteger(value);
  if (minor === undefined || iso > 22) return undefined;
  if (minor >= EXACT_DIGITS_LIMIT || minor <= -EXACT_DIGITS_LIMIT) return undefined;
  return minor / POW10[iso]! + 0;
}

/**
 * A major-unit JSON number as whole minor units, when it is exactly one: `r / 10^iso === value` with r
 * under 10^15 means r/10^iso (≤ 15 significant digits) is the shortest decimal that reads as `value`,
 * i.e. the decimal decimalFromNumber would give. Anything else (fractions of a minor unit) answers
 * undefined.
 */
function majorNumberToMinor(value: unknown, iso: number): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || iso > 22) return undefined;
  const minor = Math.round(value * POW10[iso]!);
  if (!Number.isSafeInteger(minor) || minor >= EXACT_DIGITS_LIMIT || minor <= -EXACT_DIGITS_LIMIT)
    return undefined;
  return minor / POW10[iso]! === value ? minor + 0 : undefined;
}

/** A provider counting in some fixed number of digits per currency, written as minor-unit JSON numbers. */
function minorUnitConvention(
  kind: ConventionKind,
  description: string,
  digits: (currency: string) => number,
): AmountConvention {
  return {
    kind,
    description,
    encoding: 'number',
    digits,
    toProvider(amount, currency, context) {
      const places = digits(currency);
      const iso = minorUnitExponent(currency);
      const fast = scaleUpInteger(amount, places - iso);
      if (fast !== undefined) return fast;
      const minor = readDecimal(amount, context);
      const fitted = fitScale(
        shiftDecimal(minor, places - iso),
        0,
        context,
        (exact) =>
          `${formatDecimal(shiftDecimal(minor, -iso))} ${currency} is ${exact} in ${context.provider}'s unit for ${currency} (${places} decimals), not a whole number`,
      );
      return toNumber(fitted, context);
    },
    fromProvider(value, currency, context) {
      const iso = minorUnitExponent(currency);
      const fast = scaleUpInteger(value, iso - digits(currency));
      if (fast !== undefined) return fast;
      const shifted = shiftDecimal(readDecimal(value, context), iso - digits(currency));
      const fitted = fitScale(
        shifted,
        0,
        context,
        (exact) =>
          `${context.provider}'s ${value} is ${exact} minor units of ${currency}, not a whole number`,
      );
      return canonicalMinor(fitted, context);
    },
  };
}

/** The provider counts in ISO 4217 minor units, as canonical amounts do (cents, yen, fils). */
export const isoMinorUnits: AmountConvention = minorUnitConvention(
  'iso-minor',
  'ISO 4217 minor units (cents, yen, fils); finer unit prices as fractional minor units',
  minorUnitExponent,
);

/**
 * Stripe-style minor units: zero decimals for the currencies on `zeroDecimal`, hundredths for every
 * other currency whatever its ISO exponent (three-decimal currencies lose their last digit).
 */
export function stripeMinorUnits(zeroDecimal: readonly string[], name = 'Stripe'): AmountConvention {
  const zero = new Set(zeroDecimal);
  return minorUnitConvention(
    'stripe-minor',
    `${name}-style minor units: ${[...zero].join(' ')} whole units, every other currency hundredths`,
    (currency) => (zero.has(currency) ? 0 : 2),
  );
}

export interface MajorUnitsOptions {
  /** How amounts are written (default a JSON number). */
  encoding?: 'number' | 'decimal-string';
  /**
   * The decimals the account rounds each currency to, when it differs from ISO 4217 (ChargeOver's
   * per-account `rounding`); undefined for a currency means ISO's.
   */
  rounding?: (currency: string) => number | undefined;
}

/** Decimal major units (`12.34`), converted through exact decimals, never floats. */
export function majorUnits(options: MajorUnitsOptions = {}): AmountConvention {
  const encoding = options.encoding ?? 'number';
  const digits = (currency: string) => options.rounding?.(currency) ?? minorUnitExponent(currency);
  return {
    kind: 'major-units',
    description: `decimal major units (${encoding === 'number' ? 'JSON numbers' : 'decimal strings'})${options.rounding ? ", rounded to the account's own decimals" : ''}`,
    encoding,
    digits,
    toProvider(amount, currency, context) {
      if (encoding === 'number') {
        const iso = minorUnitExponent(currency);
        // Within the account's decimals (places ≥ ISO's), nothing is rounded: the shortcut is exact.
        if (digits(currency) >= iso) {
          const fast = minorToMajorNumber(amount, iso);
          if (fast !== undefined) return fast;
        }
      }
      const major = shiftDecimal(readDecimal(amount, context), -minorUnitExponent(currency));
      const places = digits(currency);
      const fitted = fitScale(
        major,
        places,
        context,
        (exact) => `${exact} ${currency} has more than the ${places} decimals ${context.provider} keeps`,
      );
      return encoding === 'number' ? toNumber(fitted, context) : formatDecimal(fitted);
    },
    fromProvider(value, currency, context) {
      const fast = majorNumberToMinor(value, minorUnitExponent(currency));
      if (fast !== undefined) return fast;
      const minor = shiftDecimal(readDecimal(value, context), minorUnitExponent(currency));
      const fitted = fitScale(
        minor,
        0,
        context,
        (exact) => `${value} ${currency} is ${exact} minor units, not a whole number`,
      );
      return canonicalMinor(fitted, context);
    },
  };
}
