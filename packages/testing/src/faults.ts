import type { FaultControl, FaultKind, FaultOptions, InjectedFault } from './types';
import { ALL_FAULT_KINDS, FAULT_KINDS } from './types';

/** mulberry32: a tiny seeded generator, enough to make fault runs reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Delay of the `latency` fault when `latencyMs` is not given, in milliseconds. */
export const DEFAULT_LATENCY_MS = 200;
/** `Retry-After` of the `rate_limit` fault when `retryAfterSeconds` is not given, in seconds. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Decides, request by request, which fault (if any) to inject. */
export class FaultPlan implements FaultControl {
  private options: FaultOptions = {};
  private random: () => number = seededRandom(1);
  private position = 0;
  private readonly log: InjectedFault[] = [];

  constructor(options?: FaultOptions) {
    if (options) this.set(options);
  }

  get injected(): readonly InjectedFault[] {
    return this.log;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? DEFAULT_LATENCY_MS;
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  }

  set(options: FaultOptions): void {
    validate(options);
    this.options = { ...options };
    this.random = seededRandom(options.seed ?? 1);
    this.position = 0;
  }

  clear(): void {
    this.set({});
  }

  /**
   * The fault for the next request. The `created_then_*` faults are only drawn by rate for creating routes
   * (elsewhere they would be a plain 500 or garbled read); a script entry is honoured as written.
   */
  next(method: string, path: string, creates: boolean): FaultKind | null {
    const kind = this.draw(creates);
    if (kind) this.log.push({ kind, method, path });
    return kind;
  }

  private draw(creates: boolean): FaultKind | null {
    const { script, rate } = this.options;
    if (script) {
      if (this.position >= script.length) return null;
      return script[this.position++] ?? null;
    }
    if (!rate) return null;
    // Two draws per request whatever happens, so one request's route cannot shift the next one's fault.
    const hit = this.random() < rate;
    const pick = this.random();
    if (!hit) return null;
    const kinds = (this.options.kinds ?? FAULT_KINDS).filter(
      (k) => creates || (k !== 'created_then_failed' && k !== 'created_then_garbled'),
    );
    if (kinds.length === 0) return null;
    return kinds[Math.min(kinds.length - 1, Math.floor(pick * kinds.length))] ?? null;
  }
}

function validate(options: FaultOptions): void {
  if (options.rate !== undefined && !(options.rate >= 0 && options.rate <= 1)) {
    throw new RangeError(`Fault rate must be between 0 and 1, got ${options.rate}.`);
  }
  for (const kind of [...(options.kinds ?? []), ...(options.script ?? [])]) {
    if (kind !== null && !ALL_FAULT_KINDS.includes(kind)) {
      throw new RangeError(
        `Unknown fault kind "${String(kind)}"; expected one of ${ALL_FAULT_KINDS.join(', ')}.`,
      );
    }
  }
}
