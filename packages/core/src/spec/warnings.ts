import { LossyMappingError } from '../errors/mapping-errors';
import { isLossy, type MappingWarning, type MappingWarningCode } from './mapping-warning';

/** Collects warnings during one mapping and applies `strict` once at the end, so all losses are listed together. */
export class WarningCollector {
  readonly warnings: MappingWarning[] = [];

  constructor(private readonly provider: string) {}

  add(code: MappingWarningCode, path: string, message: string): void {
    this.warnings.push({ code, path, message });
  }

  unsupported(path: string, message = `${this.provider} has no field for this value; it is not sent.`): void {
    this.add('unsupported', path, message);
  }

  approximated(path: string, message: string): void {
    this.add('approximated', path, message);
  }

  defaulted(path: string, message: string): void {
    this.add('defaulted', path, message);
  }

  unrecognized(path: string, message: string): void {
    this.add('unrecognized', path, message);
  }

  /** Options addressed to other providers are never sent: one `unsupported` warning for each. */
  otherProvidersOptions(providerOptions: Readonly<Record<string, unknown>> | undefined): void {
    for (const key of Object.keys(providerOptions ?? {})) {
      if (key !== this.provider)
        this.unsupported(`providerOptions.${key}`, `Options for ${key} are not sent to ${this.provider}.`);
    }
  }

  /** Throws LossyMappingError listing every lossy warning when `strict`; otherwise returns the warnings. */
  finish(strict: boolean | undefined): MappingWarning[] {
    if (strict) {
      const lossy = this.warnings.filter(isLossy);
      if (lossy.length > 0) throw new LossyMappingError(this.provider, lossy);
    }
    return this.warnings;
  }
}
