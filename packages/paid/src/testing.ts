export { PAID_FAKE_DEFAULTS, type PaidFakeSeed, type PaidFakeState, paidFake } from './fake';
