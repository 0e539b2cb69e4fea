import { prepareForTarget } from '../prepare';
import { describeLocation } from '../report';
import { readSource } from '../sources';
import { bool, type FlagSpec, helpText, keyValues, list, parseArgs, str, UsageError } from './args';
import { idMapsFrom, PROVIDERS_HELP, recordsOf } from './common';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';

export const VALIDATE_FLAGS: FlagSpec[] = [
  {
    name: 'format',
    type: 'string',
    value: '<ndjson|json>',
    description: 'input format (default: by extension)',
  },
  {
    name: 'target',
    short: 't',
    type: 'string',
    value: '<provider>',
    description: 'also check that each document maps to this provider',
  },
  {
    name: 'option',
    type: 'list',
    value: '<key=value>',
    description: 'target adapter option (with --target)',
  },
  {
    name: 'id-map',
    type: 'list',
    value: '<file.json|file.csv>',
    description: 'with --target: rewrite references through these id maps first, as migrate does',
  },
  {
    name: 'id-map-delimiter',
    type: 'string',
    value: '<char>',
    description: 'field delimiter of CSV id maps (default ,)',
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'print only the summary' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const VALIDATE_HELP = helpText(
  'billbridge validate <file...> [--target <provider> [--option k=v] [--id-map <file>]]',
  'Checks files of canonical documents (Invoices and Orders, NDJSON or JSON) against the canonical model\nand prints every issue with its file, line and field path.',
  VALIDATE_FLAGS,
  `${PROVIDERS_HELP}\n\nExit status: 0 all valid, 1 some invalid, 2 bad usage.`,
);

export async function runValidate(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const { flags, positionals } = parseArgs(argv, VALIDATE_FLAGS, 'validate');
  if (bool(flags, 'help')) {
    io.out.write(VALIDATE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('Give at least one file to validate.');
  const format = str(flags, 'format');
  if (format !== undefined && format !== 'ndjson' && format !== 'json')
    throw new UsageError('--format must be ndjson or json.');
  const target = recordsOf(registry, str(flags, 'target'), 'target');
  const options = keyValues(list(flags, 'option'), 'option');
  const quiet = bool(flags, 'quiet');
  const delimiter = str(flags, 'id-map-delimiter');
  const idMaps = await idMapsFrom(flags, delimiter === undefined ? {} : { delimiter });
  let valid = 0;
  let invalid = 0;
  for (const file of positionals) {
    for await (const item of readSource({
      kind: 'file',
      path: file,
      ...(format === undefined ? {} : { format }),
    })) {
      const where = describeLocation(item.location);
      let problem: string | undefined;
      if (!item.ok)
        problem = item.error.message.startsWith(where)
          ? item.error.message.slice(where.length + 2)
          : item.error.message;
      else if (target) {
        try {
          // As migrate sends it: references rewritten through the id maps (items included).
          target.adapter.toCreateRequest(prepareForTarget(item.doc, idMaps), options);
        } catch (error) {
          problem = `${target.name}: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      if (problem === undefined) {
        valid++;
        continue;
      }
      invalid++;
      if (!quiet)
        io.out.write(`${where}${item.ok || item.key === undefined ? '' : ` (${item.key})`}: ${problem}\n`);
    }
  }
  io.out.write(`${valid} valid, ${invalid} invalid.\n`);
  return invalid > 0 ? EXIT.problems : EXIT.ok;
}
