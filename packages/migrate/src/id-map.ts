import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { writeFileAtomic } from './atomic-write';
import type { IdMaps } from './types';

const KINDS = {
  customer: 'customers',
  customers: 'customers',
  product: 'products',
  products: 'products',
  item: 'products',
  items: 'products',
  subscription: 'subscriptions',
  subscriptions: 'subscriptions',
} as const;

export class IdMapError extends Error {
  override name = 'IdMapError';
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The `source` that names the default item / product: lines no other row maps get it. */
export const DEFAULT_SOURCE = '*';

function add(maps: IdMaps, kind: string, source: string, target: string, where: string): void {
  const key = KINDS[kind.toLowerCase() as keyof typeof KINDS];
  if (key === 'products' && source === DEFAULT_SOURCE && target) {
    maps.defaultProduct = target;
    return;
  }
  if (!key)
    throw new IdMapError(
      `${where}: unknown kind ${JSON.stringify(kind)} (use customer, product or subscription)`,
    );
  if (!source || !target) throw new IdMapError(`${where}: both a source id and a target id are needed`);
  maps[key] ??= {};
  (maps[key] as Record<string, string>)[source] = target;
}

export interface IdMapReadOptions {
  /** CSV field delimiter (default `,`; e.g. `;` or a tab). */
  delimiter?: string;
}

/**
 * Reads an id map. JSON: `{ "customers": { "<source id>": "<target id>" }, "products": {...},
 * "subscriptions": {...}, "defaultProduct": "<target id>" }`. CSV (RFC 4180, read with csv-parse: quoted
 * fields, embedded delimiters and newlines, whitespace kept as written): a header `kind,source,target`,
 * then one row per reference. A product row's source is a product id, an external id or a line's
 * description; `product,*,<id>` names the default item for lines nothing else maps.
 */
export async function loadIdMaps(path: string, options: IdMapReadOptions = {}): Promise<IdMaps> {
  const text = await readFile(path, 'utf8');
  const maps: IdMaps = {};
  if (extname(path).toLowerCase() === '.csv' || extname(path).toLowerCase() === '.tsv') {
    const delimiter = options.delimiter ?? (extname(path).toLowerCase() === '.tsv' ? '\t' : ',');
    let rows: string[][];
    try {
      rows = parseCsv(text, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: true });
    } catch (error) {
      throw new IdMapError(`${path}: not valid CSV: ${(error as Error).message}`);
    }
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const [k, s, t] = ['kind', 'source', 'target'].map((name) => header.indexOf(name));
    if (k === undefined || s === undefined || t === undefined || k < 0 || s < 0 || t < 0) {
      throw new IdMapError(
        `${path}:1: the header must name the columns kind, source and target (delimiter ${JSON.stringify(delimiter)}; pass --id-map-delimiter for another)`,
      );
    }
    rows.forEach((cells, i) => {
      if (i === 0) return;
      add(maps, (cells[k] ?? '').trim(), cells[s] ?? '', cells[t] ?? '', `${path} row ${i + 1}`);
    });
    return maps;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new IdMapError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new IdMapError(`${path}: expected an object with customers, products and/or subscriptions`);
  }
  for (const [kind, entries] of Object.entries(parsed)) {
    if (kind === 'defaultProduct' || kind === 'defaultItem') {
      if (typeof entries !== 'string' || entries === '')
        throw new IdMapError(`${path}: "${kind}" must be the target id of the default item`);
      maps.defaultProduct = entries;
      continue;
    }
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) {
      throw new IdMapError(`${path}: "${kind}" must map source ids to target ids`);
    }
    for (const [source, target] of Object.entries(entries)) {
      if (typeof target !== 'string') throw new IdMapError(`${path}: ${kind}.${source} must be a string`);
      add(maps, kind, source, target, path);
    }
  }
  return maps;
}

/** Merges id maps, later ones winning. */
export function mergeIdMaps(...all: IdMaps[]): IdMaps {
  const out: IdMaps = {};
  for (const maps of all) {
    for (const kind of ['customers', 'products', 'subscriptions'] as const) {
      if (maps[kind]) out[kind] = { ...out[kind], ...maps[kind] };
    }
    if (maps.defaultProduct !== undefined) out.defaultProduct = maps.defaultProduct;
  }
  return out;
}

/** Writes the source → target id map of the migrated documents: CSV (`source,target`) or JSON by extension. */
export async function writeIdMap(path: string, ids: Map<string, string>): Promise<void> {
  if (extname(path).toLowerCase() === '.csv') {
    const rows = ['source,target'];
    for (const [source, target] of ids) rows.push(`${csvField(source)},${csvField(target)}`);
    await writeFileAtomic(path, `${rows.join('\n')}\n`);
    return;
  }
  await writeFileAtomic(path, `${JSON.stringify(Object.fromEntries(ids), null, 2)}\n`);
}
