import type { NewRecord } from './journal-file';

/**
 * A record's journal line, exactly `JSON.stringify({ ...record, s })` followed by a newline: the
 * record's own keys in their order, then the sequence. Spliced into the record's own serialisation
 * rather than built by spreading it into a new object per record (the spread object cost more than its
 * serialisation). test/journal-encode.test.ts holds it equal to the spread form.
 */
export function encodeRecord(record: NewRecord, s: number): string {
  // A record carrying its own `s` (the type forbids it) keeps the spread's key order.
  if (Object.hasOwn(record, 's')) return `${JSON.stringify({ ...record, s })}\n`;
  const text = JSON.stringify(record);
  // A record always has its `t`; the empty object is handled only so the function is total.
  if (text === '{}') return `{"s":${s}}\n`;
  return `${text.slice(0, -1)},"s":${s}}\n`;
}
