/**
 * The documents every benchmark sends: one canonical invoice per provider, with the references each
 * provider's fake knows by default (so the same payloads are also valid against the real fakes).
 */
import { DEFAULT_CURRENCY_IDS } from '@billbridge/chargeover/testing';
import type { InvoiceInput, ProviderName } from '@billbridge/core';
import { PELCRO_FAKE_CUSTOMER_ID, PELCRO_FAKE_SITE_ID } from '@billbridge/pelcro/testing';
import { WHOP_FAKE_DEFAULT_COMPANY, WHOP_FAKE_DEFAULT_MEMBER } from '@billbridge/whop/testing';

export const PROVIDERS = [
  'paid',
  'flowglad',
  'whop',
  'chargeover',
  'pelcro',
] as const satisfies readonly ProviderName[];
export type Provider = (typeof PROVIDERS)[number];

/** Customer and product ids each fake holds in its default data set. */
const REFERENCES: Record<Provider, { customer: string; product?: string }> = {
  paid: { customer: 'cus_abc123', product: 'prod-id' },
  flowglad: { customer: 'cust_test_1' },
  whop: { customer: WHOP_FAKE_DEFAULT_MEMBER.id },
  chargeover: { customer: '1', product: '4' },
  pelcro: { customer: String(PELCRO_FAKE_CUSTOMER_ID) },
};

/** Adapter options (`toCreateRequest`'s second argument) per provider. */
export const ADAPTER_OPTIONS: Record<Provider, Record<string, unknown>> = {
  paid: {},
  flowglad: {},
  whop: { companyId: WHOP_FAKE_DEFAULT_COMPANY },
  chargeover: { currencyIds: DEFAULT_CURRENCY_IDS },
  pelcro: { siteId: PELCRO_FAKE_SITE_ID },
};

/** A realistic invoice with `lineCount` lines; `n` makes number and external id unique. */
export function invoiceFor(provider: Provider, lineCount: number, n = 1): InvoiceInput {
  const ref = REFERENCES[provider];
  return {
    externalId: `bench-${n}`,
    number: `B-${n}`,
    currency: 'USD',
    customer: { id: ref.customer },
    issuedAt: '2026-03-01T00:00:00Z',
    dueAt: '2026-03-31T00:00:00Z',
    memo: 'Thank you for your business',
    lines: Array.from({ length: lineCount }, (_, i) => ({
      description: `Line ${i + 1}: consulting hours`,
      quantity: (i % 4) + 1,
      unitAmount: 1999 + i * 37,
      ...(ref.product !== undefined && { product: { id: ref.product } }),
    })),
  };
}

/** The same ids as migration input: canonical invoices whose references the id maps translate. */
export const MIGRATION_ID_MAPS = { customers: { '1': '1' }, products: { '4': '4' } };
