import { z } from 'zod';
import { CountryCode } from './primitives';

export const Address = z.strictObject({
  name: z.string().optional(),
  line1: z.string().optional(),
  line2: z.string().optional(),
  line3: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: CountryCode.optional(),
});

/** A customer must be identifiable: at least one of id, externalId or email. */
export function isIdentifiedCustomer(c: { id?: unknown; externalId?: unknown; email?: unknown }): boolean {
  return c.id !== undefined || c.externalId !== undefined || c.email !== undefined;
}

export const Customer = z
  .strictObject({
    /** The target provider's customer id. */
    id: z.string().optional(),
    /** The customer's id in another system. */
    externalId: z.string().optional(),
    email: z.string().optional(),
    name: z.string().optional(),
    phone: z.string().optional(),
    billingAddress: Address.optional(),
    shippingAddress: Address.optional(),
  })
  .refine(isIdentifiedCustomer, {
    message: 'A customer needs at least one of id, externalId or email.',
  });

export type Address = z.output<typeof Address>;
export type Customer = z.output<typeof Customer>;
