/** `providerOptions.pelcro` of a canonical invoice: validated strictly, so a misspelt key is refused. */
import { issuesFromZod, lazySchema, type ValidationIssue } from '@billbridge/core';
import { fastReadProviderOptions } from './fast-options';
import { INT32_MAX, type PelcroProviderOptions } from './options';
import { Int32Id } from './wire';

export const PelcroProviderOptionsSchema = lazySchema((z) =>
  z.strictObject({
    planShipmentsPerInterval: z.int().min(0).max(INT32_MAX).optional(),
    billingAddressId: Int32Id.optional(),
    shippingAddressId: Int32Id.optional(),
  }),
);

/** No options given: one shared, frozen answer (callers only read it). */
const NONE: PelcroProviderOptions = Object.freeze({});

/** Parsed options; problems are appended to `issues` with their canonical path. */
export function parseProviderOptions(value: unknown, issues: ValidationIssue[]): PelcroProviderOptions {
  if (value === undefined) return NONE;
  const fast = fastReadProviderOptions(value);
  if (fast !== undefined) return fast;
  const result = PelcroProviderOptionsSchema.safeParse(value);
  if (result.success) return result.data;
  issues.push(...issuesFromZod(result.error, ['providerOptions', 'pelcro']));
  return NONE;
}
