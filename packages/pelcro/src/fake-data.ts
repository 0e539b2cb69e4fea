/**
 * The fake's default data set: site 1234 (the card's §13 example) with customer 987654, a second
 * customer known only by its id in a previous system (for migrations), a subscription and two addresses.
 */
import { CURRENCY_CODES } from '@billbridge/core';

export interface PelcroFakeCustomer {
  id: number;
  email?: string;
  first_name?: string;
  last_name?: string;
  /** The customer's id in the system it was migrated from. */
  old_provider_id?: string;
  /** When set, invoices must be in this currency (lower case). */
  currency?: string;
}

export interface PelcroFakeSubscription {
  id: number;
  customer_id: number;
  old_provider_id?: string;
}

export interface PelcroFakeAddress {
  id: number;
  customer_id: number;
  type: 'billing' | 'shipping';
  first_name?: string;
  last_name?: string;
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  country?: string;
  postal_code?: string;
}

export interface PelcroFakeSite {
  id: number;
  /** Lower-case ISO 4217 codes the account accepts; default every active code. */
  currencies?: string[];
  customers: PelcroFakeCustomer[];
  subscriptions: PelcroFakeSubscription[];
  addresses: PelcroFakeAddress[];
}

export const PELCRO_FAKE_SITE_ID = 1234;
export const PELCRO_FAKE_CUSTOMER_ID = 987654;
/** A migrated customer: reachable by `customer_old_provider_id`. */
export const PELCRO_FAKE_MIGRATED_CUSTOMER = { id: 987655, old_provider_id: 'legacy-cus-1001' } as const;
export const PELCRO_FAKE_SUBSCRIPTION = { id: 55501, old_provider_id: 'legacy-sub-2001' } as const;
export const PELCRO_FAKE_BILLING_ADDRESS_ID = 7001;
export const PELCRO_FAKE_SHIPPING_ADDRESS_ID = 7002;

export function defaultSites(): PelcroFakeSite[] {
  return [
    {
      id: PELCRO_FAKE_SITE_ID,
      currencies: CURRENCY_CODES.map((code) => code.toLowerCase()),
      customers: [
        { id: PELCRO_FAKE_CUSTOMER_ID, email: 'reader@example.com', first_name: 'Ada', last_name: 'Reader' },
        {
          id: PELCRO_FAKE_MIGRATED_CUSTOMER.id,
          email: 'migrated@example.com',
          old_provider_id: PELCRO_FAKE_MIGRATED_CUSTOMER.old_provider_id,
        },
      ],
      subscriptions: [
        {
          id: PELCRO_FAKE_SUBSCRIPTION.id,
          customer_id: PELCRO_FAKE_CUSTOMER_ID,
          old_provider_id: PELCRO_FAKE_SUBSCRIPTION.old_provider_id,
        },
      ],
      addresses: [
        {
          id: PELCRO_FAKE_BILLING_ADDRESS_ID,
          customer_id: PELCRO_FAKE_CUSTOMER_ID,
          type: 'billing',
          first_name: 'Ada',
          last_name: 'Reader',
          line1: '1 Press Row',
          city: 'Toronto',
          state: 'ON',
          country: 'CA',
          postal_code: 'M5V 2T6',
        },
        {
          id: PELCRO_FAKE_SHIPPING_ADDRESS_ID,
          customer_id: PELCRO_FAKE_CUSTOMER_ID,
          type: 'shipping',
          first_name: 'Ada',
          last_name: 'Reader',
          line1: '2 Mail Lane',
          city: 'Toronto',
          state: 'ON',
          country: 'CA',
          postal_code: 'M5V 2T7',
        },
      ],
    },
  ];
}
