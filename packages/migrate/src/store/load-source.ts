import type { MappingWarning, ProviderAdapter } from '@billbridge/core';
import type { Transform } from '../engine';
import { KeySet } from '../key-set';
import { prepareForTarget, sourceKey } from '../prepare';
import { quietDocument } from '../quiet';
import { journalFacts } from '../reconcile';
import { type ReportBuilder, reasonOf } from '../report';
import { readSource } from '../sources';
import type { CanonicalDoc, CanonicalInput, IdMaps, SourceSpec } from '../types';
import type { LoadItem } from './run-store';

export interface LoadSourceOptions {
  source: SourceSpec;
  adapter: ProviderAdapter;
  adapterOptions?: Record<string, unknown>;
  idMaps?: IdMaps;
  transform?: Transform;
  strict?: boolean;
  /** Let the target email customers and charge cards (default: quiet, as a journaled run). */
  notify?: boolean;
  /** Receives what the load finds: records read, unreadable or unmappable ones, losses. */
  builder?: ReportBuilder;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The source, read once, as the run's documents: each prepared for the target (ids rewritten, quieted
 * unless `notify`, the transform applied) and mapped once to learn its losses, so every worker sends exactly what was
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
    const quiet = {
      notify: options.notify ?? false,
      importedSupported: options.adapter.capabilities.invoice.imported === 'supported',
    };
    for (const change of quietDocument(doc, quiet)) builder?.quieted(change);
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
    const facts = journalFacts(doc as CanonicalDoc);
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
