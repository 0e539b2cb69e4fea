import {
  BillbridgeError,
  LossyMappingError,
  type MappingWarning,
  MissingRequiredFieldError,
  ValidationError,
} from '@billbridge/core';
import { LossTable, normalizePath } from './loss-table';
import type { SourceLocation } from './types';

export { normalizePath } from './loss-table';

export interface LossRow {
  /** `source`: lost reading the source record; `target`: lost mapping to the target. */
  side: 'source' | 'target';
  code: MappingWarning['code'];
  path: string;
  /** How many documents lose this field this way. */
  documents: number;
  /** One example message. */
  message: string;
}

export interface MissingReferenceRow {
  path: string;
  option?: string;
  documents: number;
  message: string;
  examples: string[];
}

export interface DocumentProblem {
  key?: string;
  location: string;
  reason: string;
  error: string;
  issues?: Array<{ path: string; message: string }>;
}

export interface AmbiguousRow {
  key: string;
  externalId?: string;
  number?: string;
  reason: string;
}

/** A created document stored differently from what was sent (IntegrityError), or found so by verify. */
export interface MismatchRow {
  key: string;
  targetId: string;
  differences: Array<{ path: string; expected: unknown; actual: unknown }>;
}

/** What the run changed so the migration would not email customers or charge cards. */
export interface QuietRow {
  path: string;
  documents: number;
  message: string;
}

export interface MigrationReport {
  dryRun: boolean;
  source?: string;
  target: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Documents read from the source (readable or not). */
  read: number;
  /** Real run: created on the target; dry run: would be sent. */
  created: number;
  /** Found on the target after an interrupted run and recorded as done, without sending again. */
  reconciled: number;
  /** Already done according to the journal. */
  skipped: number;
  /** The transform hook returned null. */
  skippedByTransform: number;
  failed: number;
  ambiguous: number;
  invalid: number;
  missingReferences: number;
  /** Times the target answered 429. */
  rateLimited: number;
  /** Stopped by --on-error stop. */
  stoppedEarly: boolean;
  /** Stopped by a signal (Ctrl-C): in-flight documents were finished and journaled. */
  interrupted: boolean;
  /** Created but stored differently from what was sent. */
  mismatches: MismatchRow[];
  /** Changes made so nothing emails a customer or charges a card (see --notify). */
  quieted: QuietRow[];
  losses: LossRow[];
  missing: MissingReferenceRow[];
  invalidDocuments: DocumentProblem[];
  failures: DocumentProblem[];
  ambiguousDocuments: AmbiguousRow[];
}

const EXAMPLES = 5;

export function describeLocation(location: SourceLocation): string {
  if (location.file) return `${location.file}${location.line === undefined ? '' : `:${location.line}`}`;
  return `#${location.index}`;
}

/** Accumulates per-document outcomes into a report; memory grows with problems, not with documents. */
export class ReportBuilder {
  private readonly lossTable = new LossTable();
  private readonly missingRows = new Map<string, MissingReferenceRow>();
  private readonly quietRows = new Map<string, QuietRow>();
  readonly report: MigrationReport;
  private readonly started = Date.now();

  constructor(init: { dryRun: boolean; source?: string; target: string }) {
    this.report = {
      ...init,
      startedAt: new Date(this.started).toISOString(),
      finishedAt: '',
      durationMs: 0,
      read: 0,
      created: 0,
      reconciled: 0,
      skipped: 0,
      skippedByTransform: 0,
      failed: 0,
      ambiguous: 0,
      invalid: 0,
      missingReferences: 0,
      rateLimited: 0,
      stoppedEarly: false,
      interrupted: false,
      mismatches: [],
      quieted: [],
      losses: [],
      missing: [],
      invalidDocuments: [],
      failures: [],
      ambiguousDocuments: [],
    };
  }

  /** Counts each (side, code, field) once per document. */
  losses(side: LossRow['side'], warnings: readonly MappingWarning[]): void {
    this.lossTable.add(side, warnings);
  }

  /** Sorts a document-level error into invalid / missing reference / failed. */
  problem(error: unknown, key: string | undefined, location: SourceLocation): void {
    const where = describeLocation(location);
    const message = error instanceof Error ? error.message : String(error);
    if (MissingRequiredFieldError.isInstance(error)) {
      this.report.missingReferences++;
      const path = normalizePath(error.path);
      const row = this.missingRows.get(path);
      const example = key ?? where;
      if (row) {
        row.documents++;
        if (row.examples.length < EXAMPLES) row.examples.push(example);
      } else {
        this.missingRows.set(path, {
          path,
          ...(error.option === undefined ? {} : { option: error.option }),
          documents: 1,
          message,
          examples: [example],
        });
      }
      return;
    }
    if (ValidationError.isInstance(error)) {
      this.report.invalid++;
      this.report.invalidDocuments.push({
        ...(key === undefined ? {} : { key }),
        location: where,
        reason: 'ValidationError',
        error: message,
        issues: error.issues.map((i) => ({ path: i.path, message: i.message })),
      });
      return;
    }
    this.report.failed++;
    this.report.failures.push({
      ...(key === undefined ? {} : { key }),
      location: where,
      reason: reasonOf(error),
      error: message,
    });
  }

  quieted(change: { path: string; message: string }): void {
    const row = this.quietRows.get(change.path);
    if (row) row.documents++;
    else this.quietRows.set(change.path, { ...change, documents: 1 });
  }

  mismatch(row: MismatchRow): void {
    this.report.mismatches.push(row);
  }

  ambiguous(row: AmbiguousRow): void {
    this.report.ambiguous++;
    this.report.ambiguousDocuments.push(row);
  }

  finish(): MigrationReport {
    const finished = Date.now();
    this.report.finishedAt = new Date(finished).toISOString();
    this.report.durationMs = finished - this.started;
    this.report.losses = [...this.lossTable.rows].sort(
      (a, b) => b.documents - a.documents || a.path.localeCompare(b.path) || a.code.localeCompare(b.code),
    );
    this.report.missing = [...this.missingRows.values()].sort((a, b) => b.documents - a.documents);
    this.report.quieted = [...this.quietRows.values()];
    return this.report;
  }
}

/** A short class-like name for an error: `InvalidRequestError`, `LossyMappingError`, `SourceFileError`. */
export function reasonOf(error: unknown): string {
  if (LossyMappingError.isInstance(error)) return 'LossyMappingError';
  if (BillbridgeError.isInstance(error)) return error.name;
  if (error instanceof Error) return error.name;
  return 'Error';
}
