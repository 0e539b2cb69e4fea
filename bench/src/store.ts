/**
 * Migrations across machines: a run kept in PostgreSQL (a throwaway cluster, as the tests start it),
 * its workers as separate processes against the toy target with 20 ms latency on every request and no
 * rate limit. 1, 2 and 4 workers on the same number of invoices, as throughput ratios in one run; then
 * four workers with one SIGKILLed halfway and not restarted, checked for exactly-once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startFake } from '@billbridge/testing';
import { startPostgres } from '../../packages/migrate/test/helpers/postgres';
import { sourceInvoice, type ToyInvoice, toyFake } from '../../packages/migrate/test/helpers/toy-provider';
import type { Settings } from './settings';
import { fmtRate, fmtRatio, type Section } from './table';

const MIGRATE_DIR = fileURLToPath(new URL('../../packages/migrate/', import.meta.url));
const WORKER = 'test/helpers/store-worker.ts';
const LATENCY_MS = 20;

interface WorkerOutput {
  started: number;
  finished: number;
  firstSentAt?: number;
  lastSettledAt?: number;
  takenOver: number;
  report: { created: number; reconciled: number };
  counts: Record<string, number>;
}

function spawnWorker(settings: Record<string, unknown>): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=billbridge-source', '--import', 'tsx', WORKER, JSON.stringify(settings)],
    { cwd: MIGRATE_DIR, stdio: ['pipe', 'pipe', 'inherit'] },
  );
}

function lines(child: ChildProcess): { all: string[]; ready: Promise<void> } {
  const all: string[] = [];
  let buffer = '';
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      all.push(line);
      if (line === 'ready') resolveReady();
    }
  });
  return { all, ready };
}

async function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return { code: child.exitCode, signal: child.signalCode };
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal };
}

/** Loads a run, starts `count` workers together (a start gate), returns what they did. */
async function runWorkers(
  options: {
    store: string;
    run: string;
    target: string;
    input: string;
    workers: number;
    concurrency: number;
    leaseMs: number;
    chunkSize: number;
  },
  during?: (workers: ChildProcess[]) => Promise<void>,
): Promise<{ outputs: WorkerOutput[]; killed: number }> {
  const common = {
    store: options.store,
    run: options.run,
    target: options.target,
    concurrency: options.concurrency,
    chunkSize: options.chunkSize,
    leaseMs: options.leaseMs,
  };
  const loader = spawnWorker({ ...common, input: options.input, loadOnly: true });
  const load = await exited(loader);
  if (load.code !== 0) throw new Error(`loading the run failed (${load.code})`);
  const workers = Array.from({ length: options.workers }, () => spawnWorker({ ...common, gate: true }));
  const outs = workers.map(lines);
  await Promise.all(outs.map((o) => o.ready));
  for (const w of workers) w.stdin?.write('go\n');
  const whenDone = during?.(workers);
  const results = await Promise.all(workers.map(exited));
  await whenDone;
  const outputs: WorkerOutput[] = [];
  let killed = 0;
  results.forEach((r, i) => {
    if (r.signal === 'SIGKILL') {
      killed++;
      return;
    }
    if (r.code !== 0) throw new Error(`worker ${i} exited with ${r.code}`);
    const last = outs[i]?.all.filter((l) => l.startsWith('{')).at(-1);
    outputs.push(JSON.parse(last ?? '{}') as WorkerOutput);
  });
  return { outputs, killed };
}

function checkExactlyOnce(invoices: ToyInvoice[], count: number): string | undefined {
  if (invoices.length !== count) return `${invoices.length} invoices on the target, expected ${count}`;
  const keys = new Set(invoices.map((i) => i.key));
  if (keys.size !== count) return `${count - keys.size} duplicated`;
  for (const invoice of invoices) {
    const i = Number(invoice.key?.replace('src_', ''));
    if (invoice.lines[0]?.unit !== 1000 + i) return `${invoice.key}: amount differs from the source`;
  }
  return undefined;
}

