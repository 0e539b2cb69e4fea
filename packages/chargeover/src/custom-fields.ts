/**
 * Canonical metadata ↔ ChargeOver custom fields (`custom_1` … `custom_20` on invoices, … `custom_10` on
 * lines). A metadata key goes to the slot the `customFields` option names; a key already spelled
 * `custom_N` goes to that slot. Custom fields hold text, so only string values travel exactly.
 */
import { type Metadata, ValidationError, type WarningCollector } from '@billbridge/core';

const SLOT = /^custom_([1-9]\d?)$/;
/** `custom_N` by N, built once: every read of a record looks at each slot. */
const SLOT_NAMES = Array.from({ length: 100 }, (_, n) => `custom_${n}`);

export interface SlotTable {
  /** metadata key → slot name */
  toSlot: Map<string, string>;
  /** slot name → metadata key */
  toKey: Map<string, string>;
}

/** Validates the option once: slots exist, no slot is named twice. */
export function slotTable(
  mapping: Readonly<Record<string, string>> | undefined,
  slots: number,
  path: string,
): SlotTable {
  const toSlot = new Map<string, string>();
  const toKey = new Map<string, string>();
  for (const [key, slot] of Object.entries(mapping ?? {})) {
    const n = SLOT.exec(slot)?.[1];
    if (n === undefined || Number(n) > slots) {
      throw new ValidationError('ChargeOver options', [
        {
          path: `${path}.${key}`,
          code: 'invalid_value',
          message: `Expected custom_1 … custom_${slots}, got "${slot}".`,
        },
      ]);
    }
    if (toKey.has(slot)) {
      throw new ValidationError('ChargeOver options', [
        {
          path: `${path}.${key}`,
          code: 'invalid_value',
          message: `${slot} is already mapped from "${toKey.get(slot)}".`,
        },
      ]);
    }
    toSlot.set(key, slot);
    toKey.set(slot, key);
  }
  return { toSlot, toKey };
}

function slotFor(key: string, table: SlotTable, slots: number): string | undefined {
  const mapped = table.toSlot.get(key);
  if (mapped) return mapped;
  const n = SLOT.exec(key)?.[1];
  // A key spelled like a slot goes there, unless the option gave that slot to another key.
  if (n !== undefined && Number(n) <= slots && !table.toKey.has(key)) return key;
  return undefined;
}

export function metadataToCustomFields(
  metadata: Metadata | undefined,
  table: SlotTable,
  slots: number,
  path: string,
  w: WarningCollector,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!metadata) return out;
  for (const [key, value] of Object.entries(metadata)) {
    const at = `${path}.${key}`;
    const slot = slotFor(key, table, slots);
    if (!slot) {
      w.unsupported(
        at,
        `No ChargeOver custom field is mapped for metadata "${key}" (see the customFields option).`,
      );
      continue;
    }
    if (value === null || value === '') {
      w.unsupported(at, 'An empty custom field reads back as absent; it is not sent.');
      continue;
    }
    if (typeof value !== 'string') {
      w.approximated(
        at,
        `ChargeOver custom fields hold text: ${JSON.stringify(value)} reads back as a string.`,
      );
    }
    out[slot] = String(value);
  }
  return out;
}

export function customFieldsToMetadata(
  record: Record<string, unknown>,
  table: SlotTable,
  slots: number,
): Metadata | undefined {
  let out: Metadata | undefined;
  for (let n = 1; n <= slots; n += 1) {
    const slot = SLOT_NAMES[n] ?? `custom_${n}`;
    const value = record[slot];
    if (typeof value !== 'string' || value === '') continue;
    out ??= {};
    Object.defineProperty(out, table.toKey.get(slot) ?? slot, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
