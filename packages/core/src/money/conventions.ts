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
import {
  asSafeInteger,
  CurrencyUnitsMemo,
  fitsPlaces,
  majorNumberToMinor,
  majorTextToMinor,
  minorToMajorNumber,
  minorToMajorText,
  shiftWhole,
} from './whole-amounts';

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
  /**
   * The common case of {@link AmountConvention.toProvider}, without a context: whole canonical minor
   * units (a safe integer, or integer text of up to 15 digits) → the provider's amount, when nothing can
   * go wrong, i.e. the result is exact whatever a context would say (nothing to round, no fraction of the
   * provider's unit, nothing past what a JSON number carries). Undefined otherwise, and for a code ISO
   * 4217 does not list: then `toProvider`, given the amount's path, decides (its warning or error names
   * the path). `toProvider` takes this path first, so wherever this answers, both answer the same.
   *
   * @example
   * const price = WHOP.wholeToProvider(1999, 'USD') ?? WHOP.toProvider(1999, 'USD', { provider, path });
   */
  wholeToProvider(amount: number | string, currency: string): number | string | undefined;
  /**
   * The common case of {@link AmountConvention.fromProvider}, without a context: the provider's amount →
   * canonical minor units, when it is exactly a safe integer of them (so no rounding, warning or error
   * is possible). Undefined otherwise (a fraction of a minor unit, past 2^53, not a number, an unknown
   * code): then `fromProvider`, given the path, decides. `fromProvider` takes this path first.
   */
  wholeFromProvider(value: number | string, currency: string): number | undefined;
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

/** The exact path of a convention: BigInt decimals, every error and warning, no shortcut. */
type ExactPath = Pick<AmountConvention, 'toProvider' | 'fromProvider'>;

/** The whole-amount path of a convention (see AmountConvention.wholeToProvider). */
type WholePath = Pick<AmountConvention, 'wholeToProvider' | 'wholeFromProvider'>;

const EXACT_PATHS = new WeakMap<AmountConvention, ExactPath>();

/**
 * A convention's exact path alone, without its whole-amount shortcut: what the property tests hold the
 * shortcut to. Internal (not exported from the package).
 */
export function exactPathOf(convention: AmountConvention): ExactPath | undefined {
  return EXACT_PATHS.get(convention);
}

/** A convention whose toProvider/fromProvider take the whole-amount path first, then the exact one. */
function convention(
  about: Pick<AmountConvention, 'kind' | 'description' | 'encoding' | 'digits'>,
  whole: WholePath,
  exact: ExactPath,
): AmountConvention {
  const { wholeToProvider, wholeFromProvider } = whole;
  const result: AmountConvention = {
    kind: about.kind,
    description: about.description,
    encoding: about.encoding,
    digits: about.digits,
    wholeToProvider,
    wholeFromProvider,
    toProvider: (amount, currency, context) =>
      wholeToProvider(amount, currency) ?? exact.toProvider(amount, currency, context),
    fromProvider: (value, currency, context) =>
      wholeFromProvider(value, currency) ?? exact.fromProvider(value, currency, context),
  };
  EXACT_PATHS.set(result, exact);
  return result;
}

/** A provider counting in some fixed number of digits per currency, written as minor-unit JSON numbers. */
function minorUnitConvention(
  kind: ConventionKind,
  description: string,
  digits: (currency: string) => number,
): AmountConvention {
  const memo = new CurrencyUnitsMemo(digits);
  const whole: WholePath = {
    wholeToProvider(amount, currency) {
      const integer = asSafeInteger(amount);
      const units = integer === undefined ? undefined : memo.get(currency);
      return units === undefined ? undefined : shiftWhole(integer as number, units.shift);
    },
    wholeFromProvider(value, currency) {
      const integer = asSafeInteger(value);
      const units = integer === undefined ? undefined : memo.get(currency);
      return units === undefined ? undefined : shiftWhole(integer as number, -units.shift);
    },
  };
  const exact: ExactPath = {
    toProvider(amount, currency, context) {
      const places = digits(currency);
      const iso = minorUnitExponent(currency);
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
  return convention({ kind, description, encoding: 'number', digits }, whole, exact);
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
   * per-account `rounding`); undefined for a currency means ISO's. Asked once per currency: the
   * convention keeps the answer, so it must not change (declare a new convention for a new table).
   */
  rounding?: (currency: string) => number | undefined;
}

/** Decimal major units (`12.34`), converted through exact decimals, never floats. */
export function majorUnits(options: MajorUnitsOptions = {}): AmountConvention {
  const encoding = options.encoding ?? 'number';
  const digits = (currency: string) => options.rounding?.(currency) ?? minorUnitExponent(currency);
  const memo = new CurrencyUnitsMemo(digits);
  const whole: WholePath = {
    wholeToProvider(amount, currency) {
      const minor = asSafeInteger(amount);
      const units = minor === undefined ? undefined : memo.get(currency);
      // Within the account's decimals nothing is rounded: the shortcut is exact.
      if (units === undefined || !fitsPlaces(minor as number, units.iso, units.places)) return undefined;
      return encoding === 'number'
        ? minorToMajorNumber(minor as number, units.iso)
        : minorToMajorText(minor as number, units.iso);
    },
    wholeFromProvider(value, currency) {
      const units = memo.get(currency);
      if (units === undefined) return undefined;
      return typeof value === 'number'
        ? majorNumberToMinor(value, units.iso)
        : majorTextToMinor(value, units.iso);
    },
  };
  const exact: ExactPath = {
    toProvider(amount, currency, context) {
      // JSON numbers look the currency up before reading the amount, decimal strings after: which error
      // an unknown currency with a malformed amount gets stays as it always was.
      if (encoding === 'number') minorUnitExponent(currency);
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
      const iso = minorUnitExponent(currency);
      const minor = shiftDecimal(readDecimal(value, context), iso);
      const fitted = fitScale(
        minor,
        0,
        context,
        (exact) => `${value} ${currency} is ${exact} minor units, not a whole number`,
      );
      return canonicalMinor(fitted, context);
    },
  };
  return convention(
    {
      kind: 'major-units',
      description: `decimal major units (${encoding === 'number' ? 'JSON numbers' : 'decimal strings'})${options.rounding ? ", rounded to the account's own decimals" : ''}`,
      encoding,
      digits,
    },
    whole,
    exact,
  );
}
