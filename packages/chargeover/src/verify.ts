/**
 * What a create is checked on. ChargeOver answers a create with the new id only, so the client reads the
 * invoice back and compares, in ChargeOver's own terms: the currency, the number of lines, each line's
 * `line_rate × line_quantity` rounded to the account's decimals for the currency, and their sum against
 * the stored `subtotal` (the `total` adds the account's taxes, which the request does not carry).
 */
import {
  type AmountConvention,
  addDecimal,
  type CreateFacts,
  decimalToSafeInteger,
  type ExactDecimal,
  minorUnitExponent,
  multiplyDecimal,
  roundDecimal,
  shiftDecimal,
  toDecimal,
} from '@billbridge/core';
import type { InvoiceCreateRequest, InvoiceRecord } from './wire';

/** Major units → canonical minor units (ISO 4217), half away from zero. */
function toMinor(major: ExactDecimal, currency: string): number {
  return decimalToSafeInteger(roundDecimal(shiftDecimal(major, minorUnitExponent(currency)), 0));
}

function lineAmounts(
  lines: ReadonlyArray<{ line_rate?: number | string; line_quantity?: number | string }>,
  digits: number,
): ExactDecimal[] {
  return lines.map((line) =>
    roundDecimal(multiplyDecimal(toDecimal(line.line_rate ?? 0), toDecimal(line.line_quantity ?? 1)), digits),
  );
}

function sum(values: readonly ExactDecimal[]): ExactDecimal {
  return values.reduce((a, b) => addDecimal(a, b), toDecimal(0));
}

/** The facts of the request as sent, in `currency`. */
export function requestFacts(
  request: InvoiceCreateRequest,
  currency: string,
  amounts: AmountConvention,
): CreateFacts {
  const lines = lineAmounts(request.line_items, amounts.digits(currency));
  return {
    currency,
    lineCount: lines.length,
    lineAmounts: lines.map((amount) => toMinor(amount, currency)),
    total: toMinor(sum(lines), currency),
  };
}

/** The facts of the invoice as ChargeOver stored it. */
export function recordFacts(record: InvoiceRecord, amounts: AmountConvention): CreateFacts {
  const currency = record.currency_iso4217;
  const facts: CreateFacts = {
    currency,
    total: toMinor(toDecimal(record.subtotal ?? record.total), currency),
  };
  if (record.line_items) {
    const lines = lineAmounts(record.line_items, amounts.digits(currency));
    facts.lineCount = lines.length;
    facts.lineAmounts = lines.map((amount) => toMinor(amount, currency));
  }
  return facts;
}
