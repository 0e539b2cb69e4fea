/**
 * Canonical minor units ↔ Paid's JSON doubles in major units, exactly: every conversion goes through
 * core's decimal functions, never `x * 100`. A double that is not exactly representable refuses.
 */
import {
  decimalToSafeInteger,
  isWholeDecimal,
  majorToMinorDecimal,
  minorToMajorNumber,
  parseDecimal,
  roundDecimal,
  ValidationError,
  type ValidationIssue,
  type WarningCollector,
} from '@billbridge/core';

/** Minor units (integer, or a decimal string finer than a minor unit) → a major-unit JSON number. */
export function toPaidAmount(minor: number | string, currency: string, path: string): number {
  try {
    return minorToMajorNumber(minor, currency);
  } catch (error) {
    const issue: ValidationIssue = {
      path,
      code: 'not_representable',
      message: `${String(minor)} minor units of ${currency} cannot be sent exactly as a JSON number (${(error as Error).message})`,
    };
    throw new ValidationError('Paid amount', [issue]);
  }
}

/** A unit price read from Paid → `unitAmount` when whole minor units, else `unitAmountDecimal`. */
export function fromPaidUnitPrice(
  value: number,
  currency: string,
): { unitAmount: number } | { unitAmountDecimal: string } {
  const minor = majorToMinorDecimal(value, currency);
  const decimal = parseDecimal(minor);
  return isWholeDecimal(decimal)
    ? { unitAmount: decimalToSafeInteger(decimal) }
    : { unitAmountDecimal: minor };
}

/**
 * A total read from Paid → whole minor units. Doubles can carry sub-minor drift (0.1 + 0.2); such a value
 * is rounded to the currency's exponent, half away from zero, and reported as approximated.
 */
export function fromPaidTotal(value: number, currency: string, path: string, w: WarningCollector): number {
  const minor = parseDecimal(majorToMinorDecimal(value, currency));
  if (isWholeDecimal(minor)) return decimalToSafeInteger(minor);
  const rounded = decimalToSafeInteger(roundDecimal(minor, 0));
  w.approximated(
    path,
    `Paid sent ${value} ${currency}, which is not a whole minor unit; rounded to ${rounded} minor units.`,
  );
  return rounded;
}
