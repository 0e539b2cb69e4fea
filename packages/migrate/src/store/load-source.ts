import { createFacts, type MappingWarning, type ProviderAdapter } from '@billbridge/core';
import type { Transform } from '../engine';
import { KeySet } from '../key-set';
import { prepareForTarget, sourceKey } from '../prepare';
import { type ReportBuilder, reasonOf } from '../report';
import { readSource } from '../sources';
import type { CanonicalDoc, CanonicalInput, IdMaps, SourceSpec } from '../types';
import type { LoadItem, SearchFacts } from './run-store';

export interface LoadSourceOptions {
  source: SourceSpec;
  adapter: ProviderAdapter;
  adapterOptions?: Record<string, unknown>;
  idMaps?: IdMaps;
  transform?: Transform;
  strict?: boolean;
  /** Receives what the load finds: records read, unreadable or unmappable ones, losses. */
  builder?: ReportBuilder;
}

/** The facts a document is searched by when its create went unanswered. */
export function searchFacts(doc: CanonicalInput): SearchFacts | undefined {
  try {
    const facts = createFacts(doc as CanonicalDoc);
    const customer = (doc as CanonicalDoc).customer?.id;
    return {
      ...(facts.currency === undefined ? {} : { c: facts.currency }),
      ...(facts.total === undefined ? {} : { t: facts.total }),
      ...(facts.lineCount === undefined ? {} : { l: facts.lineCount }),
      ...(customer === undefined ? {} : { u: customer }),
    };
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The source, read once, as the run's documents: each prepared for the target (ids rewritten, the
 * transform applied) and mapped once to learn its losses, so every worker sends exactly what was
 * loaded and needs neither the source nor the transform. A record that cannot be read or mapped, or
 * repeats an id, is loaded as failed with the reason; one the transform drops, as skipped.
 */
export async function* loadSource(options: LoadSourceOptions): AsyncIterable<LoadItem> {
  const seen = new KeySet();
  for await (const item of readSource(options.source)) {
    const builder = options.builder;
    if (builder) builder.report.read++;
    const index = item.location.index;
    if (!item.ok) {
      builder?.problem(item.error, item.key, item.location);
      yield {
        key: item.key ?? `#${index}`,
        state: 'failed',
        warnings: [],
        error: `${reasonOf(item.error)}: ${message(item.error)}`,
      };
      continue;
    }
    const key = sourceKey(item.doc, item.location);
    if (!seen.add(key)) {
      const error = new Error(
        `another record of this source has the same id "${key}"; only the first is migrated`,
      );
      builder?.problem(error, key, item.location);
      yield {
        key: `#${index}`,
        state: 'failed',
        warnings: [],
        error: error.message,
      };
      continue;
    }
    const warnings: MappingWarning[] = [...item.warnings];
    let doc: CanonicalInput = prepareForTarget(item.doc, options.idMaps);
    try {
      if (options.transform) {
        const out = await options.transform(doc as CanonicalDoc, {
          key,
          location: item.location,
          original: item.doc,
        });
        if (out === null) {
          if (builder) builder.report.skippedByTransform++;
          yield { key, state: 'skipped', warnings, error: 'skipped by the transform' };
          continue;
        }
        if (out !== undefined) doc = out;
      }
      const mapped = options.adapter.toCreateRequest(doc, {
        ...options.adapterOptions,
        strict: options.strict ?? false,
      });
      warnings.push(...mapped.warnings);
    } catch (error) {
      builder?.problem(error, key, item.location);
      yield { key, state: 'failed', warnings, error: `${reasonOf(error)}: ${message(error)}` };
      continue;
    }
    builder?.losses('source', item.warnings);
    builder?.losses('target', warnings.slice(item.warnings.length));
    const externalId = (doc as { externalId?: string }).externalId;
    const number = (doc as { number?: string }).number;
    const facts = searchFacts(doc);
    yield {
      key,
      doc,
      state: 'todo',
      warnings,
      ...(externalId === undefined ? {} : { externalId }),
      ...(number === undefined ? {} : { number }),
      ...(facts === undefined ? {} : { facts }),
    };
  }
}
