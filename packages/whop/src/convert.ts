/**
 * Whop's units, both directions: decimal major units as JSON numbers, lower-case currencies, ISO date-times
 * and `billing_period` in days. Exact (BigInt decimals underneath); anything inexact throws or is reported.
 */
import {
  type ExactDecimal,
  formatDecimal,
  isCurrencyCode,
  normalizeInstant,
  type Recurrence,
} from '@billbridge/core';
import { WHOP_AMOUNTS } from './amounts';
import { WhopUnsupportedCurrencyError } from './errors';
import { DAYS_PER_INTERVAL } from './options';
import type { WhopCurrency } from './wire';
import { WHOP_CURRENCIES } from './wire-enums';

const WHOP_CURRENCY_SET: ReadonlySet<string> = new Set(WHOP_CURRENCIES);
/** Upper-case code → Whop's code, for the usual (canonical, upper-case) input without a new string per call. */
const BY_UPPER_CASE: ReadonlyMap<string, WhopCurrency> = new Map(
  WHOP_CURRENCIES.map((code) => [code.toUpperCase(), code]),
);

/** Canonical ISO code → Whop's lower-case code, or undefined when Whop does not bill in it. */
export function toWhopCurrency(currency: string): WhopCurrency | undefined {
  const known = BY_UPPER_CASE.get(currency);
  if (known !== undefined) return known;
  const lower = currency.toLowerCase();
  return WHOP_CURRENCY_SET.has(lower) ? (lower as WhopCurrency) : undefined;
}

/** Whop's code → canonical ISO code; crypto, gold and `whop_usd` throw a WhopUnsupportedCurrencyError naming the field. */
export function fromWhopCurrency(value: string, field: string): string {
  const upper = value.toUpperCase();
  if (!WHOP_CURRENCY_SET.has(value) || !isCurrencyCode(upper))
    throw new WhopUnsupportedCurrencyError(field, value);
  return upper;
}

/**
 * Minor units (integer or exact decimal, possibly sub-minor) → the JSON number Whop reads as major units.
 * A whole amount takes the convention's context-free path; anything else goes to the convention with its
 * path, `whole: false` keeping a sub-minor unit price exact (a value a JSON number cannot carry is refused).
 */
export function minorToWhopNumber(minor: number | ExactDecimal, currency: string, path = 'amount'): number {
  const amount = typeof minor === 'number' ? minor : formatDecimal(minor);
  return (WHOP_AMOUNTS.wholeToProvider(amount, currency) ??
    WHOP_AMOUNTS.toProvider(amount, currency, { provider: 'whop', path, whole: false })) as number;
}

/** A Whop price (JSON number, major units) → canonical unit price: whole minor units, or a finer decimal string. */
export function whopNumberToUnit(
  value: number,
  currency: string,
  path = 'unit_price',
): { unitAmount: number } | { unitAmountDecimal: string } {
  const minor =
    WHOP_AMOUNTS.wholeFromProvider(value, currency) ??
    WHOP_AMOUNTS.fromProvider(value, currency, { provider: 'whop', path, whole: false });
  return typeof minor === 'number' ? { unitAmount: minor } : { unitAmountDecimal: minor };
}

/** Canonical instant → Whop date-time (ISO 8601 UTC with milliseconds). */
export function toWhopDateTime(instant: string): string {
  return normalizeInstant(instant);
}

/** Whop date-time → canonical instant. */
export function fromWhopDateTime(value: string): string {
  return normalizeInstant(value);
}

/** Canonical recurrence → `billing_period` days; `approximated` when a calendar month or year became a day count. */
export function recurrenceToBillingPeriod(recurrence: Recurrence): { days: number; approximated: boolean } {
  return {
    days: recurrence.count * DAYS_PER_INTERVAL[recurrence.interval],
    approximated: recurrence.interval === 'month' || recurrence.interval === 'year',
  };
}

/**
 * `billing_period` days → canonical recurrence: multiples of 365 read as years, of 30 as months (both
 * approximations of a day count), of 7 as weeks, anything else as days.
 */
export function billingPeriodToRecurrence(days: number): { recurrence: Recurrence; approximated: boolean } {
  if (days % DAYS_PER_INTERVAL.year === 0) {
    return { recurrence: { interval: 'year', count: days / DAYS_PER_INTERVAL.year }, approximated: true };
  }
  if (days % DAYS_PER_INTERVAL.month === 0) {
    return { recurrence: { interval: 'month', count: days / DAYS_PER_INTERVAL.month }, approximated: true };
  }
  if (days % DAYS_PER_INTERVAL.week === 0) {
    return { recurrence: { interval: 'week', count: days / DAYS_PER_INTERVAL.week }, approximated: false };
  }
  return { recurrence: { interval: 'day', count: days }, approximated: false };
}
