/** Timing loops: a warmup, then as many calls as fit in a fixed duration. */
import { performance } from 'node:perf_hooks';

export interface Rate {
  ops: number;
  seconds: number;
  perSecond: number;
}

/** A synchronous rate, also per second of this process's CPU time (user + system). */
export interface SyncRate extends Rate {
  cpuSeconds: number;
  perCpuSecond: number;
}

/**
 * Runs a synchronous function in batches until `seconds` have passed (after `warmup` seconds). The CPU
 * rate is the steadier figure on a shared machine: time spent waiting for a core is not counted, while
 * the work the calls cause on other threads (concurrent GC) is.
 */
export function measureSync(fn: () => unknown, seconds: number, warmup: number): SyncRate {
  const loop = (budget: number) => {
    let ops = 0;
    let batch = 1;
    const start = performance.now();
    const end = start + budget * 1000;
    let now = start;
    while (now < end) {
      for (let i = 0; i < batch; i++) fn();
      ops += batch;
      now = performance.now();
      // Grow batches so the clock is read rarely, but keep each batch well under the budget.
      if (batch < 1 << 16 && now - start < budget * 100) batch *= 2;
    }
    return { ops, seconds: (now - start) / 1000 };
  };
  loop(warmup);
  const cpuBefore = process.cpuUsage();
  const { ops, seconds: took } = loop(seconds);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { ops, seconds: took, perSecond: ops / took, cpuSeconds, perCpuSecond: ops / cpuSeconds };
}

/** Keeps `concurrency` calls of `fn` in flight for `seconds` (after `warmup` seconds). */
export async function measureConcurrent(
  fn: () => Promise<unknown>,
  concurrency: number,
  seconds: number,
  warmup: number,
): Promise<Rate> {
  const run = async (budget: number) => {
    let ops = 0;
    const start = performance.now();
    const end = start + budget * 1000;
    const worker = async () => {
      while (performance.now() < end) {
        await fn();
        ops++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { ops, seconds: (performance.now() - start) / 1000 };
  };
  await run(warmup);
  const { ops, seconds: took } = await run(seconds);
  return { ops, seconds: took, perSecond: ops / took };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
