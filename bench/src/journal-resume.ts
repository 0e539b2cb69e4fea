/**
 * Journal resume: peak RSS and time to resume a journal of N documents (header, then per document a
 * `pending` and a `done` record, answers arriving up to 64 positions out of order as with concurrent
 * sends, one document in 100,000 left `failed`), each in a fresh process. Resume streams the journal and
 * keeps only open documents, so peak RSS should stay flat from 500,000 to 5,000,000 documents.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkpointPath, JOURNAL_VERSION } from '@billbridge/migrate';
import { BENCH_RUN } from './journal-resume-run';
import type { Settings } from './settings';
import { fmtBytes, fmtRatio, type Section } from './table';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const WINDOW = 64;

/** Writes the journal and its checkpoint as a run of `count` documents would leave them. */
async function writeJournal(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  let bytes = 0;
  let seq = 0;
  let chunk = '';
  const flush = async () => {
    const buffer = Buffer.from(chunk, 'utf8');
    chunk = '';
    hash.update(buffer);
    bytes += buffer.length;
    if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  const line = async (record: object) => {
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length > 1 << 20) await flush();
  };
  await line({ t: 'header', v: JOURNAL_VERSION, s: 0, at: new Date(0).toISOString(), run: BENCH_RUN });
  await line({ t: 'run', s: ++seq, at: new Date(0).toISOString(), resumed: false });
  const answer = async (i: number) => {
    const k = `inv_${i}`;
    if (i % 100_000 === 99_999)
      await line({ t: 'failed', s: ++seq, k, i, error: 'InvalidRequestError: bench' });
    else await line({ t: 'done', s: ++seq, k, i, id: String(10_000 + i), how: 'created' });
  };
  for (let start = 0; start < count; start += WINDOW) {
    const end = Math.min(count, start + WINDOW);
    for (let i = start; i < end; i++)
      await line({
        t: 'pending',
        s: ++seq,
        k: `inv_${i}`,
        i,
        x: `inv_${i}`,
        f: { c: 'USD', t: 1000 + (i % 500), l: 1 },
      });
    // the window's answers come back out of order: a stride through it (29 is prime, so a permutation
    // unless the window is a multiple of 29; then backwards)
    const size = end - start;
    for (let n = 0; n < size; n++) await answer(start + (size % 29 === 0 ? size - 1 - n : (n * 29) % size));
  }
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  writeFileSync(checkpointPath(path), `${JSON.stringify({ seq, bytes, sha256: hash.digest('hex') })}\n`);
  return bytes;
}

interface ChildResult {
  seconds: number;
  maxRssKiB: number;
  heapUsedMiB: number;
  done: number;
  open: number;
}

function resumeInChild(path: string): ChildResult {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--conditions=billbridge-source', '--import', 'tsx', 'src/journal-resume-child.ts', path],
    { cwd: BENCH_DIR, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`journal-resume-child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as ChildResult;
}

export async function journalResumeBench(settings: Settings, dir: string): Promise<Section[]> {
  const sizes = settings.smoke ? [5_000, 50_000] : [500_000, 5_000_000];
  const rows: Section['rows'] = [];
  const results: ChildResult[] = [];
  for (const count of sizes) {
    const path = join(dir, `journal-${count}.ndjson`);
    const bytes = await writeJournal(path, count);
    const result = resumeInChild(path);
    rmSync(path, { force: true });
    rmSync(checkpointPath(path), { force: true });
    if (result.done + result.open !== count)
      throw new Error(`resume of ${count} found ${result.done} done and ${result.open} open`);
    results.push(result);
    rows.push({
      cells: [
        count.toLocaleString('en-US'),
        fmtBytes(bytes),
        `${result.seconds.toFixed(1)} s`,
        fmtBytes(result.maxRssKiB * 1024),
        `${result.heapUsedMiB.toFixed(1)} MB`,
        String(result.open),
      ],
    });
  }
  const [small, large] = results;
  const growth = small && large ? large.maxRssKiB / small.maxRssKiB : 1;
  rows.push({
    cells: [
      `peak RSS ${sizes[1]?.toLocaleString('en-US')} / ${sizes[0]?.toLocaleString('en-US')}`,
      '',
      '',
      fmtRatio(growth),
      '',
      '',
    ],
    // flat: ten times the documents, at most 1.25 times the memory
    pass: growth <= 1.25,
  });
  return [
    {
      title: 'Journal resume (streamed, open documents only)',
      header: ['documents', 'journal', 'resume time', 'peak RSS', 'heap after GC', 'open after'],
      rows,
      notes: [
        'Each resume runs in a fresh process (node + tsx loader included in the RSS). The journal is written as a run with 64 documents in flight leaves it; one document in 100,000 is left failed (open).',
      ],
    },
  ];
}
