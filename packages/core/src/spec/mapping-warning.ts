/**
 * What a mapping could not carry exactly. Losses are never silent: every one is a warning with the
 * canonical (or provider) path it concerns.
 * - `unsupported`: the target has no place for the value; it is dropped.
 * - `approximated`: the value is carried, but changed (a month became 30 days, a price was rounded).
 * - `defaulted`: the target required a value the document did not give; a documented default was used.
 * - `unrecognized`: the provider returned a value outside its documented set; it is passed through.
 */
export type MappingWarningCode = 'unsupported' | 'approximated' | 'defaulted' | 'unrecognized';

export interface MappingWarning {
  code: MappingWarningCode;
  /** e.g. `lines[2].tax.ratePercent` */
  path: string;
  message: string;
}

/** Warnings that mean data was lost or changed; `strict: true` turns these into a LossyMappingError. */
export const LOSSY_WARNING_CODES: ReadonlySet<MappingWarningCode> = new Set(['unsupported', 'approximated']);

export function isLossy(warning: MappingWarning): boolean {
  return LOSSY_WARNING_CODES.has(warning.code);
}
