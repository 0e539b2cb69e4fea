import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { type MappingWarning, type ProviderAdapter, parseDocument } from '@billbridge/core';
import { type RawRecord, SourceFileError, splitJsonArray } from './json-stream';
import { ndjsonBatches, ndjsonRecords } from './ndjson-stream';
import type { CanonicalDoc, FileFormat, SourceClient, SourceItem, SourceLocation, SourceSpec } from './types';

export function formatOf(path: string, format?: FileFormat): FileFormat {
  if (format) return format;
  return extname(path).toLowerCase() === '.json' ? 'json' : 'ndjson';
}

/** The raw records of a file, streamed: NDJSON line by line, a JSON array element by element. */
export async function* rawRecords(path: string, format?: FileFormat): AsyncGenerator<RawRecord> {
  for await (const batch of rawBatches(path, format)) yield* batch;
}

/** The raw records of a file in batches: NDJSON a read at a time (see ndjsonBatches), a JSON array an element at a time. */
function rawBatches(path: string, format?: FileFormat): AsyncGenerator<Iterable<RawRecord>> {
  if (formatOf(path, format) === 'ndjson') return ndjsonBatches(path);
  return oneEach(splitJsonArray(createReadStream(path, { encoding: 'utf8' }), path));
}

/** A provider record or a canonical document → canonical, with the mapping's warnings. */
export function toCanonical(
  record: unknown,
  adapter: ProviderAdapter | undefined,
  options?: Record<string, unknown>,
): { doc: CanonicalDoc; warnings: MappingWarning[] } {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new Error(`expected a JSON object, got ${Array.isArray(record) ? 'an array' : typeof record}`);
  }
  if (adapter) {
    const { value, warnings } = adapter.fromProvider(record, options);
    return { doc: value, warnings };
  }
  return { doc: parseDocument(record).value, warnings: [] };
}

/** A record's own id, for naming it in reports even when it cannot be mapped. */
function keyOf(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const r = record as Record<string, unknown>;
  const key = [r.id, r.externalId, r.number].find((v) => typeof v === 'string' || typeof v === 'number');
  return key === undefined ? undefined : String(key);
}

function describe(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A source document that cannot be migrated as read (an invoice listed without its lines). */
export class IncompleteSourceError extends Error {
  override name = 'IncompleteSourceError';
}

type Listed = { value: CanonicalDoc; raw?: unknown; warnings: MappingWarning[] };

/**
 * Some listings leave out an invoice's lines (ChargeOver's invoice list). Such a document is read again
 * by id; if it still has no lines, it is refused — migrating only its total would lose every line.
 */
async function complete(client: SourceClient, listed: Listed): Promise<Listed> {
  const lacksLines = (doc: CanonicalDoc) =>
    doc.lines.length === 0 && (doc as { total?: unknown }).total !== undefined;
  if (!lacksLines(listed.value)) return listed;
  const id = listed.value.id;
  if (id === undefined || !client.get)
    throw new IncompleteSourceError(
      `the source listed invoice ${id ?? '(no id)'} with a total and no lines, and its client cannot read it by id; export the invoices with their lines to a file and use --input instead`,
    );
  const full = await client.get(id);
  if (lacksLines(full.value))
    throw new IncompleteSourceError(
      `invoice ${id} has a total and no lines even when read by id; it is not migrated (its lines would be lost)`,
    );
  return full;
}

/** Every document of a source, in order, as canonical documents or located errors. */
export async function* readSource(spec: SourceSpec): AsyncGenerator<SourceItem> {
  for await (const batch of sourceBatches(spec)) yield* batch;
}

/**
 * Every document of a source, in order, in batches that are read without awaiting (an NDJSON file's
 * batch is the lines of one read, each parsed when it is reached; other sources give one document a
 * batch). A batch must be read to its end, or dropped, before the next is asked for.
 */
export async function* sourceBatches(spec: SourceSpec): AsyncGenerator<Iterable<SourceItem>> {
  let index = 0;
  if (spec.kind === 'list') {
    for await (const listed of spec.client.list(spec.params)) {
      const location = { index: index++ };
      try {
        const item = await complete(spec.client, listed);
        yield [{ ok: true, doc: item.value, warnings: item.warnings, location }];
      } catch (error) {
        const failed: SourceItem = { ok: false, error: describe(error), location };
        if (listed.value.id !== undefined) failed.key = listed.value.id;
        yield [failed];
      }
    }
    return;
  }
  if (spec.kind === 'documents') {
    for await (const record of spec.documents as AsyncIterable<unknown>) {
      yield [itemOf(record, { index: index++ }, spec.adapter)];
    }
    return;
  }
  const file = spec.path;
  const at = { index };
  const batches = rawBatches(file, spec.format);
  try {
    while (true) {
      let next: IteratorResult<Iterable<RawRecord>>;
      try {
        next = await batches.next();
      } catch (error) {
        // The file itself is unreadable (missing, truncated array): nothing after this point can be read.
        const err =
          error instanceof SourceFileError
            ? error
            : new SourceFileError(file, undefined, describe(error).message);
        yield [{ ok: false, error: err, location: { file, line: err.line, index: at.index++ } }];
        return;
      }
      if (next.done) return;
      yield fileItems(next.value, file, spec, at);
    }
  } finally {
    // A reader that stops early (a run stopped, aborted or failed) closes the file now, not when collected.
    await batches.return(undefined);
  }
}

/** The items of one batch of a file's records, each parsed when it is reached; `at` numbers them. */
function* fileItems(
  records: Iterable<RawRecord>,
  file: string,
  spec: { adapter?: ProviderAdapter; adapterOptions?: Record<string, unknown> },
  at: { index: number },
): Generator<SourceItem> {
  for (const { text, line } of records) {
    const location = { file, line, index: at.index++ };
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      yield {
        ok: false,
        error: new SourceFileError(file, line, `not valid JSON: ${describe(error).message}`),
        location,
      };
      continue;
    }
    yield itemOf(record, location, spec.adapter, spec.adapterOptions);
  }
}

/** A record read from a source, as a canonical document or the error that stopped it (named by its id). */
function itemOf(
  record: unknown,
  location: SourceLocation,
  adapter: ProviderAdapter | undefined,
  options?: Record<string, unknown>,
): SourceItem {
  try {
    const { doc, warnings } = toCanonical(record, adapter, options);
    return { ok: true, doc, warnings, location };
  } catch (error) {
    const failed: SourceItem = { ok: false, error: describe(error), location };
    const key = keyOf(record);
    if (key !== undefined) failed.key = key;
    return failed;
  }
}

/** One item a batch. */
async function* oneEach<T>(items: AsyncIterable<T>): AsyncGenerator<Iterable<T>> {
  for await (const item of items) yield [item];
}
/** Counts the records of an NDJSON file (a cheap pass, for the progress bar's ETA); undefined for JSON. */
export async function countRecords(path: string, format?: FileFormat): Promise<number | undefined> {
  if (formatOf(path, format) !== 'ndjson') return undefined;
  let count = 0;
  for await (const _ of ndjsonRecords(path)) count++;
  return count;
}
