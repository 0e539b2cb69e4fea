/**
 * Paid's amount convention, declared once: every Paid amount (unit prices, tier amounts, totals) is a
 * JSON number in the currency's smallest unit, ISO 4217 minor units, as canonical amounts are
 * (CONTRACT.md P20–P22). A price finer than a minor unit is a fractional number of minor units
 * (`$0.0004` = `0.04`). Everything goes through core's `isoMinorUnits`, never by hand; whole amounts take
 * its context-free path, so the context is built only when an amount needs rounding or refusing.
 */
import { type AmountConvention, isoMinorUnits, type WarningCollector } from '@billbridge/core';
import { PROVIDER } from './options';

export const PAID_AMOUNTS: AmountConvention = isoMinorUnits;

/**
 * Canonical minor units → Paid's JSON number. `whole: false` for unit prices (usage pricing finer than a
 * minor unit stays exact); amounts that must be whole (flat tier amounts) refuse a fraction with
 * AmountPrecisionError naming `path`.
 */
export function toPaidAmount(minor: number | string, currency: string, path: string, whole = true): number {
  return (PAID_AMOUNTS.wholeToProvider(minor, currency) ??
    PAID_AMOUNTS.toProvider(minor, currency, { provider: PROVIDER, path, whole })) as number;
}

/** A unit price read from Paid → `unitAmount` when whole minor units, else `unitAmountDecimal`. */
export function fromPaidUnitPrice(
  value: number,
  currency: string,
  path: string,
): { unitAmount: number } | { unitAmountDecimal: string } {
  const unitAmount = PAID_AMOUNTS.wholeFromProvider(value, currency);
  if (unitAmount !== undefined) return { unitAmount };
  const minor = PAID_AMOUNTS.fromProvider(value, currency, { provider: PROVIDER, path, whole: false });
  return typeof minor === 'number' ? { unitAmount: minor } : { unitAmountDecimal: minor };
}

/**
 * A total read from Paid → whole minor units. A value that is not a whole minor unit (a double with drift,
 * or the docs' `1.1` placeholder) is rounded half away from zero with an `approximated` warning at `path`.
 */
export function fromPaidTotal(value: number, currency: string, path: string, w: WarningCollector): number {
  return (PAID_AMOUNTS.wholeFromProvider(value, currency) ??
    PAID_AMOUNTS.fromProvider(value, currency, { provider: PROVIDER, path, warnings: w })) as number;
}
