/**
 * The order amount this package expects Paid to compute for a create request. Paid does not document its
 * rule (CONTRACT.md U1, U2): the reading here is Σ round(quantity × unitPrice) per line attribute, each
 * rounded half away from zero to a whole minor unit, a missing quantity counting as 1; under the
 * `'all-terms'` reading of `totalAmount`, every charge but a one-time one repeats for each of the order's
 * `subscriptionTerms`. Used to verify a create and to compare candidates; the fake computes its own.
 */
import {
  addDecimal,
  decimalToSafeInteger,
  type ExactDecimal,
  multiplyDecimal,
  roundDecimal,
  toDecimal,
} from '@billbridge/core';
import { PAID_AMOUNTS } from './amounts';
import { PROVIDER, type TotalAmountCovers } from './options';
import type { PaidCreateOrderRequest } from './wire';

/**
 * `totalAmount` expected for `request`, in minor units; undefined when it cannot be known from the request
 * (a tiered price, whose amount depends on Paid's tier arithmetic, or no currency to read prices in).
 */
export function expectedTotalAmount(
  request: PaidCreateOrderRequest,
  covers: TotalAmountCovers,
): number | undefined {
  const currency = request.currency;
  if (currency === undefined) return undefined;
  const terms = BigInt(covers === 'all-terms' ? Math.max(1, request.subscriptionTerms ?? 1) : 1);
  let sum: ExactDecimal = { coefficient: 0n, scale: 0 };
  for (const [i, line] of (request.lines ?? []).entries()) {
    for (const [j, attribute] of (line.attributes ?? []).entries()) {
      const points = attribute.pricing.pricePoints;
      if (points.tiers?.length) return undefined;
      const unit = PAID_AMOUNTS.fromProvider(points.unitPrice, currency, {
        provider: PROVIDER,
        path: `lines[${i}].attributes[${j}].pricing.pricePoints.unitPrice`,
        whole: false,
      });
      const amount = roundDecimal(multiplyDecimal(toDecimal(attribute.quantity ?? 1), toDecimal(unit)), 0);
      const times = attribute.pricing.chargeType === 'oneTime' ? 1n : terms;
      sum = addDecimal(sum, { coefficient: amount.coefficient * times, scale: amount.scale });
    }
  }
  return decimalToSafeInteger(sum);
}
