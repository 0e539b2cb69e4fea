import type { Invoice, MappingResult, ProviderAdapter } from '@billbridge/core';
import { capabilities } from './capabilities';
import { fromProvider } from './from-provider';
import type { FlowgladMappingOptions } from './options';
import { toCreateRequest } from './to-provider';
import type { FlowgladCreateRequest } from './wire';

/** A Flowglad read is always an invoice, so `fromProvider` says so in its type. */
export interface FlowgladAdapter extends ProviderAdapter<FlowgladCreateRequest, FlowgladMappingOptions> {
  fromProvider(record: unknown, options?: FlowgladMappingOptions): MappingResult<Invoice>;
}

/** The Flowglad adapter: canonical Invoice/Order ↔ Flowglad's create body and invoice records. */
export const flowglad: FlowgladAdapter = {
  provider: 'flowglad',
  specificationVersion: 'v1',
  capabilities,
  toCreateRequest,
  fromProvider,
};

export { FLOWGLAD_AMOUNTS } from './amounts';
export { capabilities } from './capabilities';
export {
  createFlowgladClient,
  DEFAULT_BASE_URL,
  type FlowgladClient,
  type FlowgladClientConfig,
  type FlowgladCreateOptions,
  type FlowgladListParams,
  type FlowgladResult,
} from './client';
export {
  FLOWGLAD_CURRENCIES,
  FLOWGLAD_STATUSES,
  FLOWGLAD_TAX_TYPES,
  FLOWGLAD_ZERO_DECIMAL,
  type FlowgladCurrency,
  type FlowgladStatus,
  INVOICE_TYPES,
} from './enums';
export {
  CreateEndpointWithdrawnError,
  InvoiceInsertFailedError,
  mapError,
  UnknownRecordError,
  UnknownReferenceError,
} from './errors';
export { fromProvider } from './from-provider';
export { flowgladExponent, flowgladToMinor, minorToFlowglad, type UnitConversion } from './money';
export { type FlowgladMappingOptions, FlowgladProviderOptions, UNCONFIRMED_READINGS } from './options';
export { canonicalStatusOf } from './status';
export { toCreateRequest } from './to-provider';
export {
  createFlowgladResolver,
  type FlowgladPayment,
  type FlowgladWebhookResolver,
} from './webhook-resolve';
export {
  FLOWGLAD_WEBHOOK_EVENT_TYPES,
  type FlowgladVerifiedWebhook,
  type FlowgladWebhookEventType,
  type FlowgladWebhookOptions,
  parseWebhook,
  verifyWebhook,
} from './webhooks';
export {
  type FlowgladCreateRequest,
  type FlowgladLineItemInsert,
  type FlowgladPurchaseInvoiceInsert,
  type FlowgladStandaloneInvoiceInsert,
  type FlowgladSubscriptionInvoiceInsert,
  InvoiceCreateBody,
  InvoiceListPage,
  InvoiceRecord,
  InvoiceWithLineItems,
  LineItemRecord,
} from './wire';
