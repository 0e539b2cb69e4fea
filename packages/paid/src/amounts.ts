/**
 * Paid's amount convention, declared once: every Paid amount (unit prices, tier amounts, totals) is a
 * JSON number in the currency's smallest unit, ISO 4217 minor units, as canonical amounts are
 * (CONTRACT.md P20–P22). A price finer than a minor unit is a fractional number of minor units
 * (`$0.0004` = `0.04`). Everything goes through core's `isoMinorUnits`, never by hand (a safe integer
 * takes the convention's own first step here, see isWholeMinor).
 */
import { type AmountConvention, isoMinorUnits, type WarningCollector } from '@billbridge/core';
import { PROVIDER } from './options';

export const PAID_AMOUNTS: AmountConvention = isoMinorUnits;

/**
 * The common case, answered without building the convention's context: a safe integer is the same number
 * of minor units on both sides (Paid and canonical count alike), which is the convention's own first step.
 * `digits` still throws the convention's RangeError for an unknown currency. test/fast-paths.property.test.ts
 * holds the three functions below equal to the convention on arbitrary values and currencies.
 */
function isWholeMinor(value: unknown, currency: string): boolean {
  if (!Number.isSafeInteger(value)) return false;
  PAID_AMOUNTS.digits(currency);
  return true;
}

/**
 * Canonical minor units → Paid's JSON number. `whole: false` for unit prices (usage pricing finer than a
 * minor unit stays exact); amounts that must be whole (flat tier amounts) refuse a fraction with
 * AmountPrecisionError naming `path`.
 */
export function toPaidAmount(minor: number | string, currency: string, path: string, whole = true): number {
  if (isWholeMinor(minor, currency)) return (minor as number) + 0;
  return PAID_AMOUNTS.toProvider(minor, currency, { provider: PROVIDER, path, whole }) as number;
}

/** A unit price read from Paid → `unitAmount` when whole minor units, else `unitAmountDecimal`. */
export function fromPaidUnitPrice(
  value: number,
  currency: string,
  path: string,
): { unitAmount: number } | { unitAmountDecimal: string } {
  if (isWholeMinor(value, currency)) return { unitAmount: value + 0 };
  const minor = PAID_AMOUNTS.fromProvider(value, currency, { provider: PROVIDER, path, whole: false });
  return typeof minor === 'number' ? { unitAmount: minor } : { unitAmountDecimal: minor };
}

/**
 * A total read from Paid → whole minor units. A value that is not a whole minor unit (a double with drift,
 * or the docs' `1.1` placeholder) is rounded half away from zero with an `approximated` warning at `path`.
 */
export function fromPaidTotal(value: number, currency: string, path: string, w: WarningCollector): number {
  if (isWholeMinor(value, currency)) return value + 0;
  return PAID_AMOUNTS.fromProvider(value, currency, { provider: PROVIDER, path, warnings: w }) as number;
}
