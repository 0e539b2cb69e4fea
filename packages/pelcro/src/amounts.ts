/**
 * How Pelcro counts money, declared once and used by to-provider, from-provider, the fake's tests and the
 * client's verification. Pelcro's own front end (pelcro-inc/react-pelcro-js, src/utils/utils.js) lists
 * Stripe's zero-decimal currencies and divides every other amount by 100, so Pelcro amounts are
 * Stripe-style minor units: MGA 10.00 is 10, ISK 1,500 is 150000, KWD 1.234 has no exact form.
 */
import {
  AmountPrecisionError,
  minorUnitExponent,
  STRIPE_ZERO_DECIMAL_CURRENCIES,
  stripeMinorUnits,
  WarningCollector,
} from '@billbridge/core';

/** `ZERO_DECIMAL_CURRENCIES` of react-pelcro-js (commit 007d984): the same sixteen codes as core's Stripe list. */
export const PELCRO_ZERO_DECIMAL_CURRENCIES: readonly string[] = STRIPE_ZERO_DECIMAL_CURRENCIES;

/** Canonical minor units ↔ Pelcro's amounts (`unit_price`, `total`, `amount_due` …). */
export const PELCRO_AMOUNTS = stripeMinorUnits(PELCRO_ZERO_DECIMAL_CURRENCIES, 'Pelcro');

const PROVIDER = 'pelcro';

/**
 * Pelcro's decimals minus ISO's for a currency (USD 0, ISK +2, MGA -2, KWD -1): canonical → Pelcro multiplies
 * by 10^shift, Pelcro → canonical by 10^-shift. NaN for a code ISO does not list (the convention then refuses).
 */
export function pelcroShift(currency: string): number {
  try {
    return PELCRO_AMOUNTS.digits(currency) - minorUnitExponent(currency);
  } catch {
    return Number.NaN;
  }
}

const POW10: readonly number[] = [1, 10, 100, 1000];

/**
 * The shortcut core's convention takes first, for a whole amount and a shift known per document: a safe
 * integer times 10^shift (shift ≥ 0) when the product is still one (double products of exact integers are
 * exact up to 2^53). Undefined whenever the convention would not take that shortcut; callers then ask it.
 * test/amounts-fast.test.ts checks every caller's shortcut against the convention itself.
 */
export function scaleWhole(value: number, shift: number): number | undefined {
  if (!(shift >= 0 && shift <= 3) || !Number.isSafeInteger(value)) return undefined;
  const scaled = value * (POW10[shift] as number);
  return Number.isSafeInteger(scaled) ? scaled + 0 : undefined;
}

/**
 * A canonical amount → Pelcro's unit. With `warnings`, an amount Pelcro cannot hold (KWD 1.234) is rounded
 * half away from zero with an `approximated` warning at `path`; without, it is an AmountPrecisionError.
 */
export function toPelcroAmount(
  minor: number | string,
  currency: string,
  path: string,
  warnings?: WarningCollector,
): number {
  return PELCRO_AMOUNTS.toProvider(minor, currency, {
    provider: PROVIDER,
    path,
    ...(warnings && { warnings }),
  }) as number;
}

/** A canonical unit price as a whole Pelcro amount, or undefined when Pelcro's unit cannot hold it exactly. */
export function exactPelcroUnitPrice(
  minor: number | string,
  currency: string,
  path: string,
): number | undefined {
  try {
    const value = PELCRO_AMOUNTS.toProvider(minor, currency, { provider: PROVIDER, path, whole: false });
    return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
  } catch (error) {
    if (AmountPrecisionError.isInstance(error)) return undefined;
    throw error;
  }
}

/**
 * A Pelcro amount → canonical minor units, a whole number (rounded with an `approximated` warning when
 * `warnings` is given and Pelcro's value falls between two minor units, refused otherwise).
 */
export function fromPelcroAmount(
  value: number,
  currency: string,
  path: string,
  warnings?: WarningCollector,
): number {
  return PELCRO_AMOUNTS.fromProvider(value, currency, {
    provider: PROVIDER,
    path,
    ...(warnings && { warnings }),
  }) as number;
}

/** A Pelcro unit price → canonical: a minor-unit integer, or an exact Decimal string when finer. */
export function fromPelcroUnitPrice(value: number, currency: string, path: string): number | string {
  return PELCRO_AMOUNTS.fromProvider(value, currency, { provider: PROVIDER, path, whole: false });
}

/** A Pelcro amount in canonical minor units for comparing (rounded silently; never sent anywhere). */
export function canonicalForComparison(
  value: number,
  currency: string,
  shift = pelcroShift(currency),
): number {
  // Whole amounts that scale exactly need no collector; the rest round through the convention as before.
  return scaleWhole(value, -shift) ?? roundedForComparison(value, currency);
}

/** The convention's own answer, rounding into a throwaway collector (the comparison never warns). */
export function roundedForComparison(value: number, currency: string): number {
  return fromPelcroAmount(value, currency, 'comparison', new WarningCollector(PROVIDER));
}
