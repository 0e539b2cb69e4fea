import { BillbridgeError, redactSecrets } from '@billbridge/core';
// Bundled into dist/cli.js at build time, so the version printed is the one published.
import pkg from '../../package.json' with { type: 'json' };
import { UsageError } from './args';
import { CAPABILITIES_HELP, runCapabilities } from './capabilities-command';
import { CONVERT_HELP, runConvert } from './convert-command';
import { type CliIO, EXIT } from './io';
import { LISTEN_HELP, runListen } from './listen-command';
import { MIGRATE_HELP, runMigrate } from './migrate-command';
import { RECONCILE_HELP, runReconcile } from './reconcile-command';
import type { ProviderRegistry } from './registry-types';
import { runSandbox, SANDBOX_HELP } from './sandbox-command';
import { runStatus, STATUS_HELP } from './status-command';
import { runValidate, VALIDATE_HELP } from './validate-command';
import { runVerify, VERIFY_HELP } from './verify-command';

type Command = (argv: readonly string[], io: CliIO, registry: ProviderRegistry) => Promise<number>;

export const COMMANDS: Record<string, { run: Command; help: string; summary: string }> = {
  migrate: {
    run: runMigrate,
    help: MIGRATE_HELP,
    summary: 'move documents into a provider, exactly once (journal, --resume, --dry-run)',
  },
  verify: {
    run: runVerify,
    help: VERIFY_HELP,
    summary: 'compare every created invoice with what the target stored',
  },
  status: {
    run: runStatus,
    help: STATUS_HELP,
    summary: 'a run kept in PostgreSQL: counts by state, rate, ETA, workers alive',
  },
  reconcile: {
    run: runReconcile,
    help: RECONCILE_HELP,
    summary: 'settle ambiguous documents by looking on the target (nothing is sent)',
  },
  convert: {
    run: runConvert,
    help: CONVERT_HELP,
    summary: "offline: records in, another provider's create payloads out (NDJSON)",
  },
  validate: { run: runValidate, help: VALIDATE_HELP, summary: 'check files of canonical documents' },
  capabilities: {
    run: runCapabilities,
    help: CAPABILITIES_HELP,
    summary: 'the field-by-field table of every adapter',
  },
  sandbox: { run: runSandbox, help: SANDBOX_HELP, summary: 'start the five provider fakes on localhost' },
  listen: { run: runListen, help: LISTEN_HELP, summary: 'receive webhooks and print normalised events' },
};

export const MAIN_HELP = `Usage: billbridge <command> [options]

Move invoices and orders between Paid, Flowglad, Whop, ChargeOver and Pelcro.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)
  .join('\n')}

Run \`billbridge <command> --help\` for the options of one command.
API keys are read from environment variables (named with --target-key-env / --source-key-env), never from
the command line, and are never printed.
`;

/** Runs one command line; returns the exit status. Errors are printed without stacks and with secrets redacted. */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    io.out.write(topic && COMMANDS[topic] ? (COMMANDS[topic]?.help ?? MAIN_HELP) : MAIN_HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out.write(`billbridge ${pkg.version}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err.write(`billbridge: unknown command ${JSON.stringify(name)}.\n\n${MAIN_HELP}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io, registry);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`billbridge ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    const text =
      BillbridgeError.isInstance(error) || error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
    io.err.write(`billbridge ${name}: ${redactSecrets(text)}\n`);
    return EXIT.problems;
  }
}
