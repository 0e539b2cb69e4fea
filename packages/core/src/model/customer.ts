import type { z } from 'zod';
import { lazySchema } from '../schema/lazy';
import { CountryCode } from './primitives';

export const Address = lazySchema((z) =>
  z.strictObject({
    /** Addressee. */
    name: z.string().optional(),
    /** First street line. */
    line1: z.string().optional(),
    /** Second street line. */
    line2: z.string().optional(),
    /** Third street line. */
    line3: z.string().optional(),
    /** City or locality. */
    city: z.string().optional(),
    /** State, province or region. */
    state: z.string().optional(),
    /** Postal or ZIP code. */
    postalCode: z.string().optional(),
    /** ISO 3166-1 alpha-2 code in upper case, e.g. `US`. */
    country: CountryCode.optional(),
  }),
);

/** A customer must be identifiable: at least one of id, externalId or email. */
export function isIdentifiedCustomer(c: { id?: unknown; externalId?: unknown; email?: unknown }): boolean {
  return c.id !== undefined || c.externalId !== undefined || c.email !== undefined;
}

export const Customer = lazySchema((z) =>
  z
    .strictObject({
      /** The target provider's customer id. */
      id: z.string().optional(),
      /** The customer's id in another system. */
      externalId: z.string().optional(),
      /** E-mail address; also identifies the customer on providers that look customers up by e-mail. */
      email: z.string().optional(),
      /** Full name or company name. */
      name: z.string().optional(),
      /** Phone number, as written. */
      phone: z.string().optional(),
      /** Where invoices are addressed. */
      billingAddress: Address.optional(),
      /** Where goods are delivered. */
      shippingAddress: Address.optional(),
    })
    .refine(isIdentifiedCustomer, {
      message: 'A customer needs at least one of id, externalId or email.',
    }),
);

/** A postal address (every field optional). */
export type Address = z.output<typeof Address>;
/** Who a document is for: identified by at least one of `id`, `externalId` or `email`. */
export type Customer = z.output<typeof Customer>;
