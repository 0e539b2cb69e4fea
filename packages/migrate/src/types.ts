import type {
  Invoice,
  InvoiceInput,
  MappingOptions,
  MappingWarning,
  Order,
  OrderInput,
  ProviderAdapter,
} from '@billbridge/core';

export type CanonicalDoc = Invoice | Order;
export type CanonicalInput = Invoice | Order | InvoiceInput | OrderInput;

/** What one target call answers: the created record mapped back, the raw body, mapping warnings. */
export interface CreateResult {
  value: CanonicalDoc;
  raw?: unknown;
  /** Mapping warnings of both directions: the request sent and the answer read back. */
  warnings: MappingWarning[];
  /**
   * The request-side warnings alone (what the target could not carry). A client that returns them lets
   * the engine skip its own mapping of each document; without them it maps once more for the report.
   */
  requestWarnings?: MappingWarning[];
  /**
   * The target already held this document (a resend it refused, answered with the invoice that holds the
   * key): nothing was created, and the run reports it reconciled.
   */
  existing?: boolean;
}

/** The subset of a provider client the engine needs (every billbridge client has this shape). */
export interface TargetClient {
  create(doc: CanonicalInput, opts?: Record<string, unknown>): Promise<CreateResult>;
  /** Reads one record by the target's id; used by verify where the listing does not describe it fully. */
  get?(id: string): Promise<CreateResult>;
  /** Walks every record of the target; used to reconcile documents whose create went unanswered. */
  list?(params?: Record<string, unknown>): AsyncIterable<CreateResult>;
}

/** A live source: anything with a `list` that yields mapped records (a billbridge client). */
export interface SourceClient {
  list(
    params?: Record<string, unknown>,
  ): AsyncIterable<{ value: CanonicalDoc; raw?: unknown; warnings: MappingWarning[] }>;
  /** Reads one record completely: used when the listing leaves out an invoice's lines. */
  get?(id: string): Promise<{ value: CanonicalDoc; raw?: unknown; warnings: MappingWarning[] }>;
}

/** Where a document came from, for error messages: `exports/invoices.ndjson:17`. */
export interface SourceLocation {
  file?: string;
  line?: number;
  /** 0-based position in the source stream. */
  index: number;
}

/** One item out of a source: a canonical document, or a record that could not be read. */
export type SourceItem =
  | { ok: true; doc: CanonicalDoc; warnings: MappingWarning[]; location: SourceLocation }
  | {
      ok: false;
      error: Error;
      location: SourceLocation /** The record's id, when it could be read. */;
      key?: string;
    };

export type FileFormat = 'ndjson' | 'json';

export type SourceSpec =
  | {
      kind: 'file';
      path: string;
      /** Default: by extension (`.json` = JSON, anything else NDJSON). */
      format?: FileFormat;
      /** The adapter whose records the file holds; omit for canonical documents. */
      adapter?: ProviderAdapter;
      adapterOptions?: MappingOptions & Record<string, unknown>;
    }
  | { kind: 'list'; client: SourceClient; params?: Record<string, unknown> }
  | { kind: 'documents'; documents: Iterable<unknown> | AsyncIterable<unknown>; adapter?: ProviderAdapter };

/** Source → target ids for references the target must already hold. */
export interface IdMaps {
  customers?: Record<string, string>;
  products?: Record<string, string>;
  subscriptions?: Record<string, string>;
  /** The target item / product for lines the products map does not cover (e.g. Flowglad lines, which name none). */
  defaultProduct?: string;
}

export type OnError = 'stop' | 'continue';
