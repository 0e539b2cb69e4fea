/**
 * The plan, its price and the line items, and the invoice's one product. Whop's plan price must equal
 * the line items' sum: it is built from the lines, exactly, and lines that cannot make such a price are
 * refused (WhopPlanPriceError) before anything is sent.
 */
import {
  addDecimal,
  compareDecimal,
  computeTotals,
  decimalToExactNumber,
  type ExactDecimal,
  exactLineAmount,
  type Invoice,
  isWholeDecimal,
  minorDecimalToMajorString,
  minorToMajorString,
  toDecimal,
  type WarningCollector,
} from '@billbridge/core';
import { minorToWhopNumber, recurrenceToBillingPeriod } from './convert';
import { WhopPlanPriceError } from './errors';
import type { WhopProviderOptions } from './options';
import type { WhopCurrency, WhopPlan, WhopRequestLineItem } from './wire';

type Line = Invoice['lines'][number];

/** The line items and the plan price they add up to, exactly, in minor units. */
export function mapLines(
  invoice: Invoice,
  currency: WhopCurrency,
  w: WarningCollector,
): { lineItems?: WhopRequestLineItem[]; priceMinor: number } {
  const code = invoice.currency;
  if (invoice.lines.length === 0) {
    const total = invoice.total ?? 0;
    if (total < 0)
      throw new WhopPlanPriceError(
        'total',
        `A Whop plan price cannot be negative (${minorToMajorString(total, code)} ${code}).`,
      );
    return { priceMinor: total };
  }
  // Whole quantities × whole unit prices add up to whole amounts equal to the rounded subtotal by
  // definition, so the exact decimal sum and its two checks below are needed only for finer lines.
  const lines = invoice.lines;
  const allWhole = allWholeLines(lines);
  let exactSum: ExactDecimal = ZERO;
  const lineItems = new Array<WhopRequestLineItem>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!allWhole) exactSum = addDecimal(exactSum, exactLineAmount(line));
    warnUnsupportedLineFields(line, i, w);
    lineItems[i] = {
      label: lineLabel(line, i, w),
      unit_price: unitPrice(line, i, currency, code),
      // A safe-integer quantity is already its own exact JSON number; only decimals need the check.
      quantity:
        typeof line.quantity === 'number' && Number.isSafeInteger(line.quantity)
          ? line.quantity
          : exactNumber(toDecimal(line.quantity), `lines[${i}].quantity`, 'quantity'),
    };
  }
  const totals = computeTotals(invoice);
  if (!allWhole && !isWholeDecimal(exactSum)) {
    throw new WhopPlanPriceError(
      'lines',
      `The lines add up to exactly ${minorDecimalToMajorString(exactSum, code)} ${code}, which is not a whole amount of ${code}. ` +
        'Whop requires the plan price to equal the sum of the line items, so no plan price can be sent. ' +
        'Adjust unit prices or quantities so that the lines add up to a whole amount.',
    );
  }
  if (!allWhole && compareDecimal(exactSum, toDecimal(totals.subtotal)) !== 0) {
    throw new WhopPlanPriceError(
      'lines',
      `Rounded line by line the lines come to ${minorToMajorString(totals.subtotal, code)} ${code}, but exactly they add up to ` +
        `${minorDecimalToMajorString(exactSum, code)} ${code}; Whop bills the exact sum, so the invoice would not match its own total. ` +
        'Make every line amount a whole amount of the currency.',
    );
  }
  if (totals.subtotal < 0) {
    throw new WhopPlanPriceError(
      'lines',
      `A Whop plan price cannot be negative (the lines add up to ${minorToMajorString(totals.subtotal, code)} ${code}).`,
    );
  }
  if (invoice.total !== undefined && invoice.total !== totals.subtotal) {
    w.unsupported(
      'total',
      `Whop bills the sum of the line items (${minorToMajorString(totals.subtotal, code)} ${code}); the given total is not sent.`,
    );
  }
  return { lineItems, priceMinor: totals.subtotal };
}

const ZERO: ExactDecimal = Object.freeze({ coefficient: 0n, scale: 0 });

/** Whether every line is a whole quantity × a whole unit price: its exact amount is whole minor units. */
function allWholeLines(lines: readonly Line[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (
      line.unitAmountDecimal !== undefined ||
      typeof line.quantity !== 'number' ||
      !Number.isSafeInteger(line.quantity) ||
      !Number.isSafeInteger(line.unitAmount ?? 0)
    )
      return false;
  }
  return true;
}

function unitPrice(line: Line, i: number, currency: WhopCurrency, code: string): number {
  // A whole unit price goes to the convention as it is (its whole-amount path); a finer one as a decimal.
  const minor =
    line.unitAmountDecimal !== undefined ? toDecimal(line.unitAmountDecimal) : (line.unitAmount ?? 0);
  try {
    return minorToWhopNumber(minor, code);
  } catch {
    const path = `lines[${i}].${line.unitAmountDecimal !== undefined ? 'unitAmountDecimal' : 'unitAmount'}`;
    throw new WhopPlanPriceError(
      path,
      `The unit price ${minorDecimalToMajorString(toDecimal(minor), code)} ${currency} has more digits than a JSON number carries exactly.`,
    );
  }
}

