import type { MappingWarning } from '../spec/mapping-warning';
import { BillbridgeError, type BillbridgeErrorOptions } from './billbridge-error';
import { clip } from './excerpt';
import { redactDeep, redactSecrets } from './secrets';

/** Issues written out in a ValidationError's message. */
const MAX_ISSUES_LISTED = 20;

/** One problem in a document: where (`path`, e.g. `lines[2].unitAmount`), which rule (`code`), and what to do (`message`). */
export interface ValidationIssue {
  /** Where the problem is, e.g. `lines[2].unitAmount`. */
  path: string;
  message: string;
  code: string;
}

/** Our input is not a valid document; lists every issue with its path. */
export class ValidationError extends BillbridgeError {
  static override readonly kind: string = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: ValidationIssue[], options?: BillbridgeErrorOptions) {
    // The message lists the first issues, each cut short; `issues` keeps them all.
    const shown = issues.slice(0, MAX_ISSUES_LISTED);
    let list = shown
      .map((issue) => `  - ${clip(issue.path || '(root)', 120)}: ${clip(issue.message)}`)
      .join('\n');
    if (issues.length > shown.length) list += `\n  … and ${issues.length - shown.length} more (see .issues)`;
    super(
      `${clip(subject, 80)} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${list}`,
      options,
    );
    this.issues = redactDeep(issues) as ValidationIssue[];
  }
}

/**
 * A number beyond the safe-integer range (±(2^53 − 1)) where an exact amount or count is needed: past it,
 * JavaScript numbers stop being exact, so the value is refused rather than silently changed. Thrown by
 * core's exact-decimal helpers (decimalToSafeInteger), so an adapter reading a provider's huge amount,
 * quantity or product of them gets a typed error, not a RangeError.
 */
export class AmountRangeError extends ValidationError {
  static override readonly kind: string = 'AmountRangeError';

  constructor(value: string, subject = 'Amount') {
    super(subject, [
      {
        path: '',
        code: 'too_big',
        message: `${clip(value, 40)} is beyond the safe-integer range (±${Number.MAX_SAFE_INTEGER}), where amounts stop being exact.`,
      },
    ]);
  }
}

/** `strict: true` and the mapping would lose or approximate data; lists every such warning. */
export class LossyMappingError extends BillbridgeError {
  static override readonly kind: string = 'LossyMappingError';
  readonly warnings: readonly MappingWarning[];

  constructor(provider: string, warnings: MappingWarning[]) {
    const list = warnings.map((w) => `  - ${w.path} (${w.code}): ${w.message}`).join('\n');
    super(`Mapping for ${provider} would lose data and strict mode is on:\n${list}`, { provider });
    this.warnings = redactDeep(warnings) as MappingWarning[];
  }
}

/**
 * The provider requires a reference (product, item, member, customer) the document does not carry.
 * `path` names where it is missing and `option` names the adapter option that can supply it.
 */
export class MissingRequiredFieldError extends BillbridgeError {
  static override readonly kind: string = 'MissingRequiredFieldError';
  readonly path: string;
  readonly option?: string;

  constructor(provider: string, path: string, message: string, option?: string) {
    super(`${provider}: ${path}: ${message}${option ? ` Supply it with the \`${option}\` option.` : ''}`, {
      provider,
    });
    this.path = redactSecrets(path);
    if (option !== undefined) this.option = option;
  }
}
