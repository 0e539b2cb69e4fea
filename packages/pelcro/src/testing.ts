/** `@billbridge/pelcro/testing`: the fake for `startFake(pelcroFake)` and its default data set. */
export { type PelcroFakeSeed, type PelcroFakeState, pelcroFake } from './fake';
export {
  defaultSites as pelcroFakeDefaultSites,
  PELCRO_FAKE_BILLING_ADDRESS_ID,
  PELCRO_FAKE_CUSTOMER_ID,
  PELCRO_FAKE_MIGRATED_CUSTOMER,
  PELCRO_FAKE_SHIPPING_ADDRESS_ID,
  PELCRO_FAKE_SITE_ID,
  PELCRO_FAKE_SUBSCRIPTION,
  type PelcroFakeAddress,
  type PelcroFakeCustomer,
  type PelcroFakeSite,
  type PelcroFakeSubscription,
} from './fake-data';
export { PELCRO_WEBHOOK_RETRY_DELAYS_MS, pelcroFakeWebhooks } from './fake-webhooks';
