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
  isCurrencyCode,
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
  return wholeTotal(request, currency, covers) ?? exactTotalAmount(request, currency, covers);
}

/**
 * The same sum when every quantity and unit price is a safe integer and every product and partial sum
 * stays one: integer arithmetic on doubles is then exact, and rounding has nothing to do. Undefined for
 * anything else (fractions, tiers, an unsafe step), which the exact path decides (and refuses alike).
 * test/fast-paths.property.test.ts holds the two equal.
 */
function wholeTotal(
  request: PaidCreateOrderRequest,
  currency: string,
  covers: TotalAmountCovers,
): number | undefined {
  const terms = covers === 'all-terms' ? Math.max(1, request.subscriptionTerms ?? 1) : 1;
  if (!Number.isSafeInteger(terms)) return undefined;
  // An unknown currency is the exact path's to refuse (or not, when nothing is priced).
  if (!isCurrencyCode(currency)) return undefined;
  let sum = 0;
  const lines = request.lines ?? [];
  for (let i = 0; i < lines.length; i++) {
    const attributes = (lines[i] as NonNullable<PaidCreateOrderRequest['lines']>[number]).attributes ?? [];
    for (let j = 0; j < attributes.length; j++) {
      const attribute = attributes[j] as NonNullable<typeof attributes>[number];
      const points = attribute.pricing.pricePoints;
      if (points.tiers?.length) return undefined;
      const quantity = attribute.quantity ?? 1;
      const unit = points.unitPrice;
      if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unit)) return undefined;
      const times = attribute.pricing.chargeType === 'oneTime' ? 1 : terms;
      const amount = quantity * unit * times;
      if (!Number.isSafeInteger(quantity * unit) || !Number.isSafeInteger(amount)) return undefined;
      sum += amount;
      if (!Number.isSafeInteger(sum)) return undefined;
    }
  }
  return sum + 0;
}

/** Σ round(quantity × unitPrice) in exact decimals, every price read through the convention (exported for the test that holds the whole-number path to it). */
export function exactTotalAmount(
  request: PaidCreateOrderRequest,
  currency: string,
  covers: TotalAmountCovers,
): number | undefined {
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
