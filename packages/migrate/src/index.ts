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
export { IdMapError, type IdMapReadOptions, loadIdMaps, mergeIdMaps, writeIdMap } from './id-map';
export {
  Journal,
  type JournalEntry,
  JournalError,
  type JournalFacts,
  type JournalMode,
  type JournalOpenOptions,
  type JournalRecord,
  JournalState,
  type JournalStatus,
  loadJournal,
  type RunIdentity,
  readJournal,
} from './journal';
export { type Checkpoint, checkpointPath, JOURNAL_VERSION } from './journal-file';
export { type RawRecord, SourceFileError, splitJsonArray } from './json-stream';
export { prepareForTarget, sourceKey } from './prepare';
export { PROVIDERS } from './providers';
export { type QuietChange, quietDocument } from './quiet';
export { RateLimiter, type RateLimiterOptions } from './rate-limit';
export { journalFacts, reconcile, type Verdict } from './reconcile';
export {
  type AmbiguousRow,
  type DocumentProblem,
  type LossRow,
  type MigrationReport,
  type MismatchRow,
  type MissingReferenceRow,
  normalizePath,
  type QuietRow,
  ReportBuilder,
} from './report';
export { type IdentityInput, runIdentity } from './run-identity';
export { type SettleResult, settleUnanswered } from './settle';
export { countRecords, IncompleteSourceError, rawRecords, readSource, toCanonical } from './sources';
export type {
  StoreMigrateOptions,
  StoreMigrationResult,
  StoreRunOptions,
} from './store/migrate-with-store';
export { openRunStore } from './store/open-store';
export { StoreError } from './store/postgres/connect';
export { type RunReconcileResult, reconcileRun } from './store/reconcile-run';
export type {
  ChunkClaim,
  ClaimResult,
  DocumentState,
  DoneDocument,
  LoadItem,
  Outcome,
  RateBudget,
  RunDefinition,
  RunInfo,
  RunStatus,
  RunStore,
  StoredDocument,
  WorkerStatus,
} from './store/run-store';
export { verifyStoredRun } from './store/verify-stored';
export { runWorker, type WorkerOptions, type WorkerResult } from './store/worker';
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
export {
  type CreatedDocument,
  type VerifyOptions,
  type VerifyReport,
  verifyCreated,
  verifyMigration,
} from './verify';
export { type WebhookParse, type WebhookSourceSettings, webhookParser } from './webhook-sources';
