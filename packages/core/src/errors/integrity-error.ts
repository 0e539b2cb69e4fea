import { BillbridgeError, type BillbridgeErrorOptions } from './billbridge-error';
import { clip } from './excerpt';
import { redactDeep, redactSecrets } from './secrets';

/** One field where what the provider stored differs from what was sent. */
export interface IntegrityDifference {
  /** Canonical path: `currency`, `lines[1].amount`, `total`, `lines.length`. */
  path: string;
  /** What was sent (canonical units). */
  expected: unknown;
  /** What the provider stored or answered (canonical units). */
  actual: unknown;
}

/**
 * The provider created a record, but it is not what was asked for (another currency, other amounts, lines
 * missing). The record exists: `createdId` names it so it can be voided or corrected; it is never reported
 * as a success.
 */
export class IntegrityError extends BillbridgeError {
  static override readonly kind: string = 'IntegrityError';
  /** The id of the record the provider created. */
  readonly createdId: string;
  readonly differences: readonly IntegrityDifference[];

  constructor(
    provider: string,
    createdId: string,
    differences: IntegrityDifference[],
    options: Omit<BillbridgeErrorOptions, 'provider' | 'retryable'> = {},
  ) {
    const list = differences
      .map((d) =>
        clip(`  - ${d.path}: sent ${JSON.stringify(d.expected)}, stored ${JSON.stringify(d.actual)}`, 240),
      )
      .join('\n');
    super(
      `${provider} created ${createdId} but stored something other than what was sent (${differences.length} difference${differences.length === 1 ? '' : 's'}); the record exists, check or void it before trying again:\n${list}`,
      { ...options, provider, retryable: false },
    );
    this.createdId = redactSecrets(createdId);
    this.differences = redactDeep(differences) as IntegrityDifference[];
  }
}
