import { WebhookVerificationError } from './errors';

export interface ToleranceOptions {
  /** How old a delivery may be, in seconds (default 300: Standard Webhooks, Paid's "five minutes"). */
  toleranceSeconds?: number;
  /** How far in the future it may be (default: the same as `toleranceSeconds`). */
  futureToleranceSeconds?: number;
  /** The clock (default `Date.now`), for tests and replays. */
  now?: () => number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Refuses a signed timestamp (epoch milliseconds) outside the tolerance window. */
export function checkTimestamp(provider: string, timestampMs: number, options: ToleranceOptions = {}): void {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const future = options.futureToleranceSeconds ?? tolerance;
  const now = (options.now ?? Date.now)();
  if (!Number.isFinite(timestampMs)) {
    throw new WebhookVerificationError(provider, 'malformed_header', 'the signed timestamp is not a number');
  }
  if (now - timestampMs > tolerance * 1000) {
    throw new WebhookVerificationError(
      provider,
      'stale_timestamp',
      `the signed timestamp is more than ${tolerance} s old; a replayed or long-delayed delivery is refused`,
    );
  }
  if (timestampMs - now > future * 1000) {
    throw new WebhookVerificationError(
      provider,
      'future_timestamp',
      `the signed timestamp is more than ${future} s in the future; check the server clock`,
    );
  }
}
