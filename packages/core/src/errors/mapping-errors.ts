import type { MappingWarning } from '../spec/mapping-warning';
import { BillbridgeError, type BillbridgeErrorOptions } from './billbridge-error';

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
    const list = issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`).join('\n');
    super(
      `${subject} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${list}`,
      options,
    );
    this.issues = issues;
  }
}

/** `strict: true` and the mapping would lose or approximate data; lists every such warning. */
export class LossyMappingError extends BillbridgeError {
  static override readonly kind: string = 'LossyMappingError';
  readonly warnings: readonly MappingWarning[];

  constructor(provider: string, warnings: MappingWarning[]) {
    const list = warnings.map((w) => `  - ${w.path} (${w.code}): ${w.message}`).join('\n');
    super(`Mapping for ${provider} would lose data and strict mode is on:\n${list}`, { provider });
    this.warnings = warnings;
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
    this.path = path;
    if (option !== undefined) this.option = option;
  }
}
