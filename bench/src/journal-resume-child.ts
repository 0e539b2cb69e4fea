/**
 * Resumes one journal in its own process, so the peak RSS is the resume's own: opens it with
 * `mode: 'resume'` (streamed, checked against its checkpoint, state built) and closes it.
 * Prints one JSON line: { seconds, maxRssKiB, heapUsedMiB, done, open }.
 * Usage: journal-resume-child <journal-path>
 */
import { performance } from 'node:perf_hooks';
import { Journal } from '@billbridge/migrate';
import { BENCH_RUN } from './journal-resume-run';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: journal-resume-child <journal>');
const started = performance.now();
const journal = await Journal.open(path, { mode: 'resume', run: BENCH_RUN });
const seconds = (performance.now() - started) / 1000;
const done = journal.state.count('done');
const open = journal.state.open.size;
await journal.close();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
process.stdout.write(
  `${JSON.stringify({
    seconds,
    maxRssKiB: process.resourceUsage().maxRSS,
    heapUsedMiB: process.memoryUsage().heapUsed / 1024 / 1024,
    done,
    open,
  })}\n`,
);
