/**
 * How Pelcro counts money, declared once and used by to-provider, from-provider, the fake's tests and the
 * client's verification. Pelcro's own front end (pelcro-inc/react-pelcro-js, src/utils/utils.js) lists
 * Stripe's zero-decimal currencies and divides every other amount by 100, so Pelcro amounts are
 * Stripe-style minor units: MGA 10.00 is 10, ISK 1,500 is 150000, KWD 1.234 has no exact form. Whole
 * amounts take the convention's context-free path first, so a context is built only for the rest.
 */
import {
  AmountPrecisionError,
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
 * A canonical amount → Pelcro's unit. With `warnings`, an amount Pelcro cannot hold (KWD 1.234) is rounded
 * half away from zero with an `approximated` warning at `path`; without, it is an AmountPrecisionError.
 */
export function toPelcroAmount(
  minor: number | string,
  currency: string,
  path: string,
  warnings?: WarningCollector,
): number {
  return (PELCRO_AMOUNTS.wholeToProvider(minor, currency) ??
    PELCRO_AMOUNTS.toProvider(minor, currency, {
      provider: PROVIDER,
      path,
      ...(warnings && { warnings }),
    })) as number;
}

/** A canonical unit price as a whole Pelcro amount, or undefined when Pelcro's unit cannot hold it exactly. */
export function exactPelcroUnitPrice(
  minor: number | string,
  currency: string,
  path: string,
): number | undefined {
  const whole = PELCRO_AMOUNTS.wholeToProvider(minor, currency);
  if (whole !== undefined) return whole as number;
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
  return (PELCRO_AMOUNTS.wholeFromProvider(value, currency) ??
    PELCRO_AMOUNTS.fromProvider(value, currency, {
      provider: PROVIDER,
      path,
      ...(warnings && { warnings }),
    })) as number;
}

/** A Pelcro unit price → canonical: a minor-unit integer, or an exact Decimal string when finer. */
export function fromPelcroUnitPrice(value: number, currency: string, path: string): number | string {
  return (
    PELCRO_AMOUNTS.wholeFromProvider(value, currency) ??
    PELCRO_AMOUNTS.fromProvider(value, currency, { provider: PROVIDER, path, whole: false })
  );
}

/**
 * A Pelcro amount in canonical minor units for comparing (rounded silently; never sent anywhere): whole
 * amounts through the convention's context-free path, the rest rounding into a throwaway collector.
 */
export function canonicalForComparison(value: number, currency: string): number {
  return (
    PELCRO_AMOUNTS.wholeFromProvider(value, currency) ??
    fromPelcroAmount(value, currency, 'comparison', new WarningCollector(PROVIDER))
  );
}
