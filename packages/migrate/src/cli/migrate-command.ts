import { writeFileAtomic } from '../atomic-write';
import { migrate } from '../engine';
import { writeIdMap } from '../id-map';
import { type VerifyReport, verifyMigration } from '../verify';
import {
  bool,
  type FlagSpec,
  helpText,
  int,
  oneOf,
  parseArgs,
  positiveNumber,
  str,
  UsageError,
} from './args';
import { PROVIDERS_HELP } from './common';
import { renderReport, renderVerify, verifyClean } from './format';
import { onInterrupt } from './interrupt';
import { type CliIO, EXIT } from './io';
import { ProgressReporter } from './progress';
import type { ProviderRegistry } from './registry-types';
import { RUN_FLAGS, runSetup, shellWord } from './run-setup';
import { runStoreMigrate, STORE_FLAGS, STORE_MIGRATE_FLAGS } from './store-run';

export const MIGRATE_FLAGS: FlagSpec[] = [
  ...RUN_FLAGS,
  {
    name: 'dry-run',
    type: 'boolean',
    description: 'map everything, send nothing, report what would be created and lost',
  },
  {
    name: 'report',
    type: 'string',
    value: '<file.json>',
    description: 'write the JSON report here (dry run default: billbridge-dry-run.json)',
  },
  { name: 'resume', type: 'boolean', description: 'continue the run recorded in the journal' },
  {
    name: 'fresh',
    type: 'boolean',
    description: 'start over knowingly: move an existing journal aside (kept as <journal>.<time>.old)',
  },
  {
    name: 'retry-ambiguous',
    type: 'boolean',
    description: 'after review (or billbridge reconcile): send again the documents still ambiguous',
  },
  {
    name: 'no-verify',
    type: 'boolean',
    description: 'skip comparing every created invoice with what the target stored (on by default)',
  },
  {
    name: 'id-map-out',
    type: 'string',
    value: '<file.csv|file.json>',
    description: 'write the source → target id map of migrated documents',
  },
  {
    name: 'concurrency',
    short: 'c',
    type: 'string',
    value: '<n>',
    description: 'creates in flight at once (default 16)',
  },
  {
    name: 'rps',
    type: 'string',
    value: '<n>',
    description: 'requests per second to the target (default unlimited; 429s always slow down)',
  },
  {
    name: 'on-error',
    type: 'string',
    value: '<stop|continue>',
    description: 'on an unreadable, invalid or refused document (default continue)',
  },
  {
    name: 'progress-interval',
    type: 'string',
    value: '<seconds>',
    description: 'progress line period when not on a terminal (default 5)',
  },
  ...STORE_FLAGS,
  ...STORE_MIGRATE_FLAGS,
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const MIGRATE_HELP = helpText(
  'billbridge migrate --target <provider> [--input <file> --source <provider|canonical>] [options]',
  'Move documents into a provider, exactly once. Every document is recorded in the journal before it is\nsent and after it is answered; a run stopped at any point continues with --resume and creates nothing\ntwice. Documents that may or may not have been created, and cannot be checked, are reported as\nambiguous for review (billbridge reconcile) instead of being sent again. Afterwards every created\ninvoice is compared with what the target stored (--no-verify to skip). Nothing that emails a customer\nor charges a card is switched on unless --notify is given.',
  MIGRATE_FLAGS,
  `${PROVIDERS_HELP}

Examples:
  billbridge migrate --source flowglad --input flowglad.ndjson --target whop \\
    --target-option companyId=biz_123 --id-map ids.csv --dry-run
  WHOP_API_KEY=... billbridge migrate --source flowglad --input flowglad.ndjson --target whop \\
    --target-option companyId=biz_123 --id-map ids.csv --id-map-out migrated.csv
  billbridge migrate ... --resume            # after an interruption
  billbridge migrate ... --store postgres://bb@db/billbridge --run march   # creates the run, loads, works
  billbridge migrate --store postgres://bb@db/billbridge --run march --target whop ...   # more workers

Exit status: 0 all migrated, 1 some documents failed/invalid/unmapped, 2 bad usage, 3 some ambiguous,
4 verify found created invoices that differ from their source, 130 interrupted (Ctrl-C; --resume continues).`,
);

/** The command line to continue an interrupted run: the same arguments, --resume instead of --fresh. */
function resumeCommand(argv: readonly string[]): string {
  const args = argv.filter((a) => a !== '--fresh' && a !== '--resume');
  return ['billbridge', 'migrate', ...args.map(shellWord), '--resume'].join(' ');
}

export async function runMigrate(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const { flags, positionals } = parseArgs(argv, MIGRATE_FLAGS, 'migrate');
  if (bool(flags, 'help')) {
    io.out.write(MIGRATE_HELP);
    return EXIT.ok;
  }
  if (str(flags, 'store') !== undefined) return runStoreMigrate(flags, positionals, io, registry);
  const dryRun = bool(flags, 'dry-run');
  if (bool(flags, 'resume') && bool(flags, 'fresh'))
    throw new UsageError('--resume continues the journal, --fresh starts over: give one of them.');
  const onError = oneOf(flags, 'on-error', ['stop', 'continue'] as const, 'continue');
  const run = await runSetup(flags, positionals, io, registry, { needClient: !dryRun, countInput: true });
  const client = run.client;
  const progressInterval = positiveNumber(flags, 'progress-interval') ?? 5;
  const progress = new ProgressReporter(io.err, progressInterval * 1000);
  const interrupt = onInterrupt(io, 'finishing the documents in flight and writing the journal');
  try {
    const concurrency = int(flags, 'concurrency', 1);
    const rps = positiveNumber(flags, 'rps');
    const { report, idMap } = await migrate({
      source: run.source,
      target: {
        adapter: run.target.adapter,
        ...(client ? { client } : {}),
        options: run.targetOptions,
        ...(run.targetUrl === undefined ? {} : { url: run.targetUrl }),
      },
      dryRun,
      idMaps: run.idMaps,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(rps === undefined ? {} : { rps }),
      journal: run.journal,
      resume: bool(flags, 'resume'),
      fresh: bool(flags, 'fresh'),
      notify: run.notify,
      retryAmbiguous: bool(flags, 'retry-ambiguous'),
      onError,
      strict: run.strict,
      ...(run.total === undefined ? {} : { total: run.total }),
      onProgress: (p) => progress.update(p),
      sourceLabel: run.sourceLabel,
      signal: interrupt.signal,
    });
    progress.finish();
    io.out.write(renderReport(report));
    const reportPath = str(flags, 'report') ?? (dryRun ? 'billbridge-dry-run.json' : undefined);
    const idMapOut = str(flags, 'id-map-out');
    if (idMapOut && !dryRun) {
      await writeIdMap(idMapOut, idMap);
      io.out.write(`Id map (${idMap.size} documents) written to ${idMapOut}\n`);
    }
    if (report.interrupted) {
      if (reportPath) await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
      const done = report.created + report.reconciled + report.skipped;
      io.err.write(
        `interrupted: ${done.toLocaleString('en-US')} done, resume with: ${resumeCommand(argv)}\n`,
      );
      return EXIT.interrupted;
    }
    let verified: VerifyReport | undefined;
    if (!dryRun && client && !bool(flags, 'no-verify')) {
      io.err.write('Verifying: comparing every created invoice with what the target stored…\n');
      verified = await verifyMigration({
        source: run.source,
        journal: run.journal,
        client,
        idMaps: run.idMaps,
        notify: run.notify,
        importedSupported: run.target.adapter.capabilities.invoice.imported === 'supported',
      });
      io.out.write(renderVerify(verified));
    }
    if (reportPath) {
      await writeFileAtomic(
        reportPath,
        `${JSON.stringify(verified ? { ...report, verify: verified } : report, null, 2)}\n`,
      );
      io.out.write(`Report written to ${reportPath}\n`);
    }
    if (report.failed + report.invalid + report.missingReferences > 0) return EXIT.problems;
    if (report.ambiguous > 0) return EXIT.ambiguous;
    if (report.mismatches.length > 0 || (verified && !verifyClean(verified))) return EXIT.mismatch;
    return EXIT.ok;
  } finally {
    interrupt.dispose();
  }
}
