/**
 * Maps one canonical invoice to the create request of each of the five providers, offline, and prints
 * what each provider would receive and what it cannot carry (the mapping warnings).
 *
 *   pnpm --filter @billbridge/examples run map
 */
import { chargeover } from '@billbridge/chargeover';
import { flowglad } from '@billbridge/flowglad';
import { paid } from '@billbridge/paid';
import { pelcro } from '@billbridge/pelcro';
import { whop } from '@billbridge/whop';
import { invoice } from './invoice';

// The provider-side ids a real account would have (customers, products, sites, currencies).
const requests = {
  paid: paid.toCreateRequest(invoice, {
    customerIds: { 'cust-42': 'cus_abc123' },
    resolveProductId: () => 'prod-id',
  }),
  flowglad: flowglad.toCreateRequest(invoice, { customerIds: { 'cust-42': 'cust_test_1' } }),
  whop: whop.toCreateRequest(invoice, { companyId: 'biz_xxxxxxxxxxxxxx' }),
  chargeover: chargeover.toCreateRequest(invoice, { currencyIds: { USD: 1 }, resolveItemId: () => 4 }),
  pelcro: pelcro.toCreateRequest(invoice, { siteId: 1234 }),
};

for (const [provider, { request, warnings }] of Object.entries(requests)) {
  console.log(`── ${provider}`);
  console.log(JSON.stringify(request, null, 2));
  for (const w of warnings) console.log(`  ! ${w.path}: ${w.message}`);
}
