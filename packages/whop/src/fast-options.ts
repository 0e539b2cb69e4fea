/**
 * Hand-written reader of `providerOptions.whop` (WhopProviderOptions, a strict object) for a plainly
 * valid value: exactly the schema's output, or undefined whenever in doubt, and then the caller parses
 * with the schema, which owns the error messages. Counting as in fast-request.ts.
 */
import { fastRead } from '@billbridge/core';
import { filledStr, keyCount } from './fast-fields';
import { WHOP_PROVIDER_OPTION_KEYS, type WhopProviderOptions } from './options';
import { TAX_IDENTIFIER_TYPES } from './wire-enums';

type Output = fastRead.Output;
const { asPlainObject, bool, instant, int, oneOf, parsed, str } = fastRead;

const TAX_ID_TYPE_SET: ReadonlySet<string> = new Set(TAX_IDENTIFIER_TYPES);

export function fastReadProviderOptions(value: unknown): WhopProviderOptions | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const anchor = instant(input.subscriptionBillingAnchorAt);
  const used =
    filledStr(input.productId) +
    filledStr(input.productTitle) +
    filledStr(input.productTaxCodeId) +
    filledStr(input.mailingAddressId) +
    oneOf(input.taxIdType, TAX_ID_TYPE_SET) +
    str(input.taxIdValue) +
    bool(input.chargeBuyerFee) +
    bool(input.saveAsDraft) +
    parsed(anchor) +
    filledStr(input.paymentTokenId) +
    int(input.trialPeriodDays, 0, Number.MAX_SAFE_INTEGER) +
    str(input.userId) +
    str(input.username) +
    str(input.planId) +
    str(input.formattedPrice);
  if (used !== keyCount(input)) return undefined;
  const out: Output = {};
  for (const key of WHOP_PROVIDER_OPTION_KEYS) {
    const given = input[key];
    if (given !== undefined) out[key] = given;
  }
  if (anchor !== undefined) out.subscriptionBillingAnchorAt = anchor;
  return out as WhopProviderOptions;
}
