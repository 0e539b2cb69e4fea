/**
 * `providerOptions.pelcro` (PelcroProviderOptionsSchema, provider-options.ts) read by hand when it is
 * plainly valid: the schema's output, or undefined, and then the schema decides and words the errors.
 */
import { fastRead } from '@billbridge/core';
import { INT32_MAX, type PelcroProviderOptions } from './options';

/** The keys of PelcroProviderOptionsSchema. */
export const PROVIDER_OPTION_KEYS = [
  'planShipmentsPerInterval',
  'billingAddressId',
  'shippingAddressId',
] as const;

const KEYS: ReadonlySet<string> = new Set(PROVIDER_OPTION_KEYS);
const { asPlainObject, countKnownKeys, int } = fastRead;

export function fastReadProviderOptions(value: unknown): PelcroProviderOptions | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { planShipmentsPerInterval, billingAddressId, shippingAddressId } = input;
  const used =
    int(planShipmentsPerInterval, 0, INT32_MAX) +
    int(billingAddressId, 1, INT32_MAX) +
    int(shippingAddressId, 1, INT32_MAX);
  if (used !== countKnownKeys(input, KEYS)) return undefined;
  const out: PelcroProviderOptions = {};
  if (planShipmentsPerInterval !== undefined)
    out.planShipmentsPerInterval = planShipmentsPerInterval as number;
  if (billingAddressId !== undefined) out.billingAddressId = billingAddressId as number;
  if (shippingAddressId !== undefined) out.shippingAddressId = shippingAddressId as number;
  return out;
}
