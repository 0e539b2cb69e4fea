/**
 * Compile-time contract with the official SDK (checked by `tsc`, not run):
 * - our create request is assignable to `InvoiceCreateParams` of @flowglad/node 0.21.0, the last release
 *   with `invoices.create`;
 * - the read records of @flowglad/node 0.29.0 (current Flowglad) are accepted by our read schemas;
 * - the records our fake serves have the 0.29.0 shapes.
 */
import type { InvoiceCreateParams } from 'flowglad-node-0-21/resources/invoices';
import type { InvoiceListResponse, InvoiceRetrieveResponse } from 'flowglad-node-0-29/resources/invoices';
import type {
  PurchaseInvoiceClientSelectSchema,
  StandaloneInvoiceClientSelectSchema,
  StaticInvoiceLineItemClientSelectSchema,
  SubscriptionInvoiceClientSelectSchema,
  UsageInvoiceLineItemClientSelectSchema,
} from 'flowglad-node-0-29/resources/shared';
import type { z } from 'zod';
import type {
  CreateEraCountry,
  CurrentCountry,
  FlowgladCurrency,
  FlowgladStatus,
  FlowgladTaxType,
} from '../src/enums';
import type { FakeInvoiceRecord, FakeLineItemRecord, FakeStoredInvoice } from '../src/fake-store';
import type {
  FlowgladCreateRequest,
  InvoiceListPage,
  InvoiceRecord,
  InvoiceWithLineItems,
  LineItemRecord,
} from '../src/wire';

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;

// Our create request → the SDK's create params (0.21.0).
export type CreateRequestFitsSdk = Assert<Extends<FlowgladCreateRequest, InvoiceCreateParams>>;
export type PurchaseFits = Assert<
  Extends<
    Extract<FlowgladCreateRequest['invoice'], { type: 'purchase' }>,
    InvoiceCreateParams.PurchaseInvoice
  >
>;
export type SubscriptionFits = Assert<
  Extends<
    Extract<FlowgladCreateRequest['invoice'], { type: 'subscription' }>,
    InvoiceCreateParams.SubscriptionInvoice
  >
>;
export type StandaloneFits = Assert<
  Extends<
    Extract<FlowgladCreateRequest['invoice'], { type: 'standalone' }>,
    InvoiceCreateParams.StandaloneInvoice
  >
>;
export type LineItemFits = Assert<
  Extends<FlowgladCreateRequest['invoiceLineItems'][number], InvoiceCreateParams.StaticInvoiceLineItem>
>;

// The SDK's current records (0.29.0) → our read schemas' input.
type ReadInput = z.input<typeof InvoiceWithLineItems>;
export type RetrieveParses = Assert<Extends<InvoiceRetrieveResponse, ReadInput>>;
export type ListParses = Assert<Extends<InvoiceListResponse, z.input<typeof InvoiceListPage>>>;
export type PurchaseRecordParses = Assert<
  Extends<PurchaseInvoiceClientSelectSchema, z.input<typeof InvoiceRecord>>
>;
export type SubscriptionRecordParses = Assert<
  Extends<SubscriptionInvoiceClientSelectSchema, z.input<typeof InvoiceRecord>>
>;
export type StandaloneRecordParses = Assert<
  Extends<StandaloneInvoiceClientSelectSchema, z.input<typeof InvoiceRecord>>
>;
export type StaticLineParses = Assert<
  Extends<StaticInvoiceLineItemClientSelectSchema, z.input<typeof LineItemRecord>>
>;
export type UsageLineParses = Assert<
  Extends<UsageInvoiceLineItemClientSelectSchema, z.input<typeof LineItemRecord>>
>;

// What our fake serves → the SDK's current record types (0.29.0).
export type FakeServesSdkShape = Assert<Extends<FakeStoredInvoice, InvoiceRetrieveResponse>>;
export type FakeInvoiceIsRecord = Assert<
  Extends<
    FakeInvoiceRecord,
    | PurchaseInvoiceClientSelectSchema
    | SubscriptionInvoiceClientSelectSchema
    | StandaloneInvoiceClientSelectSchema
  >
>;
export type FakeLineIsRecord = Assert<Extends<FakeLineItemRecord, StaticInvoiceLineItemClientSelectSchema>>;

// The checks can fail: epoch-ms dates (the post-October-2025 form) do not fit the 0.21.0 create params.
type WithNumericDate = Omit<FlowgladCreateRequest, 'invoice'> & {
  invoice: Omit<FlowgladCreateRequest['invoice'], 'invoiceDate'> & { invoiceDate: number };
};
// @ts-expect-error invoiceDate must be a string for 0.21.0
export type NumericDateFails = Assert<Extends<WithNumericDate, InvoiceCreateParams>>;

// Our enumerations are the SDK's, value for value (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type CurrenciesMatch021 = Assert<
  Same<FlowgladCurrency, InvoiceCreateParams.PurchaseInvoice['currency']>
>;
export type CurrenciesMatch029 = Assert<
  Same<FlowgladCurrency, PurchaseInvoiceClientSelectSchema['currency']>
>;
export type CreateCountriesMatch021 = Assert<
  Same<CreateEraCountry, NonNullable<InvoiceCreateParams.PurchaseInvoice['taxCountry']>>
>;
export type CurrentCountriesMatch029 = Assert<
  Same<CurrentCountry, NonNullable<PurchaseInvoiceClientSelectSchema['taxCountry']>>
>;
export type StatusesMatch = Assert<Same<FlowgladStatus, PurchaseInvoiceClientSelectSchema['status']>>;
export type TaxTypesMatch = Assert<
  Same<FlowgladTaxType, NonNullable<PurchaseInvoiceClientSelectSchema['taxType']>>
>;
