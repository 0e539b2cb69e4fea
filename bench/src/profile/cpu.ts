/**
 * CPU cost per call, in this process only (process.cpuUsage), of a client create against the sink, of
 * core's transport alone with the already-mapped body, of raw undici, and of the official SDK (Paid, Whop): steadier than calls/s on a
 * loaded machine, since time spent waiting for a core does not count.
 * Usage: npx tsx --conditions=billbridge-source src/profile/cpu.ts <provider> [calls] [rounds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from '@billbridge/core';
import { ADAPTERS } from '../adapters';
import { captureCanned } from '../canned';
import { clientCall, sdkCreate } from '../clients';
import { ADAPTER_OPTIONS, invoiceFor, PROVIDERS, type Provider } from '../docs';
import { startSink } from '../sink';
import { baseUrlFor, createCall } from '../wire';

const [providerArg = 'paid', callsArg = '4000', roundsArg = '3'] = process.argv.slice(2);
if (!PROVIDERS.includes(providerArg as Provider)) throw new Error(`unknown provider ${providerArg}`);
const provider = providerArg as Provider;
const calls = Number(callsArg);
const dir = mkdtempSync(join(tmpdir(), 'billbridge-cpu-'));
const sink = await startSink(await captureCanned(), dir);

async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  let left = calls;
  const worker = async () => {
    while (left-- > 0) await call();
  };
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: 64 }, worker));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

try {
  const { request: mapped } = ADAPTERS[provider].toCreateRequest(
    invoiceFor(provider, 1),
    ADAPTER_OPTIONS[provider],
  );
  const wire = createCall(provider, mapped);
  const base = baseUrlFor(provider, `${sink.origin}/${provider}`);
  const transport = createTransport({
    provider,
    baseUrl: sink.origin,
    headers: wire.headers,
    secrets: ['bench-secret'],
    maxRetries: 0,
    mapError: () => {
      throw new Error('sink error');
    },
  });
  const path = new URL(`${base}${wire.path}`).pathname + new URL(`${base}${wire.path}`).search;
  const kinds: Record<string, () => Promise<unknown>> = {
    undici: clientCall(provider, sink.origin, 'undici'),
    transport: () =>
      transport.request({ method: 'POST', path, body: wire.body, operation: 'create', deduplicated: true }),
    billbridge: clientCall(provider, sink.origin, 'billbridge'),
    ...(provider === 'paid' || provider === 'whop' ? { sdk: sdkCreate(provider, sink.origin) } : {}),
  };
  const best: Record<string, number> = {};
  for (let round = 0; round < Number(roundsArg); round++) {
    for (const [name, call] of Object.entries(kinds)) {
      const us = await cpuPerCall(call);
      best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, us);
    }
  }
  const line = Object.entries(best)
    .map(([name, us]) => `${name} ${us.toFixed(0)} µs`)
    .join(', ');
  console.log(
    `${provider} CPU per call (best of ${roundsArg} × ${calls}): ${line}; undici/billbridge ${(best.undici! / best.billbridge!).toFixed(2)}×${best.sdk !== undefined ? `, sdk/billbridge ${(best.sdk / best.billbridge!).toFixed(2)}×` : ''}`,
  );
} finally {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
