import { countRecords } from '../sources';
import type { IdMaps, SourceSpec, TargetClient } from '../types';
import { bool, type FlagSpec, type FlagValues, int, keyValues, list, str, UsageError } from './args';
import { clientSettings, idMapsFrom, providerOf, recordsOf } from './common';
import type { CliIO } from './io';
import type { ProviderEntry, ProviderRegistry } from './registry-types';

/**
 * The flags that say what a migration is — source, target, options, id maps, journal — shared by
 * `migrate`, `verify` and `reconcile` so the three name one run the same way (the journal checks it).
 */
export const RUN_FLAGS: FlagSpec[] = [
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
    description: 'what the records are (default canonical); see "Source files" in the README',
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
    description:
      'source → target ids: customers, subscriptions, and items/products (by product id, external id or line description; product,*,<id> = default item)',
  },
  {
    name: 'id-map-delimiter',
    type: 'string',
    value: '<char>',
    description: 'field delimiter of CSV id maps (default , ; .tsv files: tab)',
  },
  {
    name: 'journal',
    type: 'string',
    value: '<file>',
    description: 'the journal (default billbridge-journal.ndjson)',
  },
  {
    name: 'notify',
    type: 'boolean',
    description: 'let the target email customers and charge cards as the source says (default: quiet)',
  },
  { name: 'strict', type: 'boolean', description: 'refuse documents whose mapping loses data' },
  {
    name: 'max-retries',
    type: 'string',
    value: '<n>',
    description: 'transport retries per request (default: the client default, 2)',
  },
  { name: 'timeout-ms', type: 'string', value: '<ms>', description: 'per-attempt timeout' },
];

export interface RunSetup {
  source: SourceSpec;
  /** Documents in the input file (NDJSON), for the progress bar. */
  total?: number;
  sourceLabel: string;
  target: ProviderEntry;
  targetUrl?: string;
  targetOptions: Record<string, unknown>;
  idMaps: IdMaps;
  journal: string;
  notify: boolean;
  strict: boolean;
  /** Undefined for a dry run. */
  client?: TargetClient;
}

export async function runSetup(
  flags: FlagValues,
  positionals: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
  options: { needClient: boolean; countInput?: boolean },
): Promise<RunSetup> {
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments: ${positionals.slice(1).join(' ')}`);
  const input = str(flags, 'input') ?? positionals[0];
  const target = providerOf(registry, str(flags, 'target'), 'target');
  const sourceEntry = recordsOf(registry, str(flags, 'source'), 'source');
  const format = str(flags, 'format');
  if (format !== undefined && format !== 'ndjson' && format !== 'json')
    throw new UsageError('--format must be ndjson or json.');
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
    if (options.countInput) total = await countRecords(input, format);
  } else {
    if (!sourceEntry)
      throw new UsageError('Give --input <file>, or --source <provider> with --source-url to list live.');
    source = {
      kind: 'list',
      client: sourceEntry.createClient(clientSettings(sourceEntry, flags, 'source', io, transport)),
    };
  }
  const delimiter = str(flags, 'id-map-delimiter');
  const targetUrl = str(flags, 'target-url');
  const targetOptions = keyValues(list(flags, 'target-option'), 'target-option');
  const client = options.needClient
    ? target.createClient(clientSettings(target, flags, 'target', io, { ...transport, strict }))
    : undefined;
  if (client && target.accountOptions) Object.assign(targetOptions, await target.accountOptions(client));
  return {
    source,
    ...(total === undefined ? {} : { total }),
    sourceLabel: input ?? `${sourceEntry?.name} ${str(flags, 'source-url') ?? ''} (live)`.replace('  ', ' '),
    target,
    ...(targetUrl === undefined ? {} : { targetUrl }),
    targetOptions,
    idMaps: await idMapsFrom(flags, delimiter === undefined ? {} : { delimiter }),
    journal: str(flags, 'journal') ?? 'billbridge-journal.ndjson',
    notify: bool(flags, 'notify'),
    strict,
    ...(client ? { client } : {}),
  };
}

/** A shell word: quoted when it holds anything a shell would read specially. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
