import type { Invoice, InvoiceInput } from '../model/invoice';
import type { Order, OrderInput } from '../model/order';
import type { Capabilities, ProviderName } from './capabilities';
import type { MappingWarning } from './mapping-warning';

export interface MappingOptions {
  /** Throw a LossyMappingError instead of returning lossy warnings. */
  strict?: boolean;
}

export interface MappingResult<T> {
  value: T;
  warnings: MappingWarning[];
}

export interface CreateRequestResult<Request> {
  request: Request;
  warnings: MappingWarning[];
}

/** One provider's pure mapping between the canonical model and its wire payloads (no HTTP). */
export interface ProviderAdapter<Request = unknown, Options extends MappingOptions = MappingOptions> {
  readonly provider: ProviderName;
  readonly specificationVersion: 'v1';
  readonly capabilities: Capabilities;
  /** Canonical Invoice or Order (validated here) → the provider's create request. */
  toCreateRequest(
    doc: Invoice | Order | InvoiceInput | OrderInput,
    options?: Options,
  ): CreateRequestResult<Request>;
  /** A provider record (its create request or any read shape) → canonical. */
  fromProvider(record: unknown, options?: Options): MappingResult<Invoice | Order>;
}
