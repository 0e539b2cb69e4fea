/**
 * `billbridge listen`: a local webhook receiver that verifies one provider's deliveries, normalises them
 * into BillingEvents and prints each once (redeliveries are answered 200 and not printed again).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type BillingEvent,
  createNodeWebhookHandler,
  PROVIDER_NAMES,
  type ProviderName,
} from '@billbridge/core';
import { webhookParser } from '../webhook-sources';
import { bool, type FlagSpec, helpText, int, oneOf, parseArgs, str, UsageError } from './args';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';

export const LISTEN_FLAGS: FlagSpec[] = [
  { name: 'provider', type: 'string', value: '<name>', description: PROVIDER_NAMES.join(' | ') },
  {
    name: 'secret-env',
    type: 'string',
    value: '<NAME>',
    description: 'environment variable holding the webhook secret (ChargeOver: the shared token)',
  },
  {
    name: 'port',
    short: 'p',
    type: 'string',
    value: '<n>',
    description: 'port on 127.0.0.1 (default 8787; 0 = free port)',
  },
  {
    name: 'path',
    type: 'string',
    value: '</path>',
    description: 'path to accept deliveries on (default /webhooks)',
  },
  {
    name: 'json',
    type: 'boolean',
    description: 'print each event as one JSON line (default: one text line)',
  },
  {
    name: 'tolerance',
    type: 'string',
    value: '<s>',
    description: "signed-timestamp tolerance in seconds (default: the provider's)",
  },
  {
    name: 'event-type',
    type: 'string',
    value: '<type>',
    description: "flowglad: the endpoint's event type (its bodies do not say), e.g. payment.succeeded",
  },
  {
    name: 'api-key-env',
    type: 'string',
    value: '<NAME>',
    description: 'flowglad: API key variable; each payment is read and resolved to its invoice',
  },
  { name: 'api-url', type: 'string', value: '<url>', description: 'flowglad: API origin for --api-key-env' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const LISTEN_HELP = helpText(
  'billbridge listen --provider <name> --secret-env <NAME> [--port <n>] [--json]',
  'Receives webhooks on 127.0.0.1, verifies them with the secret, and prints each normalised event\n(type, id, invoice) once. Forged, tampered or stale deliveries are refused with 401. Runs until Ctrl-C.',
  LISTEN_FLAGS,
  'Example, with the fakes:\n  WHOP_WEBHOOK_SECRET=ws_test billbridge listen --provider whop --secret-env WHOP_WEBHOOK_SECRET',
);

function describe(event: BillingEvent): string {
  const parts = [event.occurredAt ?? new Date().toISOString(), event.provider, event.type, `id=${event.id}`];
  if (event.providerType !== event.type) parts.push(`(${event.providerType})`);
  if (event.invoiceId) parts.push(`invoice=${event.invoiceId}`);
  if (event.paymentId) parts.push(`payment=${event.paymentId}`);
  const invoice = event.invoice;
  if (invoice) {
    if (invoice.status) parts.push(`status=${invoice.status}`);
    if (invoice.total !== undefined) parts.push(`total=${invoice.total} ${invoice.currency}`);
    else parts.push(`lines=${invoice.lines.length} ${invoice.currency}`);
  }
  if (event.warnings.length > 0) parts.push(`warnings=${event.warnings.length}`);
  return parts.join('  ');
}

export async function runListen(
  argv: readonly string[],
  io: CliIO,
  _registry: ProviderRegistry,
  until: Promise<unknown> = new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }),
): Promise<number> {
  const { flags } = parseArgs(argv, LISTEN_FLAGS, 'listen');
  if (bool(flags, 'help')) {
    io.out.write(LISTEN_HELP);
    return EXIT.ok;
  }
  const provider = oneOf(flags, 'provider', PROVIDER_NAMES, '' as ProviderName);
  const secretEnv = str(flags, 'secret-env');
  if (!secretEnv)
    throw new UsageError('--secret-env <NAME> is required (the variable holding the webhook secret).');
  const secret = io.env[secretEnv];
  if (!secret)
    throw new UsageError(`set the environment variable ${secretEnv} to the ${provider} webhook secret.`);
  const apiKeyEnv = str(flags, 'api-key-env');
  const apiKey = apiKeyEnv ? io.env[apiKeyEnv] : undefined;
  if (apiKeyEnv && !apiKey) throw new UsageError(`set the environment variable ${apiKeyEnv}.`);
  const tolerance = int(flags, 'tolerance', 1);
  const apiUrl = str(flags, 'api-url');
  const eventType = str(flags, 'event-type');
  const parse = webhookParser(provider, {
    secret,
    ...(tolerance !== undefined && { toleranceSeconds: tolerance }),
    ...(eventType !== undefined && { eventType }),
    ...(apiKey !== undefined && { apiKey }),
    ...(apiUrl !== undefined && { apiUrl }),
  });
  const path = str(flags, 'path') ?? '/webhooks';
  const json = bool(flags, 'json');
  const handler = createNodeWebhookHandler({
    parse,
    onEvent(event) {
      io.out.write(`${json ? JSON.stringify(event) : describe(event)}\n`);
    },
  });
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || url !== path) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not a webhook route"}');
      return;
    }
    handler(req, res).then(
      (outcome) => {
        if (outcome.status >= 400) {
          const reason = (outcome.body as { error?: string }).error ?? `status ${outcome.status}`;
          io.err.write(`refused (${outcome.status}): ${reason}\n`);
        }
      },
      () => {
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(int(flags, 'port', 0) ?? 8787, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  io.err.write(`Listening for ${provider} webhooks on http://127.0.0.1:${port}${path}; Ctrl-C to stop.\n`);
  try {
    await until;
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  return EXIT.ok;
}
