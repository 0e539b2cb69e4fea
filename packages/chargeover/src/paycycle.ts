/**
 * `paycycle` codes ↔ canonical Recurrence (contract card §8 and the help center's day counts).
 *
 * Calendar cycles (`mon`: monthly on the anniversary date) and fixed day/week counts match a canonical
 * recurrence exactly. ChargeOver bills `2mn`, `qtr`, `six`, `yrl` and the multi-year cycles every fixed
 * number of days (61, 91, 182, 365, 730, …), so "every 3 months" and `qtr` are close but not equal: those
 * pairs map with an `approximated` warning. `116` (the 1st and the 16th) has no canonical form and is
 * approximated by 15 days. The four codes with no documented meaning are never produced from a recurrence
 * and are passed through (providerOptions.chargeover.paycycle) when read.
 */
import type { Recurrence } from '@billbridge/core';
import { UNCONFIRMED } from './unconfirmed';
import type { PaycycleCode } from './wire';

interface PaycycleEntry {
  recurrence: Recurrence;
  exact: boolean;
  /** Length in days, for picking the nearest code when a recurrence has no exact one. */
  days: number;
  meaning: string;
}

const MEAN_MONTH_DAYS = 365.2425 / 12;
const YEAR = UNCONFIRMED.daysPerPaycycleYear;

const r = (interval: Recurrence['interval'], count: number): Recurrence => ({ interval, count });

export const PAYCYCLES: Readonly<Partial<Record<PaycycleCode, PaycycleEntry>>> = {
  dly: { recurrence: r('day', 1), exact: true, days: 1, meaning: 'daily' },
  '1wk': { recurrence: r('week', 1), exact: true, days: 7, meaning: 'every week' },
  '2wk': { recurrence: r('week', 2), exact: true, days: 14, meaning: 'every other week' },
  '116': { recurrence: r('day', 15), exact: false, days: 365.2425 / 24, meaning: 'the 1st and the 16th' },
  '4wk': { recurrence: r('week', 4), exact: true, days: 28, meaning: 'every four weeks' },
  '8wk': { recurrence: r('week', 8), exact: true, days: 56, meaning: 'every eight weeks' },
  '30d': { recurrence: r('day', 30), exact: true, days: 30, meaning: 'every 30 days' },
  mon: {
    recurrence: r('month', 1),
    exact: true,
    days: MEAN_MONTH_DAYS,
    meaning: 'monthly on the anniversary date',
  },
  '2mn': { recurrence: r('month', 2), exact: false, days: 61, meaning: 'every 61 days' },
  '12w': { recurrence: r('week', 12), exact: true, days: 84, meaning: 'every twelve weeks' },
  qtr: { recurrence: r('month', 3), exact: false, days: 91, meaning: 'every 91 days' },
  six: { recurrence: r('month', 6), exact: false, days: 182, meaning: 'every 182 days' },
  yrl: { recurrence: r('year', 1), exact: false, days: YEAR, meaning: 'every 365 days' },
  '2yr': { recurrence: r('year', 2), exact: false, days: 2 * YEAR, meaning: 'every 730 days' },
  '3yr': { recurrence: r('year', 3), exact: false, days: 3 * YEAR, meaning: 'every 1095 days' },
  '4yr': { recurrence: r('year', 4), exact: false, days: 4 * YEAR, meaning: 'every 1460 days' },
  '5yr': { recurrence: r('year', 5), exact: false, days: 5 * YEAR, meaning: 'every 1825 days' },
  '10y': { recurrence: r('year', 10), exact: false, days: 10 * YEAR, meaning: 'every 3650 days' },
};

const INTERVAL_DAYS: Record<Recurrence['interval'], number> = {
  day: 1,
  week: 7,
  month: MEAN_MONTH_DAYS,
  year: 365.2425,
};

const MAPPED = Object.entries(PAYCYCLES) as Array<[PaycycleCode, PaycycleEntry]>;

export type PaycycleFromRecurrence =
  | { code: PaycycleCode; exact: true }
  | { code: PaycycleCode; exact: false; note: string };

/** The code for a recurrence: its own entry when there is one, else the code nearest in length. */
export function recurrenceToPaycycle(recurrence: Recurrence): PaycycleFromRecurrence {
  const own = MAPPED.find(([, e]) => sameRecurrence(e.recurrence, recurrence));
  if (own) {
    const [code, entry] = own;
    if (entry.exact) return { code, exact: true };
    return { code, exact: false, note: `ChargeOver's "${code}" bills ${entry.meaning}.` };
  }
  const days = INTERVAL_DAYS[recurrence.interval] * recurrence.count;
  let best = MAPPED[0]!;
  for (const candidate of MAPPED) {
    if (Math.abs(Math.log(candidate[1].days / days)) < Math.abs(Math.log(best[1].days / days)))
      best = candidate;
  }
  const [code, entry] = best;
  return {
    code,
    exact: false,
    note: `ChargeOver has no cycle of every ${recurrence.count} ${recurrence.interval}(s); the nearest, "${code}" (${entry.meaning}), is sent.`,
  };
}

export type PaycycleToRecurrence =
  | { kind: 'exact'; recurrence: Recurrence }
  | { kind: 'approximated'; recurrence: Recurrence; note: string }
  | { kind: 'passthrough'; code: string; note: string };

/** The recurrence for a code read from ChargeOver. */
export function paycycleToRecurrence(code: string): PaycycleToRecurrence {
  const entry = Object.hasOwn(PAYCYCLES, code) ? PAYCYCLES[code as PaycycleCode] : undefined;
  if (entry?.exact) return { kind: 'exact', recurrence: { ...entry.recurrence } };
  if (entry) {
    return {
      kind: 'approximated',
      recurrence: { ...entry.recurrence },
      note: `ChargeOver's "${code}" bills ${entry.meaning}; read as every ${entry.recurrence.count} ${entry.recurrence.interval}(s).`,
    };
  }
  const undescribed = (UNCONFIRMED.undescribedPaycycles as readonly string[]).includes(code);
  return {
    kind: 'passthrough',
    code,
    note: undescribed
      ? `ChargeOver does not document what paycycle "${code}" means; it is kept in providerOptions.chargeover.paycycle.`
      : `paycycle "${code}" is not a documented ChargeOver value; it is kept in providerOptions.chargeover.paycycle.`,
  };
}

function sameRecurrence(a: Recurrence, b: Recurrence): boolean {
  return a.interval === b.interval && a.count === b.count;
}
