import { type Line, lazySchema, type MappingOptions, type ProductReference } from '@billbridge/core';
import type { z } from 'zod';
import type { CountryFormat } from './unconfirmed';
import { Paycycle } from './wire';

export type { CountryFormat } from './unconfirmed';
export { UNCONFIRMED } from './unconfirmed';

/** Where canonical metadata keys go: `{ poNumber: 'custom_3' }`. Keys named `custom_N` map to themselves. */
export interface CustomFieldMapping {
  /** Invoice `custom_1` … `custom_20`. */
  invoice?: Readonly<Record<string, string>>;
  /** Line `custom_1` … `custom_10`. */
  line?: Readonly<Record<string, string>>;
}

/** Finds the ChargeOver `item_id` of a line whose product carries no numeric id. */
export type ItemIdResolver = (
  product: ProductReference | undefined,
  line: Line,
  index: number,
) => number | undefined;

/**
 * ChargeOver's documented default zone: "Generally, the timestamps returned will be in America/Chicago
 * timezone" (developer.chargeover.com, api-information/datetimes); an account can be set to another.
 */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

export interface ChargeOverOptions extends MappingOptions {
  /**
   * The account's currency table, ISO 4217 code → `currency_id` (e.g. `{ USD: 1, JPY: 4 }`). The client
   * reads it from the account (`GET /api/v3/currency`); a table given here is checked against that one.
   */
  currencyIds?: Readonly<Record<string, number>>;
  /**
   * Decimals the account rounds each currency to (the currency list's `rounding`), when it differs from
   * ISO 4217. The client reads it from the account. An amount the rounding would change is sent rounded
   * with an `approximated` warning (`strict` refuses it).
   */
  currencyRounding?: Readonly<Record<string, number>>;
  /**
   * The account's base currency: a request without `currency_id` is in it, and an invoice in it is sent
   * without `currency_id` when `currencyIds` has no entry for it.
   */
  baseCurrency?: string;
  /**
   * IANA zone of the account: `date` is written in it, and dates and naive date-times are read in it.
   * Default America/Chicago, ChargeOver's documented default.
   */
  timeZone?: string;
  /** `item_id` by product externalId or product name, for lines whose product.id is not an item id. */
  itemIds?: Readonly<Record<string, number>>;
  /** Called for lines neither product.id nor `itemIds` resolve. */
  resolveItemId?: ItemIdResolver;
  /** Metadata key → custom field slot. */
  customFields?: CustomFieldMapping;
  /** How addresses' countries are written. Default: English names. */
  countryFormat?: CountryFormat;
}

export const INVOICE_CUSTOM_SLOTS = 20;
export const LINE_CUSTOM_SLOTS = 10;

/**
 * `providerOptions.chargeover` on a canonical document: ChargeOver fields with no canonical home. Ids are
 * the account's own; `paycycle` carries a code verbatim (the undocumented ones included) and wins over
 * `recurrence`.
 */
export const ChargeOverProviderOptions = lazySchema((z) =>
  z.strictObject({
    terms_id: z.int().positive().optional(),
    class_id: z.int().positive().optional(),
    admin_id: z.int().positive().optional(),
    paycycle: Paycycle.optional(),
  }),
);
export type ChargeOverProviderOptions = z.output<typeof ChargeOverProviderOptions>;
