/** @billbridge/pelcro: Pelcro Core invoices through the billbridge canonical model. */
import type { Invoice, MappingResult, ProviderAdapter } from '@billbridge/core';
import { pelcroCapabilities } from './capabilities';
import { fromProvider } from './from-provider';
import type { PelcroMappingOptions } from './options';
import { toCreateRequest } from './to-provider';
import type { PelcroCreateRequest } from './wire';

/** The adapter; Pelcro creates invoices, so `fromProvider` always gives an Invoice. */
export interface PelcroAdapter extends ProviderAdapter<PelcroCreateRequest, PelcroMappingOptions> {
  fromProvider(record: unknown, options?: PelcroMappingOptions): MappingResult<Invoice>;
}

export const pelcro: PelcroAdapter = {
  provider: 'pelcro',
  specificationVersion: 'v1',
  capabilities: pelcroCapabilities,
  toCreateRequest,
  fromProvider,
};

export { PELCRO_AMOUNTS, PELCRO_ZERO_DECIMAL_CURRENCIES } from './amounts';
export { pelcroCapabilities } from './capabilities';
export {
  createPelcroClient,
  type PelcroClient,
  type PelcroClientConfig,
  type PelcroListParams,
  type PelcroResult,
} from './client';
export { mapPelcroError } from './errors';
export {
  type ImportedFlagName,
  INT32_MAX,
  LIST_MAX_LIMIT,
  PELCRO_BASE_URL,
  type PelcroMappingOptions,
  type PelcroProviderOptions,
  READINGS,
} from './options';
export {
  PELCRO_SIGNATURE_HEADER,
  PELCRO_SIGNATURE_READING,
  type PelcroSignatureReading,
  pelcroSigningKey,
  signPelcroBody,
} from './webhook-signature';
export {
  type PelcroVerifiedWebhook,
  type PelcroWebhookOptions,
  parseWebhook,
  verifyWebhook,
} from './webhooks';
export {
  type PelcroAddress,
  PelcroCreateRequest,
  PelcroErrorBody,
  PelcroInvoice,
  PelcroInvoiceCreateBody,
  PelcroInvoiceList,
  type PelcroLineItem,
} from './wire';
