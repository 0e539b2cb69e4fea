import type { MappingWarning } from '@billbridge/core';
import type { LossRow } from './report';

/** `lines[3].tax.amount` → `lines[].tax.amount`: one row per field, whatever the line. */
export function normalizePath(path: string): string {
  // Most warning paths name no line (a regex pass over each costs more than this test).
  return path.includes('[') ? path.replace(/\[\d+\]/g, '[]') : path;
}

/** A row, and the last document that counted it. */
interface Counter {
  row: LossRow;
  document: number;
}

/** The counters of one normalised field, by side, then by code. */
interface Field {
  path: string;
  source: Map<string, Counter>;
  target: Map<string, Counter>;
}

/** Warning paths remembered with their field (paths repeat from document to document: `lines[0].x`). */
const MAX_REMEMBERED_PATHS = 10_000;

/**
 * Counts each (side, code, field) once per document. Runs for every document a migration reads, so a
 * warning costs two map lookups, by its path as given and by its code: no normalising, no id string and
 * no per-document set (a counter remembers the last document that counted it).
 */
export class LossTable {
  /** In the order first seen (the report's sort is stable). */
  readonly rows: LossRow[] = [];
  private readonly fields = new Map<string, Field>();
  private readonly byPath = new Map<string, Field>();
  private document = 0;

  add(side: LossRow['side'], warnings: readonly MappingWarning[]): void {
    if (warnings.length === 0) return;
    const document = ++this.document;
    for (const warning of warnings) {
      const field = this.field(warning.path);
      const counters = side === 'source' ? field.source : field.target;
      let counter = counters.get(warning.code);
      if (counter === undefined) {
        const row: LossRow = {
          side,
          code: warning.code,
          path: field.path,
          documents: 0,
          message: warning.message,
        };
        counter = { row, document: 0 };
        counters.set(warning.code, counter);
        this.rows.push(row);
      }
      if (counter.document === document) continue;
      counter.document = document;
      counter.row.documents++;
    }
  }

  private field(raw: string): Field {
    const known = this.byPath.get(raw);
    if (known !== undefined) return known;
    const path = normalizePath(raw);
    let field = this.fields.get(path);
    if (field === undefined) {
      field = { path, source: new Map(), target: new Map() };
      this.fields.set(path, field);
    }
    if (this.byPath.size < MAX_REMEMBERED_PATHS) this.byPath.set(raw, field);
    return field;
  }
}
