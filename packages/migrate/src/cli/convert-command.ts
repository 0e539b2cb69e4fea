import { type AtomicWriter, createAtomicWriter } from '../atomic-write';
import { prepareForTarget, sourceKey } from '../prepare';
import { describeLocation } from '../report';
import { readSource } from '../sources';
import { bool, type FlagSpec, helpText, keyValues, list, oneOf, parseArgs, str, UsageError } from './args';
import { idMapsFrom, PROVIDERS_HELP, providerOf, recordsOf } from './common';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';

export const CONVERT_FLAGS: FlagSpec[] = [
  {
    name: 'from',
    short: 'f',
    type: 'string',
    value: '<provider|canonical>',
    description: 'what the input records are (default canonical)',
  },
  {
    name: 'to',
    short: 't',
    type: 'string',
    value: '<provider>',
    description: 'the provider whose create payloads to write (required)',
  },
  {
    name: 'input',
    short: 'i',
    type: 'string',
    value: '<file>',
    description: 'NDJSON or JSON file (or give it as the argument)',
  },
  {
    name: 'format',
    type: 'string',
    value: '<ndjson|json>',
    description: 'input format (default: by extension)',
  },
  {
    name: 'out',
    short: 'o',
    type: 'string',
    value: '<file>',
    description: 'write the NDJSON here (complete or not at all); default stdout',
  },
  {
    name: 'from-option',
    type: 'list',
    value: '<key=value>',
    description: 'source adapter option (e.g. currency=USD for paid)',
  },
  {
    name: 'option',
    type: 'list',
    value: '<key=value>',
    description: 'target adapter option, e.g. companyId=biz_123',
  },
  {
    name: 'id-map',
    type: 'list',
    value: '<file.json|file.csv>',
    description: 'source → target ids of customers, products, subscriptions',
  },
  { name: 'strict', type: 'boolean', description: 'refuse documents whose mapping loses data' },
  {
    name: 'on-error',
    type: 'string',
    value: '<stop|continue>',
    description: 'on a record that cannot be converted (default continue)',
  },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const CONVERT_HELP = helpText(
  'billbridge convert --from <provider|canonical> --to <provider> <file> [--out <file>]',
  "Offline: reads records and writes the target provider's create payloads, one JSON per line.\nWarnings (what each payload loses) and errors go to stderr with the file and line they concern.",
  CONVERT_FLAGS,
  `${PROVIDERS_HELP}

Example:
  billbridge convert --from flowglad --to chargeover flowglad.ndjson --option 'currencyIds={"USD":1}' --out co.ndjson

Exit status: 0 every record converted, 1 some could not be, 2 bad usage.`,
);

export async function runConvert(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const { flags, positionals } = parseArgs(argv, CONVERT_FLAGS, 'convert');
  if (bool(flags, 'help')) {
    io.out.write(CONVERT_HELP);
    return EXIT.ok;
  }
  const input = str(flags, 'input') ?? positionals[0];
  if (input === undefined) throw new UsageError('Give the input file (--input <file> or as the argument).');
  const from = recordsOf(registry, str(flags, 'from'), 'from');
  const to = providerOf(registry, str(flags, 'to'), 'to');
  const format = str(flags, 'format');
  if (format !== undefined && format !== 'ndjson' && format !== 'json')
    throw new UsageError('--format must be ndjson or json.');
  const onError = oneOf(flags, 'on-error', ['stop', 'continue'] as const, 'continue');
  const options = { ...keyValues(list(flags, 'option'), 'option'), strict: bool(flags, 'strict') };
  const idMaps = await idMapsFrom(flags);
  const outPath = str(flags, 'out');
  const writer: AtomicWriter | undefined = outPath ? createAtomicWriter(outPath) : undefined;
  const write = (text: string): Promise<void> =>
    writer
      ? writer.write(text)
      : new Promise((resolve) => {
          if (io.out.write(text)) resolve();
          else io.out.once('drain', resolve);
        });

  let converted = 0;
  let problems = 0;
  try {
    for await (const item of readSource({
      kind: 'file',
      path: input,
      ...(format === undefined ? {} : { format }),
      ...(from ? { adapter: from.adapter } : {}),
      adapterOptions: keyValues(list(flags, 'from-option'), 'from-option'),
    })) {
      const where = describeLocation(item.location);
      const fail = (message: string) => {
        problems++;
        io.err.write(`error ${message}\n`);
      };
      if (!item.ok) {
        fail(item.error.message.startsWith(where) ? item.error.message : `${where}: ${item.error.message}`);
        if (onError === 'stop') break;
        continue;
      }
      const key = sourceKey(item.doc, item.location);
      for (const w of item.warnings)
        io.err.write(`warning ${where} (${key}): read ${w.code} ${w.path}: ${w.message}\n`);
      try {
        const { request, warnings } = to.adapter.toCreateRequest(prepareForTarget(item.doc, idMaps), options);
        for (const w of warnings)
          io.err.write(`warning ${where} (${key}): ${w.code} ${w.path}: ${w.message}\n`);
        await write(`${JSON.stringify(request)}\n`);
        converted++;
      } catch (error) {
        fail(
          `${where} (${key}): ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        );
        if (onError === 'stop') break;
      }
    }
    if (onError === 'stop' && problems > 0) {
      await writer?.abort();
      io.err.write(
        `Stopped at the first problem; ${outPath ? `${outPath} was not written` : 'output is incomplete'}.\n`,
      );
      return EXIT.problems;
    }
    await writer?.commit();
  } catch (error) {
    await writer?.abort();
    throw error;
  }
  io.err.write(
    `Converted ${converted} record${converted === 1 ? '' : 's'} to ${to.name}${problems ? `; ${problems} could not be converted` : ''}.\n`,
  );
  return problems > 0 ? EXIT.problems : EXIT.ok;
}
