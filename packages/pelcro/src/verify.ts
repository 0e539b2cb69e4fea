/**
 * Verified creates: what Pelcro answered (or stored, read back) against what was sent, in canonical units,
 * on every fact the answer carries: currency, line count, line amounts, total, the invoice's previous-system
 * id and the imported flag (whose wire name is unconfirmed: a flag Pelcro ignored shows up here).
 */
import {
  type CreateFacts,
  compareCreateFacts,
  type IntegrityDifference,
  IntegrityError,
} from '@billbridge/core';
import { canonicalForComparison } from './amounts';
import { READINGS } from './options';
import { itemAmount, itemsTotal } from './totals';
import type { PelcroInvoice, PelcroInvoiceCreateBody, PelcroLineItem } from './wire';

/** The facts of a create body, as Pelcro will compute them (lines × unit prices, tax on top). */
export function sentFacts(body: PelcroInvoiceCreateBody): CreateFacts {
  const currency = body.currency.toUpperCase();
  const items = body.line_items;
  if (items === undefined) {
    const facts: CreateFacts = { currency };
    if (body.total !== undefined) facts.total = canonicalForComparison(body.total, currency);
    return facts;
  }
  const lineAmounts: number[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    lineAmounts[i] = canonicalForComparison(itemAmount(items[i] as PelcroLineItem), currency);
  }
  return {
    currency,
    lineCount: items.length,
    lineAmounts,
    total: canonicalForComparison(itemsTotal(items).total, currency),
  };
}

/** The facts Pelcro's invoice carries (absent ones are not compared). */
export function storedFacts(invoice: PelcroInvoice, withLines: boolean): CreateFacts {
  const currency = invoice.currency.toUpperCase();
  const facts: CreateFacts = { currency };
  const total = invoice.total ?? invoice.amount_due;
  if (total != null) facts.total = canonicalForComparison(total, currency);
  const items = invoice.line_items;
  if (withLines && Array.isArray(items)) {
    facts.lineCount = items.length;
    const lineAmounts: number[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as NonNullable<PelcroInvoice['line_items']>[number];
      lineAmounts[i] = canonicalForComparison(item.amount ?? itemAmount(item), currency);
    }
    facts.lineAmounts = lineAmounts;
  }
  return facts;
}

/** Throws IntegrityError (naming the created invoice) when Pelcro stored something other than what was sent. */
export function verifyStored(body: PelcroInvoiceCreateBody, stored: PelcroInvoice, requestId?: string): void {
  const differences: IntegrityDifference[] = compareCreateFacts(
    sentFacts(body),
    storedFacts(stored, body.line_items !== undefined),
  );
  if (body.old_provider_id !== undefined && stored.old_provider_id !== undefined) {
    if (stored.old_provider_id !== body.old_provider_id)
      differences.push({
        path: 'externalId',
        expected: body.old_provider_id,
        actual: stored.old_provider_id,
      });
  }
  const flag = body[READINGS.importedFlag];
  const storedFlag = stored.is_imported ?? stored.imported;
  if (flag !== undefined && typeof storedFlag === 'boolean' && storedFlag !== flag) {
    differences.push({ path: 'imported', expected: flag, actual: storedFlag });
  }
  if (differences.length === 0) return;
  throw new IntegrityError('pelcro', String(stored.id), differences, {
    raw: stored,
    ...(requestId !== undefined && { requestId }),
  });
}
