export { PAID_FAKE_DEFAULTS, type PaidFakeSeed, type PaidFakeState, paidFake } from './fake';
export { fakePaidInvoices, PAID_WEBHOOK_RETRY_DELAYS_MS, paidFakeWebhooks } from './fake-webhooks';
