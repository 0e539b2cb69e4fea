/**
 * CPU µs per document of `migrate()` itself, without sockets: the ChargeOver client is given an undici
 * dispatcher that answers every request in this process with the sink's canned answers, so what is
 * measured is the engine and the client (read, prepare, journal, map, serialise, parse, map back) and
 * none of the HTTP stack. Runs the migration `rounds` times and prints each round's CPU per document, then
 * the best and the median of all rounds but the first.
 * Usage: tsx --conditions=billbridge-source src/profile/engine-cpu.ts [count] [rounds] [journal|no-journal]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chargeover, createChargeOverClient } from '@billbridge/chargeover';
import { DEFAULT_CURRENCY_IDS } from '@billbridge/chargeover/testing';
import { migrate } from '@billbridge/migrate';
import { Dispatcher } from 'undici';
import { captureCanned } from '../canned';
import { MIGRATION_ID_MAPS } from '../docs';
import { writeSource } from '../migration';
import { KEYS } from '../wire';

const [countArg = '20000', roundsArg = '5', journalArg = 'journal'] = process.argv.slice(2);
const count = Number(countArg);

/**
 * Answers POST with the canned create and GET with the canned currency table, on the next tick, through
 * undici's handler API (the one core's transport implements).
 */
class CannedDispatcher extends Dispatcher {
  constructor(
    private readonly created: Buffer,
    private readonly currencies: Buffer,
  ) {
    super();
  }
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const body = options.method === 'POST' ? this.created : this.currencies;
    const status = options.method === 'POST' ? 201 : 200;
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    const controller = { abort() {}, pause() {}, resume() {}, aborted: false, paused: false, reason: null };
    setImmediate(() => {
      handler.onRequestStart?.(controller as never, {});
      handler.onResponseStart?.(controller as never, status, headers, 'OK');
      handler.onResponseData?.(controller as never, body);
      handler.onResponseEnd?.(controller as never, {});
    });
    return true;
  }
  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}
}

const canned = await captureCanned();
const dispatcher = new CannedDispatcher(
  Buffer.from(canned.create.chargeover.text),
  Buffer.from(canned.chargeoverCurrencies),
);
const dir = mkdtempSync(join(tmpdir(), 'billbridge-engine-cpu-'));
try {
  const file = join(dir, 'invoices.ndjson');
  await writeSource(file, count);
  const perDocument: number[] = [];
  for (let round = 0; round < Number(roundsArg); round++) {
    const client = createChargeOverClient({
      ...KEYS.chargeover,
      baseUrl: 'http://127.0.0.1:9/chargeover',
      currencyIds: DEFAULT_CURRENCY_IDS,
      maxRetries: 0,
      verify: 'response',
      dispatcher,
    });
    const journal = journalArg === 'journal' ? join(dir, `journal-${round}.ndjson`) : undefined;
    const start = process.cpuUsage();
    const { report } = await migrate({
      source: { kind: 'file', path: file, format: 'ndjson' },
      target: { adapter: chargeover, client, options: { currencyIds: DEFAULT_CURRENCY_IDS } },
      idMaps: MIGRATION_ID_MAPS,
      ...(journal === undefined ? {} : { journal }),
      concurrency: 64,
    });
    const cpu = process.cpuUsage(start);
    if (report.created !== count) throw new Error(`created ${report.created} of ${count}`);
    // The first round warms up (tiering, caches): not counted.
    if (round > 0) perDocument.push((cpu.user + cpu.system) / count);
    console.log(
      `round ${round}: user ${(cpu.user / count).toFixed(1)} + system ${(cpu.system / count).toFixed(1)} µs per document`,
    );
  }
  const sorted = perDocument.sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  console.log(
    `CPU µs per document after the first round: best ${sorted[0]?.toFixed(1)}, median ${median.toFixed(1)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
