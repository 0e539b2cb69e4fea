export {
  type ChargeOverFakeState,
  chargeoverFake,
  duplicateExternalKeyMessage,
  MISSING_AUTH_BODY,
} from './fake';
export {
  type ChargeOverFakeSeed,
  DEFAULT_CURRENCY_ID,
  DEFAULT_CURRENCY_IDS,
  DEFAULT_CUSTOMERS,
  DEFAULT_ITEMS,
  DEFAULT_TERMS,
  DEFAULT_TERMS_ID,
  type FakeCustomer,
  type FakeItem,
  type FakeTerms,
} from './fake-data';
export {
  CHARGEOVER_FAKE_SOURCE,
  CHARGEOVER_WEBHOOK_RETRY_DELAYS_MS,
  chargeoverFakeWebhooks,
} from './fake-webhooks';
