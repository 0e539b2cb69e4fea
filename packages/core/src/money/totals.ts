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
  // Whole quantity × whole unit price: a double product of exact integers is exact while it stays a safe
  // integer (a true product beyond 2^53 - 1 rounds to at least 2^53, which isSafeInteger refuses).
  const { quantity, unitAmount } = line;
  if (
    line.unitAmountDecimal === undefined &&
    Number.isSafeInteger(quantity) &&
    Number.isSafeInteger(unitAmount)
  ) {
    const product = (quantity as number) * (unitAmount as number);
    if (Number.isSafeInteger(product)) return product + 0;
  }
  return decimalToSafeInteger(roundDecimal(exactLineAmount(line), 0));
}

/** Exact sum of minor-unit integers (BigInt underneath, so no intermediate can lose a unit). */
export function sumMinor(amounts: Iterable<number>): number {
  // Plain addition is exact while every addend and every partial sum is a safe integer; the first that is
  // not sends the whole sum down the BigInt path, which decides (and throws) as before.
  if (Array.isArray(amounts)) {
    let sum = 0;
    let exact = true;
    for (let i = 0; i < amounts.length; i++) {
      const amount = amounts[i] as number;
      sum += amount;
      if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(sum)) {
        exact = false;
        break;
      }
    }
    if (exact) return sum + 0;
  }
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

/** Tax added on top of the amounts (an inclusive tax is already inside them). */
function exclusiveTax(t: { amount?: number; inclusive?: boolean } | undefined): number {
  return t && !t.inclusive ? (t.amount ?? 0) : 0;
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
  return wholeTotals(doc) ?? exactTotals(doc);
}

/**
 * The totals in one pass of plain additions, while every line amount, tax and partial sum is a safe
 * integer (so each addition is exact, as sumMinor's BigInt path would be); undefined at the first that is
 * not, and exactTotals decides (and throws) as it always did. Line amounts are the same lineAmount calls
 * in the same order, so a line that throws throws here first, as it does there.
 */
function wholeTotals(doc: TotalsInput): Totals | undefined {
  const lines = doc.lines;
  let subtotal = 0;
  let tax = exclusiveTax(doc.tax);
  if (!Number.isSafeInteger(tax)) return undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TotalsInput['lines'][number];
    const amount = lineAmount(line);
    const lineTax = exclusiveTax(line.tax);
    subtotal += amount;
    tax += lineTax;
    if (
      !Number.isSafeInteger(amount) ||
      !Number.isSafeInteger(lineTax) ||
      !Number.isSafeInteger(subtotal) ||
      !Number.isSafeInteger(tax)
    )
      return undefined;
  }
  const total = subtotal + tax;
  return Number.isSafeInteger(total) ? { subtotal: subtotal + 0, tax: tax + 0, total: total + 0 } : undefined;
}

/** The definition: every line amount, then exact sums of the amounts, of the taxes, and of the two. */
export function exactTotals(doc: TotalsInput): Totals {
  const amounts: number[] = [];
  const taxes: number[] = [];
  for (const line of doc.lines) {
    amounts.push(lineAmount(line));
    taxes.push(exclusiveTax(line.tax));
  }
  taxes.push(exclusiveTax(doc.tax));
  const subtotal = sumMinor(amounts);
  const tax = sumMinor(taxes);
  return { subtotal, tax, total: sumMinor([subtotal, tax]) };
}
