import { z } from 'zod';
import { decimalToSafeInteger, roundDecimal } from '../money/decimal';
import { exactLineAmount } from '../money/totals';
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

export const Line = z
  .strictObject({
    description: z.string().optional(),
    quantity: Quantity,
    unitAmount: MinorAmount.optional(),
    /** Unit price in minor units with more precision: "0.04" is $0.0004. */
    unitAmountDecimal: Decimal.optional(),
    /** quantity × unit price, rounded once, half away from zero. */
    amount: MinorAmount.optional(),
    kind: z.enum(LINE_KINDS).optional(),
    product: ProductReference.optional(),
    priceId: z.string().optional(),
    period: Period.optional(),
    recurrence: Recurrence.optional(),
    tax: Tax.optional(),
    metadata: Metadata.optional(),
  })
  .superRefine((line, ctx) => {
    const units = Number(line.unitAmount !== undefined) + Number(line.unitAmountDecimal !== undefined);
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
    if (line.amount !== undefined) {
      const expected = decimalToSafeInteger(roundDecimal(exactLineAmount(line), 0));
      if (expected !== line.amount) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: `amount ${line.amount} does not equal quantity × unit price rounded half away from zero (${expected}).`,
        });
      }
    }
  });

export type Line = z.output<typeof Line>;
export type LineInput = z.input<typeof Line>;
