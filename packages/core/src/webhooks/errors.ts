import { BillbridgeError } from '../errors/billbridge-error';

export type WebhookVerificationReason =
  | 'missing_header'
  | 'malformed_header'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'bad_secret'
  | 'parsed_body';

/**
 * A delivery that cannot be shown to come from the provider. The message names the header or the check
 * that failed and never includes the secret, the expected signature or the received one.
 */
export class WebhookVerificationError extends BillbridgeError {
  static override readonly kind: string = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;

  constructor(provider: string, reason: WebhookVerificationReason, message: string) {
    super(`${provider} webhook refused (${reason}): ${message}`, { provider, status: 401 });
    this.reason = reason;
  }
}

/** A verified delivery whose body is not what the provider documents (not JSON, wrong shape). */
export class WebhookPayloadError extends BillbridgeError {
  static override readonly kind: string = 'WebhookPayloadError';
  readonly path: string;

  constructor(provider: string, path: string, message: string, raw?: unknown) {
    super(`${provider} webhook payload: ${path}: ${message}`, { provider, status: 400, raw });
    this.path = path;
  }
}
