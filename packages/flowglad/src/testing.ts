export { flowgladFake } from './fake';
export {
  createFakeState,
  type FakeInvoiceRecord,
  type FakeLineItemRecord,
  type FakeStoredInvoice,
  FLOWGLAD_FAKE_DEFAULTS,
  type FlowgladFakeSeed,
  type FlowgladFakeState,
  flowgladId,
} from './fake-store';
export {
  type FakePaymentRecord,
  FLOWGLAD_WEBHOOK_RETRY_DELAYS_MS,
  fakePayments,
  flowgladFakeWebhooks,
} from './fake-webhooks';
