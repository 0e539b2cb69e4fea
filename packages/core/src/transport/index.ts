export { classifyFailure, type FailureKind } from './classify';
export { type ClientOptions, transportSettings } from './client-options';
export { createTransport } from './create-transport';
export { DEFAULT_REQUEST_ID_HEADERS } from './headers';
export { closeSharedDispatcher, sharedDispatcher } from './pool';
export { parseBody, ResponseTooLargeError } from './read-body';
export { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry';
export type {
  HttpMethod,
  Transport,
  TransportConfig,
  TransportEvent,
  TransportRequest,
  TransportResponse,
} from './types';
