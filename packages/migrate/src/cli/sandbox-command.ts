import { PROVIDER_NAMES } from '@billbridge/core';
import type { RunningFake } from '@billbridge/testing';
import { bool, type FlagSpec, helpText, int, parseArgs } from './args';
import { table } from './format';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';
import { type Importer, loadSandboxTools, SANDBOX_PACKAGE, SandboxToolsMissingError } from './sandbox-tools';

export const SANDBOX_FLAGS: FlagSpec[] = [
  {
    name: 'port',
    short: 'p',
    type: 'string',
    value: '<n>',
    description: 'first port; the five fakes take n … n+4 (default: free ports)',
  },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const SANDBOX_HELP = helpText(
  'billbridge sandbox [--port <n>]',
  `Starts the five provider fakes on 127.0.0.1 (in-memory, with their documented default data) and\nprints their URLs. Any well-formed key is accepted. Runs until Ctrl-C.\nThe fakes come from ${SANDBOX_PACKAGE} (install it to use this command).`,
  SANDBOX_FLAGS,
  'Then, in another terminal:\n  WHOP_API_KEY=test billbridge migrate --target whop --target-url <whop url> --input invoices.ndjson ...',
);

export async function runSandbox(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
  until: Promise<unknown> = new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }),
  importer?: Importer,
): Promise<number> {
  const { flags } = parseArgs(argv, SANDBOX_FLAGS, 'sandbox');
  if (bool(flags, 'help')) {
    io.out.write(SANDBOX_HELP);
    return EXIT.ok;
  }
  const base = int(flags, 'port', 1);
  let tools: Awaited<ReturnType<typeof loadSandboxTools>>;
  try {
    tools = await loadSandboxTools(registry, importer);
  } catch (error) {
    if (!(error instanceof SandboxToolsMissingError)) throw error;
    io.err.write(`billbridge sandbox: ${error.message}\n`);
    return EXIT.problems;
  }
  const running: Array<[string, RunningFake<unknown>]> = [];
  try {
    for (const [i, name] of PROVIDER_NAMES.entries()) {
      const fake = await tools.startFake(tools.fakes[name], base === undefined ? {} : { port: base + i });
      running.push([name, fake]);
    }
    io.out.write(
      `${table(
        ['provider', 'base url (--target-url)', 'key variable'],
        running.map(([name, fake]) => [name, fake.baseUrl, registry[name as keyof ProviderRegistry].keyEnv]),
      )}\n\nFakes running; Ctrl-C to stop.\n`,
    );
    await until;
  } finally {
    await Promise.all(running.map(([, fake]) => fake.close()));
  }
  io.out.write('Stopped.\n');
  return EXIT.ok;
}
