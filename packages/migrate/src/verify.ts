import { type CreateFacts, compareCreateFacts, createFacts } from '@billbridge/core';
import { readJournalIdMap } from './journal';
import { prepareForTarget, sourceKey } from './prepare';
import { quietDocument } from './quiet';
import type { MismatchRow } from './report';
import { readSource } from './sources';
import type { CanonicalDoc, IdMaps, SourceSpec, TargetClient } from './types';

export interface VerifyOptions {
  source: SourceSpec;
  /** The migration's journal: which source document became which target record. */
  journal: string;
  client: TargetClient;
  idMaps?: IdMaps;
  notify?: boolean;
  importedSupported?: boolean;
  /** Reads by id in flight at once (default 8). */
  concurrency?: number;
}

export interface VerifyReport {
  /** Documents the journal records as created, compared with the target. */
  checked: number;
  matched: number;
  mismatches: MismatchRow[];
  /** Recorded as created, but the target has no record with that id. */
  missingOnTarget: Array<{ key: string; targetId: string }>;
  /** Source documents the journal does not record as created (not migrated yet, or failed). */
  notMigrated: number;
  /** How the target's records were read. */
  readBy: { listing: number; id: number };
}

/** A listed record describes the invoice fully when it carries the currency and its lines. */
function complete(facts: CreateFacts, doc: CanonicalDoc): boolean {
  return facts.currency !== undefined && doc.lines.length > 0;
}

/** One created document to check: what was sent (prepared for the target) and the id it got. */
export interface CreatedDocument {
  key: string;
  targetId: string;
  /** The document as sent. */
  sent: CanonicalDoc;
}

/**
 * Compares created documents with what the target stored: their currency, line count, line amounts and
 * total. The target's listing is read once where it carries those; records it does not describe
 * completely (or does not hold) are read by id. `ids` are the target ids to look for in the listing.
 */
export async function verifyCreated(
  documents: AsyncIterable<CreatedDocument | { notMigrated: true }>,
  ids: ReadonlySet<string>,
  client: TargetClient,
  concurrency = 8,
): Promise<VerifyReport> {
  const report: VerifyReport = {
    checked: 0,
    matched: 0,
    mismatches: [],
    missingOnTarget: [],
    notMigrated: 0,
    readBy: { listing: 0, id: 0 },
  };
  const listed = new Map<string, CreateFacts>();
  if (client.list) {
    for await (const { value } of client.list()) {
      if (value.id === undefined || !ids.has(value.id)) continue;
      const facts = createFacts(value);
      if (complete(facts, value)) listed.set(value.id, facts);
    }
  }

  const stored = async (id: string): Promise<CreateFacts | undefined> => {
    const fromList = listed.get(id);
    if (fromList) {
      report.readBy.listing++;
      return fromList;
    }
    if (!client.get) return undefined;
    report.readBy.id++;
    try {
      return createFacts((await client.get(id)).value);
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFoundError') return undefined;
      throw error;
    }
  };

  const check = async ({ key, targetId: id, sent }: CreatedDocument) => {
    const facts = await stored(id);
    report.checked++;
    if (!facts) {
      report.missingOnTarget.push({ key, targetId: id });
      return;
    }
    const differences = compareCreateFacts(createFacts(sent), facts);
    if (differences.length === 0) report.matched++;
    else report.mismatches.push({ key, targetId: id, differences: [...differences] });
  };

  const inflight = new Set<Promise<void>>();
  for await (const item of documents) {
    if ('notMigrated' in item) {
      report.notMigrated++;
      continue;
    }
    const task: Promise<void> = check(item).finally(() => inflight.delete(task));
    inflight.add(task);
    if (inflight.size >= Math.max(1, concurrency)) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return report;
}

/**
 * Compares every document the journal records as created with what the target stored (see
 * verifyCreated): the source is read again and prepared exactly as the migration sent it.
 */
export async function verifyMigration(options: VerifyOptions): Promise<VerifyReport> {
  const ids = readJournalIdMap(options.journal);
  async function* documents(): AsyncIterable<CreatedDocument | { notMigrated: true }> {
    for await (const item of readSource(options.source)) {
      if (!item.ok) continue;
      const key = sourceKey(item.doc, item.location);
      const id = ids.get(key);
      if (id === undefined) {
        yield { notMigrated: true };
        continue;
      }
      const prepared = prepareForTarget(item.doc, options.idMaps);
      quietDocument(prepared, {
        notify: options.notify ?? false,
        importedSupported: options.importedSupported ?? false,
      });
      yield { key, targetId: id, sent: prepared };
    }
  }
  return verifyCreated(documents(), new Set(ids.values()), options.client, options.concurrency);
}
