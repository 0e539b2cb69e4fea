/** `@billbridge/whop/testing`: the Whop fake for `startFake(whopFake)` and its default data set. */
export {
  type StoredAnswer,
  WHOP_FAKE_DEFAULT_COMPANY,
  WHOP_FAKE_DEFAULT_MEMBER,
  type WhopFakeMember,
  type WhopFakeSeed,
  type WhopFakeState,
  type WhopFakeStoredInvoice,
  whopFake,
} from './fake';
export { WHOP_WEBHOOK_RETRY_DELAYS_MS, whopFakeWebhooks, whopWebhookMessage } from './fake-webhooks';
