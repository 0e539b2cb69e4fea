import type { ProviderAdapter } from '@billbridge/core';
import { capabilities } from './capabilities';
import { fromProvider } from './from-provider';
import type { ChargeOverOptions } from './options';
import { toCreateRequest } from './to-provider';
import type { InvoiceCreateRequest } from './wire';

/** The ChargeOver v3 adapter: canonical Invoice/Order ↔ `POST /api/v3/invoice` and its read records. */
export const chargeover = {
  provider: 'chargeover',
  specificationVersion: 'v1',
  capabilities,
  toCreateRequest,
  fromProvider,
} as const satisfies ProviderAdapter<InvoiceCreateRequest, ChargeOverOptions>;

export { CHARGEOVER_AMOUNTS, type CurrencyRounding, chargeoverAmounts } from './amounts';
export { capabilities } from './capabilities';
export {
  type ChargeOverClient,
  type ChargeOverClientConfig,
  type ChargeOverHeaderResult,
  type ChargeOverListParams,
  type ChargeOverResult,
  createChargeOverClient,
  DEFAULT_LIST_CONCURRENCY,
  escapeWhereValue,
  type InvoiceHeader,
} from './client';
export {
  type AccountCurrencies,
  accountCurrencies,
  CurrencyListResponse,
  CurrencyRecord,
  type CurrencyTableDifference,
  CurrencyTableError,
  compareCurrencyTables,
} from './currencies';
export { wireDateTimeToInstant } from './datetimes';
export { isDuplicateExternalKeyMessage, mapError } from './errors';
export { fromProvider } from './from-provider';
export {
  type ChargeOverOptions,
  ChargeOverProviderOptions,
  type CountryFormat,
  type CustomFieldMapping,
  DEFAULT_TIME_ZONE,
  type ItemIdResolver,
  UNCONFIRMED,
} from './options';
export { PAYCYCLES, paycycleToRecurrence, recurrenceToPaycycle } from './paycycle';
export { toCreateRequest } from './to-provider';
export {
  type ChargeOverVerifiedWebhook,
  type ChargeOverWebhookOptions,
  parseWebhook,
  verifyWebhook,
} from './webhooks';
export {
  CreateResponse,
  Envelope,
  ErrorBody,
  GetInvoiceResponse,
  InvoiceCreateRequest,
  InvoiceRecord,
  LineItemRecord,
  LineItemRequest,
  PAYCYCLE_CODES,
  Paycycle,
  type PaycycleCode,
  QueryInvoicesResponse,
} from './wire';
