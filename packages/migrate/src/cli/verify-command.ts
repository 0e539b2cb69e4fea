import { writeFileAtomic } from '../atomic-write';
import { verifyMigration } from '../verify';
import { bool, type FlagSpec, helpText, parseArgs, str } from './args';
import { PROVIDERS_HELP } from './common';
import { renderVerify, verifyClean } from './format';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';
import { RUN_FLAGS, runSetup } from './run-setup';
import { STORE_FLAGS, storeVerify } from './store-run';

export const VERIFY_FLAGS: FlagSpec[] = [
  ...RUN_FLAGS,
  ...STORE_FLAGS,
  { name: 'report', type: 'string', value: '<file.json>', description: 'write the JSON report here' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const VERIFY_HELP = helpText(
  'billbridge verify --target <provider> [--input <file> --source <provider|canonical>] [options]',
  "Compares every invoice the journal records as created with what the target stored: currency, number of\nlines, each line's amount and the total, read from the target's listing where it carries them, else\nby id. Give the same source, target, options and id maps as to `billbridge migrate`; for a run kept in\nPostgreSQL, --store and --run with the target flags.",
  VERIFY_FLAGS,
  `${PROVIDERS_HELP}\n\nExit status: 0 every created invoice matches, 4 some differ or are missing on the target, 2 bad usage.`,
);

export async function runVerify(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const { flags, positionals } = parseArgs(argv, VERIFY_FLAGS, 'verify');
  if (bool(flags, 'help')) {
    io.out.write(VERIFY_HELP);
    return EXIT.ok;
  }
  // A run kept in PostgreSQL holds every document as sent: only the target is needed.
  if (str(flags, 'store') !== undefined) return storeVerify(flags, io, registry);
  const run = await runSetup(flags, positionals, io, registry, { needClient: true });
  const report = await verifyMigration({
    source: run.source,
    journal: run.journal,
    client: run.client as NonNullable<typeof run.client>,
    idMaps: run.idMaps,
    notify: run.notify,
    importedSupported: run.target.adapter.capabilities.invoice.imported === 'supported',
  });
  io.out.write(renderVerify(report));
  const reportPath = str(flags, 'report');
  if (reportPath) await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return verifyClean(report) ? EXIT.ok : EXIT.mismatch;
}
