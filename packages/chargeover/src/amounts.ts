/**
 * ChargeOver's amount convention, declared once: decimal major units as JSON numbers, rounded to the
 * account's own `rounding` per currency (`GET /api/v3/currency`) where the account gives one, else to
 * ISO 4217's digits. Used by to-provider, from-provider, the fake and verification alike.
 */
import { type AmountConvention, majorUnits } from '@billbridge/core';

/** ISO code → decimals the account rounds the currency to. */
export type CurrencyRounding = Readonly<Record<string, number>>;

const ISO = majorUnits();
const byTable = new WeakMap<CurrencyRounding, AmountConvention>();

/** The convention for an account's rounding table (ISO 4217 digits without one). One per table. */
export function chargeoverAmounts(rounding?: CurrencyRounding): AmountConvention {
  if (!rounding) return ISO;
  let convention = byTable.get(rounding);
  if (!convention) {
    convention = majorUnits({
      rounding: (currency) => (Object.hasOwn(rounding, currency) ? rounding[currency] : undefined),
    });
    byTable.set(rounding, convention);
  }
  return convention;
}

/**
 * The convention at ISO 4217 digits, named as the other providers' `<PROVIDER>_AMOUNTS` are. An account
 * that rounds a currency otherwise needs `chargeoverAmounts(its table)`; clients read the table themselves.
 */
export const CHARGEOVER_AMOUNTS: AmountConvention = chargeoverAmounts();
