/**
 * Migration: N canonical invoices in an NDJSON file into the sink through `migrate()` with the journal
 * on, against the raw-undici ceiling (the same file POSTed line by line); each run in its own process
 * (see migrate-child.ts), so peak RSS at the small and the large size can be compared.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from './settings';
import { fmtRate, fmtRatio, type Section } from './table';

const CHILD = fileURLToPath(new URL('./migrate-child.ts', import.meta.url));

type Memory = Record<'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers', number>;

interface ChildResult {
  seconds: number;
  created: number;
  failed: number;
  /** CPU of the whole child process (main thread, libuv's pool, GC threads), µs. */
  cpuUserUs: number;
  cpuSystemUs: number;
  maxRssKiB: number;
  retainedMiB: number;
  /** Largest value of each `process.memoryUsage()` field during the run, bytes. */
  peak: Memory;
  /** The fields at each tenth of the run. */
  series: Array<Memory & { at: number }>;
}

/** Canonical invoices, 1–3 lines each, with the ids the migration's id maps translate. */
export async function writeSource(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 1; i <= count; i++) {
    const lines = Array.from({ length: (i % 3) + 1 }, (_, j) => ({
      description: `Consulting, item ${j + 1}`,
      quantity: j + 1,
      unitAmount: 1500 + ((i * 7 + j) % 900),
      product: { id: '4' },
    }));
    const doc = {
      id: `inv-${i}`,
      number: `M-${i}`,
      currency: 'USD',
      customer: { id: '1' },
      issuedAt: '2026-03-01T00:00:00Z',
      lines,
    };
    if (!out.write(`${JSON.stringify(doc)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function runChild(args: string[], nodeFlags: string[] = []): Promise<ChildResult> {
  // Same loader flags as this process (tsx, source conditions), nothing else.
  const child = spawn(process.execPath, [...process.execArgv, '--expose-gc', ...nodeFlags, CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`migration child ${args[0]} exited with ${code}`);
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildResult;
}

export async function migrationBench(settings: Settings, origin: string, dir: string): Promise<Section[]> {
  const { small, large } = settings.migrationSizes;
  const files = {
    small: join(dir, `invoices-${small}.ndjson`),
    large: join(dir, `invoices-${large}.ndjson`),
  };
  await writeSource(files.small, small);
  await writeSource(files.large, large);
  const c = String(settings.concurrency);
  // The ceiling of rounds 1-3: a Promise.race over every request in flight, per line, which costs it
  // ~30 µs per invoice of its own scheduling. Kept as a row for comparison with those rounds.
  const rawRaced = await runChild(['raw-raced', files.large, origin, join(dir, 'unused'), c, String(large)]);
  // The ceiling: the same sends, the reader waiting for a free slot on one promise.
  const rawLarge = await runChild(['raw', files.large, origin, join(dir, 'unused'), c, String(large)]);
  const engineSmall = await runChild([
    'engine',
    files.small,
    origin,
    join(dir, 'journal-small.ndjson'),
    c,
    String(small),
  ]);
  const engineLarge = await runChild([
    'engine',
    files.large,
    origin,
    join(dir, 'journal-large.ndjson'),
    c,
    String(large),
  ]);
  // The engine without its journal: not a configuration the target asks for, but what the journal costs.
  const engineNoJournal = await runChild([
    'engine-no-journal',
    files.large,
    origin,
    join(dir, 'unused'),
    c,
    String(large),
  ]);
  for (const [name, run, n] of [
    ['raw', rawLarge, large],
    ['raw raced', rawRaced, large],
    ['engine small', engineSmall, small],
    ['engine large', engineLarge, large],
    ['engine without journal', engineNoJournal, large],
  ] as const) {
    if (run.created !== n || run.failed !== 0)
      throw new Error(`migration ${name}: created ${run.created} of ${n}, ${run.failed} failed`);
  }
  const rate = (r: ChildResult) => r.created / r.seconds;
  const throughput = rate(engineLarge) / rate(rawLarge);
  const mb = (r: ChildResult) => `${(r.maxRssKiB / 1024).toFixed(0)} MB`;
  const kept = (r: ChildResult) => `${r.retainedMiB.toFixed(1)} MB`;
  const heap = (r: ChildResult) =>
    `${(r.peak.heapTotal / 1048576).toFixed(0)} / ${(r.peak.external / 1048576).toFixed(0)} MB`;
  const growth = engineLarge.maxRssKiB / engineSmall.maxRssKiB;
  /** One run's row: name, invoices, seconds, rate, memory, and its ratio text. */
  const cells = (name: string, n: number, r: ChildResult, ratio: string) => [
    name,
    String(n),
    r.seconds.toFixed(2),
    fmtRate(rate(r)),
    mb(r),
    heap(r),
    kept(r),
    ratio,
  ];
  return [
    {
      title: `Migration: ${large.toLocaleString('en')} invoices, NDJSON → sink (ChargeOver target, journal on, ${c} in flight)`,
      header: [
        'run',
        'invoices',
        'seconds',
        'invoices/s',
        'peak RSS',
        'peak V8 heap / external',
        'heap kept (after GC)',
        'ratio',
      ],
      rows: [
        {
          cells: cells('raw undici ceiling', large, rawLarge, '1.00×'),
        },
        {
          cells: cells(
            'raw undici, Promise.race (the ceiling of rounds 1-3)',
            large,
            rawRaced,
            `${fmtRatio(rate(rawRaced) / rate(rawLarge))}; migrate() is ${fmtRatio(rate(engineLarge) / rate(rawRaced))} of it`,
          ),
        },
        {
          cells: cells('migrate()', large, engineLarge, `${fmtRatio(throughput)} of ceiling (≥ 0.80×)`),
          pass: throughput >= 0.8,
        },
        {
          cells: cells(
            'migrate() without the journal',
            large,
            engineNoJournal,
            `${fmtRatio(rate(engineNoJournal) / rate(rawLarge))} of ceiling (what the journal costs; not a target)`,
          ),
        },
        {
          cells: cells(
            'migrate()',
            small,
            engineSmall,
            `RSS ${large}/${small}: ${fmtRatio(growth)} (flat: ≤ 1.25×)`,
          ),
          pass: growth <= 1.25,
        },
      ],
      notes: [
        'The ceiling reads the file line by line and POSTs each line, the reader waiting for a free slot on one promise (as the engine does). "Promise.race" is the ceiling of rounds 1-3: the same sends, the reader racing the 64 requests in flight per line, which adds a reaction to each of them and made that ceiling slower than it need be; the target is measured against the faster one.',
        'Peak RSS is `process.resourceUsage().maxRSS` of each run\'s own process (which includes the tsx loader, hence the raw run\'s baseline); "flat" means the 10× larger run peaks at most 25% higher. "Peak V8 heap / external" are the largest `heapTotal` (the V8 heap as allocated, garbage included) and `external` (Buffers, typed arrays) seen by a 50 ms sampler in the run. "Heap kept" is the largest heap in use after a forced GC, sampled at each quarter of the run: what the run holds as it goes.',
      ],
    },
  ];
}
