/**
 * The fake ChargeOver account's default data: what the contract card's examples refer to (customer 1,
 * items 4 and 6, terms 3 "Due on Receipt", currency 1 = USD) plus a currency id for every ISO code, so
 * property tests can invoice in any currency.
 */
import { CURRENCY_CODES } from '@billbridge/core';

export interface FakeCustomer {
  customer_id: number;
  token: string;
  external_key?: string;
}

export interface FakeItem {
  item_id: number;
  name: string;
}

export interface FakeTerms {
  terms_id: number;
  name: string;
  days: number;
}

/** USD is 1 (the documented examples' currency_id); every other active code follows in sorted order. */
export const DEFAULT_CURRENCY_IDS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(['USD', ...CURRENCY_CODES.filter((c) => c !== 'USD')].map((code, i) => [code, i + 1])),
);

export const DEFAULT_CUSTOMERS: readonly FakeCustomer[] = [
  { customer_id: 1, token: 'k4xq2m9s7wpa', external_key: 'cust-0001' },
  { customer_id: 2, token: 'r8bn3v5t1zyc', external_key: 'cust-0002' },
];

export const DEFAULT_ITEMS: readonly FakeItem[] = [
  { item_id: 4, name: 'Consulting hour' },
  { item_id: 6, name: 'Monthly plan' },
];

export const DEFAULT_TERMS: readonly FakeTerms[] = [
  { terms_id: 1, name: 'Net 30', days: 30 },
  { terms_id: 2, name: 'Net 15', days: 15 },
  { terms_id: 3, name: 'Due on Receipt', days: 0 },
];

/** Terms applied when a create names none (the recorded example invoice uses terms 3). */
export const DEFAULT_TERMS_ID = 3;
/** The account's base currency, used when a create names no currency_id. */
export const DEFAULT_CURRENCY_ID = 1;

export interface ChargeOverFakeSeed {
  /** Accepted credentials as `publicKey:privateKey`; when unset any well-formed Basic credential passes. */
  apiKeys?: string[];
  customers?: FakeCustomer[];
  /** Item ids (or items) that exist; replaces the default items. */
  items?: Array<number | FakeItem>;
  /** ISO code → currency_id; replaces the default table. Served on `GET /api/v3/currency`. */
  currencyIds?: Record<string, number>;
  /** ISO code → the account's `rounding` for it, where it differs from ISO 4217's digits. */
  currencyRounding?: Record<string, number>;
  /**
   * A misbehaving account, to prove verification: an invoice asked for in the key's currency is stored
   * in the value's (`{ EUR: 'AED' }` stores EUR invoices as AED, answering 201 as usual).
   */
  storeCurrencyAs?: Record<string, string>;
  terms?: FakeTerms[];
  /** The account time zone: dates and date-times are written in it (default America/Chicago, as documented). */
  timeZone?: string;
  /**
   * How date-times are answered: `iso8601` with an offset (`2022-10-25T08:50:45-05:00`, the documented
   * default) or `naive` (`YYYY-MM-DD HH:MM:SS` in the account zone, as in older examples).
   */
  datetimeFormat?: 'iso8601' | 'naive';
  /** Answer ids as strings (`"invoice_id": "2688"`, as the documented query example does). */
  stringIds?: boolean;
  /**
   * Whether `GET /api/v3/invoice/external_key:<key>` is served (documented; default true). With false it
   * answers 404 as for an unknown id, so the client's query fallback is exercised.
   */
  externalKeyPath?: boolean;
  /** The other reading of fractional `line_quantity` (unconfirmed): `false` refuses it with a 400. */
  fractionalQuantity?: boolean;
  /**
   * The other reading of a `line_rate` finer than the currency's rounding (unconfirmed): `false` refuses
   * it with a 400.
   */
  subRoundingRates?: boolean;
  /** The 400 message for a taken external_key (ChargeOver's wording is undocumented; default names the key). */
  duplicateKeyMessage?: string;
  /** Clock for write_datetime and default dates (default Date.now). */
  now?: () => number;
}
