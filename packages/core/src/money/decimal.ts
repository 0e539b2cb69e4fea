/**
 * Exact decimal arithmetic on BigInt, just enough for money: no float ever touches an amount.
 * A value is `coefficient / 10^scale`.
 */
import { AmountRangeError } from '../errors/mapping-errors';
export interface ExactDecimal {
  readonly coefficient: bigint;
  readonly scale: number;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

export function parseDecimal(text: string): ExactDecimal {
  if (!DECIMAL_PATTERN.test(text)) {
    throw new RangeError(
      `"${text}" is not a decimal string (expected digits, optionally one "." and more digits).`,
    );
  }
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = unsigned.split('.');
  const coefficient = BigInt(whole + fraction);
  return normalize({ coefficient: negative ? -coefficient : coefficient, scale: fraction.length });
}

/**
 * The decimal a JSON number stands for: its shortest round-trip representation, which is what a person
 * (or a provider) wrote. `0.1` is 0.1, `1.005` is 1.005, `1e-7` is 0.0000001.
 */
export function decimalFromNumber(value: number): ExactDecimal {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number.`);
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Cannot read ${text} as a decimal.`);
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = BigInt(whole + fraction);
  const scale = fraction.length - exponent;
  const coefficient = sign === '-' ? -digits : digits;
  if (scale >= 0) return normalize({ coefficient, scale });
  return { coefficient: coefficient * 10n ** BigInt(-scale), scale: 0 };
}

export function toDecimal(value: string | number | bigint | ExactDecimal): ExactDecimal {
  if (typeof value === 'string') return parseDecimal(value);
  if (typeof value === 'number') return decimalFromNumber(value);
  if (typeof value === 'bigint') return { coefficient: value, scale: 0 };
  return value;
}

/** Removes trailing fractional zeros so equal values have one representation. */
export function normalize(value: ExactDecimal): ExactDecimal {
  let { coefficient, scale } = value;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  return { coefficient, scale };
}

export function formatDecimal(value: ExactDecimal, minScale = 0): string {
  const { coefficient, scale } = rescale(normalize(value), minScale);
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  const body = scale > 0 ? `${whole}.${fraction}` : whole;
  return negative ? `-${body}` : body;
}

function rescale(value: ExactDecimal, scale: number): ExactDecimal {
  if (value.scale >= scale) return value;
  return { coefficient: value.coefficient * 10n ** BigInt(scale - value.scale), scale };
}

export function addDecimal(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ coefficient: rescale(a, scale).coefficient + rescale(b, scale).coefficient, scale });
}

export function multiplyDecimal(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return normalize({ coefficient: a.coefficient * b.coefficient, scale: a.scale + b.scale });
}

/** Multiplies by 10^places (places may be negative), exactly. */
export function shiftDecimal(value: ExactDecimal, places: number): ExactDecimal {
  if (places >= 0)
    return normalize({ coefficient: value.coefficient * 10n ** BigInt(places), scale: value.scale });
  return normalize({ coefficient: value.coefficient, scale: value.scale - places });
}

export function compareDecimal(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale).coefficient;
  const y = rescale(b, scale).coefficient;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isWholeDecimal(value: ExactDecimal): boolean {
  return normalize(value).scale === 0;
}

/** Rounds to `scale` fractional digits, half away from zero (the rounding invoices print). */
export function roundDecimal(value: ExactDecimal, scale = 0): ExactDecimal {
  if (value.scale <= scale) return normalize(value);
  const divisor = 10n ** BigInt(value.scale - scale);
  const negative = value.coefficient < 0n;
  const magnitude = negative ? -value.coefficient : value.coefficient;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return normalize({ coefficient: negative ? -quotient : quotient, scale });
}

/**
 * The decimal as a JS number, only when that number is exact: a RangeError when it is not whole (a bug in
 * the caller), an AmountRangeError (a billbridge ValidationError) when it is past ±(2^53 − 1), which
 * input can cause.
 */
export function decimalToSafeInteger(value: ExactDecimal): number {
  const n = normalize(value);
  if (n.scale !== 0) throw new RangeError(`${formatDecimal(n).slice(0, 40)} is not a whole number.`);
  if (n.coefficient > MAX_SAFE || n.coefficient < MIN_SAFE) {
    throw new AmountRangeError(formatDecimal(n));
  }
  return Number(n.coefficient);
}

/**
 * The decimal as a JSON number whose shortest representation is exactly this decimal, or a RangeError
 * when no double prints as it (more than ~15-17 significant digits).
 */
export function decimalToExactNumber(value: ExactDecimal): number {
  const text = formatDecimal(value);
  const number = Number(text);
  if (compareDecimal(decimalFromNumber(number), value) !== 0) {
    throw new RangeError(`${text} cannot be carried exactly by a JSON number.`);
  }
  return number;
}
