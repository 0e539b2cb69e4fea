export * from './arbitraries';
export {
  type CannedAnswer,
  type CannedRoutes,
  type CannedServer,
  HTML_FORBIDDEN,
  startCannedServer,
} from './canned-server';
export { startFake } from './fake-server';
export { DEFAULT_LATENCY_MS, DEFAULT_RETRY_AFTER_SECONDS, FaultPlan, seededRandom } from './faults';
export {
  compareProjections,
  fieldPresent,
  type Projection,
  type ProjectionMismatch,
  project,
  projectField,
  warningPathPatterns,
} from './projection';
export {
  expectReaderAgrees,
  expectReaderAnswers,
  keyOrderShuffled,
  type Near,
  type NearValidOptions,
  nearValid,
  type Reader,
  type SafeParseSchema,
  singleChanges,
  treeDifference,
} from './readers';
export { type RouteMatch, Router } from './router';
export {
  ALL_FAULT_KINDS,
  FAULT_KINDS,
  type FakeDefinition,
  type FakeMethod,
  type FakeRequest,
  type FakeResponse,
  type FakeRoute,
  type FaultControl,
  type FaultKind,
  type FaultOptions,
  type InjectedFault,
  type RunningFake,
  type StartFakeOptions,
} from './types';
export { WebhookDispatcher } from './webhook-dispatcher';
export { type NodeHandler, type ReceivedDelivery, startWebhookSink, type WebhookSink } from './webhook-sink';
export type {
  FakeWebhookControl,
  FakeWebhookMessage,
  FakeWebhookOptions,
  FakeWebhookSignInput,
  FakeWebhooks,
  WebhookAttempt,
  WebhookFaultKind,
} from './webhook-types';
