export { createAtomicWriter, writeFileAtomic } from './atomic-write';
export { capabilitiesMarkdown } from './cli/capabilities-command';
export type { ClientSettings, ProviderEntry, ProviderRegistry } from './cli/registry-types';
export {
  type MigrateOptions,
  type MigrationResult,
  type MigrationTarget,
  migrate,
  type Progress,
  type Transform,
  type TransformContext,
} from './engine';
export { IdMapError, loadIdMaps, mergeIdMaps, writeIdMap } from './id-map';
export {
  Journal,
  type JournalEntry,
  JournalError,
  type JournalRecord,
  type JournalStatus,
  loadJournal,
} from './journal';
export { type RawRecord, SourceFileError, splitJsonArray } from './json-stream';
export { prepareForTarget, sourceKey } from './prepare';
export { PROVIDERS } from './providers';
export { RateLimiter, type RateLimiterOptions } from './rate-limit';
export { reconcile, type Verdict } from './reconcile';
export {
  type AmbiguousRow,
  type DocumentProblem,
  type LossRow,
  type MigrationReport,
  type MissingReferenceRow,
  normalizePath,
} from './report';
export { countRecords, rawRecords, readSource, toCanonical } from './sources';
export type {
  CanonicalDoc,
  CanonicalInput,
  CreateResult,
  FileFormat,
  IdMaps,
  OnError,
  SourceClient,
  SourceItem,
  SourceLocation,
  SourceSpec,
  TargetClient,
} from './types';
