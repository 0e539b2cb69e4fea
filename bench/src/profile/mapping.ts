/**
 * A focused loop for `node --cpu-prof`: one adapter's toCreateRequest (or fromProvider) for a while.
 * Usage: node --cpu-prof --import tsx --conditions=billbridge-source src/profile/mapping.ts <provider> <lines> [to|from] [seconds]
 */
import { ADAPTERS } from '../adapters';
import { ADAPTER_OPTIONS, invoiceFor, PROVIDERS, type Provider } from '../docs';
import { measureSync } from '../measure';

const [providerArg = 'chargeover', linesArg = '1', direction = 'to', secondsArg = '3'] =
  process.argv.slice(2);
if (!PROVIDERS.includes(providerArg as Provider)) throw new Error(`unknown provider ${providerArg}`);
const provider = providerArg as Provider;
const adapter = ADAPTERS[provider];
const options = ADAPTER_OPTIONS[provider];
const doc = invoiceFor(provider, Number(linesArg));
const { request } = adapter.toCreateRequest(doc, options);
const fn =
  direction === 'from'
    ? () => adapter.fromProvider(request, options)
    : () => adapter.toCreateRequest(doc, options);
const rate = measureSync(fn, Number(secondsArg), 0.5);
console.log(
  `${provider} ${direction} ${linesArg} lines: ${Math.round(rate.perSecond)} ops/s, ${Math.round(rate.perCpuSecond)} per CPU second`,
);
