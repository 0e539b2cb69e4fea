/**
 * The account's own currency table (`GET /api/v3/currency`): ChargeOver picks an invoice's currency by a
 * numeric `currency_id` that is specific to the account, and rounds each currency to the account's
 * `rounding` decimals. A table typed into the configuration can be wrong (the README once showed
 * `{ USD: 1, EUR: 2 }`, and an account where 2 is AED stored EUR invoices as AED), so the client reads the
 * account's table and refuses a configured one that disagrees, before anything is sent.
 */
import { BillbridgeError, isCurrencyCode, lazySchema } from '@billbridge/core';
import type { z } from 'zod';
import { Envelope, ReadId, ReadInt } from './wire';

export const CURRENCY_PATH = '/api/v3/currency';

/** One row of the currency list (chargeover_csharp `Models/Currency.cs`). */
export const CurrencyRecord = lazySchema((z) =>
  z.looseObject({
    currency_id: ReadId,
    currency: z.string().nullable().optional(),
    iso4217: z.string(),
    symbol: z.string().nullable().optional(),
    /** "Number of decimal places to round currency fractions to". */
    rounding: ReadInt.nullable().optional(),
  }),
);
export type CurrencyRecord = z.output<typeof CurrencyRecord>;

export const CurrencyListResponse = lazySchema((z) => Envelope.extend({ response: z.array(CurrencyRecord) }));

/** The account's currencies, by ISO code: id and rounding. */
export interface AccountCurrencies {
  /** ISO 4217 code → `currency_id`. */
  ids: Readonly<Record<string, number>>;
  /** ISO 4217 code → decimals the account rounds it to (absent: ISO 4217's). */
  rounding: Readonly<Record<string, number>>;
}

/** The list as ChargeOver answered it → lookup tables. The first row listed for a code wins. */
export function accountCurrencies(rows: readonly CurrencyRecord[]): AccountCurrencies {
  const ids: Record<string, number> = {};
  const rounding: Record<string, number> = {};
  for (const row of rows) {
    const code = row.iso4217.toUpperCase();
    if (!isCurrencyCode(code) || Object.hasOwn(ids, code)) continue;
    ids[code] = row.currency_id;
    if (row.rounding != null && row.rounding >= 0 && row.rounding <= 8) rounding[code] = row.rounding;
  }
  return { ids, rounding };
}

/** One entry of a configured table the account contradicts. */
export interface CurrencyTableDifference {
  /** The ISO code configured. */
  currency: string;
  /** The id configured for it. */
  configured: number;
  /** The id the account gives it, or undefined when the account has no such currency. */
  account: number | undefined;
  /** What the configured id means in the account, when it means anything. */
  accountCurrencyOfId: string | undefined;
}

/**
 * A configured `currencyIds` table disagrees with the account's own (`GET /api/v3/currency`). Raised before
 * any invoice is sent: sending with the configured id would create the invoice in another currency.
 */
export class CurrencyTableError extends BillbridgeError {
  static override readonly kind: string = 'CurrencyTableError';
  readonly differences: readonly CurrencyTableDifference[];

  constructor(differences: CurrencyTableDifference[]) {
    const list = differences
      .map((d) =>
        d.account === undefined
          ? `  - currencyIds.${d.currency} = ${d.configured}, but the account has no ${d.currency} currency${d.accountCurrencyOfId ? ` (its currency_id ${d.configured} is ${d.accountCurrencyOfId})` : ''}`
          : `  - currencyIds.${d.currency} = ${d.configured}, but the account's ${d.currency} is currency_id ${d.account}${d.accountCurrencyOfId ? ` (${d.configured} is ${d.accountCurrencyOfId})` : ''}`,
      )
      .join('\n');
    super(
      `chargeover: the configured currencyIds table disagrees with the account's (GET /api/v3/currency); nothing was sent. Remove currencyIds to use the account's table, or correct it:\n${list}`,
      { provider: 'chargeover' },
    );
    this.differences = differences;
  }
}

/** Every configured entry the account contradicts (empty when the configured table agrees). */
export function compareCurrencyTables(
  configured: Readonly<Record<string, number>>,
  account: AccountCurrencies,
): CurrencyTableDifference[] {
  const byId = new Map<number, string>();
  for (const [code, id] of Object.entries(account.ids)) if (!byId.has(id)) byId.set(id, code);
  const differences: CurrencyTableDifference[] = [];
  for (const [currency, id] of Object.entries(configured)) {
    const actual = Object.hasOwn(account.ids, currency) ? account.ids[currency] : undefined;
    if (actual === id) continue;
    differences.push({ currency, configured: id, account: actual, accountCurrencyOfId: byId.get(id) });
  }
  return differences;
}
