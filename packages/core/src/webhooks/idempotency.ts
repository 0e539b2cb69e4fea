/**
 * Process each event once. Every provider here delivers at least once (Whop and Flowglad say so; Paid,
 * ChargeOver and Pelcro retry on failure), so a receiver claims an event's id before running the
 * handler, and gives the claim back when the handler fails so the provider's retry runs it again.
 */
export interface IdempotencyStore {
  /** Claims `key`; false when it was already claimed (processed, or in flight elsewhere). */
  claim(key: string): boolean | Promise<boolean>;
  /** The handler failed: forget the claim so a redelivery is processed. */
  release(key: string): void | Promise<void>;
}

export interface MemoryIdempotencyOptions {
  /** How many keys to remember; the oldest are forgotten first (default 100 000). */
  maxKeys?: number;
}

/**
 * In-process default: fine for one process and for tests. A deployment with several instances or
 * restarts passes a durable store (a unique-key insert in its database) instead.
 */
export function memoryIdempotencyStore(options: MemoryIdempotencyOptions = {}): IdempotencyStore & {
  readonly size: number;
} {
  const maxKeys = options.maxKeys ?? 100_000;
  const keys = new Set<string>();
  return {
    claim(key) {
      if (keys.has(key)) return false;
      keys.add(key);
      if (keys.size > maxKeys) {
        const oldest = keys.values().next().value;
        if (oldest !== undefined) keys.delete(oldest);
      }
      return true;
    },
    release(key) {
      keys.delete(key);
    },
    get size() {
      return keys.size;
    },
  };
}
