/**
 * A focused client loop for `node --cpu-prof`: one provider's billbridge client creating against the
 * sink process, 64 in flight (or the raw undici baseline with `raw`).
 * Usage: node --cpu-prof --import tsx --conditions=billbridge-source src/profile/client.ts <provider> [billbridge|raw] [seconds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureCanned } from '../canned';
import { clientCall } from '../clients';
import { PROVIDERS, type Provider } from '../docs';
import { measureConcurrent } from '../measure';
import { startSink } from '../sink';

const [providerArg = 'paid', kind = 'billbridge', secondsArg = '4'] = process.argv.slice(2);
if (!PROVIDERS.includes(providerArg as Provider)) throw new Error(`unknown provider ${providerArg}`);
const dir = mkdtempSync(join(tmpdir(), 'billbridge-prof-'));
const sink = await startSink(await captureCanned(), dir);
try {
  const call = clientCall(providerArg as Provider, sink.origin, kind === 'raw' ? 'undici' : 'billbridge');
  const rate = await measureConcurrent(call, 64, Number(secondsArg), 0.5);
  console.log(`${providerArg} ${kind}: ${Math.round(rate.perSecond)} creates/s`);
} finally {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
