/** How `bill_country` / `ship_country` are written: an English country name, or the ISO alpha-2 code. */
export type CountryFormat = 'name' | 'alpha2';

/**
 * Every reading this adapter had to choose where the ChargeOver contract card says "unconfirmed", kept in
 * one place so a confirmed answer is a one-line change. The README lists the same choices.
 */
export const UNCONFIRMED = {
  /** `bill_country` / `ship_country`: examples show English names ("United States"), not ISO codes. */
  defaultCountryFormat: 'name' as CountryFormat,
  /** The create page lists `paycycle` on invoices and their lines; the name is confirmed for packages only. */
  paycycleOnInvoices: true as boolean,
  /** `evy`, `fst`, `lst`, `one` are allowed values with no documented meaning: passed through, never mapped. */
  undescribedPaycycles: ['evy', 'fst', 'lst', 'one'] as const,
  /** `4yr`, `5yr`, `10y` have no documented day count; assumed 365 days per year like `2yr` and `3yr`. */
  daysPerPaycycleYear: 365,
  /** Line quantities may be fractional (examples only show integers). */
  fractionalQuantity: true as boolean,
  /**
   * A `line_rate` may be finer than the currency's rounding (usage prices such as $0.0004): sent exact.
   * Examples only show whole cents; with `false`, such rates are rounded with a warning (strict refuses).
   */
  subRoundingRates: true as boolean,
  /**
   * A duplicate `external_key` is answered 400 with a message naming the key (the wording is not
   * documented): recognised by these two patterns together, to label the error a ConflictError. Recovery
   * does not rest on it: any 400/409 answer to a create with an external key looks the key up.
   */
  duplicateExternalKey: [/external[ _-]?key/i, /already|exist|duplicate|unique|in use|taken/i] as const,
  /**
   * Fallback when `GET /api/v3/invoice/external_key:<key>` (documented) fails: the query
   * `where=external_key:EQUALS:<key>` (documented for customers; not in the invoice filter list).
   */
  externalKeyQueryField: 'external_key',
  /** Page size the client asks for when walking the query endpoint (max 500 per a third-party summary). */
  listPageSize: 100,
  /** 404 bodies use the same envelope as the documented 400/401 bodies. */
  notFoundMessage: 'The object you requested does not exist.',
  /** `open-collections` is open money sent to collections: read as canonical `uncollectible`. */
  collectionsStatus: 'uncollectible' as const,
  /** The service period is read from `cycle_pre_from_date` … `cycle_pre_to_date`, else the `cycle_post_*` pair. */
  periodFields: [
    ['cycle_pre_from_date', 'cycle_pre_to_date'],
    ['cycle_post_from_date', 'cycle_post_to_date'],
  ] as const,
  /** ChargeOver takes exactly one customer reference; `customer_id` wins over the external key. */
  oneCustomerReference: true as boolean,
} as const;
