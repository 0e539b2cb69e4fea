import type { VerifyMode } from '../verify/verify-create';
import type { TransportConfig } from './types';

/** What every billbridge client takes besides its credentials and provider keys. */
export interface ClientOptions {
  /** Refuse (LossyMappingError) instead of sending a request that loses data. */
  strict?: boolean;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Overall, retries included (default 120 s). */
  deadlineMs?: number;
  /** Retries after the first attempt, where a retry cannot duplicate anything (default 2). */
  maxRetries?: number;
  /** An undici dispatcher (proxy, test agent); default the shared keep-alive pool. */
  dispatcher?: TransportConfig['dispatcher'];
  /** Redacted request log: attempts, responses, retries, failures. */
  onEvent?: TransportConfig['onEvent'];
  /**
   * How a create is verified (see each provider's README for what each mode catches):
   * `'response'` compares the create's own answer with what was sent wherever the answer carries the
   * field; `'read-back'` reads the record after the create and compares that (for thin create answers).
   * A mismatch is an IntegrityError naming the created id. Each client documents its default.
   */
  verify?: VerifyMode;
}

type TransportSettings = Pick<
  TransportConfig,
  'timeoutMs' | 'deadlineMs' | 'maxRetries' | 'dispatcher' | 'onEvent'
>;

/** The transport settings of a client's options, leaving out the ones not given. */
export function transportSettings(options: ClientOptions): TransportSettings {
  const out: TransportSettings = {};
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  if (options.deadlineMs !== undefined) out.deadlineMs = options.deadlineMs;
  if (options.maxRetries !== undefined) out.maxRetries = options.maxRetries;
  if (options.dispatcher !== undefined) out.dispatcher = options.dispatcher;
  if (options.onEvent !== undefined) out.onEvent = options.onEvent;
  return out;
}
