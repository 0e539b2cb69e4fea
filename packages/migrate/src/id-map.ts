import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
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

/** Splits one CSV line, honouring double-quoted fields with "" escapes. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function add(maps: IdMaps, kind: string, source: string, target: string, where: string): void {
  const key = KINDS[kind.toLowerCase() as keyof typeof KINDS];
  if (!key)
    throw new IdMapError(
      `${where}: unknown kind ${JSON.stringify(kind)} (use customer, product or subscription)`,
    );
  if (!source || !target) throw new IdMapError(`${where}: both a source id and a target id are needed`);
  maps[key] ??= {};
  (maps[key] as Record<string, string>)[source] = target;
}

/**
 * Reads an id map. JSON: `{ "customers": { "<source id>": "<target id>" }, "products": {...},
 * "subscriptions": {...} }`. CSV: a header `kind,source,target`, then one row per reference.
 */
export async function loadIdMaps(path: string): Promise<IdMaps> {
  const text = await readFile(path, 'utf8');
  const maps: IdMaps = {};
  if (extname(path).toLowerCase() === '.csv') {
    const lines = text.split(/\r?\n/);
    const header = parseCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
    const [k, s, t] = ['kind', 'source', 'target'].map((name) => header.indexOf(name));
    if (k === undefined || s === undefined || t === undefined || k < 0 || s < 0 || t < 0) {
      throw new IdMapError(`${path}:1: the header must name the columns kind, source and target`);
    }
    lines.forEach((line, i) => {
      if (i === 0 || line.trim() === '') return;
      const cells = parseCsvLine(line);
      add(maps, cells[k] ?? '', cells[s] ?? '', cells[t] ?? '', `${path}:${i + 1}`);
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
