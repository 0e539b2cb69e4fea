/**
 * The adapter's options, and every reading of the Pelcro card that is still "unconfirmed" (card §14),
 * kept in this one file so a staging check changes one line. The README lists the same choices.
 */
import type { MappingOptions } from '@billbridge/core';

/** Pelcro's production host; paths below are appended to it. */
export const PELCRO_BASE_URL = 'https://www.pelcro.com';
/** Core API prefix (confirmed). */
export const CORE_PREFIX = '/api/v1/core';
/** Create (confirmed), get and list (unconfirmed: the REST-style paths the card calls most likely). */
export const INVOICES_PATH = `${CORE_PREFIX}/invoices`;

/** int32, the type Pelcro declares for `total`, ids and counts. */
export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;

/** Timestamps are int32 epoch seconds like every other Pelcro integer: nothing past 2038-01-19T03:14:07Z. */
export const EPOCH_SECONDS_MAX = INT32_MAX;
export const EPOCH_SECONDS_MIN = INT32_MIN;

/** List paging (docs.pelcro.com "api-core-pagination-limits"): `page` and `limit`, 10 by default, 100 at most. */
export const LIST_DEFAULT_LIMIT = 10;
export const LIST_MAX_LIMIT = 100;

/** The two names the imported flag might have; which one Pelcro reads is printed nowhere public. */
export type ImportedFlagName = 'is_imported' | 'imported';

export const READINGS = {
  /** Name of the "imported" boolean (card §5 note 3): `is_imported`, by analogy with Pelcro customers.
   *  The only place the adapter names it; the fake's `importedFlag` seed switches to the other reading. */
  importedFlag: 'is_imported',
  /** Name of the shipments override (card §5 note 5): the plan's own field name. */
  shipmentsOverride: 'plan_shipments_per_interval',
  /** `line_items[].unit_price` is in the same Stripe-style minor units as `total` (amounts.ts). This and
   *  `taxRateScale` are applied in amounts.ts, totals.ts and to-provider.ts. */
  unitPriceUnit: 'stripe-minor',
  /** `tax_rate` is a percentage: 13 means 13 % (the card's §13 example sends 5 for GST). */
  taxRateScale: 'percent',
  /** `period_start`, `period_end`, `due_date` are sent as integer epoch seconds; reads accept both forms. */
  requestDateForm: 'epoch-seconds',
  /** Inline addresses use Pelcro's flat address attributes (first_name, last_name, line1 … postal_code). */
  addressLayout: 'flat',
  /** Single invoices may come bare or wrapped in `{ data }`: both are accepted (wire.ts). */
  responseEnvelope: 'bare-or-data',
  /** Status and billing reason are sent only when the document gives them (Pelcro's defaults unconfirmed). */
  defaultsSent: false,
  /** One reference per record: with a Pelcro id known, the previous system's id is not sent as well, since
   *  Pelcro then requires both to name the same record (a migration's source id usually is not on file). */
  oneReferencePerRecord: true,
  /** Currency is sent in lower case. */
  currencyCase: 'lower',
} as const;

/** Fields only Pelcro has, under `providerOptions.pelcro` of a canonical invoice. */
export interface PelcroProviderOptions {
  /** Overrides the plan's shipments per interval for revenue recognition (`plan_shipments_per_interval`). */
  planShipmentsPerInterval?: number;
  /** An existing Pelcro billing address id, instead of the inline `customer.billingAddress`. */
  billingAddressId?: number;
  /** An existing Pelcro shipping address id, instead of the inline `customer.shippingAddress`. */
  shippingAddressId?: number;
}

/** Mapping options: `toCreateRequest(doc, { siteId, ... })`. */
export interface PelcroMappingOptions extends MappingOptions {
  /** The Pelcro site (account) id, sent as the `site_id` query parameter. Required to create. */
  siteId?: number | string;
  /**
   * Pelcro customer ids for customers the document refers to by another system's id: keyed by the
   * document's `customer.id` or `customer.externalId`. A hit is sent as `customer_id`.
   */
  customerIds?: Record<string, number | string>;
}
