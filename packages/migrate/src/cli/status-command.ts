import { bool, type FlagSpec, helpText, parseArgs } from './args';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';
import { STORE_FLAGS, storeStatus } from './store-run';

export const STATUS_FLAGS: FlagSpec[] = [
  ...STORE_FLAGS,
  { name: 'json', type: 'boolean', description: 'print the status as JSON' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const STATUS_HELP = helpText(
  'billbridge status --store <postgres://…> --run <id> [--json]',
  'The state of a run kept in PostgreSQL, from any machine: documents by state (todo, pending, done,\nfailed, ambiguous, skipped), the rate over the last minute and the ETA it gives, the workers alive\n(heartbeat within the lease), the chunks, and the shared rate limit with its 429 backoffs.',
  STATUS_FLAGS,
  'Exit status: 0, 2 bad usage, 1 the store cannot be read or the run does not exist.',
);

export async function runStatus(
  argv: readonly string[],
  io: CliIO,
  _registry: ProviderRegistry,
): Promise<number> {
  const { flags } = parseArgs(argv, STATUS_FLAGS, 'status');
  if (bool(flags, 'help')) {
    io.out.write(STATUS_HELP);
    return EXIT.ok;
  }
  return storeStatus(flags, io);
}
