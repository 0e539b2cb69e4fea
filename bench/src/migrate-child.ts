/**
 * One migration run in its own process, so its peak RSS is its own: `engine` runs `migrate()` from an
 * NDJSON file into the sink (ChargeOver target, journal on); `raw` is the ceiling: the same file read
 * line by line and each line POSTed with raw undici `request`, same concurrency, no parsing or mapping,
 * the reader waiting for a free slot on one promise.
 * Prints one JSON line: { seconds, created, failed, maxRssKiB, retainedMiB, peak, series } — retainedMiB is
 * the largest heap in use after a full GC, sampled at each quarter of the run (needs --expose-gc); `peak`
 * is the largest value of each `process.memoryUsage()` field (sampled every 50 ms and at each tenth) and
 * `series` where they stood at each tenth of the run, so RSS growth can be split into the V8 heap
 * (heapTotal), memory outside it (external, arrayBuffers) and the rest (code, malloc, thread stacks).
 * Usage: migrate-child <engine|engine-no-journal|raw|raw-raced> <file> <origin> <journal-path> <concurrency> <count>
 * (`engine-no-journal`: the engine without its journal, to show what the journal costs; `raw-raced`: the
 * ceiling of rounds 1-3, waiting with a Promise.race over every request in flight.)
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chargeover, createChargeOverClient } from '@billbridge/chargeover';
import { DEFAULT_CURRENCY_IDS } from '@billbridge/chargeover/testing';
import { migrate } from '@billbridge/migrate';
import { request } from 'undici';
import { MIGRATION_ID_MAPS } from './docs';
import { createCall, KEYS } from './wire';

const [mode, file, origin, journal, concurrencyText, countText = '0'] = process.argv.slice(2);
if (!mode || !file || !origin || !journal || !concurrencyText)
  throw new Error('usage: migrate-child <engine|raw> <file> <origin> <journal> <concurrency>');
const concurrency = Number(concurrencyText);
const count = Number(countText);
const gc = (globalThis as { gc?: () => void }).gc;
/** Heap in use after a full GC, sampled at each quarter of the run: what the run holds so far. */
let retainedMiB = 0;
function sampleRetained(): void {
  if (!gc) return;
  gc();
  retainedMiB = Math.max(retainedMiB, process.memoryUsage().heapUsed / 1024 / 1024);
}
const quarter = Math.max(1, Math.floor(count / 4));

type Memory = Record<'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers', number>;
const FIELDS = ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'] as const;
/** The largest value of each `process.memoryUsage()` field seen by a 50 ms sampler, in bytes. */
const peak: Memory = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
/** Where the memory stood at each tenth of the run (before any forced GC), for reading growth. */
const series: Array<Memory & { at: number }> = [];
function sampleMemory(): Memory {
  const m = process.memoryUsage();
  for (const f of FIELDS) peak[f] = Math.max(peak[f], m[f]);
  return m;
}
const sampler = setInterval(sampleMemory, 50);
sampler.unref();
const tenth = Math.max(1, Math.floor(count / 10));
function onDone(done: number): void {
  if (done % tenth === 0) series.push({ at: done, ...sampleMemory() });
  if (done % quarter === 0) sampleRetained();
}
const baseUrl = `${origin}/chargeover`;

async function engine() {
  const client = createChargeOverClient({
    ...KEYS.chargeover,
    baseUrl,
    currencyIds: DEFAULT_CURRENCY_IDS,
    maxRetries: 0,
    // The sink answers every create with one canned id, so a read-back could not be compared.
    verify: 'response',
  });
  const { report } = await migrate({
    source: { kind: 'file', path: file as string, format: 'ndjson' },
    target: { adapter: chargeover, client, options: { currencyIds: DEFAULT_CURRENCY_IDS } },
    idMaps: MIGRATION_ID_MAPS,
    ...(mode === 'engine-no-journal' ? {} : { journal: journal as string }),
    concurrency,
    onProgress: ({ processed }) => onDone(processed),
  });
  const failed = report.failed + report.invalid + report.missingReferences + report.ambiguous;
  return { created: report.created, failed };
}

async function raw() {
  const { headers, path } = createCall('chargeover', {});
  const url = `${baseUrl}${path}`;
  let created = 0;
  let failed = 0;
  const send = async (line: string) => {
    const res = await request(url, { method: 'POST', headers, body: line });
    await res.body.json();
    if (res.statusCode < 300) created++;
    else failed++;
    onDone(created + failed);
  };
  const lines = createInterface({
    input: createReadStream(file as string),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  if (mode === 'raw') {
    // The reader waits for a free slot on one promise (as the engine does); a Promise.race over every
    // request in flight (raw-raced, below) adds a reaction to each of them per line.
    let active = 0;
    let wake: (() => void) | undefined;
    const slotFree = () =>
      new Promise<void>((resolve) => {
        wake = resolve;
      });
    const run = async (line: string) => {
      await send(line);
      active--;
      const w = wake;
      wake = undefined;
      w?.();
    };
    for await (const line of lines) {
      if (line === '') continue;
      active++;
      void run(line);
      if (active >= concurrency) await slotFree();
    }
    while (active > 0) await slotFree();
    return { created, failed };
  }
  // raw-raced: the ceiling of rounds 1-3.
  const inflight = new Set<Promise<void>>();
  for await (const line of lines) {
    if (line === '') continue;
    const p: Promise<void> = send(line).finally(() => inflight.delete(p));
    inflight.add(p);
    if (inflight.size >= concurrency) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return { created, failed };
}

const start = performance.now();
const cpuStart = process.cpuUsage();
const result = mode === 'raw' || mode === 'raw-raced' ? await raw() : await engine();
const seconds = (performance.now() - start) / 1000;
const maxRssKiB = process.resourceUsage().maxRSS;
// CPU of the whole process (main thread, libuv's pool, GC threads) from start to finish, µs.
const { user: cpuUserUs, system: cpuSystemUs } = process.cpuUsage(cpuStart);
sampleMemory();
process.stdout.write(
  `${JSON.stringify({ seconds, ...result, cpuUserUs, cpuSystemUs, maxRssKiB, retainedMiB, peak, series })}\n`,
);
process.exit(0);
