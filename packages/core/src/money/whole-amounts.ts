/**
 * The context-free path of the amount conventions: whole amounts converted with plain double arithmetic
 * where it is provably exact, and each currency's figures computed once per convention. Every function
 * answers undefined whenever its answer could differ from the exact BigInt path in conventions.ts, which
 * then decides (and owns every error and warning). test/money-fast-paths.test.ts holds them to it.
 */
import { isCurrencyCode, minorUnitExponent } from './currencies';

/** Powers of ten that doubles hold exactly (10^0 … 10^22). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** The largest shift a double can apply exactly. */
const MAX_SHIFT = POW10.length - 1;

/** Integer text of up to 15 digits: its Number is exact, as its BigInt would be. */
const SHORT_INTEGER_TEXT = /^-?\d{1,15}$/;

/** A safe integer, or integer text short enough to be one exactly; undefined for anything else. */
export function asSafeInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  return typeof value === 'string' && SHORT_INTEGER_TEXT.test(value) ? Number(value) : undefined;
}

/**
 * A safe integer times 10^shift, when the result is a safe integer. Scaling up: a double product of two
 * exact integers is exact whenever the true product is ≤ 2^53 - 1, and a product beyond that rounds to at
 * least 2^53, which isSafeInteger refuses. Scaling down: `%` is exact on doubles, and the quotient of an
 * exact division is an integer no larger than the dividend, so the double division gives it exactly.
 * `+ 0` turns -0 into 0, as BigInt does.
 */
export function shiftWhole(integer: number, shift: number): number | undefined {
  if (shift >= 0) {
    if (shift > MAX_SHIFT) return undefined;
    const scaled = integer * (POW10[shift] as number);
    return Number.isSafeInteger(scaled) ? scaled + 0 : undefined;
  }
  if (-shift > MAX_SHIFT) return undefined;
  const divisor = POW10[-shift] as number;
  return integer % divisor === 0 ? integer / divisor + 0 : undefined;
}

/** Whether a whole minor amount has no digit below `places` decimals of the major unit (ISO has `iso`). */
export function fitsPlaces(minor: number, iso: number, places: number): boolean {
  return places >= iso || minor % (POW10[iso - places] as number) === 0;
}

/** Below 10^15 every decimal has at most 15 significant digits, which a double round-trips exactly. */
const EXACT_DIGITS_LIMIT = 1e15;

/**
 * Whole minor units as a major-unit JSON number (`1999`, 2 decimals → `19.99`): the quotient of two exact
 * doubles is the double nearest the decimal, as `Number(text)` is, and under 10^15 it prints back as that
 * same decimal, which is what decimalToExactNumber checks.
 */
export function minorToMajorNumber(minor: number, iso: number): number | undefined {
  if (minor >= EXACT_DIGITS_LIMIT || minor <= -EXACT_DIGITS_LIMIT) return undefined;
  return minor / (POW10[iso] as number) + 0;
}

/**
 * Whole minor units as major-unit decimal text, trailing zeros dropped as formatDecimal drops them
 * (`1990`, 2 decimals → `"19.9"`; `-5` → `"-0.05"`). A safe integer prints as plain digits, so the text is
 * exact for every one.
 */
export function minorToMajorText(minor: number, iso: number): string {
  if (iso === 0) return String(minor + 0);
  const negative = minor < 0;
  let digits = String(negative ? -minor : minor);
  if (digits.length <= iso) digits = digits.padStart(iso + 1, '0');
  const point = digits.length - iso;
  let end = digits.length;
  while (end > point && digits.charCodeAt(end - 1) === 48) end--;
  const body =
    end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  return negative ? `-${body}` : body;
}

/**
 * A major-unit JSON number as whole minor units, when it is exactly one: `r / 10^iso === value` with r
 * under 10^15 means r/10^iso (≤ 15 significant digits) is the shortest decimal that reads as `value`,
 * i.e. the decimal decimalFromNumber would give. Anything else (fractions of a minor unit) answers
 * undefined.
 */
export function majorNumberToMinor(value: number, iso: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const scale = POW10[iso] as number;
  const minor = Math.round(value * scale);
  if (!Number.isSafeInteger(minor) || minor >= EXACT_DIGITS_LIMIT || minor <= -EXACT_DIGITS_LIMIT)
    return undefined;
  return minor / scale === value ? minor + 0 : undefined;
}

/** Decimal text as parseDecimal reads it: sign, whole digits, fraction digits. */
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Major-unit decimal text as whole minor units, when it is exactly one (`"19.90"`, 2 decimals → 1990):
 * at most `iso` significant fraction digits, and at most 15 digits in all, so Number reads them exactly.
 */
export function majorTextToMinor(text: string, iso: number): number | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;
  const fraction = match[3] ?? '';
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  if (end > iso) return undefined;
  const digits = `${match[2]}${fraction.slice(0, end).padEnd(iso, '0')}`;
  if (digits.length > 15) return undefined;
  const minor = Number(digits);
  return (match[1] === '-' ? -minor : minor) + 0;
}

/** A currency's figures in one convention: ISO 4217's decimals and the provider's. */
export interface CurrencyUnits {
  /** ISO 4217's decimals: canonical minor units are 10^-iso of the major unit. */
  readonly iso: number;
  /** The decimals of the provider's counting unit (or the account's rounding, for major units). */
  readonly places: number;
  /** `places - iso`: canonical → provider multiplies by 10^shift. */
  readonly shift: number;
}

/**
 * A per-currency memo of a convention's figures: `digits` is asked once per currency (a convention's
 * digits never change). Undefined for a code ISO does not list (not kept, so garbage codes cannot grow
 * the memo) and for digits a double cannot shift by exactly (the exact path then decides every time).
 * A class, not a closure per convention: every convention's lookups then run the same function on
 * objects of one shape, which V8 inlines at call sites shared by all conventions.
 */
export class CurrencyUnitsMemo {
  readonly #digits: (currency: string) => number;
  readonly #memo = new Map<string, CurrencyUnits | null>();
  // A document's amounts share one currency: the last one answers without a lookup.
  #lastCurrency: string | undefined = undefined;
  #lastUnits: CurrencyUnits | undefined = undefined;

  constructor(digits: (currency: string) => number) {
    this.#digits = digits;
  }

  get(currency: string): CurrencyUnits | undefined {
    if (currency === this.#lastCurrency) return this.#lastUnits;
    let units = this.#memo.get(currency);
    if (units === undefined) {
      if (!isCurrencyCode(currency)) return undefined;
      units = unitsOf(currency, this.#digits);
      this.#memo.set(currency, units);
    }
    this.#lastCurrency = currency;
    this.#lastUnits = units ?? undefined;
    return this.#lastUnits;
  }
}

function unitsOf(currency: string, digits: (currency: string) => number): CurrencyUnits | null {
  const iso = minorUnitExponent(currency);
  let places: number;
  try {
    places = digits(currency);
  } catch {
    return null;
  }
  if (!Number.isInteger(places) || places < 0 || places > MAX_SHIFT) return null;
  return { iso, places, shift: places - iso };
}