function exactNumber(value: ExactDecimal, path: string, what: string): number {
  try {
    return decimalToExactNumber(value);
  } catch {
    throw new WhopPlanPriceError(path, `The ${what} has more digits than a JSON number carries exactly.`);
  }
}

function lineLabel(line: Line, i: number, w: WarningCollector): string {
  if (line.description !== undefined) return line.description;
  if (line.product?.name !== undefined) {
    w.defaulted(`lines[${i}].description`, 'Whop needs a label per line: the product name is used.');
    return line.product.name;
  }
  w.defaulted(`lines[${i}].description`, `Whop needs a label per line: "Line ${i + 1}" is used.`);
  return `Line ${i + 1}`;
}

export function mapPlan(
  invoice: Invoice,
  currency: WhopCurrency,
  priceMinor: number,
  trialPeriodDays: number | undefined,
  w: WarningCollector,
): WhopPlan {
  const price = minorToWhopNumber(priceMinor, invoice.currency);
  const recurrence = invoice.recurrence;
  const plan: WhopPlan = recurrence
    ? { plan_type: 'renewal', renewal_price: price, currency }
    : { plan_type: 'one_time', initial_price: price, currency };
  if (recurrence) {
    const { days, approximated } = recurrenceToBillingPeriod(recurrence);
    plan.billing_period = days;
    if (approximated) {
      w.approximated(
        'recurrence',
        `Whop renews every billing_period days: every ${recurrence.count} ${recurrence.interval}(s) becomes ${days} days.`,
      );
    }
  }
  if (trialPeriodDays !== undefined) plan.trial_period_days = trialPeriodDays;
  const lines = invoice.lines;
  const planKind = recurrence ? 'recurring' : 'one_time';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.recurrence && !sameRecurrence(line.recurrence, recurrence)) {
      w.approximated(
        `lines[${i}].recurrence`,
        'Whop bills every line on the plan cycle (the invoice recurrence); this line cycle is not sent.',
      );
    }
    if (line.kind !== undefined && line.kind !== planKind) {
      w.approximated(
        `lines[${i}].kind`,
        `Whop bills every line as part of a ${recurrence ? 'renewal' : 'one-time'} plan.`,
      );
    }
  }
  return plan;
}

function sameRecurrence(a: Invoice['recurrence'], b: Invoice['recurrence']): boolean {
  return a?.interval === b?.interval && a?.count === b?.count;
}

/** The one value every line has for `pick` (undefined counts), or `MIXED` when two lines differ. */
const MIXED = Symbol('mixed');
function common(
  lines: readonly Line[],
  pick: (line: Line) => string | undefined,
): string | undefined | typeof MIXED {
  if (lines.length === 0) return MIXED;
  const first = pick(lines[0] as Line);
  for (let i = 1; i < lines.length; i++) if (pick(lines[i] as Line) !== first) return MIXED;
  return first;
}
const productId = (line: Line) => line.product?.id;
const productName = (line: Line) => line.product?.name;

/** Exactly one of `product_id` (an existing product) and `product` (created inline), added to `body`. */
export function addProduct(
  body: Record<string, unknown>,
  invoice: Invoice,
  whop: WhopProviderOptions,
  w: WarningCollector,
): void {
  const lines = invoice.lines;
  const commonId = common(lines, productId);
  const chosenId = whop.productId ?? (commonId === MIXED ? undefined : commonId);
  let title: string | undefined;
  if (chosenId !== undefined) {
    body.product_id = chosenId;
    if (whop.productTaxCodeId !== undefined) {
      w.unsupported(
        'providerOptions.whop.productTaxCodeId',
        'A tax code applies only to a product created inline.',
      );
    }
  } else {
    const commonName = common(lines, productName);
    title = whop.productTitle ?? (commonName === MIXED ? undefined : commonName);
    if (title === undefined && lines.length === 1 && lines[0]?.description) title = lines[0].description;
    if (title === undefined) {
      title = invoice.number ? `Invoice ${invoice.number}` : 'Invoice';
      w.defaulted(
        'lines.product',
        `Whop needs one product per invoice: a product titled "${title}" is created.`,
      );
    }
    const product: { title: string; product_tax_code_id?: string } = { title };
    if (whop.productTaxCodeId) product.product_tax_code_id = whop.productTaxCodeId;
    body.product = product;
  }

  for (let i = 0; i < lines.length; i++) {
    const product = (lines[i] as Line).product;
    if (!product) continue;
    const idKept = product.id === undefined || (chosenId !== undefined && chosenId === product.id);
    const nameKept = product.name === undefined || (title !== undefined && title === product.name);
    if (!idKept || !nameKept || product.externalId !== undefined) {
      w.approximated(
        `lines[${i}].product`,
        'A Whop invoice has one product, given by id or created by title: the rest of this line product is not sent.',
      );
    }
  }
}

function warnUnsupportedLineFields(line: Line, i: number, w: WarningCollector): void {
  if (line.priceId !== undefined)
    w.unsupported(`lines[${i}].priceId`, 'Whop line items have no price reference.');
  if (line.period !== undefined) w.unsupported(`lines[${i}].period`, 'Whop line items have no period.');
  if (line.tax !== undefined) w.unsupported(`lines[${i}].tax`, 'Whop line items carry no tax.');
  if (line.metadata !== undefined) w.unsupported(`lines[${i}].metadata`, 'Whop line items have no metadata.');
}
