/**
 * A migration written as a script: Flowglad-shaped invoices (here in memory; a file or a live `list`
 * works the same) moved into Whop exactly once, with a journal so a rerun resumes instead of
 * duplicating. Runs against Whop's offline fake.
 *
 *   pnpm --filter @billbridge/examples run migrate
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceInput } from '@billbridge/core';
import { migrate } from '@billbridge/migrate';
import { startFake } from '@billbridge/testing';
import { createWhopClient, whop } from '@billbridge/whop';
import { WHOP_FAKE_DEFAULT_COMPANY, WHOP_FAKE_DEFAULT_MEMBER, whopFake } from '@billbridge/whop/testing';
import { invoice } from './invoice';

// Three canonical documents standing in for an export of the old system.
const documents: InvoiceInput[] = [1, 2, 3].map((n) => ({
  ...invoice,
  id: `old-${n}`,
  externalId: undefined,
  number: `INV-${1000 + n}`,
}));

const fake = await startFake(whopFake);
const dir = mkdtempSync(join(tmpdir(), 'billbridge-example-'));
try {
  const options = { companyId: WHOP_FAKE_DEFAULT_COMPANY };
  const client = createWhopClient({ apiKey: 'whop_example_key', baseUrl: fake.baseUrl, ...options });
  const run = (resume: boolean) =>
    migrate({
      source: { kind: 'documents', documents },
      target: { adapter: whop, client, options },
      idMaps: { customers: { 'cust-42': WHOP_FAKE_DEFAULT_MEMBER.id } },
      journal: join(dir, 'whop.journal.ndjson'),
      resume,
    });
  const first = await run(false);
  console.log(`first run: ${first.report.created} created, ${first.report.failed} failed`);
  // The journal remembers what was sent: resuming creates nothing twice.
  const second = await run(true);
  console.log(`second run: ${second.report.created} created, ${second.report.skipped} already done`);
  console.log(`the fake holds ${fake.records.length} invoices`);
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
