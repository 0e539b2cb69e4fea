import { setTimeout as delay } from 'node:timers/promises';

export interface RateLimiterOptions {
  /** Requests per second; undefined = no limit (429s still pause everyone). */
  rps?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A token bucket shared by every worker sending to one target. A 429 pauses all of them (for the
 * provider's Retry-After, else an exponential delay) and halves the rate, which then climbs back.
 */
export class RateLimiter {
  private readonly limit: number | undefined;
  private rate: number | undefined;
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private consecutive = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** How many times the target asked us to slow down. */
  backoffs = 0;

  constructor(options: RateLimiterOptions = {}) {
    if (options.rps !== undefined && !(options.rps > 0))
      throw new RangeError('rps must be a positive number');
    this.limit = options.rps;
    this.rate = options.rps;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    // A burst of at most one second's worth (and at least one request).
    this.tokens = Math.max(1, options.rps ?? 1);
    this.last = this.now();
  }

  /**
   * Takes a request's turn now if one is free (no pause, no limit or a token left): no promise in the
   * common case, once per document. `take()` waits until this succeeds.
   */
  tryTake(): boolean {
    if (this.pausedUntil !== 0 && this.now() < this.pausedUntil) return false;
    if (this.rate === undefined) return true;
    const now = this.now();
    const capacity = Math.max(1, this.rate);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Resolves when one request may be sent. */
  async take(): Promise<void> {
    while (!this.tryTake()) {
      const ms = this.waitMs(this.now());
      if (ms > 0) await this.sleep(ms);
    }
  }

  /** How long until a turn may be free: the rest of a pause, else until the next token is due. */
  private waitMs(now: number): number {
    if (now < this.pausedUntil || this.rate === undefined) return Math.max(0, this.pausedUntil - now);
    return Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }

  /** The target answered: let the rate recover towards the configured limit. */
  succeeded(): void {
    this.consecutive = 0;
    if (this.rate !== undefined && this.limit !== undefined && this.rate < this.limit) {
      this.rate = Math.min(this.limit, this.rate + this.limit / 50);
    }
  }

  /** The target answered 429: pause everyone and slow down. Returns the pause in ms. */
  rateLimited(retryAfterMs?: number): number {
    this.backoffs++;
    this.consecutive++;
    const wait = retryAfterMs ?? Math.min(30_000, 250 * 2 ** (this.consecutive - 1));
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + wait);
    if (this.rate !== undefined) this.rate = Math.max(this.rate / 2, 0.5);
    return wait;
  }

  get currentRate(): number | undefined {
    return this.rate;
  }
}
