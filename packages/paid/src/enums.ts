/**
 * Canonical ↔ Paid order-line enums. These are the ORDER-LINE spellings ("semiAnnually", "advance");
 * Paid's product pricing uses "Semi-Annually"/"Advance" and must never share these tables.
 */
import type { ChargeType, Recurrence } from '@billbridge/core';
import type { PaidBillingFrequency, PaidChargeType, PaidPricingModel } from './wire';

type PricingModel = 'per_unit' | 'flat' | 'volume' | 'graduated' | 'prepaid_credits';

export const CHARGE_TYPE_TO_PAID: Readonly<Record<ChargeType, PaidChargeType>> = {
  one_time: 'oneTime',
  recurring: 'recurring',
  usage: 'usage',
  seat: 'seatBased',
};

export const CHARGE_TYPE_FROM_PAID: Readonly<Record<PaidChargeType, ChargeType>> = {
  oneTime: 'one_time',
  recurring: 'recurring',
  usage: 'usage',
  seatBased: 'seat',
};

export const PRICING_MODEL_TO_PAID: Readonly<Record<PricingModel, PaidPricingModel>> = {
  per_unit: 'perUnit',
  flat: 'flat',
  volume: 'volumePricing',
  graduated: 'graduatedPricing',
  prepaid_credits: 'prepaidCredits',
};

export const PRICING_MODEL_FROM_PAID: Readonly<Record<PaidPricingModel, PricingModel>> = {
  perUnit: 'per_unit',
  flat: 'flat',
  volumePricing: 'volume',
  graduatedPricing: 'graduated',
  prepaidCredits: 'prepaid_credits',
};

export interface PaidFrequency {
  frequency: PaidBillingFrequency;
  customMonths?: number;
  /** Same length of time, written in other units (years as months). */
  approximated?: boolean;
}

const NAMED_MONTHS: ReadonlyArray<[number, PaidBillingFrequency]> = [
  [1, 'monthly'],
  [3, 'quarterly'],
  [6, 'semiAnnually'],
];

/** A canonical cycle → Paid's frequency; undefined when Paid has none (days and weeks). */
export function recurrenceToPaid(recurrence: Recurrence): PaidFrequency | undefined {
  if (recurrence.interval === 'year') {
    if (recurrence.count === 1) return { frequency: 'annual' };
    return { frequency: 'custom', customMonths: recurrence.count * 12, approximated: true };
  }
  if (recurrence.interval !== 'month') return undefined;
  const named = NAMED_MONTHS.find(([months]) => months === recurrence.count);
  return named ? { frequency: named[1] } : { frequency: 'custom', customMonths: recurrence.count };
}

/** Paid's frequency → a canonical cycle; undefined for `custom` without a month count. */
export function recurrenceFromPaid(
  frequency: PaidBillingFrequency,
  customMonths: number | null | undefined,
): Recurrence | undefined {
  switch (frequency) {
    case 'monthly':
      return { interval: 'month', count: 1 };
    case 'quarterly':
      return { interval: 'month', count: 3 };
    case 'semiAnnually':
      return { interval: 'month', count: 6 };
    case 'annual':
      return { interval: 'year', count: 1 };
    case 'custom':
      return customMonths ? { interval: 'month', count: customMonths } : undefined;
  }
}
