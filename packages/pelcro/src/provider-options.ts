/** `providerOptions.pelcro` of a canonical invoice: validated strictly, so a misspelt key is refused. */
import { issuesFromZod, type ValidationIssue } from '@billbridge/core';
import { z } from 'zod';
import type { PelcroProviderOptions } from './options';
import { Int32Id } from './wire';

export const PelcroProviderOptionsSchema = z.strictObject({
  planShipmentsPerInterval: z.int().min(0).max(2_147_483_647).optional(),
  billingAddressId: Int32Id.optional(),
  shippingAddressId: Int32Id.optional(),
});

/** Parsed options; problems are appended to `issues` with their canonical path. */
export function parseProviderOptions(value: unknown, issues: ValidationIssue[]): PelcroProviderOptions {
  if (value === undefined) return {};
  const result = PelcroProviderOptionsSchema.safeParse(value);
  if (result.success) return result.data;
  issues.push(...issuesFromZod(result.error, ['providerOptions', 'pelcro']));
  return {};
}
