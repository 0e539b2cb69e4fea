import { Journal } from '../journal';
import { runIdentity } from '../run-identity';
import { settleUnanswered } from '../settle';
import { bool, type FlagSpec, helpText, parseArgs, str } from './args';
import { PROVIDERS_HELP } from './common';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';
import { RUN_FLAGS, runSetup } from './run-setup';
import { writeSettled } from './settled-report';
import { STORE_FLAGS, storeReconcile } from './store-run';

export const RECONCILE_FLAGS: FlagSpec[] = [
  ...RUN_FLAGS,
  ...STORE_FLAGS,
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const RECONCILE_HELP = helpText(
  'billbridge reconcile --target <provider> [--input <file> --source <provider|canonical>] [options]',
  "Settles the journal's ambiguous and unanswered documents without sending anything: each is looked for\non the target (by its external key or number, else by its currency, total, lines and customer when\nexactly one unclaimed record matches) and recorded as created (with the target's id), absent (the next\n`migrate --resume` sends it) or still unknown. Give the same source, target, options and id maps as to\n`billbridge migrate`. For a run kept in PostgreSQL (--store, --run): its ambiguous documents and those\na dead worker left unanswered; absent ones go back to the run for its next worker to send.",
  RECONCILE_FLAGS,
  `${PROVIDERS_HELP}\n\nExit status: 0 nothing left unknown, 3 some still unknown (review them), 2 bad usage.`,
);

export async function runReconcile(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const { flags, positionals } = parseArgs(argv, RECONCILE_FLAGS, 'reconcile');
  if (bool(flags, 'help')) {
    io.out.write(RECONCILE_HELP);
    return EXIT.ok;
  }
  if (str(flags, 'store') !== undefined) return storeReconcile(flags, io, registry);
  const run = await runSetup(flags, positionals, io, registry, { needClient: true });
  const client = run.client as NonNullable<typeof run.client>;
  const journal = await Journal.open(run.journal, {
    mode: 'resume',
    run: await runIdentity(
      {
        source: run.source,
        target: {
          adapter: run.target.adapter,
          options: run.targetOptions,
          ...(run.targetUrl === undefined ? {} : { url: run.targetUrl }),
        },
        idMaps: run.idMaps,
        strict: run.strict,
        sourceLabel: run.sourceLabel,
      },
      run.notify,
    ),
  });
  try {
    const deduplicates = run.target.adapter.capabilities.deduplication.kind !== 'none';
    const result = await settleUnanswered(journal, client, deduplicates);
    return writeSettled(io, result, {
      subject: run.journal,
      absent: 'migrate --resume sends them',
    });
  } finally {
    await journal.close();
  }
}
