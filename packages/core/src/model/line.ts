import type { z } from 'zod';
import { decimalToSafeInteger, roundDecimal } from '../money/decimal';
import { exactLineAmount, type PricedQuantity } from '../money/totals';
import { lazySchema } from '../schema/lazy';
import {
  Decimal,
  Metadata,
  MinorAmount,
  Period,
  ProductReference,
  Quantity,
  Recurrence,
  Tax,
} from './primitives';

export const LINE_KINDS = ['one_time', 'recurring', 'usage'] as const;

/** How many of the two unit price fields are given (a line needs exactly one, a charge at most one). */
export function unitPriceCount(priced: { unitAmount?: unknown; unitAmountDecimal?: unknown }): number {
  return Number(priced.unitAmount !== undefined) + Number(priced.unitAmountDecimal !== undefined);
}

/** The amount a line must carry: quantity × unit price, rounded once, half away from zero (RangeError beyond safe integers). */
export function expectedLineAmount(line: PricedQuantity): number {
  const { quantity, unitAmount } = line;
  if (
    line.unitAmountDecimal === undefined &&
    Number.isSafeInteger(quantity) &&
    Number.isSafeInteger(unitAmount)
  ) {
    // Whole quantity × whole unit price: a double product within the safe range is the exact product (a
    // larger one rounds to 2^53 or beyond and takes the decimal path), and needs no rounding.
    const product = (quantity as number) * (unitAmount as number);
    if (Number.isSafeInteger(product)) return product === 0 ? 0 : product;
  }
  return decimalToSafeInteger(roundDecimal(exactLineAmount(line), 0));
}

/** expectedLineAmount, or undefined when quantity × unit price leaves the safe-integer range. */
export function safeLineAmount(line: PricedQuantity): number | undefined {
  try {
    return expectedLineAmount(line);
  } catch {
    return undefined;
  }
}

/** The issue of a line or charge whose quantity × unit price is no safe integer. */
export function productOutOfRange(priced: { unitAmountDecimal?: unknown }): string {
  const unit = priced.unitAmountDecimal !== undefined ? 'unitAmountDecimal' : 'unitAmount';
  return `quantity × ${unit} is beyond the safe-integer range (±${Number.MAX_SAFE_INTEGER} minor units), where amounts stop being exact; split the line or lower the quantity.`;
}

export const Line = lazySchema((z) =>
  z
    .strictObject({
      /** Text of the line as shown to the customer. */
      description: z.string().optional(),
      /** How many units: ≥ 0, fractional allowed, as a decimal string (`"2.5"`) or a finite number. */
      quantity: Quantity,
      /** Price of one unit in minor units of the document currency (integer; 1234 = 12.34 USD, 1500 = ¥1500). Exactly one of `unitAmount` and `unitAmountDecimal` is given. */
      unitAmount: MinorAmount.optional(),
      /** Unit price in minor units with more precision: "0.04" is $0.0004. */
      unitAmountDecimal: Decimal.optional(),
      /** quantity × unit price, rounded once, half away from zero. */
      amount: MinorAmount.optional(),
      /** `one_time`, `recurring` or `usage`. */
      kind: z.enum(LINE_KINDS).optional(),
      /** The product sold (Paid `productId`, ChargeOver `item_id`, Whop product). */
      product: ProductReference.optional(),
      /** Flowglad price id. */
      priceId: z.string().optional(),
      /** The service period of this line; `end` ≥ `start`. */
      period: Period.optional(),
      /** Billing cycle of a recurring line. */
      recurrence: Recurrence.optional(),
      /** Line-level tax. */
      tax: Tax.optional(),
      /** Free key/values, as on the invoice. */
      metadata: Metadata.optional(),
    })
    .superRefine((line, ctx) => {
      const units = unitPriceCount(line);
      if (units !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['unitAmount'],
          message:
            units === 0
              ? 'A line needs a unit price: unitAmount (minor units) or unitAmountDecimal (finer than a minor unit).'
              : 'Give only one of unitAmount and unitAmountDecimal.',
        });
        return;
      }
      const expected = safeLineAmount(line);
      if (expected === undefined) {
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: productOutOfRange(line) });
        return;
      }
      if (line.amount !== undefined) {
        if (expected !== line.amount) {
          ctx.addIssue({
            code: 'custom',
            path: ['amount'],
            message: `amount ${line.amount} does not equal quantity × unit price rounded half away from zero (${expected}).`,
          });
        }
      }
    }),
);

/** One invoice line: quantity × unit price, in minor units of the invoice currency. */
export type Line = z.output<typeof Line>;
/** A {@link Line} as written, before parsing. */
export type LineInput = z.input<typeof Line>;
