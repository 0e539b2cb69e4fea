/**
 * Creates an invoice on Whop's offline fake through the real client, then reads it back. The same code
 * talks to api.whop.com when `baseUrl` is left out and a real key is given.
 *
 *   pnpm --filter @billbridge/examples run create
 */
import { startFake } from '@billbridge/testing';
import { createWhopClient } from '@billbridge/whop';
import { WHOP_FAKE_DEFAULT_COMPANY, WHOP_FAKE_DEFAULT_MEMBER, whopFake } from '@billbridge/whop/testing';
import { invoice } from './invoice';

const fake = await startFake(whopFake);
try {
  // `fake.baseUrl` already carries Whop's /api/v1: hand it to the client as it is.
  const whop = createWhopClient({
    apiKey: 'whop_example_key',
    baseUrl: fake.baseUrl,
    companyId: WHOP_FAKE_DEFAULT_COMPANY,
  });
  const created = await whop.create({
    ...invoice,
    customer: { ...invoice.customer, id: WHOP_FAKE_DEFAULT_MEMBER.id },
  });
  const id = created.value.id ?? '';
  console.log(`created ${id} in ${created.value.currency}, ${created.value.lines.length} lines`);
  const read = await whop.get(id);
  const amounts = read.value.lines.map((line) => line.unitAmount);
  console.log(`read back ${read.value.id}: unit amounts ${amounts.join(', ')} (minor units)`);
  console.log(`the fake stored ${fake.records.length} record(s)`);
} finally {
  await fake.close();
}
