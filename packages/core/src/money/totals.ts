import {
  addDecimal,
  decimalToSafeInteger,
  type ExactDecimal,
  multiplyDecimal,
  roundDecimal,
  toDecimal,
} from './decimal';

export interface PricedQuantity {
  quantity: string | number;
  unitAmount?: number | undefined;
  unitAmountDecimal?: string | undefined;
}

/** quantity × unit price in exact minor units (possibly fractional), before rounding. */
export function exactLineAmount(line: PricedQuantity): ExactDecimal {
  const unit =
    line.unitAmountDecimal !== undefined
      ? toDecimal(line.unitAmountDecimal)
      : toDecimal(line.unitAmount ?? 0);
  return multiplyDecimal(toDecimal(line.quantity), unit);
}

/** A line's amount in whole minor units: quantity × unit price, rounded once, half away from zero. */
export function lineAmount(line: PricedQuantity & { amount?: number | undefined }): number {
  if (line.amount !== undefined) return line.amount;
  return decimalToSafeInteger(roundDecimal(exactLineAmount(line), 0));
}

/** Exact sum of minor-unit integers (BigInt underneath, so no intermediate can lose a unit). */
export function sumMinor(amounts: Iterable<number>): number {
  let total: ExactDecimal = { coefficient: 0n, scale: 0 };
  for (const amount of amounts) total = addDecimal(total, toDecimal(BigInt(amount)));
  return decimalToSafeInteger(total);
}

export interface TotalsInput {
  lines: Array<
    PricedQuantity & {
      amount?: number | undefined;
      tax?: { amount?: number; inclusive?: boolean } | undefined;
    }
  >;
  tax?: { amount?: number; inclusive?: boolean } | undefined;
  total?: number | undefined;
}

export interface Totals {
  subtotal: number;
  /** Exclusive tax added on top of the subtotal. */
  tax: number;
  total: number;
}

/**
 * Subtotal, exclusive tax and total in minor units. Line amounts are rounded per line; inclusive taxes are
 * already inside the amounts. With no lines, the document's own `total` stands.
 */
export function computeTotals(doc: TotalsInput): Totals {
  if (doc.lines.length === 0) {
    const total = doc.total ?? 0;
    return { subtotal: total, tax: 0, total };
  }
  const subtotal = sumMinor(doc.lines.map(lineAmount));
  const exclusive = (t?: { amount?: number; inclusive?: boolean }) =>
    t && !t.inclusive ? (t.amount ?? 0) : 0;
  const tax = sumMinor([...doc.lines.map((line) => exclusive(line.tax)), exclusive(doc.tax)]);
  return { subtotal, tax, total: sumMinor([subtotal, tax]) };
}
