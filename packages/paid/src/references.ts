/**
 * Paid needs its own ids for the customer and for every line's product. A document may carry them
 * directly (`customer.id`, `product.id`) or through the id maps / resolvers of PaidOptions.
 */
import { MissingRequiredFieldError, type ProductReference, type WarningCollector } from '@billbridge/core';
import { type PaidOptions, PROVIDER } from './options';

type CustomerLike = { id?: string; externalId?: string; email?: string; name?: string; phone?: string };

function lookup(
  map: Readonly<Record<string, string>> | undefined,
  key: string | undefined,
): string | undefined {
  if (!map || key === undefined || !Object.hasOwn(map, key)) return undefined;
  return map[key];
}

/** Paid product id for one order line; throws naming the line and the option when none can be found. */
export function resolveProductId(
  product: ProductReference,
  path: string,
  options: PaidOptions,
  w: WarningCollector,
): string {
  if (product.id) {
    for (const key of ['externalId', 'name'] as const) {
      if (product[key] !== undefined) {
        w.unsupported(
          `${path}.${key}`,
          `A Paid order line references its product by id only; product.${key} is not sent.`,
        );
      }
    }
    return product.id;
  }
  const found =
    lookup(options.productIds, product.externalId) ??
    lookup(options.productIds, product.name) ??
    options.resolveProductId?.(product, path);
  if (found) return found;
  const known = product.externalId ?? product.name;
  throw new MissingRequiredFieldError(
    PROVIDER,
    `${path}.id`,
    `Paid requires a productId on every order line, and this line has ${known ? `no Paid id for product "${known}"` : 'no product reference'}. Map product externalId or name to a Paid product id (or pass a resolveProductId function).`,
    'productIds',
  );
}

/** Paid customer id for `customer` / `billingCustomer`; throws naming the path and the option. */
export function resolveCustomerId(
  customer: CustomerLike,
  path: string,
  options: PaidOptions,
  w: WarningCollector,
): string {
  let via: 'externalId' | 'email' | undefined;
  let id = customer.id;
  if (!id) {
    id = lookup(options.customerIds, customer.externalId);
    if (id) via = 'externalId';
    else {
      id = lookup(options.customerIds, customer.email);
      if (id) via = 'email';
      else id = options.resolveCustomerId?.(customer, path);
    }
  }
  if (!id) {
    throw new MissingRequiredFieldError(
      PROVIDER,
      `${path}.id`,
      'Paid requires a customer id (customerId) on every order. Map the customer externalId or email to a Paid customer id (or pass a resolveCustomerId function).',
      'customerIds',
    );
  }
  for (const key of ['externalId', 'email', 'name', 'phone'] as const) {
    if (customer[key] !== undefined && key !== via) {
      w.unsupported(`${path}.${key}`, `A Paid order references its customer by id only; ${key} is not sent.`);
    }
  }
  return id;
}
