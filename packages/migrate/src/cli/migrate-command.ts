import { writeFileAtomic } from '../atomic-write';
import { migrate } from '../engine';
import { writeIdMap } from '../id-map';
import { countRecords } from '../sources';
import type { SourceSpec } from '../types';
import {
  bool,
  type FlagSpec,
  helpText,
  int,
  keyValues,
  list,
  oneOf,
  parseArgs,
  positiveNumber,
  str,
  UsageError,
} from './args';
import { clientSettings, idMapsFrom, PROVIDERS_HELP, providerOf, recordsOf } from './common';
import { renderReport } from './format';
import { type CliIO, EXIT } from './io';
import { ProgressReporter } from './progress';
import type { ProviderRegistry } from './registry-types';

export const MIGRATE_FLAGS: FlagSpec[] = [
  {
    name: 'input',
    short: 'i',
    type: 'string',
    value: '<file>',
    description: 'NDJSON or JSON file of source records (omit to list them live from --source)',
  },
  {
    name: 'source',
    type: 'string',
    value: '<provider|canonical>',
    description: 'what the records are (default canonical)',
  },
  {
    name: 'format',
    type: 'string',
    value: '<ndjson|json>',
    description: 'input format (default: by extension, .json = JSON)',
  },
  {
    name: 'source-url',
    type: 'string',
    value: '<url>',
    description: 'live source: the provider API base URL',
  },
  {
    name: 'source-key-env',
    type: 'string',
    value: '<NAME>',
    description: 'live source: environment variable holding its API key',
  },
  {
    name: 'source-option',
    type: 'list',
    value: '<key=value>',
    description: 'source adapter/client option (e.g. currency=USD for paid)',
  },
  {
    name: 'target',
    short: 't',
    type: 'string',
    value: '<provider>',
    description: 'the provider to create the documents in (required)',
  },
  {
    name: 'target-url',
    type: 'string',
    value: '<url>',
    description: 'the target API base URL (default: the provider production URL)',
  },
  {
    name: 'target-key-env',
    type: 'string',
    value: '<NAME>',
    description: 'environment variable holding the target API key',
  },
  {
    name: 'target-option',
    type: 'list',
    value: '<key=value>',
    description: 'target adapter/client option, e.g. companyId=biz_123 (JSON values allowed)',
  },
  {
    name: 'id-map',
    type: 'list',
    value: '<file.json|file.csv>',
    description: 'source → target ids of customers, products, subscriptions',
  },
  {
    name: 'dry-run',
    type: 'boolean',
    description: 'map everything, send nothing, report losses and problems',
  },
  {
    name: 'report',
    type: 'string',
    value: '<file.json>',
    description: 'write the JSON report here (dry run default: billbridge-dry-run.json)',
  },
  {
    name: 'journal',
    type: 'string',
    value: '<file>',
    description: 'the journal (default billbridge-journal.ndjson)',
  },
  { name: 'resume', type: 'boolean', description: 'continue the run recorded in the journal' },
  {
    name: 'retry-ambiguous',
    type: 'boolean',
    description: 'after review: send again the documents reported ambiguous',
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
    description: 'documents in flight at once (default 16)',
  },
  {
    name: 'rps',
    type: 'string',
    value: '<n>',
    description: 'requests per second to the target (default unlimited; 429s always slow down)',
  },
  {
    name: 'max-retries',
    type: 'string',
    value: '<n>',
    description: 'transport retries per request (default: the client default, 2)',
  },
  { name: 'timeout-ms', type: 'string', value: '<ms>', description: 'per-attempt timeout' },
  {
    name: 'on-error',
    type: 'string',
    value: '<stop|continue>',
    description: 'on an unreadable, invalid or refused document (default continue)',
  },
  { name: 'strict', type: 'boolean', description: 'refuse documents whose mapping loses data' },
  {
    name: 'progress-interval',
    type: 'string',
    value: '<seconds>',
    description: 'progress line period when not on a terminal (default 5)',
  },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const MIGRATE_HELP = helpText(
  'billbridge migrate --target <provider> [--input <file> --source <provider|canonical>] [options]',
  'Move documents into a provider, exactly once. Every document is recorded in the journal before it is\nsent and after it is answered; a run stopped at any point continues with --resume and creates nothing\ntwice. Documents that may or may not have been created, and cannot be checked, are reported as\nambiguous for review instead of being sent again.',
  MIGRATE_FLAGS,
  `${PROVIDERS_HELP}

Examples:
  billbridge migrate --source flowglad --input flowglad.ndjson --target whop \\
    --target-option companyId=biz_123 --id-map ids.csv --dry-run
  WHOP_API_KEY=... billbridge migrate --source flowglad --input flowglad.ndjson --target whop \\
    --target-option companyId=biz_123 --id-map ids.csv --id-map-out migrated.csv
  billbridge migrate ... --resume            # after an interruption

Exit status: 0 all migrated, 1 some documents failed/invalid/unmapped, 2 bad usage, 3 some ambiguous.`,
);

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
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments: ${positionals.slice(1).join(' ')}`);
  const input = str(flags, 'input') ?? positionals[0];
  const target = providerOf(registry, str(flags, 'target'), 'target');
  const sourceEntry = recordsOf(registry, str(flags, 'source'), 'source');
  const dryRun = bool(flags, 'dry-run');
  const format = str(flags, 'format');
  if (format !== undefined && format !== 'ndjson' && format !== 'json')
    throw new UsageError('--format must be ndjson or json.');
  const onError = oneOf(flags, 'on-error', ['stop', 'continue'] as const, 'continue');
  const maxRetries = int(flags, 'max-retries', 0);
  const timeoutMs = int(flags, 'timeout-ms', 1);
  const strict = bool(flags, 'strict');
  const transport = {
    ...(maxRetries === undefined ? {} : { maxRetries }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };

  let source: SourceSpec;
  let total: number | undefined;
  if (input !== undefined) {
    source = {
      kind: 'file',
      path: input,
      ...(format === undefined ? {} : { format }),
      ...(sourceEntry ? { adapter: sourceEntry.adapter } : {}),
      adapterOptions: keyValues(list(flags, 'source-option'), 'source-option'),
    };
    total = await countRecords(input, format);
  } else {
    if (!sourceEntry)
      throw new UsageError('Give --input <file>, or --source <provider> with --source-url to list live.');
    source = {
      kind: 'list',
      client: sourceEntry.createClient(clientSettings(sourceEntry, flags, 'source', io, transport)),
    };
  }

  const targetOptions = keyValues(list(flags, 'target-option'), 'target-option');
  const client = dryRun
    ? undefined
    : target.createClient(clientSettings(target, flags, 'target', io, { ...transport, strict }));
  const progressInterval = positiveNumber(flags, 'progress-interval') ?? 5;
  const progress = new ProgressReporter(io.err, progressInterval * 1000);
  const abort = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    io.err.write(
      '\nStopping: finishing the documents in flight (Ctrl-C again to quit now; the journal stays consistent)…\n',
    );
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const concurrency = int(flags, 'concurrency', 1);
    const rps = positiveNumber(flags, 'rps');
    const { report, idMap } = await migrate({
      source,
      target: { adapter: target.adapter, ...(client ? { client } : {}), options: targetOptions },
      dryRun,
      idMaps: await idMapsFrom(flags),
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(rps === undefined ? {} : { rps }),
      journal: str(flags, 'journal') ?? 'billbridge-journal.ndjson',
      resume: bool(flags, 'resume'),
      retryAmbiguous: bool(flags, 'retry-ambiguous'),
      onError,
      strict,
      ...(total === undefined ? {} : { total }),
      onProgress: (p) => progress.update(p),
      sourceLabel: input ?? `${sourceEntry?.name} (live)`,
      signal: abort.signal,
    });
    progress.finish();
    io.out.write(renderReport(report));
    const reportPath = str(flags, 'report') ?? (dryRun ? 'billbridge-dry-run.json' : undefined);
    if (reportPath) {
      await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
      io.out.write(`Report written to ${reportPath}\n`);
    }
    const idMapOut = str(flags, 'id-map-out');
    if (idMapOut && !dryRun) {
      await writeIdMap(idMapOut, idMap);
      io.out.write(`Id map (${idMap.size} documents) written to ${idMapOut}\n`);
    }
    if (report.failed + report.invalid + report.missingReferences > 0) return EXIT.problems;
    if (report.ambiguous > 0) return EXIT.ambiguous;
    return EXIT.ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