export async function storeBench(settings: Settings, dir: string): Promise<Section[]> {
  const count = settings.smoke ? 120 : 800;
  const killCount = settings.smoke ? 400 : 4_000;
  const perWorker = 1;
  const postgres = await startPostgres();
  try {
    const input = join(dir, 'store-invoices.ndjson');
    await writeFile(
      input,
      `${Array.from({ length: killCount }, (_, i) => JSON.stringify(sourceInvoice(i))).join('\n')}\n`,
    );
    const countInput = join(dir, 'store-invoices-small.ndjson');
    await writeFile(
      countInput,
      `${Array.from({ length: count }, (_, i) => JSON.stringify(sourceInvoice(i))).join('\n')}\n`,
    );

    const scaling: Array<{ workers: number; rate: number; wall: number }> = [];
    const problems: string[] = [];
    for (const workers of [1, 2, 4]) {
      const fake = await startFake(toyFake(false), {
        faults: { rate: 1, kinds: ['latency'], latencyMs: LATENCY_MS },
      });
      try {
        const { outputs } = await runWorkers({
          store: postgres.url,
          run: `scale-${workers}`,
          target: fake.url,
          input: countInput,
          workers,
          concurrency: perWorker,
          leaseMs: 30_000,
          chunkSize: Math.max(5, Math.floor(count / 60)),
        });
        // Sending throughput: from the first create sent to the last outcome recorded, over all workers
        // (connecting, joining and the final status read are the same fixed cost for any number).
        const first = Math.min(...outputs.map((o) => o.firstSentAt ?? o.started));
        const last = Math.max(...outputs.map((o) => o.lastSettledAt ?? o.finished));
        const wall =
          (Math.max(...outputs.map((o) => o.finished)) - Math.min(...outputs.map((o) => o.started))) / 1000;
        scaling.push({ workers, rate: count / ((last - first) / 1000), wall });
        const wrong = checkExactlyOnce(fake.records as ToyInvoice[], count);
        if (wrong) problems.push(`${workers} workers: ${wrong}`);
      } finally {
        await fake.close();
      }
    }
    const one = scaling[0]?.rate ?? 1;
    const scalingSection: Section = {
      title: `Run in PostgreSQL: workers against a target with ${LATENCY_MS} ms per request, no rate limit`,
      header: ['workers', 'invoices/s (sending)', 'vs 1 worker', 'wall time'],
      rows: scaling.map((s) => ({
        cells: [String(s.workers), fmtRate(s.rate), fmtRatio(s.rate / one), `${s.wall.toFixed(1)} s`],
        ...(s.workers === 4 ? { pass: s.rate / one >= 3 && problems.length === 0 } : {}),
      })),
      notes: [
        `${count.toLocaleString('en-US')} invoices per run, each worker a process sending ${perWorker} document at a time (so the 20 ms latency bounds it, not a busy machine), one PostgreSQL; target for 4 workers: ≥ 3× one worker. Sending throughput runs from the first create to the last outcome recorded; the wall time adds each process's connect, join and final status read. Exactly once on the target in every run${problems.length ? `: NO — ${problems.join('; ')}` : ': yes'}.`,
      ],
    };

    // Four workers, one SIGKILLed halfway and not restarted.
    const fake = await startFake(toyFake(false), {
      faults: { rate: 1, kinds: ['latency'], latencyMs: LATENCY_MS },
    });
    let killSection: Section;
    try {
      const leaseMs = 3_000;
      const started = Date.now();
      let killedAt = 0;
      const { outputs, killed } = await runWorkers(
        {
          store: postgres.url,
          run: 'kill',
          target: fake.url,
          input,
          workers: 4,
          concurrency: 8,
          leaseMs,
          chunkSize: 50,
        },
        async (workers) => {
          while ((fake.records as unknown[]).length < killCount / 2) await delay(10);
          workers[Math.floor(Math.random() * workers.length)]?.kill('SIGKILL');
          killedAt = Date.now();
        },
      );
      const finished = Date.now();
      const invoices = fake.records as ToyInvoice[];
      const wrong = checkExactlyOnce(invoices, killCount);
      const counts = outputs[0]?.counts ?? {};
      const agree = counts.done === killCount && invoices.length === killCount;
      const takenOver = outputs.reduce((n, o) => n + o.takenOver, 0);
      const reconciled = outputs.reduce((n, o) => n + o.report.reconciled, 0);
      killSection = {
        title: 'Run in PostgreSQL: four workers, one SIGKILLed halfway and not restarted',
        header: [
          'invoices',
          'on the target',
          'duplicated',
          'run counts agree',
          'chunks taken over',
          'reconciled',
          'time',
        ],
        rows: [
          {
            cells: [
              killCount.toLocaleString('en-US'),
              invoices.length.toLocaleString('en-US'),
              String(invoices.length - new Set(invoices.map((i) => i.key)).size),
              agree ? 'yes' : `no (${JSON.stringify(counts)})`,
              String(takenOver),
              String(reconciled),
              `${((finished - started) / 1000).toFixed(1)} s (${((finished - killedAt) / 1000).toFixed(1)} s after the kill)`,
            ],
            pass: killed === 1 && wrong === undefined && agree && takenOver > 0,
          },
        ],
        notes: [
          `Lease ${leaseMs / 1000} s: the killed worker's chunks are taken over once it runs out; what it left pending is found on the target by its key (reconciled) or proven absent and sent.${wrong ? ` Problem: ${wrong}.` : ''}`,
        ],
      };
    } finally {
      await fake.close();
    }
    return [scalingSection, killSection];
  } finally {
    await postgres.stop();
  }
}
